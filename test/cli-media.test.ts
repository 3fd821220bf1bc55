import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { need, requires, SHARED_DATA } from '../src/test-helpers.js';

// Recordings end to end through the built `candor` bin: ffmpeg decoding, offline recognition,
// prosody. Needs Debian's ffmpeg and pocketsphinx (installed by .ci/run); skipped elsewhere with a reason.
const root = path.resolve(import.meta.dirname, '..');
const speech = path.join(SHARED_DATA, 'speech');
const dir = mkdtempSync(path.join(tmpdir(), 'candor-media-'));

function candor(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'candor.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-nostdin', '-v', 'error', '-y', ...args]);
}

requires(
  need.tool('ffmpeg'),
  need.pocketsphinx(),
  need.sharedData('speech/librivox'),
  need.sharedData('speech/jfk.flac'),
  need.built(),
).describe(
  'candor analyze <recording>',
  () => {
    const librivox = path.join(dir, 'librivox.mp3');
    beforeAll(() => {
      // The five LibriVox clips joined into one 25-second mp3: a short spoken answer.
      const clips = ['0870', '0880', '0890', '0920', '0930'].map((n) =>
        path.join(speech, 'librivox', `sense_and_sensibility_01_austen_64kb-${n}.wav`),
      );
      const list = path.join(dir, 'list.txt');
      writeFileSync(list, clips.map((c) => `file '${c}'`).join('\n'));
      ffmpeg(['-f', 'concat', '-safe', '0', '-i', list, '-c:a', 'libmp3lame', '-q:a', '4', librivox]);
    }, 60_000);

    it('recognises speech offline and reports voice signals with times', () => {
      const r = candor(['analyze', librivox, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const card = JSON.parse(r.stdout);
      expect(card.input.words).toBeGreaterThan(40);
      const pacing = card.competencies.find((c: { id: string }) => c.id === 'confidence-pacing');
      const pitch = pacing.signals.find((s: { signal: string }) => s.signal === 'pitchRangeSemitones');
      expect(pitch.value).toBeGreaterThan(1);
      expect(pitch.credit).toBeNull();
      const measured = new Map<string, { value: number; scored: boolean }>(
        card.measurements.map((m: { signal: string; value: number; scored: boolean }) => [m.signal, m]),
      );
      expect(measured.get('pitchMeanHz')).toMatchObject({ scored: false });
      expect(measured.get('intensitySpreadDb')?.value).toBeGreaterThan(0);
      expect(measured.get('pauseRatio')?.value).toBeGreaterThanOrEqual(0);
      expect(r.stderr).toMatch(/recognising speech/);
    }, 120_000);

    it('uses an imported transcript instead of recognition', () => {
      const transcript = path.join(dir, 'jfk.txt');
      writeFileSync(
        transcript,
        'And so, my fellow Americans: ask not what your country can do for you, ask what you can do for your country.',
      );
      const r = candor(['analyze', path.join(speech, 'jfk.flac'), '--transcript', transcript, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const card = JSON.parse(r.stdout);
      expect(card.input.words).toBe(22);
      expect(card.overall.reason).toMatch(/^insufficient evidence/);
      expect(r.stderr).toMatch(/analysing the voice/);
    }, 60_000);

    it('prints the voice measures as measurements in the text scorecard', () => {
      const transcript = path.join(dir, 'jfk.vtt');
      writeFileSync(
        transcript,
        'WEBVTT\n\n00:00.300 --> 00:10.300\nAnd so, my fellow Americans: ask not what your country can do for you, ask what you can do for your country.\n',
      );
      const r = candor(['analyze', path.join(speech, 'jfk.flac'), '--transcript', transcript]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/Voice and timing measurements/);
      expect(r.stdout).toMatch(/Mean pitch: \d+(\.\d+)? Hz/);
      expect(r.stdout).toMatch(/Longest pause: 1\.\d+ seconds \[0:0\d pause\]/);
    }, 60_000);

    it.each([
      ['silence', ['-f', 'lavfi', '-i', 'anullsrc=r=16000:cl=mono', '-t', '3'], 'silence.wav'],
      ['noise', ['-f', 'lavfi', '-i', 'anoisesrc=r=16000:a=0.3:seed=7', '-t', '3'], 'noise.wav'],
      ['a 0.2-second clip', ['-f', 'lavfi', '-i', 'sine=f=220:r=16000', '-t', '0.2'], 'short.wav'],
    ])(
      'gives an "insufficient evidence" scorecard for %s',
      (_name, input, name) => {
        const file = path.join(dir, name);
        ffmpeg([...input, file]);
        const r = candor(['analyze', file, '--json']);
        expect(r.code, r.stderr).toBe(0);
        expect(JSON.parse(r.stdout).overall).toMatchObject({
          score: null,
          reason: expect.stringMatching(/^insufficient evidence/),
        });
      },
      60_000,
    );

    it('exits 2 with MEDIA_UNREADABLE for a video without audio and a text file named .wav', () => {
      const video = path.join(dir, 'silent-video.mp4');
      ffmpeg(['-f', 'lavfi', '-i', 'testsrc=duration=1:size=64x64:rate=10', '-an', '-c:v', 'mpeg4', video]);
      const fake = path.join(dir, 'answer.wav');
      writeFileSync(fake, 'this is not audio at all\n');
      for (const [file, reason] of [
        [video, /has no audio track/],
        [fake, /MEDIA_UNREADABLE/],
      ] as const) {
        const r = candor(['analyze', file]);
        expect(r.code).toBe(2);
        expect(r.stderr.trim().split('\n').at(-1)).toMatch(reason);
        expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
      }
    }, 60_000);
  },
  240_000,
);
