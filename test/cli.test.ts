import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// End to end through the built `candor` bin, as a user runs it (`npm test` builds first).
const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'candor.js');
const sdr = ['--job', 'examples/jobs/sdr.md', '--questions', 'examples/questions/sdr.yaml'];

function candor(args: string[], env: Record<string, string> = {}) {
  if (!existsSync(path.join(root, 'dist', 'cli', 'main.js')))
    throw new Error('dist/ is missing: run `npm run build` before these tests');
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('candor analyze', () => {
  it('prints a readable scorecard for a Zoom VTT with a job description', () => {
    const r = candor(['analyze', 'examples/interviews/priya-strong.vtt', ...sdr]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Candor scorecard — Priya Raman/);
    expect(r.stdout).toMatch(/Overall fit .* \d+\/100/);
    expect(r.stdout).toContain('Next step');
    expect(r.stdout).toMatch(/\[\d+:\d\d\] “/);
  });

  it('prints JSON with the documented fields, identical on a second run', () => {
    const a = candor(['analyze', 'examples/interviews/sam-async.json', '--framework', 'default', '--json']);
    const b = candor(['analyze', 'examples/interviews/sam-async.json', '--framework', 'default', '--json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const card = JSON.parse(a.stdout);
    expect(card.overall.score).toEqual(expect.any(Number));
    expect(card.framework).toMatchObject({ id: 'default', version: '1.1.0' });
    expect(card.engine.version).toBe(
      JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version,
    );
    const c = card.competencies[0];
    expect(Object.keys(c)).toEqual(
      expect.arrayContaining(['id', 'name', 'score', 'confidence', 'evidence', 'feedback']),
    );
    expect(Object.keys(c.evidence[0])).toEqual(
      expect.arrayContaining(['signal', 'value', 'quote', 'start', 'end']),
    );
  });

  it('scores a folder of async answers, taking each question from the file name', () => {
    const r = candor(['analyze', 'examples/answers', '--job', 'examples/jobs/support-lead.md', '--json']);
    expect(r.code).toBe(0);
    const card = JSON.parse(r.stdout);
    expect(card.responses.map((x: { questionId: string }) => x.questionId)).toEqual([
      'conflict-remote',
      'difficult-problem',
      'missed-goal',
    ]);
  });

  it.each([
    ['examples/broken/empty.txt', /TRANSCRIPT_INVALID: .*empty/],
    [
      'examples/broken/not-a-transcript.bin',
      /TRANSCRIPT_INVALID: .*is a PNG image, not a recording or a transcript/,
    ],
    ['examples/broken/bad-timestamps.vtt', /TRANSCRIPT_INVALID: .*line \d+/],
    ['examples/broken/missing-arrow.srt', /TRANSCRIPT_INVALID: .*line \d+/],
    ['examples/broken/truncated.json', /TRANSCRIPT_INVALID: /],
    ['examples/broken/no-header.vtt', /TRANSCRIPT_INVALID: .*line 1/],
    ['examples/nope.vtt', /FILE_UNREADABLE: /],
  ])('exits 2 with a one-line reason for %s', (file, reason) => {
    const r = candor(['analyze', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('exits 2 for a bad framework or an unknown question id', () => {
    expect(candor(['analyze', 'examples/answers/conflict-remote.txt', '--framework', 'nope']).stderr).toMatch(
      /FRAMEWORK_NOT_FOUND/,
    );
    const q = candor(['analyze', 'examples/answers/conflict-remote.txt', '--question', 'nope']);
    expect(q.code).toBe(2);
    expect(q.stderr).toMatch(/no question "nope"/);
  });

  it('gives an "insufficient evidence" scorecard for a three-word answer', () => {
    const r = candor(['analyze', 'examples/interviews/too-short.txt', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).overall).toMatchObject({
      score: null,
      reason: expect.stringMatching(/^insufficient evidence/),
    });
  });
});

describe('candor analyze --model', () => {
  it("prints the model's prediction, its verdict in words and the top contributions beside the framework's scores", () => {
    const r = candor(['analyze', 'examples/interviews/marcus-average.vtt', '--model', 'reference-overall']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Overall fit .* \d+\/100/);
    expect(r.stdout).toMatch(
      /Model's prediction .* \d\.\d on 1–7 \([\d.]+\/100\) {2}overall, model reference-overall v1/,
    );
    expect(r.stdout).toContain('Validation: does not pass: cross-validated r = 0.37');
    expect(r.stdout).toContain('Largest contributions (points of the 0–100 prediction):');
    expect(r.stdout).toMatch(/ [+−]\d+\.\d {2}Speaking rate: [\d.]+ words\/min \(training mean 155\.19\)/);
  });

  it('records the model in the JSON scorecard, the same on a second run; without --model there is no model field', () => {
    const args = ['analyze', 'examples/interviews/priya-strong.vtt', '--json'];
    const a = candor([...args, '--model', 'models/reference-overall.json']);
    const b = candor([...args, '--model', 'reference-overall']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const card = JSON.parse(a.stdout);
    expect(card.model).toMatchObject({ id: 'reference-overall', version: 1, target: 'overall' });
    expect(card.model.prediction.score).toEqual(expect.any(Number));
    expect(card.model.contributions).toHaveLength(9);
    const plain = JSON.parse(candor(args).stdout);
    expect(plain.model).toBeUndefined();
    const { model: _model, ...framework } = card;
    void _model;
    expect(framework).toEqual(plain);
  });

  it('exits 2 naming an unknown model or a bad model file', () => {
    const unknown = candor(['analyze', 'examples/interviews/priya-strong.vtt', '--model', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'candor: NOT_FOUND: no built-in model "nope" and no such file (built-in models: reference-overall)\n',
    );
    const bad = candor(['analyze', 'examples/interviews/priya-strong.vtt', '--model', 'package.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'candor: MODEL_INVALID: package.json: model field format: Invalid input: expected "candor-model/1"\n',
    );
  });
});

describe('candor frameworks, signals and demo', () => {
  it('lists and shows frameworks', () => {
    expect(candor(['frameworks', 'list']).stdout).toMatch(/default\s+1\.1\.0\s+10 competencies/);
    const show = JSON.parse(candor(['frameworks', 'show', 'default', '--json']).stdout);
    expect(show.competencies).toHaveLength(10);
    expect(candor(['frameworks', 'show', 'nope']).code).toBe(2);
  });

  it('says which speech engines are usable and why not', () => {
    const r = candor(['doctor', '--json'], { CANDOR_WHISPER_MODEL: '', CANDOR_ASR_URL: '' });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const engines = report.speech.engines as { name: string; usable: boolean; reason: string }[];
    expect(engines.map((e) => e.name)).toEqual(['pocketsphinx', 'whisper', 'openai']);
    expect(engines.find((e) => e.name === 'openai')).toMatchObject({
      usable: false,
      reason: expect.stringMatching(/CANDOR_ASR_URL/),
    });
    expect(candor(['doctor']).stdout).toMatch(/speech-to-text/);
  });

  it('lists every signal with its unit, range, method and source', () => {
    const signals = JSON.parse(candor(['signals', '--json']).stdout) as {
      id: string;
      method: string;
      source: string;
    }[];
    expect(signals.map((s) => s.id)).toEqual(
      expect.arrayContaining(['fillerWordsPer100', 'wordsPerMinute', 'starStructure', 'roleAlignment']),
    );
    for (const s of signals) expect(s.method.length * s.source.length).toBeGreaterThan(0);
  });

  it('seeds a database, ranks the example candidates, and can run again', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'candor-demo-'));
    const first = candor(['demo', '--json'], { CANDOR_DATA_DIR: dataDir });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/\[7\/7\] analysing/);
    expect(existsSync(path.join(dataDir, 'candor.db'))).toBe(true);
    const again = candor(['demo', '--json'], { CANDOR_DATA_DIR: dataDir });
    const jobs = JSON.parse(again.stdout) as {
      job: string;
      ranking: { candidate: string; overall: number | null }[];
    }[];
    const sdr = jobs[0]?.ranking ?? [];
    expect(sdr.map((r) => r.candidate)).toEqual([
      'Priya Raman',
      'Sam Okafor',
      'Marcus Lee',
      'Alex Kim',
      'Jordan Reyes',
      'Too Short',
    ]);
    expect(sdr.at(-1)?.overall).toBeNull();
  }, 60_000);
});
