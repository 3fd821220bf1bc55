/** Frameworks and question sets: built-in files, the workspace's own, and nobody else's. */
import { describe, expect, it } from 'vitest';
import { planInterview } from '../../../pipeline/index.js';
import { testConfig } from '../../app.suite.js';
import { builtinFrameworks, builtinQuestionSets } from './catalogue.js';
import type { SuiteContext } from './hiring.suite.js';
import { send } from './test-helpers.js';

function framework(id: string, version = '1.0.0') {
  const base = builtinFrameworks().find((f) => f.id === 'default');
  if (base === undefined) throw new Error('no default framework');
  return { ...base, id, version, name: `Framework ${id}` };
}

export function catalogueCases(f: () => SuiteContext): void {
  describe('frameworks', () => {
    it('lists the built-in frameworks with their competencies to every role', async () => {
      const res = await send(f().fx.app, f().fx.users.student, 'GET', '/frameworks');
      expect(res.statusCode).toBe(200);
      const builtIn = res.json().frameworks.find((fw: { id: string }) => fw.id === 'default');
      const file = builtinFrameworks().find((fw) => fw.id === 'default');
      expect(builtIn).toMatchObject({ builtIn: true, version: file?.version, name: file?.name });
      expect(builtIn.competencies).toContainEqual({ id: 'clarity-coherence', name: 'Clarity & coherence' });
    });

    it('saves a workspace framework that its users see and other workspaces do not', async () => {
      const { app, users, other } = f().fx;
      const saved = await send(app, users.recruiter, 'POST', '/frameworks', framework('sales-calls'));
      expect(saved.statusCode).toBe(201);
      expect(saved.json()).toMatchObject({ id: 'sales-calls', version: '1.0.0', builtIn: false });
      expect(saved.json().definition.competencies).toHaveLength(framework('default').competencies.length);
      const newer = await send(app, users.admin, 'POST', '/frameworks', framework('sales-calls', '1.1.0'));
      expect(newer.statusCode).toBe(201);

      const list = await send(app, users.manager, 'GET', '/frameworks');
      expect(list.json().frameworks).toContainEqual(
        expect.objectContaining({ id: 'sales-calls', version: '1.1.0', builtIn: false }),
      );
      const theirs = await send(app, other.admin, 'GET', '/frameworks');
      expect(theirs.json().frameworks.map((fw: { id: string }) => fw.id)).not.toContain('sales-calls');
      expect((await send(app, other.admin, 'GET', '/frameworks/sales-calls')).statusCode).toBe(404);

      const latest = await send(app, users.student, 'GET', '/frameworks/sales-calls');
      expect(latest.json()).toMatchObject({ version: '1.1.0', definition: { id: 'sales-calls' } });
      const pinned = await send(app, users.student, 'GET', '/frameworks/sales-calls?version=1.0.0');
      expect(pinned.json().version).toBe('1.0.0');
      const missing = await send(app, users.student, 'GET', '/frameworks/sales-calls?version=9.9.9');
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.message).toBe('framework sales-calls version 9.9.9 not found');
    });

    it('shows a built-in framework’s definition', async () => {
      const res = await send(f().fx.app, f().fx.users.advisor, 'GET', '/frameworks/default');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: 'default', builtIn: true, definition: { minWords: 50 } });
    });

    it('rejects an invalid framework with 400 naming the field', async () => {
      const { app, users } = f().fx;
      const cases: [unknown, string][] = [
        [{ ...framework('bad-version'), version: 'one' }, 'version'],
        [{ ...framework('no-competencies'), competencies: [] }, 'competencies'],
        [{ ...framework('extra-field'), colour: 'red' }, ''],
      ];
      for (const [body, field] of cases) {
        const res = await send(app, users.recruiter, 'POST', '/frameworks', body);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details.field).toBe(field);
      }
      const unknownSignal = framework('unknown-signal');
      const first = unknownSignal.competencies[0]!;
      const behaviour = first.behaviours[0]!;
      const signals = [{ ...behaviour.signals[0]!, signal: 'telepathy' }];
      const body = {
        ...unknownSignal,
        competencies: [{ ...first, behaviours: [{ ...behaviour, signals }] }],
      };
      const res = await send(app, users.recruiter, 'POST', '/frameworks', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { field: 'competencies.0.behaviours.0.signals.0.signal' },
      });
      expect(res.json().error.message).toMatch(/unknown signal "telepathy"/);
    });

    it('keeps ids per workspace: each may save `fixed`, sees only its own, and gets 409 only within itself', async () => {
      const { app, users, other } = f().fx;
      expect((await send(app, users.recruiter, 'POST', '/frameworks', framework('fixed'))).statusCode).toBe(
        201,
      );
      const changed = { ...framework('fixed'), name: 'Changed' };
      expect((await send(app, users.recruiter, 'POST', '/frameworks', changed)).statusCode).toBe(409);
      const builtIn = await send(app, users.recruiter, 'POST', '/frameworks', framework('default', '9.0.0'));
      expect(builtIn.statusCode).toBe(409);
      expect(builtIn.json().error.message).toBe('framework id "default" is built in; choose another id');

      // The same id and version with other content in another workspace: no hint that ours exists.
      const theirs = { ...framework('fixed'), name: 'Their fixed' };
      expect((await send(app, other.recruiter, 'POST', '/frameworks', theirs)).statusCode).toBe(201);
      expect((await send(app, other.recruiter, 'POST', '/frameworks', changed)).statusCode).toBe(409);
      const ours = await send(app, users.recruiter, 'GET', '/frameworks/fixed');
      expect(ours.json()).toMatchObject({ version: '1.0.0', name: 'Framework fixed' });
      const seen = await send(app, other.student, 'GET', '/frameworks/fixed');
      expect(seen.json()).toMatchObject({ version: '1.0.0', name: 'Their fixed' });
      const list = await send(app, other.admin, 'GET', '/frameworks');
      const fixed = list.json().frameworks.filter((fw: { id: string }) => fw.id === 'fixed');
      expect(fixed).toEqual([expect.objectContaining({ name: 'Their fixed', builtIn: false })]);
    });
  });

  describe('question sets', () => {
    const set = (id: string) => ({
      id,
      name: `Set ${id}`,
      questions: [
        { id: 'why-sales', text: 'Why do you want to work in sales?', competencies: ['role-alignment'] },
        {
          id: 'setback',
          text: 'Tell me about a setback.',
          keyPoints: ['what happened'],
          followUp: 'What next?',
        },
      ],
    });

    it('lists built-in sets with their question counts', async () => {
      const res = await send(f().fx.app, f().fx.users.student, 'GET', '/question-sets');
      expect(res.statusCode).toBe(200);
      const builtIn = builtinQuestionSets().find((s) => s.id === 'default')!;
      expect(res.json().questionSets).toContainEqual({
        id: 'default',
        name: builtIn.name,
        version: builtIn.version,
        builtIn: true,
        questionCount: builtIn.questions.length,
      });
    });

    it('saves a set (advisors too) that the workspace sees in order, and others do not', async () => {
      const { app, users, other } = f().fx;
      const saved = await send(app, users.advisor, 'POST', '/question-sets', set('interview-prep'));
      expect(saved.statusCode).toBe(201);
      expect(saved.json()).toMatchObject({ id: 'interview-prep', version: '1', builtIn: false });
      const detail = await send(app, users.student, 'GET', '/question-sets/interview-prep');
      expect(detail.json().questions).toEqual([
        {
          id: 'why-sales',
          text: 'Why do you want to work in sales?',
          competencies: ['role-alignment'],
          keyPoints: [],
          followUp: null,
        },
        {
          id: 'setback',
          text: 'Tell me about a setback.',
          competencies: [],
          keyPoints: ['what happened'],
          followUp: 'What next?',
        },
      ]);
      const list = await send(app, users.recruiter, 'GET', '/question-sets');
      expect(list.json().questionSets).toContainEqual(
        expect.objectContaining({ id: 'interview-prep', questionCount: 2 }),
      );
      const theirs = await send(app, other.admin, 'GET', '/question-sets');
      expect(theirs.json().questionSets.map((s: { id: string }) => s.id)).not.toContain('interview-prep');
      // Another workspace may neither read nor overwrite it: its own set of that id is its own.
      expect((await send(app, other.admin, 'GET', '/question-sets/interview-prep')).statusCode).toBe(404);
      const their = { ...set('interview-prep'), name: 'Their prep' };
      expect((await send(app, other.recruiter, 'POST', '/question-sets', their)).statusCode).toBe(201);
      expect((await send(app, users.student, 'GET', '/question-sets/interview-prep')).json().name).toBe(
        'Set interview-prep',
      );
      expect((await send(app, other.student, 'GET', '/question-sets/interview-prep')).json().name).toBe(
        'Their prep',
      );
      const theirList = await send(app, other.admin, 'GET', '/question-sets');
      const prep = theirList.json().questionSets.filter((s: { id: string }) => s.id === 'interview-prep');
      expect(prep).toEqual([expect.objectContaining({ name: 'Their prep', builtIn: false })]);
    });

    it('shows a built-in set', async () => {
      const res = await send(f().fx.app, f().fx.users.manager, 'GET', '/question-sets/default');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: 'default', builtIn: true });
      expect(res.json().questions[0]).toHaveProperty('keyPoints');
    });

    it('rejects a malformed set with 400 and a built-in id with 409', async () => {
      const { app, users } = f().fx;
      const badId = await send(app, users.recruiter, 'POST', '/question-sets', set('Not An Id'));
      expect(badId.statusCode).toBe(400);
      expect(badId.json().error.details.field).toBe('id');
      const noQuestions = await send(app, users.recruiter, 'POST', '/question-sets', {
        ...set('empty'),
        questions: [],
      });
      expect(noQuestions.json().error.details.field).toBe('questions');
      const builtIn = await send(app, users.recruiter, 'POST', '/question-sets', set('default'));
      expect(builtIn.statusCode).toBe(409);
    });

    it('keeps the built-in `default` for every workspace when one stored its own copy (as the demo did)', async () => {
      const { app, store, other, otherWorkspaceId } = f().fx;
      const builtIn = builtinQuestionSets().find((s) => s.id === 'default')!;
      const copier = await store.workspaces.ensure({ slug: `copier-${Date.now()}` });
      await store.questionSets.save({ ...builtIn, name: 'Copied' }, { workspaceId: copier.id });

      const list = await send(app, other.student, 'GET', '/question-sets');
      expect(list.json().questionSets).toContainEqual(
        expect.objectContaining({ id: 'default', name: builtIn.name, builtIn: true }),
      );
      const shown = await send(app, other.student, 'GET', '/question-sets/default');
      expect(shown.json()).toMatchObject({ id: 'default', name: builtIn.name, builtIn: true });
      const practice = await send(app, other.student, 'POST', '/practice', {
        questionSetId: 'default',
        questionId: builtIn.questions[0]!.id,
      });
      expect(practice.statusCode).toBe(201);

      // A job without a question set is scored against the built-in default.
      const job = await store.jobs.create({
        workspaceId: otherWorkspaceId,
        title: 'Barista',
        description: 'Coffee.',
      });
      const candidate = await store.candidates.create({ workspaceId: otherWorkspaceId, name: 'Noor' });
      const { application } = await store.applications.findOrCreate({
        candidateId: candidate.id,
        jobId: job.id,
      });
      const interview = await store.interviews.create({
        workspaceId: otherWorkspaceId,
        applicationId: application.id,
        kind: 'async',
      });
      const plan = await planInterview(store, testConfig.mediaDir, interview);
      expect(plan.questionSetId).toBe('default');
      expect(plan.questions.map((q) => q.id)).toEqual(builtIn.questions.map((q) => q.id));
    });
  });
}
