import { readFile, stat } from 'node:fs/promises';
import { CandorError } from '../core/index.js';
import type { Transcript } from '../domain/index.js';
import { parseTranscript } from './detect.js';

/** Size limit when the caller gives none; Candor's own readers pass CANDOR_TRANSCRIPT_LIMIT_KB (docs/limits.md). */
export const DEFAULT_MAX_TRANSCRIPT_BYTES = 20 * 1024 * 1024;

export interface ReadTranscriptOptions {
  /** Largest file accepted, in bytes; default 20 MiB. */
  readonly maxBytes?: number;
}

/**
 * Reads and parses a transcript file, choosing the parser by extension and content.
 *
 * @throws CandorError FILE_UNREADABLE (missing, a folder, no permission), FILE_TOO_LARGE (over
 *   `maxBytes`; details carry `size` and `limit`), TRANSCRIPT_INVALID (empty, binary, malformed
 *   with its line, or no spoken text).
 * @example const transcript = await readTranscriptFile('interviews/jane.vtt')
 */
export async function readTranscriptFile(
  file: string,
  options: ReadTranscriptOptions = {},
): Promise<Transcript> {
  const limit = options.maxBytes ?? DEFAULT_MAX_TRANSCRIPT_BYTES;
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) {
      throw new CandorError('FILE_UNREADABLE', `cannot read ${file}: it is a folder, not a transcript file`, {
        file,
      });
    }
    size = info.size;
  } catch (error) {
    throw unreadable(file, error);
  }
  if (size > limit) throw tooLarge(file, size, limit);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw unreadable(file, error);
  }
  // The file may have grown between stat and read.
  if (bytes.length > limit) throw tooLarge(file, bytes.length, limit);
  return parseTranscript(bytes, { file });
}

function unreadable(file: string, error: unknown): CandorError {
  if (error instanceof CandorError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : error instanceof Error
          ? error.message
          : String(error);
  return new CandorError(
    'FILE_UNREADABLE',
    `cannot read ${file}: ${reason}`,
    { file, ...(code ? { reason: code } : {}) },
    { cause: error },
  );
}

function tooLarge(file: string, size: number, limit: number): CandorError {
  return new CandorError(
    'FILE_TOO_LARGE',
    `${file} is ${formatBytes(size)}, larger than the ${formatBytes(limit)} limit for a transcript`,
    { file, size, limit },
  );
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${bytes} bytes`;
}
