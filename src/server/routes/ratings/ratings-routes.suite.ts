/** HTTP cases of the ratings routes; `ratings-routes.test.ts` runs them on SQLite and PostgreSQL. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../store/index.js';
import {
  analysedExamples,
  analysedInterview,
  createHiringFixture,
  hiringRecords,
  send,
  testClock,
  type HiringFixture,
  type Member,
} from '../hiring/test-helpers.js';

/** Keys that would carry something Candor measured or concluded. */
const VERDICT_KEY = /score|credit|signal|strength|gap|confidence|contribution|evidence|feedback|verdict/i;

function keysOf(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keysOf(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [`${path}.${k}`, ...keysOf(v, `${path}.${k}`)]);
}

function csvRequest(app: HiringFixture['app'], who: Member, text: string, file?: string) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/ratings/import${file === undefined ? '' : `?file=${file}`}`,
    headers: { authorization: `Bearer ${who.token}`, 'content-type': 'text/csv' },
    payload: text,
  });
}

function multipartRequest(app: HiringFixture['app'], who: Member, text: string, filename: string) {
  const boundary = `----candor${randomBytes(8).toString('hex')}`;
  const payload =
    `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${filename}"\r\n` +
    `content-type: text/csv\r\n\r\n${text}\r\n--${boundary}--\r\n`;
  return app.inject({
    method: 'POST',
    url: '/api/v1/ratings/import',
    headers: {
      authorization: `Bearer ${who.token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload,
  });
}

/** @example describeRatingRoutes('sqlite', (now) => openStore({ dataDir, now })) */
export function describeRatingRoutes(name: string, open: (now: () => Date) => Promise<Store>): void {
  describe(`ratings routes on ${name}`, () => {
    let fx: HiringFixture;
    let interviewId: string;
    let scorecardId: string;
    let second: string;
    let jobId: string;
    beforeAll(async () => {
      const clock = testClock('2025-03-03T09:00:00.000Z');
      fx = await createHiringFixture(await open(clock.now), clock);
      clock.useRealTime();
      const examples = await analysedExamples();
      const priya = await hiringRecords(fx.store, fx.workspaceId, 'Priya Raman');
      jobId = priya.job.id;
      ({ interviewId, scorecardId } = await analysedInterview(
        fx.store,
        { workspaceId: fx.workspaceId, kind: 'live', applicationId: priya.application.id, title: 'Priya' },
        examples.priya,
      ));
      const marcus = await hiringRecords(fx.store, fx.workspaceId, 'Marcus Lee', jobId);
      second = (
        await analysedInterview(
          fx.store,
          { workspaceId: fx.workspaceId, kind: 'live', applicationId: marcus.application.id },
          examples.marcus,
        )
      ).interviewId;
    });
    afterAll(async () => {
      await fx.app.close();
      await fx.store.close();
    });

    it('GET /interviews/:id/rating-form shows questions, answers, targets and scales, and nothing Candor concluded', async () => {
      const res = await send(fx.app, fx.users.recruiter, 'GET', `/interviews/${interviewId}/rating-form`);
      expect(res.statusCode).toBe(200);
      const form = res.json<{
        answers: { number: number; question: string | null; turns: { text: string }[] }[];
        targets: { id: string; kind: string; scale: { min: number; max: number } }[];
        scaleLabels: { min: string; max: string };
        given: unknown[];
      }>();
      expect(form.answers.length).toBeGreaterThan(2);
      expect(form.answers.map((a) => a.number)).toEqual(form.answers.map((_, i) => i + 1));
      expect(form.answers.every((a) => a.turns.length > 0 && a.question !== null)).toBe(true);
      expect(form.targets[0]).toEqual({
        id: 'overall',
        name: 'Overall',
        description: 'The interview as a whole.',
        kind: 'overall',
        scale: { min: 1, max: 5 },
      });
      expect(form.targets.map((t) => t.id)).toContain('clarity-coherence');
      expect(form.scaleLabels).toEqual({ min: 'poor', max: 'excellent' });
      expect(form.given).toEqual([]);
      expect(keysOf(form).filter((k) => VERDICT_KEY.test(k.split('.').pop()!))).toEqual([]);
      expect(res.body).not.toContain(scorecardId);
    });

    it('POST /interviews/:id/ratings stores the signed-in rater, again as unchanged, and the form shows it back', async () => {
      const body = {
        scale: { min: 1, max: 5 },
        ratings: [
          { target: 'overall', score: 4, note: 'Concrete numbers.' },
          { target: 'clarity-coherence', answer: 1, score: 5 },
        ],
      };
      const path = `/interviews/${interviewId}/ratings`;
      const first = await send(fx.app, fx.users.recruiter, 'POST', path, body);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ added: 2, updated: 0, unchanged: 0 });
      expect((await send(fx.app, fx.users.recruiter, 'POST', path, body)).json()).toEqual({
        added: 0,
        updated: 0,
        unchanged: 2,
      });
      const stored = await fx.store.ratings.listByInterview(interviewId);
      expect(stored.map((r) => [r.answer, r.target, r.rater, r.score, r.normalised, r.source])).toEqual([
        [null, 'overall', fx.users.recruiter.user.id, 4, 0.75, 'form'],
        [1, 'clarity-coherence', fx.users.recruiter.user.id, 5, 1, 'form'],
      ]);
      const form = await send(fx.app, fx.users.recruiter, 'GET', `/interviews/${interviewId}/rating-form`);
      expect(form.json<{ given: unknown[] }>().given).toEqual([
        { target: 'overall', answer: null, value: 4, note: 'Concrete numbers.' },
        { target: 'clarity-coherence', answer: 1, value: 5, note: null },
      ]);
      const manager = await send(fx.app, fx.users.manager, 'POST', path, {
        scale: { min: 1, max: 5 },
        ratings: [{ target: 'overall', score: 3 }],
      });
      expect(manager.json()).toEqual({ added: 1, updated: 0, unchanged: 0 });
    });

    it('refuses a wrong form whole with 422, and whoever may not read the interview with 404', async () => {
      const path = `/interviews/${interviewId}/ratings`;
      const before = await fx.store.ratings.listByInterview(interviewId);
      const wrong = await send(fx.app, fx.users.recruiter, 'POST', path, {
        scale: { min: 1, max: 5 },
        ratings: [
          { target: 'overall', score: 2 },
          { target: 'overall', answer: 1, score: 9 },
        ],
      });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json()).toMatchObject({
        error: { code: 'RATINGS_INVALID', message: 'ratings[1]: score 9 is outside the scale 1-5' },
      });
      const other = await send(fx.app, fx.users.recruiter, 'POST', path, {
        scale: { min: 0, max: 10 },
        ratings: [{ target: 'overall', score: 2 }],
      });
      expect(other.json<{ error: { message: string } }>().error.message).toContain(
        'target "overall" is stored on the scale 1-5 in this workspace',
      );
      const rate = { scale: { min: 1, max: 5 }, ratings: [{ target: 'overall', score: 1 }] };
      for (const who of [fx.users.student, fx.other.admin]) {
        const res = await send(fx.app, who, 'POST', path, rate);
        expect(res.statusCode).toBe(404);
        expect(res.json()).toMatchObject({ error: { message: `interview ${interviewId} not found` } });
        const form = await send(fx.app, who, 'GET', `/interviews/${interviewId}/rating-form`);
        expect(form.statusCode).toBe(404);
      }
      expect(
        (await send(fx.app, fx.users.recruiter, 'GET', '/interviews/intv_nope/rating-form')).statusCode,
      ).toBe(404);
      expect(await fx.store.ratings.listByInterview(interviewId)).toEqual(before);
    });

    it('POST /ratings/import takes text/csv or a multipart file, all rows or none, with the CSV messages', async () => {
      const text = [
        'interview,rater,target,score,scale',
        `${interviewId},ext-1,excited,6,1-7`,
        `${interviewId},ext-2,excited,5,1-7`,
        `${second},ext-1,excited,2,1-7`,
        `${second},ext-2,excited,3,1-7`,
      ].join('\r\n');
      const first = await csvRequest(fx.app, fx.users.recruiter, text, 'panel.csv');
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({
        file: 'panel.csv',
        ratings: 4,
        interviews: 2,
        raters: 2,
        targets: ['excited'],
        added: 4,
        updated: 0,
        unchanged: 0,
      });
      const again = await multipartRequest(fx.app, fx.users.advisor, text, 'panel.csv');
      expect(again.statusCode).toBe(422);
      // The advisor may not read hiring interviews: to them these ids do not exist.
      expect(again.json()).toMatchObject({ error: { code: 'RATINGS_INVALID' } });
      const byRecruiter = await multipartRequest(fx.app, fx.users.recruiter, text, 'panel.csv');
      expect(byRecruiter.json()).toMatchObject({ added: 0, updated: 0, unchanged: 4 });

      const bad = await csvRequest(
        fx.app,
        fx.users.recruiter,
        `${text}\r\n${second},ext-3,excited,x,1-7`,
        'panel.csv',
      );
      expect(bad.statusCode).toBe(422);
      expect(bad.json()).toMatchObject({
        error: {
          code: 'RATINGS_INVALID',
          message: 'panel.csv line 6, column 4 (score): score "x" is not a number',
          details: { file: 'panel.csv', line: 6, column: 4, field: 'score' },
        },
      });
      const foreign = await csvRequest(fx.app, fx.other.admin, text, 'panel.csv');
      expect(foreign.statusCode).toBe(422);
      expect(foreign.json<{ error: { message: string } }>().error.message).toBe(
        `panel.csv: 2 interviews are not in this workspace: ${interviewId} (lines 2, 3), ${second} (lines 4, 5); nothing was imported`,
      );
      expect((await csvRequest(fx.app, fx.users.student, text)).statusCode).toBe(403);
      const excited = await fx.store.ratings.list(fx.workspaceId, { target: 'excited' });
      expect(excited.map((r) => [r.interviewId, r.rater, r.score]).sort()).toEqual(
        [
          [interviewId, 'ext-1', 6],
          [interviewId, 'ext-2', 5],
          [second, 'ext-1', 2],
          [second, 'ext-2', 3],
        ].sort(),
      );
    });

    it('GET /ratings/agreement gives figures per target, or says why not; a job of another workspace is 404', async () => {
      const res = await send(fx.app, fx.users.manager, 'GET', `/ratings/agreement?job=${jobId}`);
      expect(res.statusCode).toBe(200);
      const { targets } = res.json<{
        targets: { target: string; alpha: number | null; reason: string | null }[];
      }>();
      expect(targets.map((t) => t.target)).toEqual(['clarity-coherence', 'excited', 'overall']);
      const [clarity, excited, overall] = targets;
      expect(clarity!.reason).toContain('only one rater');
      expect(excited!.alpha).toBeGreaterThan(0.7);
      expect(overall!.reason).toBe(
        '1 item was rated by two or more raters; agreement needs at least 2 such items',
      );
      const one = await send(fx.app, fx.users.admin, 'GET', '/ratings/agreement?target=excited');
      expect(one.json<{ targets: unknown[] }>().targets).toHaveLength(1);
      expect((await send(fx.app, fx.other.admin, 'GET', `/ratings/agreement?job=${jobId}`)).statusCode).toBe(
        404,
      );
      expect((await send(fx.app, fx.users.student, 'GET', '/ratings/agreement')).statusCode).toBe(403);
    });
  });
}
