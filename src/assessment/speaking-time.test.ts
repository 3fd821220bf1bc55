import { describe, expect, it } from 'vitest';
import type { Transcript } from '../domain/index.js';
import { speakingTime } from './speaking-time.js';

const transcript: Transcript = {
  format: 'vtt',
  segments: [
    { speaker: 'Dana', start: 0, end: 5, text: 'Tell me about a project?' },
    { speaker: 'Priya', start: 5, end: 20, text: 'I led the migration.' },
    { speaker: 'Dana', start: 20, end: 25, text: 'And then?' },
    { speaker: 'Priya', start: null, end: null, text: 'An untimed aside.' },
  ],
};

describe('speakingTime', () => {
  it('sums each speaker’s timed segments and gives the candidate’s share', () => {
    expect(speakingTime(transcript, 'Priya')).toEqual({
      speakers: [
        { label: 'Dana', seconds: 10, share: 0.4, candidate: false },
        { label: 'Priya', seconds: 15, share: 0.6, candidate: true },
      ],
      talkRatio: 0.6,
    });
  });

  it('is null without times, with one speaker, or without the candidate', () => {
    const untimed: Transcript = {
      ...transcript,
      segments: transcript.segments.map((s) => ({ ...s, start: null, end: null })),
    };
    expect(speakingTime(untimed, 'Priya')).toBeNull();
    expect(speakingTime(transcript, 'Someone else')).toBeNull();
    expect(speakingTime(transcript, null)).toBeNull();
  });
});
