/**
 * The marks a student sees in their own transcript: every filler word and hedge the signals count
 * (the same finders as `fillerWordsPer100` and `hedgesPer100`, not only the few quoted as
 * evidence), and the long pauses the recording had, placed where the speech resumed.
 */
import type { Segment } from '../../domain/index.js';
import { findFillers } from './signals/fillers.js';
import { findHedges } from './signals/hedges.js';
import { buildDocumentFromSegments } from './text-document.js';

/** A pause this long or longer is marked; shorter ones are ordinary breathing and phrasing. */
export const LONG_PAUSE_SECONDS = 1;

export interface CoachingMark {
  readonly kind: 'filler' | 'hedge' | 'pause';
  /** Character offsets in `CoachingText.text`, end exclusive; a pause is an empty span where speech resumed. */
  readonly charStart: number;
  readonly charEnd: number;
  /** The filler or hedge as counted ("um", "I think"), or "1.4 s pause". */
  readonly label: string;
  /** Seconds on the answer's time line, when known. */
  readonly start: number | null;
  readonly end: number | null;
}

export interface CoachingText {
  readonly text: string;
  /** In text order. */
  readonly marks: CoachingMark[];
}

/**
 * The answer's text with its filler, hedge and long-pause marks.
 * @example coachingMarks([{ speaker: null, start: 0, end: 3, text: 'Um, I think we won.' }], []).marks
 * // [{ kind: 'filler', label: 'um', charStart: 0, charEnd: 2, … }, { kind: 'hedge', label: 'I think', … }]
 */
export function coachingMarks(
  segments: readonly Segment[],
  pauses: readonly { start: number; end: number }[],
): CoachingText {
  const doc = buildDocumentFromSegments(0, segments);
  const marks: CoachingMark[] = [];
  const span = (kind: 'filler' | 'hedge', first: number, last: number, label: string): void => {
    const a = doc.tokens[first];
    const b = doc.tokens[last];
    if (a === undefined || b === undefined) return;
    const evidence = doc.evidence(a.start, b.end, label);
    marks.push({ kind, charStart: a.start, charEnd: b.end, label, start: evidence.start, end: evidence.end });
  };
  for (const hit of findFillers(doc)) span('filler', hit.firstToken, hit.lastToken, hit.label);
  for (const hit of findHedges(doc)) span('hedge', hit.firstToken, hit.lastToken, hit.label);
  for (const pause of pauses) {
    const seconds = pause.end - pause.start;
    if (seconds < LONG_PAUSE_SECONDS) continue;
    const at = resumeOffset(doc.text, segments, pause.end);
    marks.push({
      kind: 'pause',
      charStart: at,
      charEnd: at,
      label: `${seconds.toFixed(1)} s pause`,
      start: pause.start,
      end: pause.end,
    });
  }
  marks.sort((x, y) => x.charStart - y.charStart || x.charEnd - y.charEnd);
  return { text: doc.text, marks: dropOverlaps(marks) };
}

/** Where speech resumed after a pause ending at `time`: the first segment starting then or later. */
function resumeOffset(text: string, segments: readonly Segment[], time: number): number {
  let offset = 0;
  for (const segment of segments) {
    const found = text.indexOf(segment.text, offset);
    const start = found >= 0 ? found : offset;
    // A pause ends where the next words begin; 50 ms of slack for rounding of the two clocks.
    if (segment.start !== null && segment.start >= time - 0.05) return start;
    const end = start + segment.text.length;
    if (segment.end !== null && segment.end > time) {
      // Inside a segment without word times: mark its start rather than guess a word.
      return start;
    }
    offset = end;
  }
  return text.length;
}

/** A word can be a filler or a hedge, not both: the first mark of overlapping ones is kept. */
function dropOverlaps(marks: readonly CoachingMark[]): CoachingMark[] {
  const kept: CoachingMark[] = [];
  let end = -1;
  for (const mark of marks) {
    if (mark.kind !== 'pause' && mark.charStart < end) continue;
    kept.push(mark);
    if (mark.kind !== 'pause') end = mark.charEnd;
  }
  return kept;
}
