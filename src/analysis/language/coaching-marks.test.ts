import { describe, expect, it } from 'vitest';
import { coachingMarks } from './coaching-marks.js';

describe('coachingMarks', () => {
  it('marks every filler and hedge in the text, and a long pause where speech resumed', () => {
    const segments = [
      { speaker: null, start: 0, end: 4, text: 'Um, I think we, uh, shipped it late.' },
      { speaker: null, start: 6.2, end: 9, text: 'Then I maybe fixed the tests.' },
    ];
    const { text, marks } = coachingMarks(segments, [
      { start: 4, end: 6.2 },
      { start: 7, end: 7.4 },
    ]);
    const shown = marks.map((m) => [m.kind, text.slice(m.charStart, m.charEnd), m.label]);
    expect(shown).toEqual([
      ['filler', 'Um', 'um'],
      ['hedge', 'I think', 'I think'],
      ['filler', 'uh', 'uh'],
      ['pause', '', '2.2 s pause'],
      ['hedge', 'maybe', 'maybe'],
    ]);
    expect(text.slice(marks[3]?.charStart)).toMatch(/^Then I maybe/);
  });
});
