import { syllable } from 'syllable';
import { describe, expect, it } from 'vitest';
import { analyzeProsody } from './prosody.js';
import { concat, librivoxClips, readWav16, sine } from './test-helpers.js';
import { need, requires } from '../../../test-helpers.js';

const realIt = requires(need.sharedData('speech/jfk.flac'), need.sharedData('speech/librivox')).it;

describe('syllable nuclei (De Jong & Wempe 2009)', () => {
  realIt(`counts each LibriVox clip's syllables within ±25 % of its transcript`, () => {
    let found = 0;
    let reference = 0;
    for (const clip of librivoxClips()) {
      const { samples, sampleRate } = readWav16(clip.file);
      const nuclei = analyzeProsody(samples, sampleRate).syllableNuclei.count;
      const expected = syllable(clip.text);
      expect(
        Math.abs(nuclei / expected - 1),
        `${clip.file}: ${nuclei} nuclei, ${expected} syllables`,
      ).toBeLessThanOrEqual(0.25);
      found += nuclei;
      reference += expected;
    }
    expect(Math.abs(found / reference - 1)).toBeLessThanOrEqual(0.1);
  });

  it('finds no nucleus in silence and none in a steady tone (no intensity dips)', () => {
    expect(analyzeProsody(new Float32Array(32000), 16000).syllableNuclei.count).toBe(0);
    expect(
      analyzeProsody(concat(new Float32Array(4000), sine(150, 2, 0.1)), 16000).syllableNuclei.count,
    ).toBeLessThanOrEqual(1);
  });
});
