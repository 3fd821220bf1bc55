/**
 * Interviews by link, over HTTP, on every database: recruiters invite (a list or a CSV, with
 * per-row failures), the candidate's page by token (notice and consent, chunked recordings that
 * resume after a closed tab, retakes, typed answers, the time limit, completion), the link's life
 * (expiry, revocation, a new link), and the optional self-identification kept apart.
 * `invitations.test.ts` runs it on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBusinessDays } from '../../../invitations/business-days.js';
import { hashLinkToken } from '../../../invitations/link-token.js';
import { NOTICE_VERSION } from '../../../invitations/notice.js';
import { analyzeInterview } from '../../../pipeline/index.js';
import type { Store, UserRecord } from '../../../store/index.js';
import { buildApp } from '../../app.js';
import { testConfig } from '../../app.suite.js';
import { ANALYZE_INTERVIEW, INTERVIEW_KEY } from '../../worker/index.js';

const PASSWORD = 'correct horse battery staple';
const JFK = path.resolve('..', 'shared', 'data', 'speech', 'jfk.flac');

interface Fixture {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly workspaceId: string;
  readonly jobId: string;
  readonly recruiter: { user: UserRecord; token: string };
  readonly outsider: { user: UserRecord; token: string };
  readonly mediaDir: string;
  /** A 40-second tone: longer than the shortest answer time allowed (30 s + 5 s grace). */
  readonly longTone: Buffer;
  readonly speech: Buffer;
}

let serial = 0;

