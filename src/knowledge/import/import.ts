/**
 * Bulk import of transcripts (issue 16): many files or folders become one interview each, with
 * its transcript segments, stored one file at a time so a broken file stores nothing and the
 * others go through.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CandorError, newId, toCandorError } from '../../core/index.js';
import { checkInterviewMetadata, type InterviewMetadata, type Transcript } from '../../domain/index.js';
import { identifyForeignFile, refuseForeignFile } from '../../ingest/file-kind.js';
import { DEFAULT_MAX_TRANSCRIPT_BYTES, parseTranscript } from '../../ingest/index.js';
import type { InterviewRecord, Store } from '../../store/index.js';
import { hasTranscriptExtension, listImportFiles, TRANSCRIPT_EXTENSIONS, type ImportFile } from './files.js';
import { readSidecar, type ConversationKind, type FileMetadata } from './sidecar.js';

export type ImportStatus = 'imported' | 'failed' | 'skipped-duplicate';

export interface FileImportResult {
  /** The file as the import named it (see `ImportFile.name`). */
  readonly file: string;
  readonly status: ImportStatus;
  /** The interview stored, or for a duplicate the interview stored before from the same content. */
  readonly interviewId: string | null;
  /** Transcript segments stored (0 unless imported). */
  readonly segments: number;
  /** Why it failed, naming the file and the problem; null otherwise. */
  readonly error: string | null;
  /** The error code (TRANSCRIPT_INVALID, FILE_TOO_LARGE, …) when it failed. */
  readonly code: string | null;
  /** sha256 of the file's bytes, when it could be read. */
  readonly sha256: string | null;
  /** Knowledge tags found in it (topics, questions, sentiment…); null when not tagged. */
  readonly tags?: number | null;
  /** Imported, but something after went wrong (the tagging), in words; the file is not failed. */
  readonly warning?: string | null;
}

export interface ImportSummary {
  readonly files: FileImportResult[];
  readonly imported: number;
  readonly failed: number;
  readonly skipped: number;
}

export interface ImportProgress {
  /** Files finished so far, this one included. */
  readonly done: number;
  readonly total: number;
  readonly result: FileImportResult;
}

