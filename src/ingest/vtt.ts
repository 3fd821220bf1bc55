import type { Segment, Transcript } from '../domain/index.js';
import { vttCueRuns } from './cue-text.js';
import { invalidAt, invalidFile, isBlank, quote, splitLines, type ParseOptions } from './source-text.js';
import { isTimingLine, parseTimingLine } from './timestamp.js';

const HEADER = /^WEBVTT(?:[ \t].*)?$/;
const SKIPPED_BLOCK = /^(?:NOTE(?:[ \t].*)?|STYLE[ \t]*|REGION[ \t]*)$/;
const TIMESTAMP_LIKE = /^\s*\d+:\d/;

/**
 * Parses WebVTT (https://www.w3.org/TR/webvtt1/) as Zoom, Microsoft Teams and Google Meet export
 * it: a `WEBVTT` header, optional NOTE/STYLE/REGION blocks, cues with optional identifiers,
 * `hh:mm:ss.ttt` or `mm:ss.ttt` times with optional settings, and the speaker either in a voice
 * span (`<v Jane Doe>…</v>`) or as a `Jane Doe: …` label. Each cue becomes one segment (or one per
 * speaker when a cue holds several); the lines of a cue are joined with a space.
 *
 * @throws CandorError TRANSCRIPT_INVALID naming the line, e.g. `line 7: expected seconds 00–59 …`
 * @example
 * parseVtt('WEBVTT\n\n00:01.000 --> 00:04.000\n<v Ann>Hello.</v>\n').segments
 * // [{ speaker: 'Ann', start: 1, end: 4, text: 'Hello.', line: 3 }]
 */
export function parseVtt(content: string, options: ParseOptions = {}): Transcript {
  if (isBlank(content)) throw invalidFile('file is empty', options);
  const lines = splitLines(content);
  let i = 0;
  while (i < lines.length && (lines[i] ?? '').trim() === '') i += 1;
  const header = lines[i] ?? '';
  if (!HEADER.test(header)) {
    throw invalidAt(
      i + 1,
      `expected the WebVTT header "WEBVTT" on the first line, found ${quote(header)}`,
      options,
    );
  }
  i += 1;
  // Header text lines (e.g. "Kind: captions") run until the first blank line.
  while (i < lines.length && (lines[i] ?? '').trim() !== '' && !isTimingLine(lines[i] ?? '')) i += 1;

  const segments: Segment[] = [];
  while (i < lines.length) {
    while (i < lines.length && (lines[i] ?? '').trim() === '') i += 1;
    if (i >= lines.length) break;
    const blockStart = i;
    while (i < lines.length && (lines[i] ?? '').trim() !== '') i += 1;
    const block = lines.slice(blockStart, i);
    readBlock(block, blockStart + 1, segments, options);
  }
  if (segments.length === 0)
    throw invalidFile('no spoken text: the WebVTT file has no cue with text', options);
  return { format: 'vtt', segments };
}

/** Reads one blank-line-separated block; `firstLine` is its 1-based line number. */
function readBlock(block: readonly string[], firstLine: number, out: Segment[], options: ParseOptions): void {
  const first = block[0] ?? '';
  if (SKIPPED_BLOCK.test(first)) return;
  let timingAt: number;
  if (isTimingLine(first)) timingAt = 0;
  else if (block.length >= 2 && isTimingLine(block[1] ?? '')) timingAt = 1;
  else {
    // Report the line that should have been the timing line: the one after a cue identifier,
    // unless the first line is itself a timestamp without its arrow.
    const at = block.length >= 2 && !TIMESTAMP_LIKE.test(first) ? 1 : 0;
    const found = block[at] ?? '';
    throw invalidAt(
      firstLine + at,
      `expected a timestamp line like "00:00:01.000 --> 00:00:04.000", found ${quote(found)}`,
      options,
    );
  }
  const { start, end } = parseTimingLine(block[timingAt] ?? '', 'vtt', firstLine + timingAt, options);
  for (const run of vttCueRuns(block.slice(timingAt + 1))) {
    out.push({ speaker: run.speaker, start, end, text: run.text, line: firstLine });
  }
}
