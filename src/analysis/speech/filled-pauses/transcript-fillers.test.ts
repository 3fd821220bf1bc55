import { describe, expect, it } from 'vitest';
import type { Transcript, Word } from '../../../domain/index.js';
import { withFilledPauses } from './transcript-fillers.js';

const word = (text: string, start: number, end: number): Word => ({ text, start, end });
const recognised: Transcript = {
  format: 'json',
  segments: [
    { speaker: null, start: 2.61, end: 3.1, text: 'yep', words: [word('yep', 2.61, 3.1)] },
    {
      speaker: null,
      start: 5.45,
      end: 8.07,
      text: "and i'm when there",
      words: [
        word('and', 5.45, 5.63),
        word("i'm", 5.64, 5.99),
        word('when', 7.41, 7.73),
        word('there', 7.74, 8.07),
      ],
    },
  ],
};
// Heard as "um": the transcript still writes "uh" (two ums are too few to fit the label on).
const pause = (start: number, end: number, sound: 'uh' | 'um' | 'mm' = 'um') => ({
  start,
  end,
  envelopeChange: 0.4,
  f0Hz: 150,
  sound,
});

describe('withFilledPauses', () => {
  it('puts a filled pause in time order, replacing the word the recogniser guessed for it', () => {
    const out = withFilledPauses(recognised, [pause(5.56, 5.98)]);
    const words = out.segments[1]!.words!;
    expect(words.map((w) => w.text)).toEqual(['and', 'uh', 'when', 'there']);
    // "and" ends at 5.63: the pause starts there.
    expect(words[1]).toEqual({ text: 'uh', start: 5.63, end: 5.98, origin: 'filled pause' });
    expect(out.segments[1]!.text).toBe('and uh when there');
  });

  it('gives a filled pause outside every segment a segment of its own, in order', () => {
    const out = withFilledPauses(recognised, [pause(4.1, 4.5)]);
    expect(out.segments.map((s) => s.text)).toEqual(['yep', 'uh', "and i'm when there"]);
  });

  it('writes a hum heard nasal throughout as "mm"', () => {
    const out = withFilledPauses(recognised, [pause(4.1, 4.5, 'mm')]);
    expect(out.segments.map((s) => s.text)).toEqual(['yep', 'mm', "and i'm when there"]);
    expect(out.segments[1]!.words).toEqual([{ text: 'mm', start: 4.1, end: 4.5, origin: 'filled pause' }]);
  });

  it('leaves out a filled pause mostly covered by a recognised word, and changes nothing without pauses', () => {
    expect(withFilledPauses(recognised, [pause(2.55, 2.75)])).toEqual(recognised);
    expect(withFilledPauses(recognised, [])).toBe(recognised);
  });
});
