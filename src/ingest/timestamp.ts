import { invalidAt, quote, type ParseOptions } from './source-text.js';

/** Which cue format a timing line belongs to; only the decimal separator and the example differ. */
export type CueStyle = 'vtt' | 'srt';

const EXAMPLE: Record<CueStyle, string> = {
  vtt: '00:00:01.000 --> 00:00:04.000',
  srt: '00:00:01,000 --> 00:00:04,000',
};

// WebVTT §4.3 (https://www.w3.org/TR/webvtt1/#webvtt-timestamp): optional hours, then mm:ss.ttt with
// exactly two minute and second digits and three fraction digits. SubRip uses a comma; we also
// accept a dot there and 1-3 fraction digits because many subtitle tools write them.
const FRACTION_DIGITS: Record<CueStyle, readonly [number, number]> = { vtt: [3, 3], srt: [1, 3] };

/** A cue's start and end, seconds. */
export interface CueTiming {
  readonly start: number;
  readonly end: number;
}

/**
 * Formats seconds as `hh:mm:ss.ttt` for messages.
 * @example formatTimestamp(83.5) // "00:01:23.500"
 */
export function formatTimestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

function fromParts(h: string | undefined, m: string, s: string, fraction: string | undefined): number {
  const frac = fraction === undefined ? 0 : Number(fraction) / 10 ** fraction.length;
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + frac;
}

function checkRange(
  token: string,
  minutes: number,
  seconds: number,
  line: number,
  options: ParseOptions,
): void {
  if (minutes > 59) throw invalidAt(line, `expected minutes 00–59 in the timestamp ${quote(token)}`, options);
  if (seconds > 59) throw invalidAt(line, `expected seconds 00–59 in the timestamp ${quote(token)}`, options);
}

/**
 * Reads `[h:]mm:ss.ttt` by hand: a regex per timestamp was a fifth of the parse time of a
 * large caption file. Returns null when the token is not shaped like a cue timestamp.
 */
function scanCueTime(
  token: string,
  style: CueStyle,
): { seconds: number; minutes: number; secs: number } | null {
  const fields: number[] = [];
  const widths: number[] = [];
  let value = 0;
  let width = 0;
  let fraction = -1;
  for (let i = 0; i < token.length; i += 1) {
    const c = token.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      width += 1;
    } else if (c === 58 && fraction < 0 && width > 0) {
      fields.push(value);
      widths.push(width);
      value = 0;
      width = 0;
    } else if ((c === 46 || (c === 44 && style === 'srt')) && fraction < 0 && width > 0) {
      fields.push(value);
      widths.push(width);
      fraction = i;
      value = 0;
      width = 0;
    } else return null;
  }
  const [minDigits, maxDigits] = FRACTION_DIGITS[style];
  if (fraction < 0 || width < minDigits || width > maxDigits) return null;
  if (fields.length < 2 || fields.length > 3) return null;
  if (widths[widths.length - 1] !== 2 || widths[widths.length - 2] !== 2) return null;
  const hours = fields.length === 3 ? (fields[0] ?? 0) : 0;
  const minutes = fields[fields.length - 2] ?? 0;
  const secs = fields[fields.length - 1] ?? 0;
  return { seconds: hours * 3600 + minutes * 60 + secs + value / 10 ** width, minutes, secs };
}

function cueTime(token: string, style: CueStyle, line: number, options: ParseOptions): number {
  const time = scanCueTime(token, style);
  if (!time) {
    const like = EXAMPLE[style].slice(0, 12);
    throw invalidAt(line, `expected a timestamp like "${like}", found ${quote(token)}`, options);
  }
  checkRange(token, time.minutes, time.secs, line, options);
  return time.seconds;
}

/** True when the line is meant as a timing line (has the `-->` arrow). */
export function isTimingLine(text: string): boolean {
  return text.includes('-->');
}

/**
 * Parses a cue timing line such as `00:00:01.000 --> 00:00:04.000 align:start` (cue settings after
 * the end time are ignored). Throws TRANSCRIPT_INVALID naming the line for any malformed part.
 * @example parseTimingLine('00:01.000 --> 00:04.000', 'vtt', 3) // { start: 1, end: 4 }
 */
export function parseTimingLine(
  text: string,
  style: CueStyle,
  line: number,
  options: ParseOptions = {},
): CueTiming {
  const match = /^\s*(\S+)\s*-->\s*(\S+)(?:\s+.*)?$/.exec(text);
  if (!match?.[1] || !match[2]) {
    throw invalidAt(
      line,
      `expected a timestamp line like "${EXAMPLE[style]}", found ${quote(text)}`,
      options,
    );
  }
  const start = cueTime(match[1], style, line, options);
  const end = cueTime(match[2], style, line, options);
  if (end < start) {
    throw invalidAt(
      line,
      `expected the end time ${formatTimestamp(end)} to be at or after the start time ${formatTimestamp(start)}`,
      options,
    );
  }
  return { start, end };
}

// Clock times written in plain-text transcripts: `1:23`, `01:23`, `1:02:03`, `01:02:03.5`.
const CLOCK_TIME = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/;

/**
 * Parses a clock time from a plain-text transcript (`[00:01:23]`, `1:23`, `01:02:03.500`), or
 * returns null when the token is not shaped like one. A token shaped like a time but out of range
 * (`00:75`) throws, because it is a broken timestamp rather than text.
 * @example parseClockTime('01:23', 1) // 83
 */
export function parseClockTime(token: string, line: number, options: ParseOptions = {}): number | null {
  const match = CLOCK_TIME.exec(token);
  if (!match) return null;
  const [, h, m = '0', s = '0', fraction] = match;
  if (h !== undefined) checkRange(token, Number(m), Number(s), line, options);
  else checkRange(token, 0, Number(s), line, options);
  return fromParts(h, m, s, fraction);
}
