import type { Segment, Transcript, Word } from '../../../domain/index.js';
import type { FilledPause } from './filled-pauses.js';

/**
 * The word a detected filled pause becomes in a transcript. A hum nasal throughout is written "mm";
 * every other filled pause "uh", even one the detector calls "um": its um label was fitted on two ums
 * (one of which it calls uh) and is too thin to name words by.
 */
export const FILLED_PAUSE_WORD = 'uh';

/**
 * A recognised transcript with the filled pauses heard in the sound added as words ("uh" or "mm", with
 * their start and end, `origin: 'filled pause'`), in time order, so the filler signal counts them
 * and its evidence carries their times. A recognised word lying mostly (over half its length) inside
 * a filled pause is the recogniser's guess for that sound (pocketsphinx hears "um" as "i'm" or "an")
 * and is replaced; a word reaching into it only partly trims it (and a pause left with less than
 * half its length is left out). A filled pause outside
 * every segment becomes a segment of its own.
 * @example withFilledPauses(transcript, [{ start: 5.56, end: 5.98, envelopeChange: 0.39, f0Hz: 160, sound: 'um' }])
 */
export function withFilledPauses(transcript: Transcript, pauses: readonly FilledPause[]): Transcript {
  if (pauses.length === 0) return transcript;
  const segments: Segment[] = transcript.segments.map((s) => ({ ...s }));
  const extra: Segment[] = [];
  for (const pause of pauses) {
    const inside = (w: Word): boolean =>
      Math.min(w.end, pause.end) - Math.max(w.start, pause.start) > (w.end - w.start) / 2;
    const at = segments.findIndex(
      (s) =>
        s.words !== undefined &&
        s.start !== null &&
        s.end !== null &&
        s.start < pause.end &&
        s.end > pause.start,
    );
    const segment = segments[at];
    if (!segment?.words) {
      const word = filledPauseWord(pause, pause.start, pause.end);
      extra.push({ speaker: null, start: word.start, end: word.end, text: word.text, words: [word] });
      continue;
    }
    const kept = segment.words.filter((w) => !inside(w));
    // Word edges are only as good as the recogniser's frames: a neighbour reaching into the
    // pause trims it, and a pause left with less than half its length is dropped.
    let start = pause.start;
    let end = pause.end;
    for (const w of kept) {
      if (w.end > start && w.start <= start) start = w.end;
      else if (w.start < end && w.end >= end) end = w.start;
      else if (w.start < end && w.end > start) end = start;
    }
    if (end - start < (pause.end - pause.start) / 2) continue;
    const word = filledPauseWord(pause, start, end);
    const words = [...kept, word].sort((a, b) => a.start - b.start);
    segments[at] = {
      ...segment,
      start: Math.min(segment.start ?? word.start, word.start),
      end: Math.max(segment.end ?? word.end, word.end),
      text: words.map((w) => w.text).join(' '),
      words,
    };
  }
  const all = [...segments, ...extra];
  return { ...transcript, segments: all.sort((a, b) => (a.start ?? 0) - (b.start ?? 0)) };
}

function filledPauseWord(pause: FilledPause, start: number, end: number): Word {
  const text = pause.sound === 'mm' ? 'mm' : FILLED_PAUSE_WORD;
  return { text, start, end, origin: 'filled pause' };
}
