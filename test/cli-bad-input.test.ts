import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { need, requires, SHARED_DATA } from '../src/test-helpers.js';

// Damaged and unintelligible recordings end to end through the built `candor` bin (issue 15,
// items 4 and 5): a cut file is analysed with a warning naming what was lost; speech the
// recogniser cannot make out gets a poor recognition note and low confidence; --json carries the
// transcript with word times and confidences. Silence, noise, a 0.2 s clip and a video without
// sound are in cli-media.test.ts.
const root = path.resolve(import.meta.dirname, '..');
const librivox = path.join(SHARED_DATA, 'speech', 'librivox');
const dir = mkdtempSync(path.join(tmpdir(), 'candor-bad-input-'));

function candor(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'candor.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 180_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-nostdin', '-v', 'error', '-y', ...args]);
}

interface Card {
  overall: { score: number | null; confidence: number; reason?: string };
  input: { recognition?: { quality: string; meanConfidence: number; engine: string | null } };
  warnings?: string[];
  competencies: { evidence: { start: number | null; wordConfidence?: number }[] }[];
  transcript: {
    speaker: string | null;
    words?: { text: string; start: number; end: number; confidence?: number }[];
  }[];
}

requires(need.tool('ffmpeg'), need.pocketsphinx(), need.sharedData('speech/librivox'), need.built()).describe(
  'candor analyze on damaged and unintelligible recordings',
  () => {
    const answer = path.join(dir, 'answer.wav');
    beforeAll(() => {
      // The five LibriVox clips joined: 25 s of clean read speech, 16 kHz mono.
      const list = path.join(dir, 'list.txt');
      const clips = ['0870', '0880', '0890', '0920', '0930'].map((n) =>
        path.join(librivox, `sense_and_sensibility_01_austen_64kb-${n}.wav`),
      );
      writeFileSync(list, clips.map((c) => `file '${c}'`).join('\n'));
      ffmpeg(['-f', 'concat', '-safe', '0', '-i', list, '-ac', '1', '-ar', '16000', answer]);
    }, 60_000);

    let clean: Card;
    it('--json carries the transcript with word times and confidences, and recognition quality', () => {
      const r = candor(['analyze', answer, '--json']);
      expect(r.code, r.stderr).toBe(0);
      clean = JSON.parse(r.stdout) as Card;
      const words = clean.transcript.flatMap((s) => s.words ?? []);
      expect(words.length).toBeGreaterThan(40);
      for (const w of words) {
        expect(w.end).toBeGreaterThanOrEqual(w.start);
        expect(w.confidence).toBeGreaterThanOrEqual(0);
        expect(w.confidence).toBeLessThanOrEqual(1);
      }
      expect(clean.transcript.every((s) => 'speaker' in s)).toBe(true);
      expect(clean.input.recognition).toMatchObject({ engine: 'pocketsphinx' });
      expect(clean.input.recognition!.meanConfidence).toBeGreaterThan(0.55);
      expect(clean.warnings ?? []).not.toContainEqual(expect.stringMatching(/poor/));
      // Each timed quote carries the mean confidence of the words it rests on.
      const timed = clean.competencies.flatMap((c) => c.evidence).filter((e) => e.start !== null);
      expect(timed.length).toBeGreaterThan(0);
      for (const e of timed) {
        expect(e.wordConfidence).toBeGreaterThanOrEqual(0);
        expect(e.wordConfidence).toBeLessThanOrEqual(1);
      }
    }, 180_000);

    it('speech played backwards: poor recognition, said in words, and a lower confidence', () => {
      const reversed = path.join(dir, 'reversed.wav');
      ffmpeg(['-i', answer, '-af', 'areverse', reversed]);
      const r = candor(['analyze', reversed, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const card = JSON.parse(r.stdout) as Card;
      expect(card.input.recognition?.quality).toBe('poor');
      expect(card.warnings).toContainEqual(
        expect.stringMatching(
          /^speech recognition was poor \(mean word confidence 0\.\d\d.*scores rest on uncertain words$/,
        ),
      );
      expect(card.overall.confidence).toBeLessThan(clean.overall.confidence);
      expect(card.overall.confidence).toBeLessThanOrEqual(0.3);
      const text = candor(['analyze', reversed]);
      expect(text.stdout).toMatch(/Warning: speech recognition was poor/);
    }, 180_000);

    it.each([
      ['cut.wav', ['-c:a', 'pcm_s16le']],
      ['cut.mp3', ['-c:a', 'libmp3lame', '-b:a', '64k']],
      ['cut.webm', ['-c:a', 'libopus', '-b:a', '32k']],
    ])(
      '%s (a recording cut in half): analysed, with a warning naming what was lost',
      (name, codec) => {
        const whole = path.join(dir, `whole-${name}`);
        ffmpeg(['-i', answer, ...codec, whole]);
        const bytes = readFileSync(whole);
        const cut = path.join(dir, name);
        writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
        const r = candor(['analyze', cut, '--json']);
        expect(r.code, r.stderr).toBe(0);
        const card = JSON.parse(r.stdout) as Card;
        expect(card.warnings?.[0]).toMatch(
          /^the file ends early: the container says 2\d\.\d s, 1\d\.\d s could be decoded; the last 1\d\.\d s are missing/,
        );
        const text = candor(['analyze', cut]);
        expect(text.code).toBe(0);
        expect(text.stdout).toMatch(/Warning: the file ends early/);
      },
      180_000,
    );
  },
  600_000,
);
