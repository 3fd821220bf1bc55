import type { Segment, Transcript } from '../domain/index.js';
import { decodeEntities } from './cue-text.js';
import { speakerRuns, stripSoundAnnotations } from './speaker-prefix.js';
import { invalidAt, invalidFile, isBlank, quote, splitLines, type ParseOptions } from './source-text.js';
import { isTimingLine, parseTimingLine } from './timestamp.js';

const INDEX = /^\s*\d+\s*$/;
const TIMESTAMP_LIKE = /^\s*\d+:\d/;
// SubRip allows simple HTML-like formatting (<i>, <b>, <u>, <font color=…>) and ASS overrides ({\an8}).
const FORMATTING = /<\/?[a-z][^<>]*>|\{\\[^{}]*\}/gi;

/**
 * Parses SubRip (.srt): blocks of an index line, a `00:00:01,000 --> 00:00:04,000` line and text
 * lines, separated by blank lines. Speakers come from `Name: text`, `[Name] text` or `- Name: text`
 * labels; a cue whose lines name different speakers becomes one segment per speaker. Tolerates
 * `\r\n` endings, a byte-order mark, a missing final blank line, a dot instead of the comma, and a
 * missing index line.
 *
 * @throws CandorError TRANSCRIPT_INVALID naming the line, e.g. `line 6: expected a timestamp line …`
 * @example
 * parseSrt('1\n00:00:01,000 --> 00:00:04,000\nAnn: Hello.\n').segments
 * // [{ speaker: 'Ann', start: 1, end: 4, text: 'Hello.', line: 1 }]
 */
export function parseSrt(content: string, options: ParseOptions = {}): Transcript {
  if (isBlank(content)) throw invalidFile('file is empty', options);
  const lines = splitLines(content);
  const segments: Segment[] = [];
  let i = 0;
  while (i < lines.length) {
    while (i < lines.length && (lines[i] ?? '').trim() === '') i += 1;
    if (i >= lines.length) break;
    const blockStart = i;
    while (i < lines.length && (lines[i] ?? '').trim() !== '') i += 1;
    readCue(lines.slice(blockStart, i), blockStart + 1, segments, options);
  }
  if (segments.length === 0)
    throw invalidFile('no spoken text: the SubRip file has no cue with text', options);
  return { format: 'srt', segments };
}

function cleanLine(line: string): string {
  const plain = line.includes('<') || line.includes('{') ? line.replace(FORMATTING, '') : line;
  return stripSoundAnnotations(decodeEntities(plain));
}

function readCue(block: readonly string[], firstLine: number, out: Segment[], options: ParseOptions): void {
  const first = block[0] ?? '';
  let timingAt: number;
  if (isTimingLine(first)) timingAt = 0;
  else if (INDEX.test(first)) {
    timingAt = 1;
    const second = block[1];
    if (second === undefined || !isTimingLine(second)) {
      const found = second === undefined ? 'the end of the cue' : quote(second);
      throw invalidAt(
        firstLine + 1,
        `expected a timestamp line like "00:00:01,000 --> 00:00:04,000" after the cue number, found ${found}`,
        options,
      );
    }
  } else {
    const what = TIMESTAMP_LIKE.test(first)
      ? 'a timestamp line like "00:00:01,000 --> 00:00:04,000"'
      : 'a cue number or a timestamp line like "00:00:01,000 --> 00:00:04,000"';
    throw invalidAt(firstLine, `expected ${what}, found ${quote(first)}`, options);
  }
  const { start, end } = parseTimingLine(block[timingAt] ?? '', 'srt', firstLine + timingAt, options);
  const text = block.slice(timingAt + 1).map(cleanLine);
  for (const run of speakerRuns(text)) {
    if (run.text !== '') out.push({ speaker: run.speaker, start, end, text: run.text, line: firstLine });
  }
}
