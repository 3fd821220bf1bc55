/** Round trips through every repository; registered by `describeStore`. */
import { describe, expect, it } from 'vitest';
import { newId } from '../core/index.js';
import type { QuestionSet } from '../domain/index.js';
import { constraintKind, jobProfile, type Store } from './index.js';
import { scorecardJson } from '../domain/index.js';
import { candorError, sampleScorecardBody, seedInterview } from './store-fixtures.suite.js';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function describeRepositoryCases(store: () => Store): void {
  describe('repositories', () => {
    it('workspaces: ensure by slug creates once and then returns the same workspace', async () => {
      const slug = newId('ws-test');
      const first = await store().workspaces.ensure({ slug, name: 'Acme Ltd' });
      const second = await store().workspaces.ensure({ slug, name: 'Ignored on the second call' });
      expect(second).toEqual(first);
      expect(first).toMatchObject({ slug, name: 'Acme Ltd' });
      expect(first.createdAt).toMatch(ISO_TIME);
      expect(await store().workspaces.getBySlug(slug)).toEqual(first);
    });

    it('jobs: create, get, list and update', async () => {
      const { workspace, job } = await seedInterview(store());
      expect(await store().jobs.get(job.id)).toEqual(job);
      expect(job.skills).toEqual(['Zendesk', 'coaching']);
      const qs = await store().questionSets.save(questionSet(), { workspaceId: workspace.id });
      const updated = await store().jobs.update(job.id, {
        skills: ['Zendesk'],
        questionSetId: qs.id,
        frameworkId: 'cf',
      });
      expect(updated).toEqual({ ...job, skills: ['Zendesk'], questionSetId: qs.id, frameworkId: 'cf' });
      const second = await store().jobs.create({
        workspaceId: workspace.id,
        title: 'Analyst',
        description: 'SQL.',
      });
      expect(second).toMatchObject({ skills: [], frameworkId: null, questionSetId: null });
      expect(await store().jobs.listByWorkspace(workspace.id)).toEqual([updated, second]);
      expect(jobProfile(updated)).toEqual({ title: job.title, text: job.description, skills: ['Zendesk'] });
    });

    it('frameworks: versions, latest by numeric order, no silent rewrite of a version', async () => {
      const { workspace } = await seedInterview(store());
      const id = newId('fw');
      const definition = (v: string) => ({ competencies: [{ id: 'communication', weight: 0.5, v }] });
      for (const version of ['2', '10', '1']) {
        await store().frameworks.save({
          id,
          version,
          name: `Framework ${version}`,
          definition: definition(version),
        });
      }
      expect(await store().frameworks.versions(id)).toEqual(['1', '2', '10']);
      const latest = await store().frameworks.latest(id);
      expect(latest).toMatchObject({ id, version: '10', workspaceId: null, definition: definition('10') });
      expect((await store().frameworks.get(id, '2')).definition).toEqual(definition('2'));
      expect(
        await store().frameworks.save({ id, version: '10', name: 'x', definition: definition('10') }),
      ).toEqual(latest);
      const rewrite = await candorError(
        store().frameworks.save({ id, version: '10', name: 'x', definition: {} }),
      );
      expect(rewrite.code).toBe('CONFLICT');
      expect((await store().frameworks.get(id, '10')).definition).toEqual(definition('10'));

      const own = await store().frameworks.save({
        id: newId('fw'),
        version: '1',
        name: 'Own',
        definition: {},
        workspaceId: workspace.id,
      });
      const visible = await store().frameworks.listLatest(workspace.id);
      expect(visible).toContainEqual(latest);
      expect(visible).toContainEqual(own);
      expect(visible.filter((f) => f.id === id)).toHaveLength(1);
      expect(await store().frameworks.listLatest(null)).not.toContainEqual(own);
    });

    it('question sets: saved whole, read back in order, replaced on save, rejected when ids repeat', async () => {
      const set = questionSet();
      expect(await store().questionSets.save(set)).toMatchObject({ ...set, workspaceId: null });
      const fetched = await store().questionSets.get(set.id);
      expect(fetched.questions).toEqual(set.questions);
      const shorter: QuestionSet = { ...set, version: '2', questions: [set.questions[1]!] };
      expect((await store().questionSets.save(shorter)).questions).toEqual(shorter.questions);
      const repeated: QuestionSet = {
        ...set,
        version: '3',
        questions: [set.questions[0]!, set.questions[0]!],
      };
      const error = await candorError(store().questionSets.save(repeated));
      expect(error.code).toBe('QUESTIONS_INVALID');
      expect(error.details).toMatchObject({ field: 'questions[1].id' });
      expect(await store().questionSets.get(set.id)).toMatchObject({
        version: '2',
        questions: shorter.questions,
      });
    });

    it('candidates: create, get, update and list by name', async () => {
      const { workspace, candidate: ana } = await seedInterview(store(), 'Ana Díaz');
      const ben = await store().candidates.create({
        workspaceId: workspace.id,
        name: 'Ben Okafor',
        email: 'ben@example.com',
        phone: '+44 20 7946 0958',
        timeZone: 'Europe/London',
        consent: { email: true, sms: false },
      });
      expect(await store().candidates.get(ben.id)).toEqual(ben);
      expect(ana).toMatchObject({ email: null, phone: null, timeZone: null, consent: {} });
      const updated = await store().candidates.update(ben.id, { consent: { email: false }, timeZone: null });
      expect(updated).toEqual({ ...ben, consent: { email: false }, timeZone: null });
      expect(await store().candidates.listByWorkspace(workspace.id)).toEqual([ana, updated]);
    });

    it('applications: find-or-create, find, list by job, move stage', async () => {
      const { workspace, job, application, candidate } = await seedInterview(store());
      expect(application).toMatchObject({ candidateId: candidate.id, jobId: job.id, stage: 'applied' });
      expect(await store().applications.find(candidate.id, job.id)).toEqual(application);
      const other = await store().candidates.create({ workspaceId: workspace.id, name: 'Zoe' });
      expect(await store().applications.find(other.id, job.id)).toBeNull();
      const made = await store().applications.findOrCreate({
        candidateId: other.id,
        jobId: job.id,
        stage: 'sourced',
      });
      expect(made.created).toBe(true);
      expect(made.application.stage).toBe('sourced');
      const moved = await store().applications.updateStage(application.id, 'interview');
      expect(moved).toMatchObject({
        id: application.id,
        stage: 'interview',
        createdAt: application.createdAt,
      });
      expect(moved.updatedAt > application.updatedAt).toBe(true);
      expect(await store().applications.listByJob(job.id)).toEqual([moved, made.application]);
    });

    it('interviews: create with and without an application, list by application', async () => {
      const { workspace, application, interview } = await seedInterview(store());
      expect(await store().interviews.get(interview.id)).toEqual(interview);
      expect(interview).toMatchObject({ kind: 'live', sourceFile: 'call.vtt', format: 'vtt' });
      const research = await store().interviews.create({ workspaceId: workspace.id, kind: 'research' });
      expect(research).toMatchObject({ applicationId: null, sourceFile: null, format: null });
      const second = await store().interviews.create({
        workspaceId: workspace.id,
        applicationId: application.id,
        kind: 'async',
      });
      expect(await store().interviews.listByApplication(application.id)).toEqual([interview, second]);
    });

    it('scorecards: latest and history per interview; null before the first', async () => {
      const { interview } = await seedInterview(store());
      expect(await store().scorecards.latestForInterview(interview.id)).toBeNull();
      const base = {
        interviewId: interview.id,
        frameworkId: 'cf',
        frameworkVersion: '1',
        engineVersion: '0.1.0',
        contentHash: 'h',
      };
      const newer = await store().scorecards.add({
        ...base,
        overallScore: 4,
        body: sampleScorecardBody(4, 'newer'),
        createdAt: '2025-03-02T10:00:00.000Z',
      });
      const older = await store().scorecards.add({
        ...base,
        overallScore: null,
        body: sampleScorecardBody(null, 'older'),
        createdAt: '2025-03-01T10:00:00.000Z',
      });
      expect(await store().scorecards.get(older.id)).toEqual(older);
      expect(older).toMatchObject({ overallScore: null, body: sampleScorecardBody(null, 'older') });
      expect(await store().scorecards.latestForInterview(interview.id)).toEqual(newer);
      expect(await store().scorecards.listForInterview(interview.id)).toEqual([newer, older]);
    });

    it('scorecards: in context, the body as its exact UTF-8 bytes with interview, application and candidate', async () => {
      const { interview, application, candidate, job } = await seedInterview(store());
      const sample = sampleScorecardBody(71);
      const body = { ...sample, nextStep: { ...sample.nextStep, question: 'Ana Díaz — “naïve” 日本語 😀' } };
      const card = await store().scorecards.add({
        interviewId: interview.id,
        frameworkId: 'cf',
        frameworkVersion: '1',
        engineVersion: '0.1.0',
        contentHash: 'h',
        overallScore: 71,
        body,
      });
      const read = await store().scorecards.getInContext(card.id);
      expect(Buffer.isBuffer(read.body)).toBe(true);
      expect(read.body.equals(Buffer.from(scorecardJson(body), 'utf8'))).toBe(true);
      expect(read).toMatchObject({
        id: card.id,
        interviewId: interview.id,
        overallScore: 71,
        createdAt: card.createdAt,
        interview,
        application: { id: application.id, stage: application.stage, jobId: job.id },
        candidate: { id: candidate.id, name: 'Ana Díaz' },
      });
      // The compiled query is reused with each new id: a second scorecard reads as itself.
      const practice = await store().interviews.create({
        workspaceId: interview.workspaceId,
        kind: 'practice',
      });
      const other = await store().scorecards.add({
        interviewId: practice.id,
        frameworkId: 'cf',
        frameworkVersion: '1',
        engineVersion: '0.1.0',
        contentHash: 'h2',
        overallScore: null,
        body: sampleScorecardBody(null, 'other'),
      });
      const second = await store().scorecards.getInContext(other.id);
      expect(second).toMatchObject({ id: other.id, overallScore: null, application: null, candidate: null });
      expect(second.body.toString('utf8')).toBe(scorecardJson(sampleScorecardBody(null, 'other')));
      await expect(store().scorecards.getInContext('sc_missing')).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'scorecard sc_missing not found',
      });
    });

    it('ratings: added, then updated or unchanged by (interview, answer, rater, target), normalised', async () => {
      const { workspace, interview } = await seedInterview(store());
      const scale = { min: 1, max: 7 };
      const base = { interviewId: interview.id, rater: 'ana', target: 'overall', scale };
      const save = (ratings: Parameters<Store['ratings']['save']>[0]['ratings']) =>
        store().ratings.save({ workspaceId: workspace.id, source: 'csv', createdBy: 'cli', ratings });
      expect(
        await save([
          { ...base, answer: null, score: 4, note: 'Clear.' },
          { ...base, answer: 2, score: 7 },
        ]),
      ).toEqual({ added: 2, updated: 0, unchanged: 0 });
      expect(
        await save([
          { ...base, answer: null, score: 5, note: 'Clear.' },
          { ...base, answer: 2, score: 7 },
        ]),
      ).toEqual({ added: 0, updated: 1, unchanged: 1 });
      const [whole, second] = await store().ratings.listByInterview(interview.id);
      expect(whole).toMatchObject({ answer: null, score: 5, normalised: 4 / 6, note: 'Clear.', scale });
      expect(second).toMatchObject({ answer: 2, score: 7, normalised: 1, note: null, source: 'csv' });
      expect(whole?.createdAt).toMatch(ISO_TIME);
      expect(whole!.updatedAt > whole!.createdAt).toBe(true);
      expect(await store().ratings.scales(workspace.id)).toEqual(new Map([['overall', scale]]));
      expect(await store().ratings.list(workspace.id, { target: 'overall' })).toEqual([whole, second]);
    });

    it('ratings: a null answer counts as one value for uniqueness, in the database itself', async () => {
      const { workspace, interview } = await seedInterview(store());
      const row = (id: string, answer: number | null) => ({
        id,
        workspace_id: workspace.id,
        interview_id: interview.id,
        answer,
        rater: 'ana',
        target: 'overall',
        score: 3,
        scale_min: 1,
        scale_max: 5,
        normalised: 0.5,
        note: null,
        source: 'csv' as const,
        created_by: 'cli',
        created_at: '2025-01-01T00:00:00.000Z',
        updated_at: '2025-01-01T00:00:00.000Z',
      });
      await store()
        .db.insertInto('rating')
        .values(row(newId('rt'), null))
        .execute();
      await store()
        .db.insertInto('rating')
        .values(row(newId('rt'), 1))
        .execute();
      const twice = store()
        .db.insertInto('rating')
        .values(row(newId('rt'), null))
        .execute();
      expect(constraintKind(await twice.catch((e: unknown) => e))).toBe('unique');
      expect(await store().ratings.listByInterview(interview.id)).toHaveLength(2);
    });

    it('ratings: a check that throws inside the transaction stores nothing', async () => {
      const { workspace, interview } = await seedInterview(store());
      const rating = {
        interviewId: interview.id,
        answer: null,
        rater: 'ana',
        target: 'overall',
        score: 3,
        scale: { min: 1, max: 5 },
      };
      let seen: unknown;
      const refused = store().ratings.save({
        workspaceId: workspace.id,
        source: 'form',
        createdBy: 'usr_1',
        ratings: [rating, { ...rating, interviewId: 'intv_missing' }],
        check: (state) => {
          seen = [...state.interviews.keys()];
          throw new Error('refused');
        },
      });
      await expect(refused).rejects.toThrow('refused');
      expect(seen).toEqual([interview.id]);
      expect(await store().ratings.listByInterview(interview.id)).toEqual([]);
    });

    it('pipeline events: appended, listed by application in time order, filtered by time per workspace', async () => {
      const { workspace, application } = await seedInterview(store());
      const base = { workspaceId: workspace.id, applicationId: application.id };
      const late = await store().pipelineEvents.append({
        ...base,
        kind: 'rejected',
        actor: 'usr_1',
        reason: 'Role filled',
        occurredAt: '2025-02-03T09:00:00.000Z',
      });
      const early = await store().pipelineEvents.append({
        ...base,
        kind: 'applied',
        actor: 'system',
        payload: { source: 'careers page' },
        occurredAt: '2025-02-01T09:00:00.000Z',
      });
      expect(early).toMatchObject({ reason: null, payload: { source: 'careers page' } });
      expect(late.payload).toEqual({});
      // Two events written in the same millisecond keep their order.
      const a = await store().pipelineEvents.append({
        ...base,
        kind: 'stage_changed',
        actor: 'usr_1',
        payload: { to: 'screen' },
      });
      const b = await store().pipelineEvents.append({
        ...base,
        kind: 'stage_changed',
        actor: 'usr_1',
        payload: { to: 'interview' },
      });
      expect(await store().pipelineEvents.listByApplication(application.id)).toEqual([early, late, a, b]);
      expect(
        await store().pipelineEvents.listByWorkspace(workspace.id, { since: '2025-02-02T00:00:00.000Z' }),
      ).toEqual([late, a, b]);
    });
  });
}

function questionSet(): QuestionSet {
  return {
    id: newId('qs'),
    name: 'Support lead — screen',
    version: '1',
    questions: [
      {
        id: 'conflict',
        text: 'Tell me about a conflict between two people on your team.',
        competencies: ['communication', 'ownership'],
        keyPoints: ['names the conflict', 'what they did'],
        followUp: 'What would you do differently?',
      },
      { id: 'metrics', text: '¿Qué métricas miras cada semana?', competencies: [], keyPoints: [] },
    ],
  };
}
