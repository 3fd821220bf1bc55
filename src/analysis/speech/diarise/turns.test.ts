import { describe, expect, it } from 'vitest';
import { bridgeSameSpeakerGaps } from './turns.js';

const turn = (speaker: string, start: number, end: number) => ({ speaker, start, end });

describe('bridgeSameSpeakerGaps', () => {
  it('joins two turns of one speaker across a pause shorter than the limit', () => {
    const joined = bridgeSameSpeakerGaps([turn('S1', 0, 2), turn('S1', 2.4, 3), turn('S2', 3, 4)], 0.5);
    expect(joined).toEqual([turn('S1', 0, 3), turn('S2', 3, 4)]);
  });

  it('keeps a pause as long as the limit or longer', () => {
    const turns = [turn('S1', 0, 2), turn('S1', 2.5, 3), turn('S1', 4, 5)];
    expect(bridgeSameSpeakerGaps(turns, 0.5)).toEqual(turns);
  });

  it('never fills the silence between two different speakers', () => {
    const turns = [turn('S1', 0, 2), turn('S2', 2.1, 3), turn('S1', 3.1, 4)];
    expect(bridgeSameSpeakerGaps(turns, 1)).toEqual(turns);
  });

  it('chains several short pauses of one speaker into one turn', () => {
    const turns = [turn('S2', 1, 2), turn('S2', 2.2, 3), turn('S2', 3.3, 4)];
    expect(bridgeSameSpeakerGaps(turns, 0.4)).toEqual([turn('S2', 1, 4)]);
  });
});
