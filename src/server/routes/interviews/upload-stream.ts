/**
 * Receives one recording from a multipart/form-data request: fields first, then the file part,
 * streamed to a temporary file in the media folder while it is hashed and its first bytes are
 * sniffed. On any failure the temporary file is deleted before the error leaves.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest, onSendHookHandler } from 'fastify';
import { CandorError, isCandorError } from '../../../core/index.js';
import { identifyForeignFile, refuseForeignFile, wrongUpload } from '../../../ingest/file-kind.js';
import { SNIFF_BYTES, sniffMediaType, type MediaType } from '../../../ingest/media/index.js';
import { incomingFile, removeFile } from '../../../pipeline/index.js';

/** The name of the form field that carries the recording. */
export const FILE_FIELD = 'file';

export interface ReceivedFile {
  /** The temporary file holding the bytes; the caller moves it into place or calls `discard`. */
  readonly temp: string;
  readonly fileName: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly type: MediaType;
  discard(): Promise<void>;
}

export interface ReceiveOptions<T> {
  readonly mediaDir: string;
  /** Checks the fields sent before the file (throwing a 400 stops the upload before any byte is kept). */
  readonly prepare: (fields: Readonly<Record<string, string>>) => Promise<T>;
}

/** Hashes and counts what passes through, and fails as soon as the first bytes are not media. */
class MediaInspector extends Transform {
  bytes = 0;
  type: MediaType | null = null;
  private readonly hash = createHash('sha256');
  private head = Buffer.alloc(0);

  constructor(private readonly fileName: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    this.hash.update(chunk);
    if (this.type === null && this.head.length < SNIFF_BYTES) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, SNIFF_BYTES - this.head.length)]);
      if (this.head.length >= SNIFF_BYTES) {
        const error = this.decide();
        if (error) return callback(error);
      }
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    callback(this.type === null ? this.decide() : null);
  }

  digest(): string {
    return this.hash.digest('hex');
  }

  private decide(): CandorError | null {
    if (this.bytes === 0) return unreadable(this.fileName, 'the file is empty');
    this.type = sniffMediaType(this.head);
    return this.type === null ? notARecording(this.fileName, this.head) : null;
  }
}

/**
 * Why a file is not a recording, from its first bytes: a named type (a PDF, an image, an
 * archive), a transcript (text) that belongs in the transcript upload, or binary data.
 */
function notARecording(fileName: string, head: Buffer): CandorError {
  const kind = identifyForeignFile(head, fileName);
  if (kind !== null) return refuseForeignFile(fileName, kind, 'MEDIA_UNREADABLE');
  const text = new TextDecoder().decode(head);
  const binary = identifyForeignFile(text, fileName);
  if (binary !== null) return refuseForeignFile(fileName, binary, 'MEDIA_UNREADABLE');
  return wrongUpload(fileName, 'text (a transcript?)', 'recording', 'MEDIA_UNREADABLE', 'text');
}

function unreadable(file: string, reason: string): CandorError {
  return new CandorError('MEDIA_UNREADABLE', `${file}: ${reason}`, { file });
}

/** Turns the multipart parser's errors into Candor's: 413 for the size limit, 400 for a cut-off upload. */
function uploadError(error: unknown, limitBytes: number): unknown {
  if (isCandorError(error)) return error;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(limitBytes);
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_FILES_LIMIT') {
    return new CandorError('VALIDATION_FAILED', `body: too many form fields (${message})`, {
      in: 'body',
      field: '',
    });
  }
  if (code === 'FST_MP_PREMATURE_CLOSE' || /terminated early|unexpected end/i.test(message)) {
    return new CandorError('VALIDATION_FAILED', 'body: the upload ended before the file was complete', {
      in: 'body',
      field: FILE_FIELD,
    });
  }
  return error;
}

function tooLarge(limitBytes: number): CandorError {
  const mb = Math.round((limitBytes / (1024 * 1024)) * 10) / 10;
  return new CandorError(
    'FILE_TOO_LARGE',
    `the recording is larger than the ${mb} MB upload limit (CANDOR_UPLOAD_LIMIT_MB)`,
    {
      field: FILE_FIELD,
      limit: limitBytes,
    },
  );
}

/** A form file name, shown but never used as a path. */
function cleanName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 255);
  return clean === '' ? 'recording' : clean;
}

