import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { need, requires } from '../../../test-helpers.js';
import { decodeToFloat32, SPEECH_DIR } from '../prosody/test-helpers.js';
import { diarisationErrorRate, parseRttm } from './der.js';
import { BRIDGE_SECONDS, diarise } from './diarise.js';

const AMI = path.join(SPEECH_DIR, 'meeting-ami');
const { it } = requires(
  need.tool('ffmpeg'),
  need.sharedData('speech/meeting-ami/sample.wav'),
  need.sharedData('speech/librivox'),
);

describe('diarise', () => {
  it('tells the two speakers of a real meeting excerpt apart, far better than one speaker for all', () => {
    const reference = parseRttm(readFileSync(path.join(AMI, 'sample.rttm'), 'utf8'));
    const result = diarise(decodeToFloat32(path.join(AMI, 'sample.wav')), 16000);
    const oneSpeaker = result.turns.map((t) => ({ ...t, speaker: 'S1' }));
    const der = diarisationErrorRate(reference, result.turns).der;
    const baseline = diarisationErrorRate(reference, oneSpeaker).der;
    expect(result.speakers.length).toBe(2);
    // The one-speaker baseline is about 0.5 here; the diariser must remove most of its confusion.
    expect(der).toBeLessThan(baseline * 0.7);
    // A speaker's pauses shorter than the bridge stay inside the turn.
    result.turns.slice(1).forEach((t, i) => {
      const before = result.turns[i]!;
      if (before.speaker === t.speaker) expect(t.start - before.end).toBeGreaterThanOrEqual(BRIDGE_SECONDS);
    });
    // Deterministic: the same samples give the same turns.
    expect(diarise(decodeToFloat32(path.join(AMI, 'sample.wav')), 16000).turns).toEqual(result.turns);
  });

  it('keeps one reader as one speaker', () => {
    const clip = path.join(SPEECH_DIR, 'librivox', 'sense_and_sensibility_01_austen_64kb-0920.wav');
    const result = diarise(decodeToFloat32(clip), 16000);
    expect(result.speakers.map((s) => s.label)).toEqual(['S1']);
    expect(result.speechSeconds).toBeGreaterThan(4);
  });

  it('finds no speaker in silence', () => {
    const result = diarise(new Float32Array(16000 * 2), 16000);
    expect(result.turns).toEqual([]);
  });
});
