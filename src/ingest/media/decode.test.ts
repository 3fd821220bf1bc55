import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CandorError } from '../../core/index.js';
import { decodeAudio, decodeAudioToArray, DECODE_SAMPLE_RATE } from './decode.js';
import { probeMedia } from './probe.js';
import {
  ffmpeg,
  ffmpegMake,
  JFK,
  LIBRIVOX,
  speechData,
  tempFolder,
  VIDEO_GRID,
  videoData,
} from './test-helpers.js';
import { requires } from '../../test-helpers.js';

/** Expects `promise` to reject with MEDIA_UNREADABLE whose message names the file. */
async function expectUnreadable(
  promise: Promise<unknown>,
  file: string,
  reason?: RegExp,
): Promise<CandorError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CandorError);
  const candor = error as CandorError;
  expect(candor.code).toBe('MEDIA_UNREADABLE');
  expect(candor.message.startsWith(`${file}: `)).toBe(true);
  expect(candor.details).toMatchObject({ file });
  if (reason) expect(candor.message).toMatch(reason);
  return candor;
}

requires(ffmpeg, ...speechData).describe('decodeAudio on real recordings', () => {
  it('decodes jfk.flac (11 s, 44.1 kHz stereo) to 16 kHz mono, ±1%', async () => {
    const samples = await decodeAudioToArray(JFK);
    expect(Math.abs(samples.length - 11 * DECODE_SAMPLE_RATE)).toBeLessThan(0.01 * 11 * DECODE_SAMPLE_RATE);
    const peak = samples.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    expect(peak).toBeGreaterThan(0.05); // real speech, not silence
    expect(peak).toBeLessThan(1.5); // floats are not clipped: resampling a loud clip overshoots 1 a little
  });

  it('decodes each librivox WAV to the sample count its header gives, ±1%', async () => {
    for (const name of readdirSync(LIBRIVOX).filter((f) => f.endsWith('.wav'))) {
      const file = path.join(LIBRIVOX, name);
      const expected = (readFileSync(file).length - 44) / 2; // 16 kHz mono s16 PCM after a 44-byte header
      const samples = await decodeAudioToArray(file);
      expect(Math.abs(samples.length - expected) / expected).toBeLessThan(0.01);
    }
  });

  it('streams ~1 s chunks and reports progress against the probed duration', async () => {
    const sizes: number[] = [];
    const progress: [number, number | null][] = [];
    for await (const chunk of decodeAudio(JFK, { onProgress: (s, d) => progress.push([s, d]) }))
      sizes.push(chunk.length);
    expect(sizes.slice(0, -1).every((n) => n === DECODE_SAMPLE_RATE)).toBe(true);
    expect(sizes.length).toBe(11);
    expect(progress.at(-1)?.[0]).toBeCloseTo(11, 1);
    expect(progress.at(-1)?.[1]).toBeCloseTo(11, 1);
    expect(progress.map(([s]) => s)).toEqual([...progress.map(([s]) => s)].sort((a, b) => a - b));
  });

  it('stops ffmpeg when the consumer breaks out early, without hanging', async () => {
    let chunks = 0;
    for await (const chunk of decodeAudio(JFK)) {
      expect(chunk.length).toBe(DECODE_SAMPLE_RATE);
      if (++chunks === 2) break;
    }
    expect(chunks).toBe(2);
  });

  it('an abort signal stops the decode with the signal’s reason', async () => {
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const chunks = decodeAudio(JFK, { signal: controller.signal, chunkSamples: 1600 });
    expect((await chunks.next()).value).toHaveLength(1600);
    controller.abort(reason);
    await expect(chunks.next()).rejects.toBe(reason);
  });

  it('kills ffmpeg and says so when it exceeds its time budget', async () => {
    await expectUnreadable(decodeAudioToArray(JFK, { timeoutMs: 1 }), JFK, /did not finish within/);
  });
});

requires(ffmpeg, videoData).describe('decodeAudio on video', () => {
  it('decodes the sound track of a GRID MPEG-1 talking-face clip (3 s)', async () => {
    const file = path.join(
      VIDEO_GRID,
      readdirSync(VIDEO_GRID).find((f) => f.endsWith('.mpg'))!,
    );
    const info = await probeMedia(file);
    expect(info).toMatchObject({ hasAudio: true, hasVideo: true, format: 'mpeg' });
    const samples = await decodeAudioToArray(file, { info });
    expect(Math.abs(samples.length / DECODE_SAMPLE_RATE - info.durationSeconds!)).toBeLessThan(
      0.03 * info.durationSeconds!,
    );
  });
});

