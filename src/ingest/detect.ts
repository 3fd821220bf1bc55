import path from 'node:path';
import type { Transcript, TranscriptFormat } from '../domain/index.js';
import { looksLikeTurnsTable, parseCsvTurns } from './csv-turns.js';
import { decodeTranscriptBytes } from './decode.js';
import { identifyForeignFile, refuseForeignFile, textThatIsNotSpeech, wrongUpload } from './file-kind.js';
import { parseJsonTranscript } from './json-transcript.js';
import { parsePlainText } from './plain-text.js';
import { invalidFile, isBlank, type ParseOptions } from './source-text.js';
import { parseSrt } from './srt.js';
import { parseVtt } from './vtt.js';

const BY_EXTENSION: Readonly<Record<string, TranscriptFormat>> = {
  '.vtt': 'vtt',
  '.webvtt': 'vtt',
  '.srt': 'srt',
  '.json': 'json',
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.markdown': 'text',
  '.csv': 'csv',
  '.tsv': 'csv',
};

const VTT_START = /^WEBVTT(?:[ \t\r\n]|$)/;
const SRT_START = /^(?:\d+[ \t]*\r?\n[ \t]*)?\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->/;
const JSON_START = /^(?:\{|\[\s*(?:[{\]]|$))/;

/**
 * Works out the format of a transcript: from the file extension when there is one (.vtt, .srt,
 * .json, .txt, .md, .csv, .tsv), else from the content (`WEBVTT` header, an SRT cue number and
 * arrow, a JSON object or array, a header row naming speaker and text columns, else plain text). A .txt or .md file that is plainly WebVTT or SRT inside is
 * read as such, since people rename caption files.
 * @example detectTranscriptFormat('WEBVTT\n\n…') // "vtt"
 * @example detectTranscriptFormat('Ann: hi', 'answer.md') // "text"
 */
export function detectTranscriptFormat(content: string, file?: string): TranscriptFormat {
  const head = content.slice(0, 4096).replace(/^[\s\uFEFF]+/, '');
  const byExtension = file === undefined ? undefined : BY_EXTENSION[path.extname(file).toLowerCase()];
  if (byExtension !== undefined && byExtension !== 'text') return byExtension;
  if (VTT_START.test(head)) return 'vtt';
  if (SRT_START.test(head)) return 'srt';
  if (byExtension === undefined && JSON_START.test(head)) return 'json';
  if (looksLikeTurnsTable(head)) return 'csv';
  return 'text';
}

/**
 * Parses a transcript in any supported format (WebVTT, SubRip, JSON, plain text, a CSV/TSV table
 * of turns), given as text
 * or as the raw bytes of a file (UTF-8, or UTF-16 with a byte-order mark).
 *
 * @throws CandorError TRANSCRIPT_INVALID with the line for malformed content, "file is empty",
 *   "<file> is a PDF document, not a recording or a transcript: …" (details.fileType; also
 *   images, archives, tables, binary data and text that is not speech), "<file> is a WAV
 *   recording, not a transcript", "not a text transcript: binary content at byte N", or no
 *   spoken text.
 * @example
 * const transcript = parseTranscript(buffer, { file: 'interview.vtt' })
 * transcript.segments[0] // { speaker: 'Jane Doe', start: 0.5, end: 3.2, text: '…', line: 3 }
 */
export function parseTranscript(content: string | Uint8Array, options: ParseOptions = {}): Transcript {
  const foreign = identifyForeignFile(content, options.file);
  if (foreign !== null) {
    throw foreign.recording
      ? wrongUpload(options.file, foreign.description, 'transcript', 'TRANSCRIPT_INVALID', foreign.type)
      : refuseForeignFile(options.file, foreign, 'TRANSCRIPT_INVALID');
  }
  const text = typeof content === 'string' ? content : decodeTranscriptBytes(content, options);
  if (isBlank(text)) throw invalidFile('file is empty', options);
  switch (detectTranscriptFormat(text, options.file)) {
    case 'vtt':
      return parseVtt(text, options);
    case 'srt':
      return parseSrt(text, options);
    case 'json':
      return parseJsonTranscript(text, options);
    case 'csv':
      return parseCsvTurns(text, options);
    case 'text':
      return checkSpeech(text, parsePlainText(text, options), options);
  }
}

/** Plain text that parsed but is a table or mostly not words is refused, not scored as "4 words". */
function checkSpeech(text: string, transcript: Transcript, options: ParseOptions): Transcript {
  const labelled = transcript.segments.some((s) => s.speaker !== null);
  const spoken = transcript.segments.map((s) => s.text);
  const foreign = textThatIsNotSpeech(text, spoken, options.file, labelled);
  if (foreign !== null) throw refuseForeignFile(options.file, foreign, 'TRANSCRIPT_INVALID');
  return transcript;
}
