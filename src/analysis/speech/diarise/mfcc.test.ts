import { describe, expect, it } from 'vitest';
import { MfccAccumulator, mfcc } from './mfcc.js';

function tone(hz: number, seconds: number, rate = 16000): Float32Array {
  const out = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < out.length; i++) out[i] = 0.3 * Math.sin((2 * Math.PI * hz * i) / rate);
  return out;
}

describe('mfcc', () => {
  it('gives one frame per 10 ms of whole 25 ms windows', () => {
    const frames = mfcc(tone(440, 1), 16000);
    expect(frames.count).toBe(Math.floor((16000 - 400) / 160) + 1);
    expect(frames.values.length).toBe(frames.count * 20);
    expect(frames.energyDb.length).toBe(frames.count);
  });

  it('is the same streamed in odd-sized chunks as all at once', () => {
    const signal = tone(300, 0.7);
    const whole = mfcc(signal, 16000);
    const acc = new MfccAccumulator(16000);
    for (let i = 0; i < signal.length; i += 997) acc.push(signal.subarray(i, i + 997));
    const streamed = acc.finish();
    expect(streamed.count).toBe(whole.count);
    expect(Array.from(streamed.values)).toEqual(Array.from(whole.values));
  });

  it('tells a low tone from a high one and loud from quiet', () => {
    const low = mfcc(tone(300, 0.5), 16000);
    const high = mfcc(tone(3000, 0.5), 16000);
    // c1 weighs low filters positively and high ones negatively.
    expect(low.values[20 * 10 + 1]!).toBeGreaterThan(high.values[20 * 10 + 1]!);
    const quiet = mfcc(
      tone(300, 0.5).map((v) => v / 10),
      16000,
    );
    expect(low.energyDb[10]! - quiet.energyDb[10]!).toBeCloseTo(20, 1);
  });
});
