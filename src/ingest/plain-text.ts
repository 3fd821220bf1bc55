import type { Segment, Transcript } from '../domain/index.js';
import { looksLikeSpeakerName, splitSpeakerPrefix } from './speaker-prefix.js';
import {
  invalidAt,
  invalidFile,
  isBlank,
  normalizeSpace,
  quote,
  splitLines,
  type ParseOptions,
} from './source-text.js';
import { formatTimestamp, parseClockTime } from './timestamp.js';

// A clock time at the start of a line: "[00:01:23]", "(1:23)", "00:01:23 -", "1:23 |".
const LEADING_TIME = /^([[(]?)(\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d{1,3})?)([\])]?)(?:\s*[-–|]\s*|\s+|$)/;
// "Jane Doe  0:03" or "[Jane Doe] 14:02:11" on a line of its own: Otter's and Zoom's text exports
// put the speaker and time on one line and the words on the following lines.
const SPEAKER_HEADER = /^\[?([^\]]{1,60}?)\]?\s+[[(]?(\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?)[\])]?$/;

interface Turn {
  speaker: string | null;
  start: number | null;
  parts: string[];
  line: number;
}

/**
 * Parses a plain-text transcript: `Speaker: text` lines, where a line without a speaker label
 * continues the previous turn. A leading time (`[00:01:23] Jane: …`, `00:01:23 Jane: …`), a
 * speaker line with a time (`Jane Doe  0:03`) or a time on a line of its own (Google Meet) gives
 * the start of the turn; its end is the next turn's start. A file with no speaker labels at all is
 * one segment with speaker null — a typed answer.
 *
 * @throws CandorError TRANSCRIPT_INVALID for a broken timestamp (`[00:01:75]`) or times that go back.
 * @example
 * parsePlainText('Interviewer: Why us?\nCandidate: Your product.').segments.map((s) => s.speaker)
 * // ['Interviewer', 'Candidate']
 */
export function parsePlainText(content: string, options: ParseOptions = {}): Transcript {
  if (isBlank(content)) throw invalidFile('file is empty', options);
  const lines = splitLines(content);
  const turns: Turn[] = [];
  let pendingStart: number | null = null;
  let lastStart: { time: number; line: number } | null = null;

  const begin = (speaker: string | null, start: number | null, text: string, line: number): void => {
    if (start !== null) {
      if (lastStart && start < lastStart.time) {
        throw invalidAt(
          line,
          `expected a time at or after ${formatTimestamp(lastStart.time)} (the time on line ${lastStart.line}), found ${formatTimestamp(start)}`,
          options,
        );
      }
      lastStart = { time: start, line };
    }
    turns.push({ speaker, start, parts: text === '' ? [] : [text], line });
  };

  for (let index = 0; index < lines.length; index += 1) {
    const lineNo = index + 1;
    let rest = (lines[index] ?? '').trim();
    if (rest === '') continue;

    // A header line is a name and a time: short. Skipping long lines keeps the lazy match linear.
    const header = rest.length <= 90 ? SPEAKER_HEADER.exec(rest) : null;
    if (header && looksLikeSpeakerName(header[1] ?? '')) {
      const time = parseClockTime(header[2] ?? '', lineNo, options);
      if (time !== null) {
        begin((header[1] ?? '').trim(), time, '', lineNo);
        pendingStart = null;
        continue;
      }
    }

    let start: number | null = null;
    const lead = LEADING_TIME.exec(rest);
    if (lead) {
      const bracketed = lead[1] !== '' && lead[3] !== '';
      const time = parseClockTime(lead[2] ?? '', lineNo, options);
      if (time === null && bracketed) {
        throw invalidAt(
          lineNo,
          `expected a time like "[00:01:23]" or "[01:23]", found ${quote(lead[0].trim())}`,
          options,
        );
      }
      if (time !== null) {
        start = time;
        rest = rest.slice(lead[0].length).trim();
        if (rest === '') {
          pendingStart = time;
          continue;
        }
      }
    }

    const labelled = splitSpeakerPrefix(rest);
    const current = turns[turns.length - 1];
    if (labelled) {
      begin(labelled.speaker, start ?? pendingStart, labelled.text, lineNo);
      pendingStart = null;
    } else if (start !== null || pendingStart !== null || !current) {
      // A new time starts a new segment even without a label: the speaker carries on.
      begin(current?.speaker ?? null, start ?? pendingStart, rest, lineNo);
      pendingStart = null;
    } else {
      current.parts.push(rest);
    }
  }
  return { format: 'text', segments: toSegments(turns, options) };
}

function toSegments(turns: readonly Turn[], options: ParseOptions): Segment[] {
  const segments: Segment[] = [];
  for (let i = 0; i < turns.length; i += 1) {
    const turn = turns[i];
    if (!turn) continue;
    const text = normalizeSpace(turn.parts.join(' '));
    if (text === '') continue;
    // A turn lasts until the next turn starts, when that one has a time.
    const next = turns[i + 1]?.start ?? null;
    const end = turn.start !== null && next !== null ? next : null;
    segments.push({ speaker: turn.speaker, start: turn.start, end, text, line: turn.line });
  }
  if (segments.length === 0)
    throw invalidFile('no spoken text: the file has speaker labels or times but no words', options);
  return segments;
}
