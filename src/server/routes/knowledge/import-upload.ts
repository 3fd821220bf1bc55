/**
 * Receives a bulk import's files from a multipart/form-data request: every file part is written
 * under one folder at its relative path (a browser sends a folder's files as `calls/acme.vtt`),
 * the text fields are collected. A file over the transcript limit is not kept and is reported
 * failed on its own; the whole upload over its total limit is a 413 naming the file that crossed it.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { CandorError, isCandorError } from '../../../core/index.js';
import type { FileImportResult } from '../../../knowledge/import/index.js';

/** The form field that carries the files (repeated, one part per file). */
export const FILES_FIELD = 'files';

export interface ImportUploadLimits {
  /** Largest file kept, in bytes (CANDOR_TRANSCRIPT_LIMIT_KB). */
  readonly fileBytes: number;
  /** Largest upload, all files together, in bytes (CANDOR_UPLOAD_LIMIT_MB). */
  readonly totalBytes: number;
  /** Most files in one upload. */
  readonly files: number;
}

export interface ReceivedImport {
  readonly fields: Readonly<Record<string, string>>;
  /** Files kept under the folder. */
  readonly kept: number;
  /** Files refused while receiving (too large), reported failed with the import's results. */
  readonly refused: readonly FileImportResult[];
}

const kb = (bytes: number) => Math.floor(bytes / 1024);

/**
 * The relative path a form file name stands for, safe to join under the import folder:
 * `calls/acme.vtt` stays, `../x`, `/etc/x`, `C:\x` and control characters do not get out.
 * Returns null when nothing is left.
 * @example safeRelativePath('calls/../../etc/passwd') // 'calls/etc/passwd'
 */
export function safeRelativePath(name: string | undefined): string | null {
  const parts = (name ?? '')
    .split(/[\\/]+/)
    .map((p) =>
      [...p]
        .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
        .join('')
        .trim()
        .slice(0, 255),
    )
    .filter((p) => p !== '' && p !== '.' && p !== '..' && !/^[a-z]:$/i.test(p));
  return parts.length === 0 ? null : parts.join('/');
}

function refusal(file: string, limit: number): FileImportResult {
  return {
    file,
    status: 'failed',
    interviewId: null,
    segments: 0,
    error: `${file} is larger than the ${kb(limit)} KiB limit for a transcript (CANDOR_TRANSCRIPT_LIMIT_KB)`,
    code: 'FILE_TOO_LARGE',
    sha256: null,
  };
}

function badForm(message: string, field = FILES_FIELD): CandorError {
  return new CandorError('VALIDATION_FAILED', `body: ${message}`, { in: 'body', field });
}

/**
 * Reads the whole form into `dir` (created). On any error the folder is removed before the error
 * leaves.
 * @throws CandorError VALIDATION_FAILED (not multipart, no file, too many files, a file in another
 *   field, cut off), FILE_TOO_LARGE (413) when all files together pass `limits.totalBytes`.
 * @example const { fields, refused } = await receiveImportUpload(request, dir, limits)
 */
export async function receiveImportUpload(
  request: FastifyRequest,
  dir: string,
  limits: ImportUploadLimits,
): Promise<ReceivedImport> {
  if (!request.isMultipart()) {
    throw badForm('send the files as multipart/form-data, one part per file in field "files"', '');
  }
  const fields: Record<string, string> = {};
  const refused: FileImportResult[] = [];
  const taken = new Set<string>();
  let kept = 0;
  let seen = 0;
  let total = 0;
  let output: WriteStream | undefined;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  try {
    const parts = request.parts({
      preservePath: true,
      limits: { fileSize: limits.fileBytes, files: limits.files + 1, fields: 20, fieldSize: 1024 },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.valueTruncated) throw badForm(`field "${part.fieldname}" is too long`, part.fieldname);
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== FILES_FIELD) {
        part.file.resume();
        throw badForm(`files go in field "${FILES_FIELD}", not "${part.fieldname}"`);
      }
      seen += 1;
      const name = uniqueName(safeRelativePath(part.filename) ?? `file-${seen}`, taken);
      if (seen > limits.files) {
        part.file.resume();
        throw badForm(`too many files: at most ${limits.files} per import (${name} is number ${seen})`);
      }
      const target = path.join(dir, ...name.split('/'));
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      output = createWriteStream(target, { flags: 'wx', mode: 0o600 });
      let bytes = 0;
      part.file.on('data', (chunk: Buffer) => (bytes += chunk.length));
      await pipeline(part.file, output);
      output = undefined;
      total += bytes;
      if (total > limits.totalBytes) {
        throw new CandorError(
          'FILE_TOO_LARGE',
          `the upload passed the ${Math.round(limits.totalBytes / (1024 * 1024))} MB limit for all files together at ${name} (CANDOR_UPLOAD_LIMIT_MB): import fewer files at a time`,
          { file: name, field: FILES_FIELD, limit: limits.totalBytes },
        );
      }
      if (part.file.truncated) {
        await rm(target, { force: true });
        refused.push(refusal(name, limits.fileBytes));
      } else {
        kept += 1;
      }
    }
  } catch (error) {
    if (output !== undefined && !output.closed) await once(output, 'close').catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw formError(error);
  }
  if (seen === 0) {
    await rm(dir, { recursive: true, force: true });
    throw badForm(`no files: send the transcripts in field "${FILES_FIELD}"`);
  }
  return { fields, kept, refused };
}

/** `a.vtt`, then `a (2).vtt` for a second file of the same name. */
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  const ext = path.extname(name);
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    candidate = `${name.slice(0, name.length - ext.length)} (${n})${ext}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

function formError(error: unknown): unknown {
  if (isCandorError(error)) return error;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_FILES_LIMIT') {
    return badForm(`too many form parts (${message})`);
  }
  if (code === 'FST_MP_PREMATURE_CLOSE' || /terminated early|unexpected end/i.test(message)) {
    return badForm('the upload ended before the last file was complete');
  }
  return error;
}
