/** Which files a bulk import reads: folders walked in order, hidden files and metadata left out. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CandorError } from '../../core/index.js';

/** Extensions of the transcript formats Candor reads (docs/transcript-format.md). */
export const TRANSCRIPT_EXTENSIONS = [
  '.vtt',
  '.webvtt',
  '.srt',
  '.json',
  '.txt',
  '.text',
  '.md',
  '.markdown',
  '.csv',
  '.tsv',
] as const;

/** A per-file metadata sidecar: `call.vtt.meta.json` or `call.meta.json` beside `call.vtt`. */
export const SIDECAR_SUFFIX = '.meta.json';

export interface ImportFile {
  /** The path to read. */
  readonly path: string;
  /** How results name it: the path as given, or the folder as given joined with the path inside it. */
  readonly name: string;
}

const hidden = (name: string) => name.startsWith('.');
const isSidecar = (name: string) => name.toLowerCase().endsWith(SIDECAR_SUFFIX);
/** Code-unit order, the same on every machine and locale. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The files of an import, in order: each file argument as given, each folder walked recursively
 * with its entries sorted by name. Hidden files and folders (`.name`) and metadata sidecars
 * (`*.meta.json`) are left out of folders; a file named directly is always taken (a sidecar
 * named directly is left out too). Files in an unknown format are kept, so the import can say so.
 * @throws CandorError FILE_UNREADABLE naming a path that does not exist or cannot be read.
 * @example await listImportFiles(['calls/']) // [{ path: 'calls/acme.vtt', name: 'calls/acme.vtt' }, …]
 */
export async function listImportFiles(paths: readonly string[]): Promise<ImportFile[]> {
  const files: ImportFile[] = [];
  const seen = new Set<string>();
  const add = (file: string, name: string) => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push({ path: file, name });
  };
  const walk = async (dir: string, name: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries.map((e) => e).sort((a, b) => byName(a.name, b.name))) {
      if (hidden(entry.name)) continue;
      const full = path.join(dir, entry.name);
      const shown = path.join(name, entry.name);
      if (entry.isDirectory()) await walk(full, shown);
      else if (entry.isFile() && !isSidecar(entry.name)) add(full, shown);
    }
  };
  for (const given of paths) {
    let info;
    try {
      info = await stat(given);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file or folder' : (error as Error).message;
      throw new CandorError(
        'FILE_UNREADABLE',
        `cannot read ${given}: ${reason}`,
        { file: given },
        { cause: error },
      );
    }
    if (info.isDirectory()) await walk(given, given);
    else if (!isSidecar(given)) add(given, given);
  }
  return files;
}

/** True when the file's extension is one of a transcript format. */
export function hasTranscriptExtension(file: string): boolean {
  return (TRANSCRIPT_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}