requires(ffmpeg).describe('decodeAudio on bad and edge-case input', () => {
  const tmp = tempFolder();
  afterAll(() => tmp.cleanup());
  const at = (name: string) => path.join(tmp.dir, name);
  beforeAll(() => {
    ffmpegMake(['-f', 'lavfi', '-i', 'testsrc=duration=1'], ['-an'], at('no-audio.mp4'));
    ffmpegMake(['-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo'], ['-t', '2'], at('silence.wav'));
    ffmpegMake(['-f', 'lavfi', '-i', 'sine=frequency=300:duration=0.2'], [], at('short.flac'));
    writeFileSync(at('notes.wav'), 'Interviewer: so, tell me about a time you led a team.\n');
    writeFileSync(at('notes.mp3'), 'Interviewer: so, tell me about a time you led a team.\n');
    writeFileSync(at('empty.m4a'), '');
  });

  it('a video without an audio stream → MEDIA_UNREADABLE "has no audio track"', async () => {
    await expectUnreadable(decodeAudioToArray(at('no-audio.mp4')), at('no-audio.mp4'), /has no audio track/);
  });

  it('a text file named .wav or .mp3 → MEDIA_UNREADABLE with ffmpeg’s reason', async () => {
    await expectUnreadable(decodeAudioToArray(at('notes.wav')), at('notes.wav'), /Invalid data/);
    await expectUnreadable(decodeAudioToArray(at('notes.mp3')), at('notes.mp3'));
  });

  it('an empty file → MEDIA_UNREADABLE "file is empty"', async () => {
    await expectUnreadable(decodeAudioToArray(at('empty.m4a')), at('empty.m4a'), /file is empty/);
  });

  it('a missing file → FILE_UNREADABLE', async () => {
    await expect(decodeAudioToArray(at('absent.wav'))).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
  });

  requires(...speechData).it(
    'a truncated flac (first 2 KB) fails cleanly or decodes short, never hangs',
    async () => {
      writeFileSync(at('cut.flac'), readFileSync(JFK).subarray(0, 2048));
      const result = await decodeAudioToArray(at('cut.flac')).then(
        (samples) => samples.length,
        (e: unknown) => e,
      );
      if (typeof result === 'number') expect(result).toBeLessThan(DECODE_SAMPLE_RATE);
      else expect(result).toMatchObject({ code: 'MEDIA_UNREADABLE' });
    },
  );

  requires(...speechData).it(
    'a flac with its middle corrupted still decodes to about its length',
    async () => {
      const bytes = Buffer.from(readFileSync(JFK));
      bytes.fill(0x55, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 4096);
      writeFileSync(at('damaged.flac'), bytes);
      const samples = await decodeAudioToArray(at('damaged.flac')).catch((e: unknown) => e);
      if (samples instanceof Float32Array) expect(samples.length / DECODE_SAMPLE_RATE).toBeGreaterThan(5);
      else expect(samples).toMatchObject({ code: 'MEDIA_UNREADABLE' });
    },
  );

  it('2 s of digital silence at 48 kHz stereo → 32 000 zero samples', async () => {
    const samples = await decodeAudioToArray(at('silence.wav'));
    expect(samples.length).toBe(2 * DECODE_SAMPLE_RATE);
    expect(samples.every((v) => v === 0)).toBe(true);
  });

  it('a 0.2 s clip → one short chunk of 3 200 samples', async () => {
    const chunks: Float32Array[] = [];
    for await (const chunk of decodeAudio(at('short.flac'))) chunks.push(chunk);
    expect(chunks.map((c) => c.length)).toEqual([3200]);
  });
});

requires(ffmpeg).describe('decodeAudio on a recording cut in half', () => {
  const tmp = tempFolder();
  afterAll(() => tmp.cleanup());
  const at = (name: string) => path.join(tmp.dir, name);

  /** 20 s of a tone, encoded as `name`, then only its first half of bytes kept (as `head -c` does). */
  function cutInHalf(name: string, codec: string[]): string {
    const whole = ffmpegMake(
      ['-f', 'lavfi', '-i', 'sine=frequency=220:duration=20'],
      codec,
      at(`whole-${name}`),
    );
    const bytes = readFileSync(whole);
    writeFileSync(at(name), bytes.subarray(0, Math.floor(bytes.length / 2)));
    return at(name);
  }

  it.each([
    ['cut.wav', ['-ar', '16000', '-c:a', 'pcm_s16le']],
    ['cut.webm', ['-c:a', 'libopus', '-b:a', '32k']],
    ['cut.mp3', ['-c:a', 'libmp3lame', '-b:a', '64k']],
  ])('%s: decodes the half that is there and says what is missing', async (name, codec) => {
    const file = cutInHalf(name, codec);
    const warnings: string[] = [];
    const samples = await decodeAudioToArray(file, { onWarning: (w) => warnings.push(w) });
    const seconds = samples.length / DECODE_SAMPLE_RATE;
    expect(seconds).toBeGreaterThan(8);
    expect(seconds).toBeLessThan(12);
    expect(warnings).toHaveLength(1);
    const m =
      /^the file ends early: the container says (\d+\.\d) s, (\d+\.\d) s could be decoded; the last (\d+\.\d) s are missing/.exec(
        warnings[0]!,
      );
    expect(m, warnings[0]).not.toBeNull();
    expect(Number(m![1])).toBeCloseTo(20, 0);
    expect(Number(m![2])).toBeCloseTo(seconds, 0);
    expect(Number(m![3])).toBeGreaterThan(8);
  });

  it('says nothing about a whole recording', async () => {
    const file = ffmpegMake(
      ['-f', 'lavfi', '-i', 'sine=frequency=220:duration=5'],
      ['-c:a', 'libmp3lame'],
      at('whole.mp3'),
    );
    const warnings: string[] = [];
    await decodeAudioToArray(file, { onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([]);
  });
});
