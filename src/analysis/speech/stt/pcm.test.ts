import { describe, expect, it } from 'vitest';
import { audioParts } from './audio-parts.js';
import { encodeWav, toInt16 } from './pcm.js';
import { streamOf } from './test-helpers.js';

describe('toInt16', () => {
  it('scales full scale to 16 bits and clips resampling overshoot', () => {
    expect(Array.from(toInt16(Float32Array.from([0, 0.5, -0.5, 1, -1, 1.2, -1.3])))).toEqual([
      0, 16384, -16384, 32767, -32768, 32767, -32768,
    ]);
  });
});

describe('encodeWav', () => {
  it('writes a canonical 16 kHz mono 16-bit RIFF/WAVE file of the streamed samples', async () => {
    const samples = Float32Array.from({ length: 40_000 }, (_, i) => Math.sin(i / 10) * 0.5);
    const wav = await encodeWav(streamOf(samples, 7000));
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.toString('ascii', 8, 16)).toBe('WAVEfmt ');
    expect([wav.readUInt16LE(20), wav.readUInt16LE(22), wav.readUInt32LE(24), wav.readUInt16LE(34)]).toEqual([
      1, 1, 16_000, 16,
    ]);
    expect(wav.readUInt32LE(40)).toBe(80_000);
    expect(wav.readInt16LE(44 + 2 * 123)).toBe(toInt16(samples)[123]);
  });
});

describe('audioParts', () => {
  it('cuts a stream into contiguous parts no longer than asked, at the quiet moment', async () => {
    // 25 s: a tone with 0.5 s silences at 9 s and 18 s.
    const samples = Float32Array.from({ length: 25 * 16_000 }, (_, i) => {
      const t = i / 16_000;
      return (t > 9 && t < 9.5) || (t > 18 && t < 18.5) ? 0 : 0.3 * Math.sin(i / 4);
    });
    const parts = [];
    for await (const part of audioParts(streamOf(samples), 10)) parts.push(part);
    expect(parts.map((p) => Math.round(p.startSeconds * 100) / 100)).toEqual([0, 9.25, 18.25]);
    expect(parts.reduce((n, p) => n + p.samples.length, 0)).toBe(samples.length);
    for (const p of parts) expect(p.samples.length).toBeLessThanOrEqual(10 * 16_000);
    expect(parts[1]!.samples[0]).toBe(samples[Math.round(parts[1]!.startSeconds * 16_000)]);
  });
});
