import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScorecardBody } from '../../domain/index.js';
import { analyzeFile, saveAnalysis } from '../../pipeline/index.js';
import { tempDir } from '../../pipeline/test-helpers.js';
import { openStore } from '../../store/index.js';
import { runCandor as candor } from '../test-helpers.js';

const root = path.resolve(import.meta.dirname, '../../..');

describe('candor model import | list | show | activate, and candor rescore', () => {
  const data = tempDir('candor-models-cli-');
  const at = ['--data-dir', data.dir];
  let interviewId = '';
  let jobId = '';
  const reference = JSON.parse(
    readFileSync(path.join(root, 'models', 'reference-overall.json'), 'utf8'),
  ) as Record<string, unknown>;
  beforeAll(async () => {
    const store = await openStore({ dataDir: data.dir });
    try {
      const ws = await store.workspaces.ensure({ slug: 'default' });
      const job = await store.jobs.create({ workspaceId: ws.id, title: 'SDR', description: 'Sales.' });
      const candidate = await store.candidates.create({ workspaceId: ws.id, name: 'Marcus Lee' });
      const { application } = await store.applications.findOrCreate({
        candidateId: candidate.id,
        jobId: job.id,
      });
      const interview = await store.interviews.create({
        workspaceId: ws.id,
        applicationId: application.id,
        kind: 'live',
      });
      const result = await analyzeFile(path.join(root, 'examples', 'interviews', 'marcus-average.vtt'), {
        framework: 'default',
        questions: 'default',
      });
      await saveAnalysis(store, interview.id, result);
      interviewId = interview.id;
      jobId = job.id;
    } finally {
      await store.close();
    }
    writeFileSync(
      path.join(data.dir, 'mine.json'),
      JSON.stringify({ ...reference, id: 'team-overall', version: 3 }),
    );
    writeFileSync(
      path.join(data.dir, 'broken.json'),
      JSON.stringify({ ...reference, scale: { min: 7, max: 1 } }),
    );
    writeFileSync(path.join(data.dir, 'not-json.json'), '{ "format": ');
  });
  afterAll(() => data.cleanup());

  it('lists the built-in reference model before anything is stored', async () => {
    const r = await candor('model', 'list', ...at, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([
      expect.objectContaining({
        id: 'reference-overall',
        builtIn: true,
        stored: false,
        activeVersion: null,
        passes: false,
        interviews: 92,
        people: 46,
      }),
    ]);
    const text = await candor('model', 'list', ...at);
    expect(text.out).toMatch(
      /^reference-overall +overall +1 +0\.37 +\[0\.19, 0\.53\] +does not pass +built-in$/m,
    );
  });

  it('rescore without an active model says how to activate one (exit 2)', async () => {
    const r = await candor('rescore', '--interview', interviewId, ...at);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^candor: NOT_FOUND: no active model for target overall in this workspace/);
  });

  it('imports a model file once, refuses a bad one naming the field, and shows its report', async () => {
    const first = await candor('model', 'import', path.join(data.dir, 'mine.json'), ...at);
    expect(first.code).toBe(0);
    expect(first.out).toBe(
      'mine.json: model team-overall version 3 (overall) stored; activate it with: candor model activate team-overall --version 3\n',
    );
    const again = await candor('model', 'import', path.join(data.dir, 'mine.json'), ...at, '--json');
    expect(JSON.parse(again.out)).toEqual({
      id: 'team-overall',
      version: 3,
      target: 'overall',
      added: false,
    });
    const broken = await candor('model', 'import', path.join(data.dir, 'broken.json'), ...at);
    expect(broken.code).toBe(2);
    expect(broken.err).toBe('candor: MODEL_INVALID: broken.json: model field scale: max must be above min\n');
    const notJson = await candor('model', 'import', path.join(data.dir, 'not-json.json'), ...at);
    expect(notJson.err).toMatch(/^candor: MODEL_INVALID: not-json.json: not JSON/);
    const show = await candor('model', 'show', 'team-overall', ...at);
    expect(show.out).toContain('model team-overall version 3, target overall, scale 1-7');
    expect(show.out).toContain('Verdict: does not pass: cross-validated r = 0.37');
    expect(show.out).toMatch(/stored versions: v3 imported by cli /);
    const missing = await candor('model', 'show', 'team-overall', '--version', '2', ...at);
    expect(missing.err).toBe('candor: NOT_FOUND: model team-overall version 2 not found\n');
  });

  it('activates the built-in model (storing it), then re-scores the interview and the job with it', async () => {
    const r = await candor('model', 'activate', 'reference-overall', ...at);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^model reference-overall version 1 is now the active model for overall;/);
    const list = JSON.parse((await candor('model', 'list', ...at, '--json')).out) as {
      id: string;
      activeVersion: number | null;
      stored: boolean;
    }[];
    expect(list.map((m) => [m.id, m.activeVersion, m.stored])).toEqual([
      ['reference-overall', 1, true],
      ['team-overall', null, true],
    ]);
    const one = await candor('rescore', '--interview', interviewId, ...at, '--json');
    expect(one.code).toBe(0);
    const result = JSON.parse(one.out) as {
      model: unknown;
      rescored: { interviewId: string; score: number }[];
    };
    expect(result.model).toEqual({ id: 'reference-overall', version: 1 });
    expect(result.rescored).toEqual([expect.objectContaining({ interviewId, score: expect.any(Number) })]);
    const job = await candor('rescore', '--job', jobId, ...at);
    expect(job.out).toMatch(/^re-scored 1 interview with model reference-overall version 1 \(overall\):/);
    const store = await openStore({ dataDir: data.dir });
    try {
      const cards = await store.scorecards.listForInterview(interviewId);
      expect(cards.map((c) => ScorecardBody.parse(c.body).model?.id ?? null)).toEqual([
        'reference-overall',
        'reference-overall',
        null,
      ]);
    } finally {
      await store.close();
    }
  });

  it('switches the active model to another version and refuses a rescore naming both --interview and --job', async () => {
    const r = await candor('model', 'activate', 'team-overall', '--version', '3', ...at, '--json');
    expect(JSON.parse(r.out)).toEqual({ id: 'team-overall', version: 3, target: 'overall', active: true });
    const list = JSON.parse((await candor('model', 'list', ...at, '--json')).out) as {
      id: string;
      activeVersion: number | null;
    }[];
    expect(list.map((m) => [m.id, m.activeVersion])).toEqual([
      ['reference-overall', null],
      ['team-overall', 3],
    ]);
    const both = await candor('rescore', '--interview', interviewId, '--job', jobId, ...at);
    expect(both.code).toBe(2);
    expect(both.err).toBe(
      'candor: CONFIG_INVALID: rescore: give exactly one of --interview ID or --job ID\n',
    );
    const badVersion = await candor('model', 'activate', 'team-overall', '--version', 'two', ...at);
    expect(badVersion.err).toBe(
      'candor: CONFIG_INVALID: --version: expected a whole number ≥ 1, got "two"\n',
    );
  });
});