/** @example describeInvitations('sqlite', () => openStore({ dataDir })) */
export function describeInvitations(name: string, open: () => Promise<Store>): void {
  describe(`interviews by link on ${name}`, () => {
    let fx: Fixture;
    beforeAll(async () => {
      const store = await open();
      const stamp = `${Date.now()}-${++serial}`;
      const ws = await store.workspaces.ensure({ slug: `take-${stamp}`, name: 'Acme Support' });
      const other = await store.workspaces.ensure({ slug: `take-other-${stamp}`, name: 'Other' });
      await store.questionSets.save(
        {
          id: `take-set-${stamp}`,
          name: 'Support lead',
          version: '1',
          questions: [
            {
              id: 'conflict',
              text: 'Tell us about a time you calmed an angry customer.',
              competencies: [],
              keyPoints: [],
            },
            {
              id: 'priorities',
              text: 'How do you decide what to work on first?',
              competencies: [],
              keyPoints: [],
            },
            {
              id: 'learning',
              text: 'What did you learn from a mistake you made?',
              competencies: [],
              keyPoints: [],
            },
          ],
        },
        { workspaceId: ws.id },
      );
      const job = await store.jobs.create({
        workspaceId: ws.id,
        title: 'Support lead',
        description: 'Leads a support team; calm with customers.',
        questionSetId: `take-set-${stamp}`,
      });
      const recruiterUser = await store.users.create({
        workspaceId: ws.id,
        email: `rita.${stamp}@example.com`,
        name: 'Rita Reyes',
        role: 'recruiter',
        password: PASSWORD,
      });
      const outsiderUser = await store.users.create({
        workspaceId: other.id,
        email: `otto.${stamp}@example.com`,
        name: 'Otto Other',
        role: 'admin',
        password: PASSWORD,
      });
      const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-take-'));
      const tone = path.join(mediaDir, 'tone.wav');
      execFileSync('ffmpeg', [
        '-v',
        'error',
        '-f',
        'lavfi',
        '-i',
        'sine=f=220:d=40',
        '-ac',
        '1',
        '-ar',
        '16000',
        tone,
      ]);
      fx = {
        app: await buildApp({ store, config: { ...testConfig, mediaDir } }),
        store,
        workspaceId: ws.id,
        jobId: job.id,
        recruiter: {
          user: recruiterUser,
          token: (await store.users.createApiToken(recruiterUser.id, 't')).token,
        },
        outsider: {
          user: outsiderUser,
          token: (await store.users.createApiToken(outsiderUser.id, 't')).token,
        },
        mediaDir,
        longTone: readFileSync(tone),
        speech: readFileSync(JFK),
      };
    });
    afterAll(async () => {
      await fx.app.close();
      await fx.store.close();
      fs.rmSync(fx.mediaDir, { recursive: true, force: true });
    });

    const api = (
      who: { token: string } | null,
      method: 'GET' | 'POST' | 'PUT',
      url: string,
      payload?: unknown,
      headers: Record<string, string> = {},
    ): Promise<LightMyRequestResponse> =>
      fx.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { ...headers, ...(who === null ? {} : { authorization: `Bearer ${who.token}` }) },
        ...(payload === undefined ? {} : { payload: payload as string }),
      });
    const take = (token: string, method: 'GET' | 'POST', rest = '', payload?: unknown) =>
      api(null, method, `/take/${token}${rest}`, payload);
    const chunk = (token: string, position: number, attempt: number, offset: number, bytes: Buffer) =>
      api(null, 'PUT', `/take/${token}/answers/${position}/attempts/${attempt}?offset=${offset}`, bytes, {
        'content-type': 'application/octet-stream',
      });
    const tokenOf = (linkPath: string) => linkPath.replace('/take/', '');

    /** Invites one candidate and returns the token of their link. */
    async function invite(email: string, terms: Record<string, unknown> = {}): Promise<string> {
      const res = await api(fx.recruiter, 'POST', `/jobs/${fx.jobId}/invitations`, {
        candidates: [{ name: email.split('@')[0] ?? 'x', email }],
        ...terms,
      });
      expect(res.statusCode, res.body).toBe(201);
      const link = res.json<{ invitations: { linkPath: string }[] }>().invitations[0]?.linkPath ?? '';
      return tokenOf(link);
    }

    /** Records a whole answer in chunks of `size` bytes and finishes it. */
    async function record(token: string, position: number, bytes: Buffer, size = 64 * 1024) {
      const started = await take(token, 'POST', `/answers/${position}/attempts`);
      expect(started.statusCode, started.body).toBe(201);
      const { attempt } = started.json<{ attempt: number }>();
      for (let offset = 0; offset < bytes.length; offset += size) {
        const res = await chunk(token, position, attempt, offset, bytes.subarray(offset, offset + size));
        expect(res.statusCode, res.body).toBe(200);
      }
      return take(token, 'POST', `/answers/${position}/attempts/${attempt}/finish`);
    }

    it('invites a list and a CSV: each invited row gets its own link, each refused row its reason', async () => {
      const csv = [
        'Name,Email,Source',
        'Ana Díaz,ana.csv@example.com,referral',
        'Bo Chen,not-an-address,site',
        'Ana Again,ANA.CSV@example.com,site',
        ',empty.name@example.com,site',
        '"Lee, Kim",lee.csv@example.com,site',
      ].join('\n');
      const res = await api(fx.recruiter, 'POST', `/jobs/${fx.jobId}/invitations`, { csv, retakes: 2 });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json<{
        invitations: { candidate: { name: string }; linkPath: string; status: string; retakes: number }[];
        failures: { row: number; reason: string }[];
      }>();
      expect(body.invitations.map((i) => i.candidate.name)).toEqual(['Ana Díaz', 'Lee, Kim']);
      expect(body.invitations.every((i) => /^\/take\/[A-Za-z0-9_-]{43}$/.test(i.linkPath))).toBe(true);
      expect(body.invitations.map((i) => [i.status, i.retakes])).toEqual([
        ['invited', 2],
        ['invited', 2],
      ]);
      expect(body.failures).toEqual([
        {
          row: 3,
          name: 'Bo Chen',
          email: 'not-an-address',
          reason: 'line 3: "not-an-address" is not an e-mail address',
        },
        {
          row: 4,
          name: 'Ana Again',
          email: 'ANA.CSV@example.com',
          reason: 'line 4: ANA.CSV@example.com appears twice in this list; invited once',
        },
        { row: 5, name: '', email: 'empty.name@example.com', reason: 'line 5: the name is empty' },
      ]);
      // Only the hash is stored: no stored column holds the token.
      const token = tokenOf(body.invitations[0]?.linkPath ?? '');
      const rows = await fx.store.db
        .withTables<{ invitation: { token_hash: string; job_id: string } }>()
        .selectFrom('invitation')
        .select('token_hash')
        .where('job_id', '=', fx.jobId)
        .execute();
      expect(rows.map((r) => r.token_hash)).toContain(hashLinkToken(token));
      expect(JSON.stringify(rows)).not.toContain(token);
      // Inviting Ana again while her link is open is refused with the reason; the list shows both.
      const again = await api(fx.recruiter, 'POST', `/jobs/${fx.jobId}/invitations`, {
        candidates: [{ name: 'Ana Díaz', email: 'ana.csv@example.com' }],
      });
      expect(again.json<{ failures: { reason: string }[] }>().failures[0]?.reason).toMatch(
        /already has an open invitation to this job/,
      );
      const list = await api(fx.recruiter, 'GET', `/jobs/${fx.jobId}/invitations`);
      const names = list.json<{ invitations: { candidate: { name: string }; linkPath?: string }[] }>()
        .invitations;
      expect(names.map((i) => i.candidate.name)).toEqual(expect.arrayContaining(['Ana Díaz', 'Lee, Kim']));
      expect(names.every((i) => i.linkPath === undefined)).toBe(true);
      // The ranking shows them as invited.
      const ranking = await api(fx.recruiter, 'GET', `/jobs/${fx.jobId}/ranking?stage=invited`);
      expect(ranking.statusCode, ranking.body).toBe(200);
      expect(ranking.body).toContain('Ana Díaz');
    });

    it('refuses bad invitations with the field that is wrong, and stores nothing', async () => {
      const before = await api(fx.recruiter, 'GET', `/jobs/${fx.jobId}/invitations`);
      const count = before.json<{ invitations: unknown[] }>().invitations.length;
      const cases: [unknown, RegExp][] = [
        [
          { csv: 'who,address\nA,a@example.com' },
          /body.csv line 1: the header must name the columns "name" and "email"/,
        ],
        [{ candidates: [{ name: 'A', email: 'a1@example.com' }], answerSeconds: 10 }, /answerSeconds/],
        [
          { candidates: [{ name: 'A', email: 'a2@example.com' }], deadline: '2020-01-01' },
          /body.deadline: 2020-01-01 has passed/,
        ],
        [
          { candidates: [{ name: 'A', email: 'a3@example.com' }], deadline: 'next week' },
          /body.deadline: "next week" is not a date/,
        ],
        [{ candidates: [{ name: 'A', email: 'a4@example.com' }], deadline: '2026-02-30' }, /is not a date/],
        [
          { csv: 'name,email\nA,a5@example.com', candidates: [{ name: 'B', email: 'b@example.com' }] },
          /either candidates or csv/,
        ],
        [{ csv: 'name,email\n"A,a6@example.com' }, /line 2/],
      ];
      for (const [payload, message] of cases) {
        const res = await api(fx.recruiter, 'POST', `/jobs/${fx.jobId}/invitations`, payload);
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json<{ error: { message: string } }>().error.message).toMatch(message);
      }
      const after = await api(fx.recruiter, 'GET', `/jobs/${fx.jobId}/invitations`);
      expect(after.json<{ invitations: unknown[] }>().invitations).toHaveLength(count);
      // Another workspace's admin cannot see or touch the job's invitations.
      expect((await api(fx.outsider, 'GET', `/jobs/${fx.jobId}/invitations`)).statusCode).toBe(404);
      expect(
        (
          await api(fx.outsider, 'POST', `/jobs/${fx.jobId}/invitations`, {
            candidates: [{ name: 'X', email: 'x@example.com' }],
          })
        ).statusCode,
      ).toBe(404);
    });

    it('a link opens the notice without an account; consent records the notice version and starts the interview', async () => {
      const token = await invite('nia@example.com');
      const first = await take(token, 'GET');
      expect(first.statusCode, first.body).toBe(200);
      const state = first.json<{
        status: string;
        organisation: string;
        notice: { version: string; sections: { title: string; text: string }[] };
        current: unknown;
        questionCount: number;
      }>();
      expect(state).toMatchObject({
        status: 'invited',
        organisation: 'Acme Support',
        current: null,
        questionCount: 3,
      });
      expect(state.notice.version).toBe(NOTICE_VERSION);
      expect(state.notice.sections.map((s) => s.title)).toEqual([
        'What is recorded',
        'How your answers are evaluated',
        'How long it is kept',
        'Another way to take part',
      ]);
      expect(state.notice.sections[3]?.text).toContain('Rita Reyes');
      // Nothing can be recorded before consent.
      expect((await take(token, 'POST', '/answers/0/attempts')).statusCode).toBe(409);
      const stale = await take(token, 'POST', '/consent', { noticeVersion: '2001-01-01' });
      expect(stale.statusCode).toBe(409);
      const consented = await take(token, 'POST', '/consent', { noticeVersion: NOTICE_VERSION });
      expect(consented.statusCode, consented.body).toBe(200);
      expect(consented.json()).toMatchObject({
        status: 'started',
        consented: true,
        current: { position: 0, text: 'Tell us about a time you calmed an angry customer.' },
      });
      const invitation = await fx.store.invitations.findByTokenHash(hashLinkToken(token));
      expect(invitation).toMatchObject({ noticeVersion: NOTICE_VERSION, status: 'started' });
      expect(invitation?.consentedAt).not.toBeNull();
      const application = await fx.store.applications.get(invitation?.applicationId ?? '');
      expect(application.stage).toBe('in_progress');
    });

    it('records in chunks, resumes after a closed tab, allows the retakes given and no more, and refuses an answer over time', async () => {
      const token = await invite('omar@example.com', { retakes: 1, answerSeconds: 30 });
      await take(token, 'POST', '/consent', { noticeVersion: NOTICE_VERSION });
      // Question 1: three chunks; a chunk at the wrong offset is refused with the bytes held.
      const started = await take(token, 'POST', '/answers/0/attempts');
      expect(started.json()).toEqual({ position: 0, attempt: 1, bytes: 0 });
      const third = Math.ceil(fx.speech.length / 3);
      expect((await chunk(token, 0, 1, 0, fx.speech.subarray(0, third))).json()).toEqual({ bytes: third });
      const wrong = await chunk(token, 0, 1, 0, fx.speech.subarray(0, third));
      expect(wrong.statusCode).toBe(409);
      expect(wrong.json<{ error: { details: { bytes: number } } }>().error.details.bytes).toBe(third);
      await chunk(token, 0, 1, third, fx.speech.subarray(third, 2 * third));
      await chunk(token, 0, 1, 2 * third, fx.speech.subarray(2 * third));
      const kept = await take(token, 'POST', '/answers/0/attempts/1/finish');
      expect(kept.statusCode, kept.body).toBe(200);
      const afterFirst = kept.json<{
        answers: { status: string; durationSeconds: number | null; attemptsUsed: number }[];
        retake: unknown;
        current: { position: number };
      }>();
      expect(afterFirst.answers[0]?.status).toBe('answered');
      expect(afterFirst.answers[0]?.durationSeconds).toBeCloseTo(11, 0);
      expect(afterFirst.retake).toEqual({
        position: 0,
        text: 'Tell us about a time you calmed an angry customer.',
        attemptsLeft: 1,
      });
      expect(
        (await take(token, 'GET')).json<{ notice: { sections: { text: string }[] } }>().notice.sections[0]
          ?.text,
      ).toContain('each in at most 30 seconds');
      expect(afterFirst.current.position).toBe(1);

      // The retake replaces the first take: one recording at position 0, no takes left.
      const retaken = await record(token, 0, fx.speech);
      expect(retaken.statusCode, retaken.body).toBe(200);
      expect(retaken.json<{ retake: unknown }>().retake).toBeNull();
      const invitation = await fx.store.invitations.findByTokenHash(hashLinkToken(token));
      const interviewId = invitation?.interviewId ?? '';
      expect(
        (await fx.store.media.listByInterview(interviewId)).filter((m) => m.position === 0),
      ).toHaveLength(1);
      const noMore = await take(token, 'POST', '/answers/0/attempts');
      expect(noMore.statusCode).toBe(409);

      // An answer over the time allowed fails, counts for nothing, and the question stays open.
      const long = await record(token, 1, fx.longTone);
      expect(long.statusCode, long.body).toBe(413);
      expect(long.json<{ error: { message: string } }>().error.message).toMatch(/over the 30 s allowed/);
      const state = (await take(token, 'GET')).json<{
        answers: { status: string; attemptsUsed: number }[];
      }>();
      expect(state.answers[1]).toMatchObject({ status: 'pending', attemptsUsed: 0 });

      // Question 2: half uploaded, then the tab closes. The link shows the interrupted take.
      const half = await take(token, 'POST', '/answers/1/attempts');
      const { attempt } = half.json<{ attempt: number }>();
      const cut = Math.floor(fx.speech.length / 2);
      await chunk(token, 1, attempt, 0, fx.speech.subarray(0, cut));
      const reopened = (await take(token, 'GET')).json<{ openAttempt: unknown }>();
      expect(reopened.openAttempt).toEqual({ position: 1, attempt, bytes: cut });
      // A new take cannot start over it; finishing keeps what arrived (about half the speech).
      expect((await take(token, 'POST', '/answers/1/attempts')).statusCode).toBe(409);
      const resumed = await take(token, 'POST', `/answers/1/attempts/${attempt}/finish`);
      expect(resumed.statusCode, resumed.body).toBe(200);
      const seconds =
        resumed.json<{ answers: { durationSeconds: number }[] }>().answers[1]?.durationSeconds ?? 0;
      expect(seconds).toBeGreaterThan(3);
      expect(seconds).toBeLessThan(9);
      // Starting question 3 closes question 2 for retakes.
      const third3 = await take(token, 'POST', '/answers/2/attempts');
      expect(third3.statusCode).toBe(201);
      expect((await take(token, 'POST', '/answers/1/attempts')).statusCode).toBe(409);
      // A take left with no audio is dropped when the next one starts.
      const again = await take(token, 'POST', '/answers/2/attempts');
      expect(again.statusCode, again.body).toBe(201);
      expect(again.json<{ attempt: number }>().attempt).toBe(2);
      // An upload that is not a recording fails that take only.
      const junk = Buffer.from('%PDF-1.7 this is not a recording at all');
      await chunk(token, 2, 2, 0, junk);
      const refused = await take(token, 'POST', '/answers/2/attempts/2/finish');
      expect(refused.statusCode).toBe(422);
      expect((await fx.store.media.listByInterview(interviewId)).map((m) => m.position)).toEqual([0, 1]);
    });

    it('completing needs every answer, starts the analysis, gives the date in business days, and closes the link to changes', async () => {
      const token = await invite('pia@example.com', { textAnswers: true });
      await take(token, 'POST', '/consent', { noticeVersion: NOTICE_VERSION });
      const early = await take(token, 'POST', '/complete');
      expect(early.statusCode).toBe(409);
      expect(early.json<{ error: { details: { missing: number[] } } }>().error.details.missing).toEqual([
        0, 1, 2,
      ]);
      const answers = [
        'I once had a customer who was furious about a double charge. I listened first, repeated back what I heard, refunded the charge on the call and followed up the next day. She stayed with us for three more years.',
        'I rank work by impact on customers and by deadline. Each morning I list what blocks others and do that first, then the rest.',
        'I shipped a change without testing the refund path. It failed for a day. I apologised, fixed it, and since then I write a checklist for every release.',
      ];
      for (const [position, text] of answers.entries()) {
        const res = await take(token, 'POST', `/answers/${position}/text`, { text });
        expect(res.statusCode, res.body).toBe(200);
      }
      const done = await take(token, 'POST', '/complete');
      expect(done.statusCode, done.body).toBe(200);
      const state = done.json<{
        status: string;
        finish: { respondBy: string; completedAt: string; responseTargetDays: number };
      }>();
      expect(state.status).toBe('completed');
      expect(state.finish.responseTargetDays).toBe(5);
      expect(state.finish.respondBy).toBe(addBusinessDays(new Date(state.finish.completedAt), 5));
      const invitation = await fx.store.invitations.findByTokenHash(hashLinkToken(token));
      const interviewId = invitation?.interviewId ?? '';
      const tasks = await fx.store.queue.listBySubject(fx.workspaceId, INTERVIEW_KEY, interviewId);
      expect(tasks.map((t) => t.kind)).toEqual([ANALYZE_INTERVIEW]);
      // Completing twice starts no second analysis; the finish page stays readable; changes are refused.
      await take(token, 'POST', '/complete').then((r) => expect(r.statusCode).toBe(410));
      expect((await take(token, 'GET')).statusCode).toBe(200);
      const late = await take(token, 'POST', '/answers/0/text', { text: 'one more thing' });
      expect(late.statusCode).toBe(410);
      expect(late.json<{ error: { details: { reason: string } } }>().error.details.reason).toBe('completed');
      // The typed answers are scored as the candidate's words, one response per question.
      const { scorecard } = await analyzeInterview({
        store: fx.store,
        mediaDir: fx.mediaDir,
        interviewId,
        model: null,
      });
      expect(JSON.stringify(scorecard.body)).toContain('double charge');
      const { responses } = scorecard.body as { responses: { questionId: string | null; words: number }[] };
      expect(responses.map((r) => r.questionId)).toEqual(['conflict', 'priorities', 'learning']);
      expect(responses[0]?.words).toBe(answers[0]?.split(/\s+/).length);
      // The candidate is in the ranking, scored.
      const ranking = await api(fx.recruiter, 'GET', `/jobs/${fx.jobId}/ranking?search=pia`);
      expect(
        ranking.json<{ ranking: { displayStage: string }[] }>().ranking.map((e) => e.displayStage),
      ).toEqual(['scored']);
    });

    it('typed answers are refused when the invitation asks for recordings', async () => {
      const token = await invite('quinn@example.com');
      await take(token, 'POST', '/consent', { noticeVersion: NOTICE_VERSION });
      const res = await take(token, 'POST', '/answers/0/text', { text: 'A typed answer here.' });
      expect(res.statusCode).toBe(403);
      const allowed = await invite('quinn.typed@example.com', { textAnswers: true });
      await take(allowed, 'POST', '/consent', { noticeVersion: NOTICE_VERSION });
      const long = await take(allowed, 'POST', '/answers/0/text', { text: 'word '.repeat(4_001) + 'end' });
      expect(long.statusCode).toBe(413);
      expect(long.json<{ error: { message: string } }>().error.message).toMatch(
        /over the limit of 20000 \(CANDOR_TYPED_ANSWER_LIMIT_CHARS\)/,
      );
    });

    it('self-identification is optional, only after completion, kept apart, and never echoed back', async () => {
      const token = await invite('rae@example.com', { textAnswers: true });
      await take(token, 'POST', '/consent', { noticeVersion: NOTICE_VERSION });
      const before = await take(token, 'POST', '/self-identification', { sex: 'female' });
      expect(before.statusCode).toBe(409);
      for (const position of [0, 1, 2]) {
        await take(token, 'POST', `/answers/${position}/text`, {
          text: `Answer number ${position + 1} in my own words.`,
        });
      }
      await take(token, 'POST', '/complete');
      const bad = await take(token, 'POST', '/self-identification', { sex: 'robot' });
      expect(bad.statusCode).toBe(400);
      const ok = await take(token, 'POST', '/self-identification', { sex: 'female', ageBand: '40_or_over' });
      expect(ok.statusCode, ok.body).toBe(204);
      const invitation = await fx.store.invitations.findByTokenHash(hashLinkToken(token));
      const stored = await fx.store.demographics.get(fx.workspaceId, invitation?.candidateId ?? '');
      expect(stored).toMatchObject({
        sex: 'female',
        raceEthnicity: 'declined',
        ageBand: '40_or_over',
        source: 'self_identified',
        updatedBy: 'candidate',
      });
      const page = await take(token, 'GET');
      expect(page.json()).toMatchObject({ selfIdentified: true });
      expect(page.body).not.toContain('40_or_over');
      // The recruiter's views of the candidate hold no demographic field.
      const list = await api(fx.recruiter, 'GET', `/jobs/${fx.jobId}/invitations`);
      expect(list.body).not.toMatch(/40_or_over|raceEthnicity|ageBand/);
    });

    it('a link opens its own interview and nothing else: it is no API token and no session', async () => {
      const token = await invite('uma@example.com');
      await take(token, 'POST', '/consent', { noticeVersion: NOTICE_VERSION });
      const invitation = await fx.store.invitations.findByTokenHash(hashLinkToken(token));
      for (const url of [
        '/jobs',
        `/jobs/${fx.jobId}/ranking`,
        `/jobs/${fx.jobId}/invitations`,
        `/interviews/${invitation?.interviewId ?? ''}`,
        '/me',
      ]) {
        expect((await api({ token }, 'GET', url)).statusCode, url).toBe(401);
        const cookie = await fx.app.inject({
          method: 'GET',
          url: `/api/v1${url}`,
          headers: { cookie: `candor_session=${token}` },
        });
        expect(cookie.statusCode, url).toBe(401);
      }
      // The page names only its own candidate and job.
      const page = await take(token, 'GET');
      expect(page.json()).toMatchObject({ candidateName: 'uma', jobTitle: 'Support lead' });
      expect(page.body).not.toMatch(/nia@example.com|omar|Ana Díaz/);
    });

    it('an unknown, expired, revoked or replaced link answers 410 with its reason; a new link works', async () => {
      const unknown = await take('A'.repeat(43), 'GET');
      expect(unknown.statusCode).toBe(410);
      expect(unknown.json()).toMatchObject({
        error: { code: 'LINK_INVALID', details: { reason: 'unknown' } },
      });
      expect((await take('short', 'GET')).statusCode).toBe(410);

      const token = await invite('sam@example.com');
      const invitation = await fx.store.invitations.findByTokenHash(hashLinkToken(token));
      const id = invitation?.id ?? '';
      const fresh = await api(fx.recruiter, 'POST', `/invitations/${id}/link`, {});
      expect(fresh.statusCode, fresh.body).toBe(200);
      const newToken = tokenOf(fresh.json<{ linkPath: string }>().linkPath);
      expect((await take(token, 'GET')).json()).toMatchObject({ error: { details: { reason: 'unknown' } } });
      expect((await take(newToken, 'GET')).statusCode).toBe(200);
      expect((await api(fx.outsider, 'POST', `/invitations/${id}/revoke`)).statusCode).toBe(404);
      const revoked = await api(fx.recruiter, 'POST', `/invitations/${id}/revoke`);
      expect(revoked.json()).toMatchObject({ status: 'revoked' });
      const gone = await take(newToken, 'GET');
      expect(gone.statusCode).toBe(410);
      expect(gone.json()).toMatchObject({ error: { details: { reason: 'revoked' } } });
      expect((await api(fx.recruiter, 'POST', `/invitations/${id}/link`, {})).statusCode).toBe(409);

      const expiring = await invite('tia@example.com');
      const stored = await fx.store.invitations.findByTokenHash(hashLinkToken(expiring));
      await fx.store.db
        .withTables<{ invitation: { id: string; expires_at: string } }>()
        .updateTable('invitation')
        .set({ expires_at: '2026-01-01T00:00:00.000Z' })
        .where('id', '=', stored?.id ?? '')
        .execute();
      const expired = await take(expiring, 'GET');
      expect(expired.statusCode).toBe(410);
      expect(expired.json()).toMatchObject({ error: { details: { reason: 'expired' } } });
      const listed = await api(fx.recruiter, 'GET', `/jobs/${fx.jobId}/invitations`);
      const tia = listed
        .json<{ invitations: { candidate: { email: string }; status: string }[] }>()
        .invitations.find((i) => i.candidate.email === 'tia@example.com');
      expect(tia?.status).toBe('expired');
    });
  });
}
