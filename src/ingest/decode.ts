import { isUtf8 } from 'node:buffer';
import { CandorError } from '../core/index.js';
import type { ParseOptions } from './source-text.js';

/** How much of the start of a file is checked for binary content, as `file(1)` and git do. */
export const SNIFF_BYTES = 8 * 1024;

/**
 * Decodes transcript bytes to text: UTF-8 (with or without a byte-order mark) or UTF-16 with a
 * byte-order mark (Windows Notepad's "Unicode"). Rejects binary content — a NUL byte or invalid
 * UTF-8 in the first 8 KiB, say a PNG or an MP4 uploaded by mistake — and invalid UTF-8 later on
 * (a Latin-1 file), naming the byte and line.
 *
 * @throws CandorError TRANSCRIPT_INVALID `not a text transcript: binary content at byte 0 …`
 * @example decodeTranscriptBytes(Buffer.from('\uFEFFWEBVTT\n')) // "WEBVTT\n"
 */
export function decodeTranscriptBytes(bytes: Uint8Array, options: ParseOptions = {}): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return decodeUtf8(bytes.subarray(3), 3, options);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16le').decode(swapPairs(bytes.subarray(2)));
  const window = Math.min(bytes.length, SNIFF_BYTES);
  let nul = -1;
  for (let i = 0; i < window && nul < 0; i += 1) if (bytes[i] === 0) nul = i;
  return decodeUtf8(bytes, 0, options, nul);
}

/** `nul` is the first NUL byte in the sniffed window, or -1; the earliest sign of binary is reported. */
function decodeUtf8(bytes: Uint8Array, offset: number, options: ParseOptions, nul = -1): string {
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes) + offset;
  if (nul >= 0 && (bad < 0 || nul < bad)) throw binaryAt(nul, options);
  if (bad >= 0) {
    if (bad < SNIFF_BYTES) throw binaryAt(bad, options);
    const line = countLines(bytes, bad - offset);
    const details: Record<string, unknown> = { line, byte: bad };
    if (options.file !== undefined) details.file = options.file;
    throw new CandorError(
      'TRANSCRIPT_INVALID',
      `line ${line}: expected UTF-8 text, found an invalid byte at byte ${bad}; save the transcript as UTF-8`,
      details,
    );
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

function binaryAt(byte: number, options: ParseOptions): CandorError {
  const details: Record<string, unknown> = { byte };
  if (options.file !== undefined) details.file = options.file;
  return new CandorError(
    'TRANSCRIPT_INVALID',
    `not a text transcript: binary content at byte ${byte} (expected UTF-8 or UTF-16 text such as WebVTT, SRT, JSON or plain text)`,
    details,
  );
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1] ?? 0;
    out[i + 1] = bytes[i] ?? 0;
  }
  return out;
}

function countLines(bytes: Uint8Array, upTo: number): number {
  let line = 1;
  for (let i = 0; i < upTo; i += 1) if (bytes[i] === 10) line += 1;
  return line;
}

/**
 * Offset of the first byte that breaks UTF-8 (RFC 3629 §4, including overlong forms and
 * surrogates), or -1. Only run after `isUtf8` said no, to say where.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i] ?? 0;
    if (c < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) low = 0xa0;
      if (c === 0xed) high = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) low = 0x90;
      if (c === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k += 1) {
      const next = bytes[i + k];
      const lo = k === 1 ? low : 0x80;
      const hi = k === 1 ? high : 0xbf;
      if (next === undefined || next < lo || next > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}