export interface ImportOptions {
  readonly workspaceId: string;
  /** Files and folders (walked recursively, sorted; hidden files and `*.meta.json` left out). */
  readonly paths: readonly string[];
  /** The kind of every interview, unless its sidecar says otherwise. */
  readonly kind: ConversationKind;
  /** Metadata for every interview; a file's sidecar overrides it key by key. */
  readonly metadata?: InterviewMetadata;
  /** Largest file accepted, in bytes (default 20 MiB; the CLI passes CANDOR_TRANSCRIPT_LIMIT_KB). */
  readonly maxBytes?: number;
  /** Called after each file, in order. */
  readonly onProgress?: (progress: ImportProgress) => void;
  /**
   * Keeps the file's text where the server keeps an uploaded transcript (the CLI passes
   * `writeTranscriptText` of src/pipeline), after its interview is stored; if it throws, the
   * interview is deleted again and the file reported failed.
   */
  readonly keepSource?: (interview: InterviewRecord, text: string) => Promise<void>;
  /**
   * Tags each interview once stored (the CLI and the server pass `tagStoredInterview` of
   * src/pipeline) and returns how many tags it found. If it throws, the interview stays imported
   * and the file's result carries a warning: `candor tag` can tag it again.
   */
  readonly tag?: (interview: InterviewRecord) => Promise<number>;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** `name: message`, unless the message already starts with the file's name. */
function naming(file: string, message: string): string {
  const base = path.basename(file);
  return message.startsWith(file) || message.startsWith(base) ? message : `${file}: ${message}`;
}

/**
 * Imports every transcript of `paths` as one interview each (kind and metadata from the options,
 * overridden by a file's sidecar), each file in ONE transaction: the interview and all its
 * segments, or nothing. A file whose content (sha256) the workspace already imported is skipped as
 * a duplicate. Files that fail (unknown format, empty, malformed, too large, a bad sidecar) are
 * reported with the error; the others go through.
 * @throws CandorError FILE_UNREADABLE when a path given does not exist (nothing is imported);
 *   VALIDATION_FAILED naming the field when the default metadata is wrong.
 * @example const summary = await importTranscripts(store, { workspaceId, paths: ['calls/'], kind: 'customer', metadata: { segment: 'SMB' } })
 */
export async function importTranscripts(store: Store, options: ImportOptions): Promise<ImportSummary> {
  const defaults = checkInterviewMetadata(options.metadata ?? {});
  const files = await listImportFiles(options.paths);
  const results: FileImportResult[] = [];
  for (const file of files) {
    const result = await importOne(store, options, defaults, file);
    results.push(result);
    options.onProgress?.({ done: results.length, total: files.length, result });
  }
  const count = (status: ImportStatus) => results.filter((r) => r.status === status).length;
  return {
    files: results,
    imported: count('imported'),
    failed: count('failed'),
    skipped: count('skipped-duplicate'),
  };
}

async function importOne(
  store: Store,
  options: ImportOptions,
  defaults: InterviewMetadata,
  file: ImportFile,
): Promise<FileImportResult> {
  let hash: string | null = null;
  const failed = (error: unknown): FileImportResult => {
    const e = toCandorError(error);
    return {
      file: file.name,
      status: 'failed',
      interviewId: null,
      segments: 0,
      error: naming(file.name, e.message),
      code: e.code,
      sha256: hash,
    };
  };
  try {
    const bytes = await readBytes(file, options.maxBytes ?? DEFAULT_MAX_TRANSCRIPT_BYTES);
    hash = sha256(bytes);
    const transcript = parseFile(file, bytes);
    const { metadata } = await readSidecar(file.path);
    const duplicate = await store.interviews.findByContent(options.workspaceId, hash);
    if (duplicate !== null) {
      return {
        file: file.name,
        status: 'skipped-duplicate',
        interviewId: duplicate.id,
        segments: 0,
        error: null,
        code: null,
        sha256: hash,
      };
    }
    const interview = await store.interviews.createWithTranscript(
      newInterview(options, defaults, metadata, file, transcript, hash),
      transcript.segments,
    );
    if (options.keepSource !== undefined) {
      try {
        await options.keepSource(interview, Buffer.from(bytes).toString('utf8'));
      } catch (error) {
        await store.interviews.delete(interview.id);
        throw error;
      }
    }
    let tags: number | null = null;
    let warning: string | null = null;
    if (options.tag !== undefined) {
      try {
        tags = await options.tag(interview);
      } catch (error) {
        warning = `${file.name}: imported, but not tagged (${error instanceof Error ? error.message : String(error)}); run candor tag --interview ${interview.id}`;
      }
    }
    return {
      file: file.name,
      status: 'imported',
      interviewId: interview.id,
      segments: transcript.segments.length,
      error: null,
      code: null,
      sha256: hash,
      tags,
      warning,
    };
  } catch (error) {
    return failed(error);
  }
}

function newInterview(
  options: ImportOptions,
  defaults: InterviewMetadata,
  sidecar: FileMetadata,
  file: ImportFile,
  transcript: Transcript,
  hash: string,
) {
  const { kind, title, ...metadata } = sidecar;
  return {
    id: newId('intv'),
    workspaceId: options.workspaceId,
    kind: kind ?? options.kind,
    title: title ?? transcript.meta?.title ?? path.basename(file.path, path.extname(file.path)),
    sourceFile: path.basename(file.path),
    format: transcript.format,
    contentSha256: hash,
    ...defaults,
    ...metadata,
  };
}

async function readBytes(file: ImportFile, limit: number): Promise<Buffer> {
  const info = await stat(file.path);
  if (info.size > limit) {
    throw new CandorError(
      'FILE_TOO_LARGE',
      `${file.name} is ${Math.ceil(info.size / 1024)} KiB, larger than the ${Math.floor(limit / 1024)} KiB limit for a transcript`,
      { file: file.name, size: info.size, limit },
    );
  }
  return readFile(file.path);
}

/** Parses a file in a transcript format; a file in any other format is refused saying what it is. */
function parseFile(file: ImportFile, bytes: Buffer): Transcript {
  if (!hasTranscriptExtension(file.path)) {
    const foreign = identifyForeignFile(bytes, file.path);
    if (foreign !== null) throw refuseForeignFile(file.name, foreign, 'TRANSCRIPT_INVALID');
    const extension = path.extname(file.path) || 'no extension';
    throw new CandorError(
      'TRANSCRIPT_INVALID',
      `${file.name}: unknown format (${extension}): Candor imports transcripts named ${TRANSCRIPT_EXTENSIONS.join(', ')}`,
      { file: file.name, fileType: 'unknown' },
    );
  }
  return parseTranscript(bytes, { file: file.name });
}
