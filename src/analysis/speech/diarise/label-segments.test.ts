import { describe, expect, it } from 'vitest';
import type { Transcript } from '../../../domain/index.js';
import type { Diarisation } from './diarise.js';
import { labelSpeakers } from './label-segments.js';

const words = (list: [string, number, number][]) => list.map(([text, start, end]) => ({ text, start, end }));

const transcript: Transcript = {
  format: 'json',
  segments: [
    {
      speaker: null,
      start: 0,
      end: 4,
      text: 'How are you? Fine thanks.',
      words: words([
        ['how', 0, 0.4],
        ['are', 0.4, 0.7],
        ['you', 0.7, 1.2],
        ['fine', 2.0, 2.5],
        ['thanks', 2.5, 3.9],
      ]),
    },
    { speaker: null, start: 5, end: 9, text: 'No words here.' },
  ],
};

const diarisation = (turns: Diarisation['turns']): Diarisation => {
  const seconds = new Map<string, number>();
  for (const t of turns) seconds.set(t.speaker, (seconds.get(t.speaker) ?? 0) + t.end - t.start);
  return {
    turns,
    speakers: [...seconds].map(([label, s]) => ({ label, seconds: s })),
    speechSeconds: [...seconds.values()].reduce((a, b) => a + b, 0),
  };
};

describe('labelSpeakers', () => {
  it('splits a segment where the speaker of its words changes and names speakers in order heard', () => {
    const labelled = labelSpeakers(
      transcript,
      diarisation([
        { speaker: 'S2', start: 0, end: 1.5 },
        { speaker: 'S1', start: 1.8, end: 5 },
        { speaker: 'S2', start: 5, end: 9 },
      ]),
    );
    expect(labelled?.segments.map((s) => [s.speaker, s.start, s.end, s.text])).toEqual([
      ['Speaker 1', 0, 1.2, 'how are you'],
      ['Speaker 2', 2.0, 3.9, 'fine thanks'],
      ['Speaker 1', 5, 9, 'No words here.'],
    ]);
  });

  it('leaves the transcript alone when fewer than two speakers have enough speech', () => {
    const labelled = labelSpeakers(
      transcript,
      diarisation([
        { speaker: 'S1', start: 0, end: 8.5 },
        { speaker: 'S2', start: 8.5, end: 9 },
      ]),
    );
    expect(labelled).toBeNull();
  });
});
