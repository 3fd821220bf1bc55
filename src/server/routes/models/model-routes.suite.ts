/** HTTP cases of the model routes; `model-routes.test.ts` runs them on SQLite and PostgreSQL. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScorecardBody } from '../../../domain/index.js';
import type { Store } from '../../../store/index.js';
import {
  analysedExamples,
  analysedInterview,
  createHiringFixture,
  hiringRecords,
  send,
  testClock,
  type HiringFixture,
} from '../hiring/test-helpers.js';

const root = path.resolve(import.meta.dirname, '../../../..');
const reference = JSON.parse(
  readFileSync(path.join(root, 'models', 'reference-overall.json'), 'utf8'),
) as Record<string, unknown>;

/** @example describeModelRoutes('sqlite', (now) => openStore({ dataDir, now })) */
export function describeModelRoutes(name: string, open: (now: () => Date) => Promise<Store>): void {
  describe(`model routes on ${name}`, () => {
    let fx: HiringFixture;
    let interviewId: string;
    let jobId: string;
    beforeAll(async () => {
      const clock = testClock('2025-03-03T09:00:00.000Z');
      fx = await createHiringFixture(await open(clock.now), clock);
      clock.useRealTime();
      const examples = await analysedExamples();
      const priya = await hiringRecords(fx.store, fx.workspaceId, 'Priya Raman');
      jobId = priya.job.id;
      ({ interviewId } = await analysedInterview(
        fx.store,
        { workspaceId: fx.workspaceId, kind: 'live', applicationId: priya.application.id, title: 'Priya' },
        examples.priya,
      ));
      const marcus = await hiringRecords(fx.store, fx.workspaceId, 'Marcus Lee', jobId);
      await analysedInterview(
        fx.store,
        { workspaceId: fx.workspaceId, kind: 'live', applicationId: marcus.application.id },
        examples.marcus,
      );
    });
    afterAll(async () => {
      await fx.app.close();
      await fx.store.close();
    });

    it('GET /models lists the built-in reference model for recruiters; students and managers are refused', async () => {
      const res = await send(fx.app, fx.users.recruiter, 'GET', '/models');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        models: [
          expect.objectContaining({
            id: 'reference-overall',
            target: 'overall',
            builtIn: true,
            stored: false,
            activeVersion: null,
            passes: false,
            verdict: expect.stringMatching(/^does not pass: cross-validated r = 0\.37/),
          }),
        ],
      });
      for (const who of [fx.users.student, fx.users.manager, fx.users.advisor]) {
        expect((await send(fx.app, who, 'GET', '/models')).statusCode).toBe(403);
      }
    });

    it('GET /models/:id gives the report with its cross-validated points; unknown ids and unreaders get 404', async () => {
      const res = await send(fx.app, fx.users.recruiter, 'GET', '/models/reference-overall');
      expect(res.statusCode).toBe(200);
      const detail = res.json<{
        model: { validation: { points: unknown[] } };
        builtIn: boolean;
        versions: unknown[];
      }>();
      expect(detail.builtIn).toBe(true);
      expect(detail.versions).toEqual([]);
      expect(detail.model).toEqual(reference);
      expect(detail.model.validation.points).toHaveLength(92);
      const missing = await send(fx.app, fx.users.recruiter, 'GET', '/models/no-such-model');
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({
        error: { code: 'NOT_FOUND', message: 'model no-such-model not found' },
      });
      const student = await send(fx.app, fx.users.student, 'GET', '/models/reference-overall');
      expect(student.statusCode).toBe(404);
      expect(student.json()).toMatchObject({ error: { message: 'model reference-overall not found' } });
    });

    it('POST /models imports a model file for admins (again: unchanged); a bad file is 422 naming the field, and nothing is stored', async () => {
      const mine = { ...reference, id: 'team-overall', version: 2 };
      expect((await send(fx.app, fx.users.recruiter, 'POST', '/models', mine)).statusCode).toBe(403);
      const first = await send(fx.app, fx.users.admin, 'POST', '/models', mine);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({
        added: true,
        model: { id: 'team-overall', version: 2, stored: true, builtIn: false },
      });
      expect((await send(fx.app, fx.users.admin, 'POST', '/models', mine)).json()).toMatchObject({
        added: false,
      });
      const bad = await send(fx.app, fx.users.admin, 'POST', '/models', {
        ...reference,
        id: 'bad-model',
        features: [{ signal: 'gender', weight: 0.1, mean: 0, sd: 1 }],
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json()).toMatchObject({
        error: {
          code: 'MODEL_INVALID',
          message:
            'the model file: model field features.0.signal: "gender" is a demographic field and can never be a model input',
        },
      });
      const notModel = await send(fx.app, fx.users.admin, 'POST', '/models', [1, 2, 3]);
      expect(notModel.statusCode).toBe(422);
      expect(notModel.json()).toMatchObject({ error: { code: 'MODEL_INVALID' } });
      const changed = await send(fx.app, fx.users.admin, 'POST', '/models', { ...mine, intercept: 0.5 });
      expect(changed.statusCode).toBe(409);
      expect(changed.json()).toMatchObject({
        error: {
          message:
            'model team-overall version 2 is already stored with other content: give the new file a higher version',
        },
      });
      expect((await fx.store.models.list(fx.workspaceId)).map((m) => `${m.id}@${m.version}`)).toEqual([
        'team-overall@2',
      ]);
    });

    it('rescoring without an active model is 404 saying how to activate one', async () => {
      const res = await send(fx.app, fx.users.recruiter, 'POST', `/interviews/${interviewId}/rescore`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({
        error: { message: expect.stringMatching(/^no active model for target overall/) },
      });
    });

    it('POST /models/:id/activate (admins) stores and activates the built-in model; rescoring records it in a new scorecard', async () => {
      expect(
        (await send(fx.app, fx.users.recruiter, 'POST', '/models/reference-overall/activate')).statusCode,
      ).toBe(403);
      const res = await send(fx.app, fx.users.admin, 'POST', '/models/reference-overall/activate');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        active: true,
        builtIn: true,
        versions: [{ version: 1, active: true, source: 'built-in' }],
      });
      const before = await fx.store.scorecards.listForInterview(interviewId);
      const one = await send(fx.app, fx.users.recruiter, 'POST', `/interviews/${interviewId}/rescore`);
      expect(one.statusCode).toBe(200);
      const body = one.json<{ model: unknown; rescored: { scorecardId: string; score: number } }>();
      expect(body.model).toEqual({ id: 'reference-overall', version: 1, target: 'overall' });
      const after = await fx.store.scorecards.listForInterview(interviewId);
      expect(after.slice(1)).toEqual(before);
      expect(after[0]!.id).toBe(body.rescored.scorecardId);
      expect(ScorecardBody.parse(after[0]!.body).model?.prediction.score).toBe(body.rescored.score);
      const card = await send(fx.app, fx.users.recruiter, 'GET', `/scorecards/${body.rescored.scorecardId}`);
      expect(card.statusCode).toBe(200);
      expect(
        card.json<{ scorecard: { body: { model: { id: string } } } }>().scorecard.body.model,
      ).toMatchObject({
        id: 'reference-overall',
      });
      const job = await send(fx.app, fx.users.admin, 'POST', `/jobs/${jobId}/rescore`);
      expect(job.statusCode).toBe(200);
      const jobBody = job.json<{ rescored: unknown[]; failed: unknown[]; skipped: unknown[] }>();
      expect(jobBody.rescored).toHaveLength(2);
      expect(jobBody.failed).toEqual([]);
      const list = await send(fx.app, fx.users.recruiter, 'GET', '/models');
      expect(
        list
          .json<{ models: { id: string; activeVersion: number | null }[] }>()
          .models.map((m) => [m.id, m.activeVersion]),
      ).toEqual([
        ['reference-overall', 1],
        ['team-overall', null],
      ]);
    });

    it('managers may read interviews but not re-score; another workspace gets 404 for the interview and the job', async () => {
      const manager = await send(fx.app, fx.users.manager, 'POST', `/interviews/${interviewId}/rescore`);
      expect(manager.statusCode).toBe(403);
      const other = await send(fx.app, fx.other.recruiter, 'POST', `/interviews/${interviewId}/rescore`);
      expect(other.statusCode).toBe(404);
      expect(other.json()).toMatchObject({ error: { message: `interview ${interviewId} not found` } });
      const otherJob = await send(fx.app, fx.other.admin, 'POST', `/jobs/${jobId}/rescore`);
      expect(otherJob.statusCode).toBe(404);
      const otherModel = await send(fx.app, fx.other.admin, 'GET', '/models/team-overall');
      expect(otherModel.statusCode).toBe(404);
    });
  });
}
