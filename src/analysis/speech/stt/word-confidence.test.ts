import { execFileSync } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import type { Word } from '../../../domain/index.js';
import { closeSharedDecoder } from './pocketsphinx-decoder.js';
import { PocketsphinxEngine } from './pocketsphinx-engine.js';
import { librivoxClips, speechData, streamOf } from './test-helpers.js';
import { need, requires } from '../../../test-helpers.js';
import { alignedCorrect } from './wer.js';

afterAll(() => closeSharedDecoder());

/** 16 kHz mono float PCM of `file` through an ffmpeg filter graph (e.g. reversed, noise mixed in). */
function pcmThrough(file: string, filter: string[]): Float32Array {
  const bytes = execFileSync(
    'ffmpeg',
    ['-nostdin', '-v', 'error', '-i', file, ...filter, '-ac', '1', '-ar', '16000', '-f', 'f32le', '-'],
    { maxBuffer: 1 << 28 },
  );
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

// Figures from bench/recognition-confidence.mjs: clean LibriVox clips 0.58–0.81 mean posterior,
// the same clips reversed 0.22–0.54 or under loud pink noise 0.09–0.35.
requires(need.pocketsphinx(), need.tool('ffmpeg'), ...speechData).describe(
  'pocketsphinx word confidence',
  () => {
    const engine = new PocketsphinxEngine();
    const recognise = async (samples: Float32Array): Promise<Word[]> =>
      (await engine.transcribe(streamOf(samples))).segments.flatMap((s) => s.words ?? []);
    const clips = librivoxClips().slice(0, 3);

    it('gives every word a 0–1 confidence, higher on right words than wrong ones', async () => {
      const right: number[] = [];
      const wrong: number[] = [];
      for (const clip of clips) {
        const words = await recognise(pcmThrough(clip.file, []));
        const labels = alignedCorrect(
          clip.text,
          words.map((w) => w.text),
        );
        words.forEach((w, i) => {
          expect(w.confidence).toBeGreaterThanOrEqual(0);
          expect(w.confidence).toBeLessThanOrEqual(1);
          (labels[i] ? right : wrong).push(w.confidence!);
        });
      }
      expect(right.length).toBeGreaterThan(10);
      expect(wrong.length).toBeGreaterThan(0);
      expect(mean(right)).toBeGreaterThan(mean(wrong));
    });

    it('is low on speech played backwards and on speech drowned in noise, high on the clean clips', async () => {
      const clean: number[] = [];
      const garbled: number[] = [];
      for (const clip of clips) {
        clean.push(...(await recognise(pcmThrough(clip.file, []))).map((w) => w.confidence!));
        garbled.push(
          ...(await recognise(pcmThrough(clip.file, ['-af', 'areverse']))).map((w) => w.confidence!),
        );
        const noisy = pcmThrough(clip.file, [
          '-filter_complex',
          'anoisesrc=color=pink:amplitude=0.15:seed=7:sample_rate=16000[n];[0:a][n]amix=inputs=2:duration=first:normalize=0',
        ]);
        garbled.push(...(await recognise(noisy)).map((w) => w.confidence!));
      }
      expect(mean(clean)).toBeGreaterThan(0.6);
      expect(mean(garbled)).toBeLessThan(0.45);
    });
  },
  180_000,
);
