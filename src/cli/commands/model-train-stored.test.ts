import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseModel } from '../../model/model-file.js';
import { analyzeFile, saveAnalysis } from '../../pipeline/index.js';
import { tempDir } from '../../pipeline/test-helpers.js';
import { openStore } from '../../store/index.js';
import { need, requires, SHARED_DATA } from '../../test-helpers.js';
import { runCandor as candor } from '../test-helpers.js';

const root = path.resolve(import.meta.dirname, '../../..');

// Real rated interviews (MIT Interview Dataset) stored as a team would have them: analysed in the
// workspace and rated there; training then needs no file at all.
requires(need.sharedData('interviews-mit')).describe(
  'candor model train on the stored ratings and analyses',
  () => {
    const data = tempDir('candor-train-stored-');
    const at = ['--data-dir', data.dir];
    let jobId = '';
    let unanalysedId = '';
    beforeAll(async () => {
      const converted = path.join(data.dir, 'mit');
      execFileSync(process.execPath, [
        path.join(root, 'scripts', 'interviews-mit.mjs'),
        '--data',
        path.join(SHARED_DATA, 'interviews-mit'),
        '--out',
        converted,
      ]);
      const rated = new Map<string, number>();
      for (const line of readFileSync(path.join(converted, 'ratings.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)) {
        const [interview, , , target, score] = line.split(',');
        if (target === 'overall') rated.set(interview!, Number(score));
      }
      const store = await openStore({ dataDir: data.dir });
      try {
        const ws = await store.workspaces.ensure({ slug: 'default' });
        const job = await store.jobs.create({
          workspaceId: ws.id,
          title: 'Intern',
          description: 'Internship.',
        });
        jobId = job.id;
        const candidates = new Map<string, string>();
        const ratings = [];
        const files = readdirSync(converted)
          .filter((f) => f.endsWith('.json'))
          .sort();
        for (const [i, file] of files.entries()) {
          const name = file.replace(/\.json$/, '');
          const person = name.replace(/^p+/, '');
          if (!candidates.has(person)) {
            const c = await store.candidates.create({ workspaceId: ws.id, name: `Person ${person}` });
            candidates.set(person, c.id);
          }
          const { application } = await store.applications.findOrCreate({
            candidateId: candidates.get(person)!,
            jobId: job.id,
          });
          const interview = await store.interviews.create({
            workspaceId: ws.id,
            applicationId: application.id,
            kind: 'live',
          });
          // One rated interview is never analysed: training leaves it out and says so.
          if (i === 0) unanalysedId = interview.id;
          else
            await saveAnalysis(
              store,
              interview.id,
              await analyzeFile(path.join(converted, file), { framework: 'default', questions: 'default' }),
            );
          ratings.push({
            interviewId: interview.id,
            answer: null,
            rater: 'crowd-mean',
            target: 'overall',
            score: rated.get(name)!,
            scale: { min: 1, max: 7 },
          });
        }
        await store.ratings.save({ workspaceId: ws.id, source: 'csv', createdBy: 'test', ratings });
      } finally {
        await store.close();
      }
    }, 300_000);
    afterAll(() => data.cleanup());

    it('trains from the workspace alone, validated by person, and leaves out a rated interview with no scorecard', async () => {
      const out = path.join(data.dir, 'stored-model.json');
      const r = await candor('model', 'train', '--target', 'overall', '--out', out, '--job', jobId, ...at);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/does not pass|passes/);
      expect(r.out).toContain(`1 rated interviews have no scorecard and are left out: ${unanalysedId}`);
      const model = parseModel(JSON.parse(readFileSync(out, 'utf8')), out);
      expect(model.training.interviews).toBe(91);
      expect(model.training.people).toBe(46);
      expect(model.training.source).toContain('stored ratings of "overall"');
      expect(model.validation.crossValidated.n).toBe(91);
      expect(model.features.length).toBeGreaterThan(5);
    });

    it('refuses --job beside both files, and says when the workspace has no ratings of the target', async () => {
      const both = await candor(
        'model',
        'train',
        '--target',
        'overall',
        '--ratings',
        'r.csv',
        '--features',
        'f.csv',
        '--job',
        jobId,
      );
      expect(both.code).toBe(2);
      expect(both.err).toContain('--job selects stored ratings');
      const none = await candor(
        'model',
        'train',
        '--target',
        'excited',
        ...at,
        '--out',
        path.join(data.dir, 'x.json'),
      );
      expect(none.code).toBe(2);
      expect(none.err).toContain('has no ratings for target "excited"');
    });
  },
);
