/** HTTP cases of the auditor's routes; `audit-routes.test.ts` runs them on SQLite and PostgreSQL. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/index.js';
import { analyzeFile } from '../../../pipeline/index.js';
import type { Store } from '../../../store/index.js';
import {
  analysedInterview,
  createHiringFixture,
  hiringRecords,
  send,
  testClock,
  type HiringFixture,
  type Member,
} from '../hiring/test-helpers.js';

const DEMOGRAPHICS = [
  { sex: 'female', raceEthnicity: 'black_or_african_american', ageBand: '40_or_over' },
  { sex: 'male', raceEthnicity: 'white', ageBand: 'under_40' },
  { sex: 'declined', raceEthnicity: 'declined', ageBand: 'declined' },
] as const;

/** @example describeAuditRoutes('sqlite', (now) => openStore({ dataDir, now })) */
export function describeAuditRoutes(name: string, open: (now: () => Date) => Promise<Store>): void {
  describe(`auditor routes on ${name}`, () => {
    let fx: HiringFixture;
    let auditor: Member;
    let candidateId: string;
    let applicationId: string;
    let jobId: string;
    beforeAll(async () => {
      const clock = testClock('2025-03-03T09:00:00.000Z');
      fx = await createHiringFixture(await open(clock.now), clock);
      clock.useRealTime();
      const user = await fx.store.users.create({
        workspaceId: fx.workspaceId,
        email: `auditor.${Date.now()}@example.com`,
        name: 'Audrey Auditor',
        role: 'auditor',
        password: 'correct horse battery staple',
      });
      auditor = { user, token: (await fx.store.users.createApiToken(user.id, 'tests')).token };
      const priya = await hiringRecords(fx.store, fx.workspaceId, 'Priya Raman');
      candidateId = priya.candidate.id;
      applicationId = priya.application.id;
      jobId = priya.job.id;
    });
    afterAll(async () => {
      await fx.app.close();
      await fx.store.close();
    });

    const put = (who: Member, id: string, body: unknown) =>
      fx.app.inject({
        method: 'PUT',
        url: `/api/v1/candidates/${id}/demographics`,
        headers: { authorization: `Bearer ${who.token}` },
        payload: body as object,
      });

    it('the auditor writes and reads demographics; every other role gets 403, whatever the id', async () => {
      expect((await send(fx.app, auditor, 'GET', `/candidates/${candidateId}/demographics`)).json()).toEqual({
        candidateId,
        demographics: null,
      });
      const saved = await put(auditor, candidateId, DEMOGRAPHICS[0]);
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({
        candidateId,
        demographics: { ...DEMOGRAPHICS[0], source: 'self_identified' },
      });
      const read = await send(fx.app, auditor, 'GET', `/candidates/${candidateId}/demographics`);
      expect(read.json()).toEqual(saved.json());
      for (const [who, member] of Object.entries(fx.users)) {
        for (const id of [candidateId, 'cand_unknown0000']) {
          const get = await send(fx.app, member, 'GET', `/candidates/${id}/demographics`);
          expect(get.statusCode, who).toBe(403);
          expect(get.json(), who).toMatchObject({
            error: { code: 'FORBIDDEN', message: expect.stringMatching(/needs auditor$/) as string },
          });
          expect((await put(member, id, DEMOGRAPHICS[1])).statusCode, who).toBe(403);
        }
      }
      expect((await fx.store.demographics.get(fx.workspaceId, candidateId))?.sex).toBe('female');
    });

    it('refuses an unknown candidate (404) and an unknown value (400 naming the field)', async () => {
      const unknown = await put(auditor, 'cand_unknown0000', DEMOGRAPHICS[1]);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ error: { message: 'candidate cand_unknown0000 not found' } });
      const bad = await put(auditor, candidateId, { ...DEMOGRAPHICS[1], sex: 'unknown' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('sex');
      expect((await fx.store.demographics.get(fx.workspaceId, candidateId))?.sex).toBe('female');
    });

    it('a scorecard is byte-identical whatever the demographics say, read or scored again', async () => {
      const file = path.join(packageRoot(), 'examples', 'interviews', 'priya-strong.vtt');
      const options = {
        job: path.join(packageRoot(), 'examples', 'jobs', 'sdr.md'),
        framework: 'default',
        questions: path.join(packageRoot(), 'examples', 'questions', 'sdr.yaml'),
      };
      const reads: string[] = [];
      const hashes: string[] = [];
      let scorecardId = '';
      for (const demographics of DEMOGRAPHICS) {
        expect((await put(auditor, candidateId, demographics)).statusCode).toBe(200);
        const scored = await analysedInterview(
          fx.store,
          { workspaceId: fx.workspaceId, kind: 'live', applicationId },
          await analyzeFile(file, options),
        );
        scorecardId ||= scored.scorecardId;
        hashes.push((await fx.store.scorecards.get(scored.scorecardId)).contentHash);
        const res = await send(fx.app, fx.users.recruiter, 'GET', `/scorecards/${scorecardId}`);
        expect(res.statusCode).toBe(200);
        reads.push(res.body);
      }
      expect(new Set(hashes).size).toBe(1);
      expect(new Set(reads).size).toBe(1);
      for (const field of ['raceEthnicity', 'ageBand', 'black_or_african_american', '40_or_over']) {
        expect(reads[0]).not.toContain(field);
      }
    });

    it('GET /audit answers auditors and admins with the report; 403 for the hiring team; 400 and 404 for bad input', async () => {
      await fx.store.applications.recordDecision({
        workspaceId: fx.workspaceId,
        applicationId,
        decision: 'advance',
        stage: 'advanced',
        reason: 'strong',
        actor: fx.users.recruiter.user.id,
      });
      for (const who of [auditor, fx.users.admin]) {
        const res = await send(fx.app, who, 'GET', `/audit?jobId=${jobId}`);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({
          tool: { name: 'Candor', frameworks: [expect.stringMatching(/^default@\d/) as string] },
          scope: { job: { id: jobId } },
          total: 1,
          advanced: 1,
          scored: 1,
          unknownDemographics: 0,
        });
      }
      for (const who of ['recruiter', 'manager', 'advisor', 'student'] as const) {
        expect((await send(fx.app, fx.users[who], 'GET', '/audit')).statusCode, who).toBe(403);
      }
      const date = await send(fx.app, auditor, 'GET', '/audit?from=2025-13-01');
      expect(date.statusCode).toBe(400);
      expect(date.json()).toMatchObject({
        error: { message: 'from "2025-13-01" is not a date; use YYYY-MM-DD' },
      });
      const job = await send(fx.app, auditor, 'GET', '/audit?jobId=job_unknown');
      expect(job.statusCode).toBe(404);
      const empty = await send(fx.app, auditor, 'GET', '/audit?to=2000-01-01');
      expect(empty.json<{ notes: string[] }>().notes).toEqual([
        'No application between the start and 2000-01-01: nothing can be computed.',
      ]);
      // Another workspace's admin sees its own (empty) audit, never this one's.
      const other = await send(fx.app, fx.other.admin, 'GET', '/audit');
      expect(other.json()).toMatchObject({ total: 0 });
    });
  });
}
