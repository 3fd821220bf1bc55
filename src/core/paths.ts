import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CandorError } from './errors.js';

let root: string | undefined;

/** The folder holding Candor's package.json, found from this file (works from src/ and dist/). */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
      if (name === 'candor') return (root = dir);
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the candor package root');
    dir = parent;
  }
}

/**
 * A worker thread's compiled entry, `dist/<relative>` under the package root, as a URL: where it
 * lies when Candor runs from dist/, and the built copy under Vitest, which runs the TypeScript
 * sources (`npm test` builds first).
 * @throws CandorError ASSET_MISSING when it is not built
 * @example new Worker(compiledEntryUrl('server/worker/thread-entry.js'))
 */
export function compiledEntryUrl(relative: string): URL {
  const file = path.join(packageRoot(), 'dist', relative);
  if (!existsSync(file)) {
    throw new CandorError('ASSET_MISSING', `${file} is missing: run \`npm run build\``, { file });
  }
  return pathToFileURL(file);
}

let version: string | undefined;

/** Candor's version from package.json (read once); recorded in every scorecard. */
export function engineVersion(): string {
  if (version !== undefined) return version;
  const manifest = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {
    version: string;
  };
  return (version = manifest.version);
}

/** Mode of the data folder: only the owner may list or enter it. */
export const PRIVATE_DIR_MODE = 0o700;
/** Mode of files holding secrets or the database (password and token hashes): owner read/write. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates `dir` (and missing parents) readable by its owner only, and tightens an existing one
 * to 0700: the data folder holds the database, the cookie secret and uploaded recordings.
 * A folder owned by someone else (a shared mount) is left as it is.
 *
 * @example ensurePrivateDir(config.dataDir)
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(dir, PRIVATE_DIR_MODE);
}

/**
 * Creates `file` empty with mode 0600 if it is missing, and tightens an existing one to 0600.
 * SQLite creates its `-wal` and `-shm` files with the database file's mode, so creating the
 * database this way keeps those private too (https://www.sqlite.org/tempfiles.html).
 *
 * @example ensurePrivateFile(path.join(dataDir, 'candor.db'))
 */
export function ensurePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  tighten(file, PRIVATE_FILE_MODE);
}

/** chmod when group or others have any permission; a file we do not own is left alone. */
function tighten(target: string, mode: number): void {
  const stat = statSync(target);
  if ((stat.mode & 0o077) === 0) return;
  try {
    chmodSync(target, mode);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EPERM') throw error;
  }
}
