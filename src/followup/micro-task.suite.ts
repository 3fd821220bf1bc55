/**
 * Micro-tasks end to end on a database: a completed interview by link whose scorecard has a
 * competency with insufficient evidence queues exactly one micro-task message (received by a real
 * SMTP server on loopback), the candidate answers it through the link in that e-mail, the answer
 * joins the same interview, the queued analysis stores a second scorecard (the first unchanged)
 * whose evidence for the competency quotes the new answer; bad input gets clear errors.
 * `micro-task.test.ts` runs it on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
 */
import fs, { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { need, requires } from '../test-helpers.js';
import { ScorecardBody } from '../domain/scorecard.js';
import { NOTICE_VERSION } from '../invitations/notice.js';
import { DEFAULT_CADENCE, loadAgentConfig } from '../messaging/config.js';
import { emailChannel } from '../messaging/email.js';
import { startTestSmtp, type TestSmtpServer } from '../messaging/test-smtp-server.js';
import { buildApp } from '../server/app.js';
import { testConfig } from '../server/app.suite.js';
import { answerMicroTaskText } from '../server/routes/invitations/micro-task-answer.js';
import { runTask, WORKER_TASK_KINDS } from '../server/worker/index.js';
import type { Store } from '../store/index.js';
import { dispatchDue } from './dispatcher.js';
import { afterScorecardStored, MICRO_TASK_ANSWER_DAYS, queueMicroTask } from './micro-task.js';

const PUBLIC_URL = 'https://jobs.acme.test';
const JFK = path.resolve('..', 'shared', 'data', 'speech', 'jfk.flac');
let serial = 0;

/** @example describeMicroTasks('sqlite', () => openStore({ dataDir })) */
export function describeMicroTasks(name: string, open: () => Promise<Store>): void {
  describe(`micro-tasks on ${name}`, () => {
    let store: Store;
    let app: FastifyInstance;
    let smtp: TestSmtpServer;
    let email: ReturnType<typeof emailChannel>;
    let token = '';
    let jobId = '';
    const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-micro-'));
    const ctx = { publicUrl: PUBLIC_URL };
    // The next Wednesday at 10:00 UTC at least a day ahead: no quiet hours then.
    const DAY = (() => {
      const d = new Date(Date.now() + 86_400_000);
      d.setUTCHours(10, 0, 0, 0);
      while (d.getUTCDay() !== 3) d.setUTCDate(d.getUTCDate() + 1);
      return d;
    })();
    const dispatch = () =>
      dispatchDue(store, {
        channels: { email, sms: null },
        cadence: DEFAULT_CADENCE,
        retryDelaysMs: [60_000],
        now: DAY,
      });

    beforeAll(async () => {
      store = await open();
      smtp = await startTestSmtp();
      email = emailChannel({ url: smtp.url, from: 'Acme Jobs <jobs@acme.test>' }, PUBLIC_URL);
      const stamp = `${Date.now()}-${++serial}`;
      const ws = await store.workspaces.ensure({ slug: `micro-${stamp}`, name: 'Acme' });
      jobId = (
        await store.jobs.create({ workspaceId: ws.id, title: 'Support lead', description: 'Leads support.' })
      ).id;
      const rita = await store.users.create({
        workspaceId: ws.id,
        email: `rita.${stamp}@acme.test`,
        name: 'Rita Reyes',
        role: 'recruiter',
        password: 'a long password here',
      });
      token = (await store.users.createApiToken(rita.id, 't')).token;
      app = await buildApp({
        store,
        config: {
          ...testConfig,
          mediaDir,
          defaultWorkspace: `micro-${stamp}`,
          agent: loadAgentConfig({}, PUBLIC_URL),
        },
      });
    }, 30_000);
    afterAll(async () => {
      email.close();
      await smtp.close();
      await app.close();
      await store.close();
      fs.rmSync(mediaDir, { recursive: true, force: true });
    });

    const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { authorization: `Bearer ${token}` },
        ...(payload ? { payload } : {}),
      });
    const take = (linkToken: string, method: 'GET' | 'POST', rest: string, payload?: object) =>
      app.inject({ method, url: `/api/v1/take/${linkToken}${rest}`, ...(payload ? { payload } : {}) });
    /** Runs the queued analysis of the interview, as the server's worker does, then the server's hook. */
    const analyse = async () => {
      const task = await store.queue.claim('test-worker', WORKER_TASK_KINDS, 60_000);
      expect(task).not.toBeNull();
      const outcome = await runTask(task!, {
        store,
        mediaDir,
        workerId: 'test-worker',
        leaseMs: 60_000,
        retryDelayMs: 1000,
        stopping: new AbortController().signal,
      });
      if (outcome !== 'done')
        throw new Error(`analysis ${outcome}: ${(await store.queue.get(task!.id)).lastError}`);
      const interviewId = task!.payload.interviewId as string;
      return { interviewId, hook: await afterScorecardStored(store, ctx, interviewId) };
    };
    /** Invites, consents, types a short answer to every question and completes: too few words to score. */
    const shortInterview = async (name: string, address: string) => {
      const res = await api('POST', `/jobs/${jobId}/invitations`, {
        candidates: [{ name, email: address }],
        textAnswers: true,
      });
      expect(res.statusCode, res.body).toBe(201);
      const invitation = res.json<{
        invitations: { id: string; linkPath: string; candidate: { id: string } }[];
      }>().invitations[0]!;
      const link = invitation.linkPath.replace('/take/', '');
      await take(link, 'POST', '/consent', { noticeVersion: NOTICE_VERSION });
      const { questionCount } = (await take(link, 'GET', '')).json<{ questionCount: number }>();
      for (let p = 0; p < questionCount; p++) {
        const saved = await take(link, 'POST', `/answers/${p}/text`, { text: 'I listened.' });
        expect(saved.statusCode, saved.body).toBe(200);
      }
      expect((await take(link, 'POST', '/complete')).statusCode).toBe(200);
      return { invitation, link, questionCount };
    };
    const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));

    it('queues one micro-task for the competency without evidence; the answer by link makes a second scorecard', async () => {
      const { invitation, link, questionCount } = await shortInterview('Ana Díaz', 'ana@example.com');
      const { interviewId, hook } = await analyse();
      expect(hook.queued, hook.queued ? '' : hook.reason).toBe(true);
      if (!hook.queued) return;
      const first = await store.scorecards.latestForInterview(interviewId);
      const before = ScorecardBody.parse(first!.body);
      const chosen = before.competencies.find((c) => c.id === hook.microTask.competencyId);
      expect(chosen?.score).toBeNull();
      expect(chosen?.reason).toMatch(/^insufficient evidence/);
      expect(hook.microTask).toMatchObject({
        reason: 'insufficient_evidence',
        position: questionCount,
        status: 'open',
        scorecardId: first!.id,
        questionSource: 'micro-task bank',
      });
      // A repeated event queues nothing more.
      const again = await queueMicroTask(store, ctx, first!);
      expect(again).toMatchObject({ queued: false, reason: 'this interview already had its micro-task' });

      await dispatch();
      const mails = mailsTo('ana@example.com').filter((m) => m.subject?.startsWith('One more question'));
      expect(mails).toHaveLength(1);
      const mail = mails[0]!;
      expect(mail.subject).toBe('One more question about your Support lead interview');
      expect(mail.text).toContain(`"${hook.microTask.questionText}"`);
      expect(mail.text).toContain(hook.microTask.competencyName);
      const linked = /https:\/\/jobs\.acme\.test\/take\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? '');
      expect(linked).not.toBeNull();
      const mailToken = linked![1]!;
      expect(mailToken).not.toBe(link);
      const timeline = await store.messages.timeline(invitation.candidate.id);
      expect(timeline.filter((m) => m.flow === 'micro_task').map((m) => [m.step, m.status])).toEqual([
        [interviewId, 'sent'],
      ]);

      // The e-mail's link opens the same interview page, and shows the question; so does the interview's own link.
      const page = await take(mailToken, 'GET', '');
      expect(page.statusCode, page.body).toBe(200);
      expect(page.json<{ status: string }>().status).toBe('completed');
      for (const t of [mailToken, link]) {
        const shown = (await take(t, 'GET', '/micro-task')).json<{
          microTask: { question: string; status: string };
        }>();
        expect(shown.microTask).toMatchObject({ question: hook.microTask.questionText, status: 'open' });
      }

      // An empty answer is refused; then the typed answer is kept.
      const empty = await take(mailToken, 'POST', '/micro-task/text', { text: '   ' });
      expect(empty.statusCode).toBe(400);
      const answer =
        'In my last job a customer kept asking for a refund. I listened first and asked what had happened, ' +
        'then repeated back what I heard to check I had understood. It turned out the real problem was a ' +
        'missing delivery, so I called the courier, found the parcel and had it sent the next morning. I ' +
        'kept the customer updated twice that day. She stayed with us and later wrote to thank the team. ' +
        'I learned to ask one more question before I decide what someone needs.';
      const saved = await take(mailToken, 'POST', '/micro-task/text', { text: answer });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json<{ microTask: { status: string; answerKind: string } }>().microTask).toMatchObject({
        status: 'answered',
        answerKind: 'text',
      });
      // Answering twice, by either link, is refused with the reason.
      for (const t of [mailToken, link]) {
        const twice = await take(t, 'POST', '/micro-task/text', { text: 'Another answer.' });
        expect(twice.statusCode).toBe(409);
        expect(twice.json<{ error: { message: string } }>().error.message).toContain('already answered');
      }
      const media = await store.media.listByInterview(interviewId);
      expect(media.map((m) => m.position)).toEqual([...Array(questionCount + 1).keys()]);
      expect(media.at(-1)?.questionText).toBe(hook.microTask.questionText);

      // The analysis the answer queued stores a second scorecard; the first stays as it was.
      const rescored = await analyse();
      expect(rescored.hook).toMatchObject({
        queued: false,
        reason: 'this interview already had its micro-task',
      });
      const versions = await store.scorecards.listForInterview(interviewId);
      expect(versions).toHaveLength(2);
      const [second, kept] = versions;
      expect(kept).toEqual(first);
      const after = ScorecardBody.parse(second!.body);
      expect(after.input.responses).toBe(questionCount + 1);
      expect(after.responses.at(-1)?.question).toBe(hook.microTask.questionText);
      const competency = after.competencies.find((c) => c.id === hook.microTask.competencyId)!;
      expect(competency.evidence.some((e) => e.response === questionCount)).toBe(true);
      expect(competency.score).not.toBeNull();
      // Still one micro-task message in all.
      await dispatch();
      expect(
        mailsTo('ana@example.com').filter((m) => m.subject?.startsWith('One more question')),
      ).toHaveLength(1);

      // The recruiter sees both versions, labelled, and the competency side by side.
      const seen = await api('GET', `/scorecards/${second!.id}/versions`);
      expect(seen.statusCode, seen.body).toBe(200);
      const view = seen.json<{
        versions: { id: string; label: string | null }[];
        microTask: { beforeScorecardId: string; afterScorecardId: string };
        comparison: { id: string; before: number | null; after: number | null; evidenceFromAnswer: number }[];
      }>();
      expect(view.versions.map((v) => [v.id, v.label])).toEqual([
        [first!.id, 'before micro-task'],
        [second!.id, 'after micro-task'],
      ]);
      expect(view.microTask).toMatchObject({ beforeScorecardId: first!.id, afterScorecardId: second!.id });
      const row = view.comparison.find((c) => c.id === hook.microTask.competencyId);
      expect(row).toMatchObject({ before: null, after: competency.score });
      expect(row!.evidenceFromAnswer).toBeGreaterThan(0);
    }, 120_000);

    it('refuses a withdrawn or expired micro-task, and sends none when turned off or not by link', async () => {
      const bo = await shortInterview('Bo Chen', 'bo@example.com');
      const boTask = (await analyse()).hook;
      expect(boTask.queued).toBe(true);
      if (!boTask.queued) return;
      const mtToken = boTask.linkPath.replace('/take/', '');
      // Past the answer window (checked at the function the route calls).
      const late = new Date(Date.now() + (MICRO_TASK_ANSWER_DAYS + 1) * 86_400_000);
      await expect(
        answerMicroTaskText(store, { token: mtToken, text: 'Late answer.', mediaDir, now: late }),
      ).rejects.toMatchObject({ code: 'LINK_INVALID', details: { reason: 'expired' } });
      // Withdrawn by the recruiter: the queued message is cancelled and the link answers 410.
      const revoked = await api('POST', `/micro-tasks/${boTask.microTask.id}/revoke`);
      expect(revoked.statusCode, revoked.body).toBe(200);
      expect((await store.messages.get(boTask.message.id)).status).toBe('cancelled');
      for (const t of [mtToken, bo.link]) {
        const res = await take(t, 'POST', '/micro-task/text', { text: 'My answer.' });
        expect(res.statusCode).toBe(410);
        expect(res.json<{ error: { details: { reason: string } } }>().error.details.reason).toBe('revoked');
      }
      expect((await take('not-a-token', 'POST', '/micro-task/text', { text: 'x' })).statusCode).toBe(410);

      // Off for the job: nothing queued, with the reason.
      const off = await api('PUT', '/micro-tasks/switch', { jobId, enabled: false });
      expect(off.json()).toEqual({ workspace: null, job: false, enabled: false });
      await shortInterview('Cy Diaz', 'cy@example.com');
      expect((await analyse()).hook).toEqual({
        queued: false,
        reason: 'micro-tasks are turned off for this job or workspace',
      });
      await api('PUT', '/micro-tasks/switch', { jobId, enabled: true });

      // An interview not taken by link never gets one.
      const ws = (await store.jobs.get(jobId)).workspaceId;
      const upload = await store.interviews.create({ workspaceId: ws, kind: 'live', title: 'Imported' });
      const other = await store.scorecards.latestForInterview(boTask.microTask.interviewId);
      const copy = await store.scorecards.add({ ...other!, id: undefined, interviewId: upload.id });
      expect(await queueMicroTask(store, ctx, copy)).toEqual({
        queued: false,
        reason: 'the interview was not taken by link',
      });
    }, 120_000);

    requires(need.tool('ffmpeg'), need.sharedData('speech/jfk.flac')).it(
      'keeps a recorded answer (11 s of real speech) and refuses bytes that are not a recording',
      async () => {
        await shortInterview('Dee Rao', 'dee@example.com');
        const hook = (await analyse()).hook;
        expect(hook.queued).toBe(true);
        if (!hook.queued) return;
        const send = (bytes: Buffer) =>
          app.inject({
            method: 'POST',
            url: `/api/v1${hook.linkPath}/micro-task/recording`,
            headers: { 'content-type': 'application/octet-stream' },
            payload: bytes,
          });
        const garbage = await send(Buffer.from('this is not audio at all, just text'));
        expect(garbage.statusCode).toBe(422);
        expect(garbage.json<{ error: { message: string } }>().error.message).toContain('record it again');
        const kept = await send(readFileSync(JFK));
        expect(kept.statusCode, kept.body).toBe(200);
        expect(kept.json<{ microTask: { status: string; answerKind: string } }>().microTask).toMatchObject({
          status: 'answered',
          answerKind: 'recording',
        });
        const media = await store.media.listByInterview(hook.microTask.interviewId);
        expect(media.at(-1)).toMatchObject({ position: hook.microTask.position, contentType: 'audio/flac' });
        expect(media.at(-1)?.durationSeconds).toBeGreaterThan(10);
      },
      60_000,
    );
  });
}
