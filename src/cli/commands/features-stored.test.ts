import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeaturesCsv } from '../../features/index.js';
import { analyzeFile, saveAnalysis } from '../../pipeline/index.js';
import { tempDir } from '../../pipeline/test-helpers.js';
import { openStore } from '../../store/index.js';
import { runCandor as candor } from '../test-helpers.js';

const root = path.resolve(import.meta.dirname, '../../..');
const example = (name: string) => path.join(root, 'examples', 'interviews', name);

describe('candor features --job ID (a stored job)', () => {
  const data = tempDir('candor-features-stored-');
  const at = ['--data-dir', data.dir];
  const ids = {
    job: '',
    emptyJob: '',
    interviews: new Map<string, string>(),
    candidates: new Map<string, string>(),
  };
  beforeAll(async () => {
    const store = await openStore({ dataDir: data.dir });
    try {
      const ws = await store.workspaces.ensure({ slug: 'default' });
      const job = await store.jobs.create({ workspaceId: ws.id, title: 'SDR', description: 'Sales.' });
      const empty = await store.jobs.create({ workspaceId: ws.id, title: 'Empty', description: 'None yet.' });
      ids.job = job.id;
      ids.emptyJob = empty.id;
      for (const [name, file] of [
        ['Marcus Lee', 'marcus-average.vtt'],
        ['Priya Raman', 'priya-strong.vtt'],
        ['Not Analysed', null],
      ] as const) {
        const candidate = await store.candidates.create({ workspaceId: ws.id, name });
        const { application } = await store.applications.findOrCreate({
          candidateId: candidate.id,
          jobId: job.id,
        });
        const interview = await store.interviews.create({
          workspaceId: ws.id,
          applicationId: application.id,
          kind: 'live',
        });
        if (file === null) continue;
        const result = await analyzeFile(example(file), { framework: 'default', questions: 'default' });
        await saveAnalysis(store, interview.id, result);
        ids.interviews.set(file, interview.id);
        ids.candidates.set(file, candidate.id);
      }
    } finally {
      await store.close();
    }
  });
  afterAll(() => data.cleanup());

  it('writes one row per analysed interview, named by interview id with the candidate as the person, with the numbers the files give', async () => {
    const stored = await candor('features', '--job', ids.job, ...at);
    expect(stored.code).toBe(0);
    expect(stored.err).toContain('1 applications of job');
    const table = parseFeaturesCsv(stored.out, 'stored.csv');
    expect(table.rows.map((r) => r.interview).sort()).toEqual([...ids.interviews.values()].sort());
    const fromFiles = await candor('features', example('marcus-average.vtt'));
    expect(fromFiles.code).toBe(0);
    const fileRow = parseFeaturesCsv(fromFiles.out, 'file.csv').rows[0]!;
    const storedRow = table.rows.find((r) => r.interview === ids.interviews.get('marcus-average.vtt'))!;
    expect(storedRow.person).toBe(ids.candidates.get('marcus-average.vtt'));
    expect(Object.keys(storedRow.values).sort()).toEqual(Object.keys(fileRow.values).sort());
    for (const [column, value] of Object.entries(fileRow.values)) {
      const got = storedRow.values[column] ?? null;
      if (value === null) expect(got, column).toBeNull();
      else expect(got, column).toBeCloseTo(value, 6);
    }
  });

  it('exits 2 for an unknown job, a job with nothing analysed, --answers, and no files and no job', async () => {
    const unknown = await candor('features', '--job', 'job_nope', ...at);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('job job_nope not found');
    const empty = await candor('features', '--job', ids.emptyJob, ...at);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('has no analysed interview');
    const answers = await candor('features', '--job', ids.job, '--answers', ...at);
    expect(answers.code).toBe(2);
    expect(answers.err).toContain('--answers works on files only');
    const nothing = await candor('features', ...at);
    expect(nothing.code).toBe(2);
    expect(nothing.err).toContain('give interview files or folders, or --job ID');
  });
});