/**
 * Reads the form: the fields before the file go to `prepare`, the file is streamed to a temporary
 * file (limit `limits.fileSize` of the multipart plugin), hashed and sniffed.
 *
 * @throws CandorError VALIDATION_FAILED (not multipart, no file, fields after the file, a second
 *   file, cut off), FILE_TOO_LARGE, MEDIA_UNREADABLE (empty, or not audio/video by its first bytes)
 * @example const { prepared, file } = await receiveMediaUpload(request, { mediaDir, prepare })
 */
export async function receiveMediaUpload<T>(
  request: FastifyRequest,
  limitBytes: number,
  options: ReceiveOptions<T>,
): Promise<{ prepared: T; file: ReceivedFile }> {
  if (!request.isMultipart()) {
    throw new CandorError('VALIDATION_FAILED', 'body: send the recording as multipart/form-data', {
      in: 'body',
      field: '',
    });
  }
  const fields: Record<string, string> = {};
  let received: { prepared: T; file: ReceivedFile } | undefined;
  let temp: string | undefined;
  let output: WriteStream | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (received !== undefined)
          throw misplaced(`field "${part.fieldname}" came after the file; send fields first`);
        if (part.valueTruncated) throw misplaced(`field "${part.fieldname}" is too long`);
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== FILE_FIELD || received !== undefined) {
        part.file.resume();
        throw misplaced(
          received === undefined ? `the file goes in field "${FILE_FIELD}"` : 'send one file per upload',
        );
      }
      const prepared = await options.prepare(fields);
      const fileName = cleanName(part.filename);
      temp = await incomingFile(options.mediaDir);
      const inspector = new MediaInspector(fileName);
      // Stop at the limit rather than read on to the end of what the client sends.
      part.file.once('limit', () => inspector.destroy(tooLarge(limitBytes)));
      output = createWriteStream(temp, { flags: 'wx' });
      await pipeline(part.file, inspector, output);
      if (part.file.truncated) throw tooLarge(limitBytes);
      const file = temp;
      received = {
        prepared,
        file: {
          temp: file,
          fileName,
          bytes: inspector.bytes,
          sha256: inspector.digest(),
          type: inspector.type as MediaType,
          discard: () => removeFile(file),
        },
      };
    }
  } catch (error) {
    // The write stream may still be opening or closing its file: let it finish, then delete.
    if (output !== undefined && !output.closed) await once(output, 'close').catch(() => undefined);
    if (temp !== undefined) await removeFile(temp);
    throw uploadError(error, limitBytes);
  }
  if (received === undefined) throw misplaced(`no file: send the recording in field "${FILE_FIELD}"`);
  return received;
}

function misplaced(message: string): CandorError {
  return new CandorError('VALIDATION_FAILED', `body: ${message}`, { in: 'body', field: FILE_FIELD });
}

/** Whether the request announced a body (a length above 0, or chunked). */
function hasBody(request: FastifyRequest): boolean {
  const headers = request.raw.headers;
  return headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;
}

/**
 * `onSend` hook keeping a keep-alive connection usable after an answer that left the request body
 * unread, as when an upload is refused on its first fields (400) or at the size limit (413). The
 * rest of the body is still arriving, and the next request on the connection would wait behind
 * it until a server time-out. So the rest is read and dropped, up to `maxBytes`; a body announced
 * longer than that, or found longer while dropping, is not read: the answer says
 * `Connection: close` and the socket is closed once the answer is sent.
 *
 * @example app.addHook('onSend', drainUnreadBody(config.uploadLimitBytes + FORM_OVERHEAD_BYTES))
 */
export function drainUnreadBody(maxBytes: number): onSendHookHandler {
  return (request, reply, payload, done) => {
    const raw = request.raw;
    if (!hasBody(request) || raw.readableEnded || raw.destroyed) return done(null, payload);
    const close = () => {
      void reply.header('connection', 'close');
      reply.raw.once('finish', () => raw.socket.destroy());
    };
    if (Number(raw.headers['content-length'] ?? 0) > maxBytes) {
      close();
      return done(null, payload);
    }
    let dropped = 0;
    raw.unpipe();
    raw.on('data', (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > maxBytes) raw.socket.destroy();
    });
    raw.resume();
    done(null, payload);
  };
}
