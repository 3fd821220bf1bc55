import { describe, expect, it } from 'vitest';
import { JFK, pcmOf, speechData } from './test-helpers.js';
import { need, requires } from '../../../test-helpers.js';
import { UtteranceSplitter, type Utterance } from './utterance-splitter.js';

const RATE = 16_000;

/** A 200 Hz tone of `seconds` at `amplitude`, or silence at amplitude 0. */
function tone(seconds: number, amplitude: number): Float32Array {
  return Float32Array.from(
    { length: Math.round(seconds * RATE) },
    (_, i) => amplitude * Math.sin((2 * Math.PI * 200 * i) / RATE),
  );
}
function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
function split(samples: Float32Array, chunk = RATE, splitter = new UtteranceSplitter()): Utterance[] {
  const out: Utterance[] = [];
  for (let i = 0; i < samples.length; i += chunk) out.push(...splitter.push(samples.subarray(i, i + chunk)));
  return [...out, ...splitter.flush()];
}
const span = (u: Utterance): [number, number] => [
  u.startSample / RATE,
  (u.startSample + u.samples.length) / RATE,
];

describe('UtteranceSplitter', () => {
  it('cuts at a pause and trims long silences to 0.25 s of padding, keeping stream positions', () => {
    const audio = concat(tone(2, 0), tone(1, 0.3), tone(3, 0), tone(1.5, 0.3), tone(1, 0));
    const utterances = split(audio);
    expect(utterances).toHaveLength(2);
    const [a, b] = utterances.map(span);
    expect(a![0]).toBeCloseTo(1.75, 2);
    expect(a![1]).toBeCloseTo(3.25, 2);
    expect(b![0]).toBeCloseTo(5.75, 2);
    expect(b![1]).toBeCloseTo(7.75, 2);
    // The samples are the stream's own at those positions.
    expect(utterances[0]!.samples[4000]).toBe(Math.round(audio[utterances[0]!.startSample + 4000]! * 32768));
  });

  it('does not cut at a pause shorter than 0.3 s', () => {
    expect(split(concat(tone(1, 0), tone(1, 0.3), tone(0.2, 0), tone(1, 0.3), tone(1, 0)))).toHaveLength(1);
  });

  it('gives the same utterances whatever the chunk size', () => {
    const audio = concat(tone(0.5, 0), tone(1, 0.2), tone(0.6, 0), tone(0.7, 0.4), tone(0.5, 0));
    const spans = (chunk: number) => split(audio, chunk).map(span);
    expect(spans(777)).toEqual(spans(RATE));
    expect(spans(RATE * 10)).toEqual(spans(RATE));
  });

  it('emits nothing for silence or for a click shorter than 50 ms', () => {
    expect(split(tone(5, 0))).toEqual([]);
    expect(split(concat(tone(2, 0), tone(0.03, 0.5), tone(2, 0)))).toEqual([]);
  });

  it('cuts speech without pauses at 20 s, at its quietest moment', () => {
    // 45 s of a tone whose loudness dips for 0.1 s every 4 s (no pause): every 5 s window where a
    // cut is sought holds a dip, so the cuts fall on dips.
    const audio = Float32Array.from({ length: 45 * RATE }, (_, i) => {
      const t = i / RATE;
      const dip = Math.abs((t % 4) - 2) < 0.05 ? 0.02 : 1;
      return 0.3 * dip * Math.sin(2 * Math.PI * 200 * t);
    });
    const utterances = split(audio);
    expect(utterances.length).toBeGreaterThanOrEqual(3);
    for (const u of utterances) expect(u.samples.length).toBeLessThanOrEqual(20 * RATE);
    expect(utterances.reduce((n, u) => n + u.samples.length, 0)).toBe(audio.length);
    for (const u of utterances.slice(1))
      expect(Math.abs(((u.startSample / RATE) % 4) - 2)).toBeLessThan(0.06);
  });

  requires(need.tool('ffmpeg'), ...speechData).it(
    'splits jfk.flac at its pauses into phrase-sized pieces inside the clip',
    () => {
      const audio = pcmOf(JFK);
      const utterances = split(audio);
      expect(utterances.length).toBeGreaterThanOrEqual(2);
      let previousEnd = 0;
      for (const u of utterances) {
        const [start, end] = span(u);
        expect(start).toBeGreaterThanOrEqual(previousEnd);
        expect(end).toBeLessThanOrEqual(audio.length / RATE + 1e-9);
        expect(end - start).toBeLessThan(8);
        previousEnd = end!;
      }
    },
  );
});
