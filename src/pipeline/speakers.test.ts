import { describe, expect, it } from 'vitest';
import { parseSpeakerCount, speakersToTell, whySpeakersDoNotApply } from './speakers.js';

const recording = (questionId: string | null = null) => ({ contentType: 'audio/wav', questionId });
const typed = { contentType: 'text/plain; charset=utf-8', questionId: 'conflict' };

describe('speaker counts', () => {
  it('reads auto or a whole number 1–20, and nothing else', () => {
    expect(['auto', '1', '2', ' 3 ', 20, 4].map(parseSpeakerCount)).toEqual(['auto', 1, 2, 3, 20, 4]);
    for (const bad of [0, -1, 'two', '2.5', 2.5, 21, '', ' ', null, undefined, 'AUTO', [2], {}]) {
      expect(parseSpeakerCount(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('splits only one recording without a transcript: by default when it answers no named question', () => {
    expect(speakersToTell([recording()], false)).toBe('auto');
    expect(speakersToTell([recording('conflict')], false)).toBe(1);
    expect(speakersToTell([recording('conflict')], false, 2)).toBe(2);
    expect(speakersToTell([recording()], false, 1)).toBe(1);
    // Several recordings are one answer each; a transcript says who speaks; typed answers are text.
    expect(speakersToTell([recording(), recording()], false, 2)).toBe(1);
    expect(speakersToTell([recording()], true, 'auto')).toBe(1);
    expect(speakersToTell([typed], false, 'auto')).toBe(1);
    expect(whySpeakersDoNotApply([recording(), recording(), recording()], false)).toBe(
      'the interview has 3 recordings, one answer each',
    );
    expect(whySpeakersDoNotApply([], false)).toBe('the interview has no recording');
    expect(whySpeakersDoNotApply([recording()], false)).toBeNull();
  });
});
