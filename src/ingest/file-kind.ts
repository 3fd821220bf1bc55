/**
 * Names a file that is neither a recording nor a transcript (a PDF, an image, an archive, a
 * spreadsheet), so an upload is refused with what the file is instead of being read as text and
 * scored as "4 words". Works on the raw bytes (the CLI, a multipart upload) and on text a browser
 * already decoded as UTF-8, where each byte that is not UTF-8 became U+FFFD.
 */
import path from 'node:path';
import { CandorError, type CandorErrorCode } from '../core/index.js';

/** What Candor reads, as the refusals say it. */
export const ACCEPTED_FILES =
  'Candor accepts WAV, FLAC, MP3, MP4/M4A, OGG, WebM, MPEG and transcripts in VTT, SRT, text, JSON, CSV of turns';

/** A file type Candor recognises but does not read, or a recording sent where a transcript was expected. */
export interface ForeignFile {
  /** Short stable name for the details: `pdf`, `png`, `zip`, `binary`, `csv`, `recording`, … */
  readonly type: string;
  /** For a person: "a PDF document". */
  readonly description: string;
  /** True when the file is a recording (useful when a transcript was expected). */
  readonly recording: boolean;
}

interface Signature {
  readonly type: string;
  readonly description: string;
  /** Tested on the first bytes read as Latin-1 (one character per byte) and on decoded text. */
  readonly test: RegExp;
  readonly recording?: boolean;
}

// U+FFFD stands for a byte a browser could not decode; \x80-\xFF for the same byte read as Latin-1.
const HIGH = '[\\x80-\\xFF\\uFFFD]';
const ANY = '[\\s\\S]';

/* eslint-disable no-control-regex -- magic numbers are control bytes */
/** Signatures: the formats' own magic numbers (PDF 1.7 §7.5.2, PNG §5.2, JFIF, GIF89a, PKZIP APPNOTE 4.3.7, RFC 1952, …). */
const SIGNATURES: readonly Signature[] = [
  { type: 'pdf', description: 'a PDF document', test: /^%PDF-/ },
  { type: 'png', description: 'a PNG image', test: new RegExp(`^${HIGH}PNG\\r\\n\\x1A\\n`) },
  { type: 'jpeg', description: 'a JPEG image', test: /^(?:\xFF\xD8\xFF|\uFFFD{2,3}(?:JFIF|Exif|\uFFFD))/ },
  { type: 'gif', description: 'a GIF image', test: /^GIF8[79]a/ },
  { type: 'webp', description: 'a WebP image', test: new RegExp(`^RIFF${ANY}{1,8}?WEBP`) },
  { type: 'zip', description: 'a ZIP archive', test: /^PK\x03\x04/ },
  { type: 'gzip', description: 'a gzip archive', test: new RegExp(`^\\x1F${HIGH}`) },
  { type: '7z', description: 'a 7-Zip archive', test: new RegExp(`^7z${HIGH}{2}\\x27\\x1C`) },
  { type: 'rar', description: 'a RAR archive', test: /^Rar!\x1A\x07/ },
  {
    type: 'ole',
    description: 'an old Microsoft Office document (.doc, .xls, .ppt)',
    test: new RegExp(`^${HIGH}{2}\\x11${HIGH}\\xA1?`),
  },
  { type: 'rtf', description: 'an RTF document', test: /^\{\\rtf/ },
  { type: 'html', description: 'a web page (HTML)', test: /^\s*(?:<!doctype html|<html[\s>])/i },
  { type: 'executable', description: 'a program', test: /^(?:MZ|\x7FELF)/ },
  {
    type: 'wav',
    description: 'a WAV recording',
    test: new RegExp(`^R(?:IFF|F64)${ANY}{1,8}?WAVE`),
    recording: true,
  },
  { type: 'flac', description: 'a FLAC recording', test: /^fLaC/, recording: true },
  { type: 'mp3', description: 'an MP3 recording', test: /^ID3[\x02-\x04]/, recording: true },
  { type: 'mp4', description: 'an MP4 recording', test: /^[\s\S]{4}ftyp/, recording: true },
  { type: 'ogg', description: 'an Ogg recording', test: /^OggS/, recording: true },
  {
    type: 'webm',
    description: 'a WebM recording',
    test: /^\x1AE(?:\xDF\xA3|\u07E3|\uFFFD)/,
    recording: true,
  },
];

/* eslint-enable no-control-regex */

/** Office Open XML and OpenDocument files are ZIP archives: named by their extension. */
const ZIP_DOCUMENTS: Readonly<Record<string, string>> = {
  '.docx': 'a Word document',
  '.xlsx': 'an Excel spreadsheet',
  '.pptx': 'a PowerPoint presentation',
  '.odt': 'an OpenDocument text',
  '.ods': 'an OpenDocument spreadsheet',
  '.odp': 'an OpenDocument presentation',
  '.epub': 'an e-book',
};

/** Share of control characters or undecodable bytes above which the start of a file is binary. */
const BINARY_SHARE = 0.1;
const HEAD = 4096;

/**
 * What a file is when it is neither a recording nor a transcript, from its first bytes (or the
 * text a browser decoded from them); null for text Candor should try to read as a transcript.
 * A recording is named too (`recording: true`), for a caller that expected a transcript.
 * @example identifyForeignFile('%PDF-1.7\n…', 'report.pdf') // { type: 'pdf', description: 'a PDF document', … }
 * @example identifyForeignFile('WEBVTT\n\n…', 'call.vtt') // null
 */
export function identifyForeignFile(head: string | Uint8Array, fileName?: string): ForeignFile | null {
  const text =
    typeof head === 'string' ? head.slice(0, HEAD) : Buffer.from(head.subarray(0, HEAD)).toString('latin1');
  for (const signature of SIGNATURES) {
    if (!signature.test.test(text)) continue;
    const extension = path.extname(fileName ?? '').toLowerCase();
    const zipDocument = signature.type === 'zip' ? ZIP_DOCUMENTS[extension] : undefined;
    return {
      type: zipDocument === undefined ? signature.type : extension.slice(1),
      description: zipDocument ?? signature.description,
      recording: signature.recording === true,
    };
  }
  if (typeof head !== 'string') return null; // bytes: the UTF-8 decoder names the first bad byte
  let odd = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0) return BINARY;
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) odd += 1;
  }
  return text.length > 0 && odd / text.length > BINARY_SHARE ? BINARY : null;
}

const BINARY: ForeignFile = { type: 'binary', description: 'binary data', recording: false };

/**
 * The refusal of a file that is neither a recording nor a transcript, naming it and what Candor
 * accepts; `code` is the caller's (TRANSCRIPT_INVALID for a transcript, MEDIA_UNREADABLE for a
 * recording).
 * @example throw refuseForeignFile('report.pdf', kind, 'TRANSCRIPT_INVALID')
 * // "report.pdf is a PDF document, not a recording or a transcript: Candor accepts WAV, …"
 */
export function refuseForeignFile(
  fileName: string | undefined,
  kind: ForeignFile,
  code: CandorErrorCode,
  extra: Record<string, unknown> = {},
): CandorError {
  const name = fileName ?? 'the text';
  const details: Record<string, unknown> = { fileType: kind.type, ...extra };
  if (fileName !== undefined) details.file = fileName;
  return new CandorError(
    code,
    `${name} is ${kind.description}, not a recording or a transcript: ${ACCEPTED_FILES}`,
    details,
  );
}

/**
 * A transcript sent where a recording was expected, or the other way round: says which upload it
 * belongs to.
 * @example throw wrongUpload('answer.wav', 'a WAV recording', 'transcript', 'TRANSCRIPT_INVALID')
 */
export function wrongUpload(
  fileName: string | undefined,
  description: string,
  expected: 'transcript' | 'recording',
  code: CandorErrorCode,
  fileType: string,
): CandorError {
  const name = fileName ?? 'the text';
  const other = expected === 'transcript' ? 'recording' : 'transcript';
  const details: Record<string, unknown> = { fileType, expected };
  if (fileName !== undefined) details.file = fileName;
  return new CandorError(
    code,
    `${name} is ${description}, not a ${expected}: upload it as a ${other}`,
    details,
  );
}

const TABLE_EXTENSIONS = new Set(['.csv', '.tsv']);
/** Fewer tokens than this are too few to judge; a short typed answer passes. */
const MIN_TOKENS = 8;
/** A transcript is mostly words: below this share of word tokens it is a log, code or numbers. */
const MIN_WORD_SHARE = 0.5;

/**
 * Plain text that parsed but is plainly not speech: a table (CSV/TSV, by extension or by every
 * line having the same number of separators), or text whose tokens are mostly not words (a log,
 * source code, a column of numbers). Null for anything that reads as speech. `labelled`: the
 * parser found speaker labels, so lines with equal numbers of commas are still speech.
 * @example textThatIsNotSpeech('id,name,score\n1,Ann,3\n2,Ben,4\n', ['id,name,score 1,Ann,3 2,Ben,4'], 'x.txt')
 * // { type: 'csv', description: 'a table (CSV)', recording: false }
 */
export function textThatIsNotSpeech(
  content: string,
  spoken: readonly string[],
  fileName?: string,
  labelled = false,
): ForeignFile | null {
  const extension = path.extname(fileName ?? '').toLowerCase();
  // Speaker labels ("Ann: …") make a transcript whatever its commas.
  if (TABLE_EXTENSIONS.has(extension) || (!labelled && looksLikeTable(content))) {
    return { type: 'csv', description: 'a table (CSV)', recording: false };
  }
  const tokens = spoken.flatMap((text) => text.split(/\s+/).filter((t) => t !== ''));
  if (tokens.length < MIN_TOKENS) return null;
  const words = tokens.filter(isWord).length;
  const share = words / tokens.length;
  if (share >= MIN_WORD_SHARE) return null;
  return {
    type: 'not-speech',
    description: `text that does not read as speech (only ${Math.round(share * 100)}% of its ${tokens.length} tokens are words)`,
    recording: false,
  };
}

/** A token with at least one letter, and more letters than anything else. */
function isWord(token: string): boolean {
  const letters = token.match(/\p{L}/gu)?.length ?? 0;
  return letters > 0 && letters * 2 > token.length;
}

/** Three or more lines with the same number (two or more) of one separator: a CSV/TSV export. */
function looksLikeTable(content: string): boolean {
  const lines = content
    .slice(0, 8192)
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  if (lines.length < 3) return false;
  return [',', '\t', ';'].some((separator) => {
    const counts = lines.map((l) => l.split(separator).length - 1);
    const first = counts[0] ?? 0;
    const same = counts.filter((c) => c === first).length;
    return first >= 2 && same / counts.length >= 0.9;
  });
}
