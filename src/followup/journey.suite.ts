/**
 * The follow-up agent's whole journey for one candidate, against real parts: a real SMTP server on
 * loopback receives every message, Radicale holds the interviewer's calendar, the analysis worker
 * scores the interview, ical.js reads the invitation back. The candidate is invited, completes the
 * interview by link, gets the confirmation at once (even at night), gets the micro-task for the
 * competency without evidence only in the morning (quiet hours), answers it, is scored again, is
 * offered interview times from Radicale, answers "the second one", gets an ICS invitation, is
 * declined with a strength quoted from their own answer, says STOP, and hears nothing more.
 * `journey.test.ts` runs it on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../core/index.js';
import { ScorecardBody } from '../domain/scorecard.js';
import { NOTICE_VERSION } from '../invitations/notice.js';
import { DEFAULT_CADENCE, loadAgentConfig } from '../messaging/config.js';
import { emailChannel } from '../messaging/email.js';
import { startTestSmtp, type TestSmtpServer } from '../messaging/test-smtp-server.js';
import { createCalDavClient, readIcs } from '../scheduling/index.js';
import { startRadicale, type RadicaleServer } from '../scheduling/radicale-test-server.js';
import { buildApp } from '../server/app.js';
import { testConfig } from '../server/app.suite.js';
import { runTask, WORKER_TASK_KINDS } from '../server/worker/index.js';
import type { Store } from '../store/index.js';
import { planCadence } from './cadence.js';
import { dispatchDue, type Channels } from './dispatcher.js';
import { classifyReply } from './index.js';
import { afterScorecardStored } from './micro-task.js';
import { handleReply } from './replies.js';
import type { SchedulingContext } from './scheduling-context.js';
import { startScheduling } from './scheduling.js';

const PUBLIC_URL = 'https://jobs.acme.test';
const LONDON = 'Europe/London';
const ADDRESS = 'morgan.lee@example.org';
/** The micro-task answer: a personal example with reasons and a result. */
const ANSWER =
  'In my last job a customer kept asking for a refund. I listened first and asked what had happened, ' +
  'then repeated back what I heard to check I had understood. It turned out the real problem was a ' +
  'missing delivery, so I called the courier, found the parcel and had it sent the next morning. I ' +
  'kept the customer updated twice that day. She stayed with us and later wrote to thank the team. ' +
  'I learned to ask one more question before I decide what someone needs.';

/** @example describeJourney('sqlite', (now) => openStore({ dataDir, now })) */
export function describeJourney(name: string, open: (now: () => Date) => Promise<Store>): void {
  describe(`the follow-up agent's whole journey on ${name}`, () => {
    // Tuesday 12 January 2027, 09:00 in London (GMT): the day the candidate is invited.
    let clock = new Date('2027-01-12T09:00:00Z');
    let store: Store;
    let app: FastifyInstance;
    let smtp: TestSmtpServer;
    let radicale: RadicaleServer;
    let channels: Channels & { close(): void };
    let token = '';
    let workspaceId = '';
    let jobId = '';
    let danaId = '';
    const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-journey-'));
    const ctx: SchedulingContext = {
      publicUrl: PUBLIC_URL,
      secret: testConfig.secret,
      organizer: { name: 'Acme Jobs', email: 'jobs@acme.test' },
      defaultTimeZone: 'UTC',
      reminderOffsetsMs: [86_400_000, 7_200_000],
      now: () => clock,
    };
    // A minute after the clock: the store stamps what it writes a little after its fixed clock.
    const dispatch = () =>
      dispatchDue(store, {
        channels,
        cadence: DEFAULT_CADENCE,
        retryDelaysMs: [60_000],
        now: new Date(clock.getTime() + 60_000),
      });
    const mails = () => smtp.received.filter((m) => m.to.includes(ADDRESS));
    const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { authorization: `Bearer ${token}` },
        ...(payload === undefined ? {} : { payload }),
      });
    const take = (link: string, method: 'GET' | 'POST', rest: string, payload?: object) =>
      app.inject({ method, url: `/api/v1/take/${link}${rest}`, ...(payload ? { payload } : {}) });
    const reply = (text: string) =>
      handleReply(
        store,
        { classify: classifyReply, defaultWorkspaceId: workspaceId, scheduling: ctx },
        { channel: 'email', from: ADDRESS, to: 'jobs@acme.test', subject: 'Re: your interview', text },
      );
    /** Runs the queued analysis as the server's worker does, then the server's hook after it. */
    const analyse = async () => {
      const task = await store.queue.claim('journey-worker', WORKER_TASK_KINDS, 60_000);
      expect(task).not.toBeNull();
      const outcome = await runTask(task!, {
        store,
        mediaDir,
        workerId: 'journey-worker',
        leaseMs: 60_000,
        retryDelayMs: 1000,
        stopping: new AbortController().signal,
      });
      if (outcome !== 'done')
        throw new Error(`analysis ${outcome}: ${(await store.queue.get(task!.id)).lastError}`);
      const interviewId = task!.payload.interviewId as string;
      return { interviewId, hook: await afterScorecardStored(store, { publicUrl: PUBLIC_URL }, interviewId) };
    };

    beforeAll(async () => {
      store = await open(() => clock);
      smtp = await startTestSmtp();
      radicale = await startRadicale({ dana: 'secret' });
      const email = emailChannel({ url: smtp.url, from: 'Acme Jobs <jobs@acme.test>' }, PUBLIC_URL);
      channels = { email, sms: null, close: () => email.close() };
      const stamp = newId('j');
      const ws = await store.workspaces.ensure({ slug: `journey-${stamp}`, name: 'Acme' });
      workspaceId = ws.id;
      jobId = (await store.jobs.create({ workspaceId, title: 'Support lead', description: 'Leads support.' }))
        .id;
      const rita = await store.users.create({
        workspaceId,
        email: `rita.${stamp}@acme.test`,
        name: 'Rita Reyes',
        role: 'recruiter',
        password: 'a long password here',
      });
      danaId = (
        await store.users.create({
          workspaceId,
          email: `dana.${stamp}@acme.test`,
          name: 'Dana Lee',
          role: 'hiring_manager',
          password: 'a long password here',
        })
      ).id;
      token = (await store.users.createApiToken(rita.id, 't')).token;
      app = await buildApp({
        store,
        config: {
          ...testConfig,
          mediaDir,
          defaultWorkspace: `journey-${stamp}`,
          agent: loadAgentConfig({}, PUBLIC_URL),
        },
      });
      await createCalDavClient({
        calendarUrl: radicale.calendarUrl('dana', 'interviews'),
        username: 'dana',
        password: 'secret',
      }).ensureCalendar('Interviews');
    }, 30_000);
    afterAll(async () => {
      channels?.close();
      await smtp?.close();
      await app?.close();
      await store?.close();
      await radicale?.stop();
      fs.rmSync(mediaDir, { recursive: true, force: true });
    });

    it('invites, confirms, asks a micro-task, rescores, schedules, invites by ICS, declines with a strength, and stops at STOP', async () => {
      // 1. Invited by a recruiter; the invitation with the link arrives.
      const invited = await api('POST', `/jobs/${jobId}/invitations`, {
        candidates: [{ name: 'Morgan Lee', email: ADDRESS }],
        textAnswers: true,
      });
      expect(invited.statusCode, invited.body).toBe(201);
      const invitation = invited.json<{
        invitations: { id: string; linkPath: string; applicationId: string; candidate: { id: string } }[];
      }>().invitations[0]!;
      const candidateId = invitation.candidate.id;
      await store.candidates.update(candidateId, { timeZone: LONDON });
      expect(await dispatch()).toMatchObject({ sent: 1 });
      expect(mails().at(-1)?.text).toContain(`${PUBLIC_URL}${invitation.linkPath}`);

      // 2. The candidate takes the interview in the evening, with answers too short to score.
      clock = new Date('2027-01-12T21:30:00Z');
      const link = invitation.linkPath.replace('/take/', '');
      expect((await take(link, 'POST', '/consent', { noticeVersion: NOTICE_VERSION })).statusCode).toBe(200);
      const { questionCount } = (await take(link, 'GET', '')).json<{ questionCount: number }>();
      for (let p = 0; p < questionCount; p++)
        expect((await take(link, 'POST', `/answers/${p}/text`, { text: 'I listened.' })).statusCode).toBe(
          200,
        );
      expect((await take(link, 'POST', '/complete')).statusCode).toBe(200);

      // 3. The confirmation goes at once, quiet hours or not, with the date in business days.
      expect(await dispatch()).toMatchObject({ sent: 1 });
      const confirmation = mails().at(-1);
      expect(confirmation?.subject).toBe('We got your interview, Morgan');
      expect(confirmation?.text).toContain('We expect to get back to you by Tuesday, 19 January 2027');

      // 4. The scorecard lacks evidence: a micro-task is queued, and waits for the morning.
      const first = await analyse();
      expect(first.hook.queued, first.hook.queued ? '' : first.hook.reason).toBe(true);
      if (!first.hook.queued) return;
      const summary = await dispatch();
      expect(summary.sent).toBe(0);
      const waiting = (await store.messages.timeline(candidateId)).find((m) => m.flow === 'micro_task');
      expect(waiting?.status).toBe('queued');
      expect(waiting?.note).toContain('quiet hours');
      expect(waiting?.note).toContain('Wednesday 13 January, 08:00 (Europe/London)');
      clock = new Date('2027-01-13T08:05:00Z');
      expect(await dispatch()).toMatchObject({ sent: 1 });
      const task = mails().at(-1);
      expect(task?.subject).toBe('One more question about your Support lead interview');
      expect(task?.text).toContain(first.hook.microTask.questionText);
      const taskLink = /https:\/\/jobs\.acme\.test\/take\/([A-Za-z0-9_-]{43})/.exec(task?.text ?? '')?.[1];
      expect(taskLink).toBeDefined();

      // 5. The answer by the e-mail's link joins the same interview; a second scorecard scores it.
      const answered = await take(taskLink!, 'POST', '/micro-task/text', { text: ANSWER });
      expect(answered.statusCode, answered.body).toBe(200);
      const second = await analyse();
      expect(second.interviewId).toBe(first.interviewId);
      const versions = await store.scorecards.listForInterview(first.interviewId);
      expect(versions).toHaveLength(2);
      const competency = first.hook.microTask.competencyId;
      const scoreOf = (body: unknown) =>
        ScorecardBody.parse(body).competencies.find((c) => c.id === competency)?.score ?? null;
      const [before, after] = [...versions].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      expect(scoreOf(before!.body)).toBeNull();
      expect(scoreOf(after!.body)).toBeGreaterThanOrEqual(70);

      // 6. Interview times from Radicale, in the candidate's zone; "the second one" books it.
      const calendar = await api('PUT', `/users/${danaId}/calendar`, {
        caldavUrl: radicale.calendarUrl('dana', 'interviews'),
        username: 'dana',
        password: 'secret',
        timeZone: LONDON,
      });
      expect(calendar.statusCode, calendar.body).toBe(200);
      const started = await startScheduling(store, ctx, {
        applicationId: invitation.applicationId,
        interviewerIds: [danaId],
        durationMinutes: 45,
        location: 'https://meet.acme.test/morgan',
      });
      expect(started.proposal.slots.length).toBeGreaterThanOrEqual(2);
      expect(await dispatch()).toMatchObject({ sent: 1 });
      const second_ = started.proposal.slots[1]!;
      expect(mails().at(-1)?.text).toContain(`2. ${second_.label}`);
      const chose = await reply('The second one works for me, thank you!');
      expect(chose.action).toContain(`booked ${second_.label}`);
      const [booking] = await store.bookings.listByApplication(invitation.applicationId);
      expect(booking).toMatchObject({ status: 'confirmed', startsAt: second_.start });

      // 7. The invitation arrives as ICS (REQUEST) and the event is in the interviewer's calendar.
      await dispatch();
      const invite = mails().at(-1);
      const ics = invite?.attachments.find((a) => a.mimeType === 'text/calendar');
      expect(ics?.method).toBe('REQUEST');
      const event = readIcs(ics?.content ?? '').events[0];
      expect(event).toMatchObject({ uid: booking?.uid, sequence: 0 });
      expect(event?.start.toISOString()).toBe(booking?.startsAt);
      const stored = await createCalDavClient({
        calendarUrl: radicale.calendarUrl('dana', 'interviews'),
        username: 'dana',
        password: 'secret',
      }).getEvent(booking?.caldavHref ?? '');
      expect(readIcs(stored).events[0]?.uid).toBe(booking?.uid);

      // 8. The reminders go a day and two hours before, in the candidate's zone.
      for (const due of (await store.messages.timeline(candidateId))
        .filter((m) => m.flow === 'reminder')
        .map((m) => m.dueAt)) {
        clock = new Date(due);
        expect(await dispatch()).toMatchObject({ sent: 1 });
        expect(mails().at(-1)?.subject).toMatch(/^Reminder: your interview for Support lead/);
      }

      // 9. After the interview the team declines: a personal decline quoting the candidate's own words.
      clock = new Date(Date.parse(booking!.endsAt) + 3 * 3_600_000);
      const rejected = await api('POST', `/applications/${invitation.applicationId}/decisions`, {
        decision: 'reject',
        reason: 'Another candidate fitted the team better.',
      });
      expect(rejected.statusCode, rejected.body).toBe(201);
      // In working hours on a weekday in London: the decline goes now.
      while ([0, 6].includes(clock.getUTCDay()) || clock.getUTCHours() < 9 || clock.getUTCHours() >= 17)
        clock = new Date(clock.getTime() + 3_600_000);
      await dispatch();
      const decline = mails().find((m) => m.subject === 'Your application for Support lead');
      expect(
        decline,
        JSON.stringify(
          (await store.messages.timeline(candidateId)).map((m) => [
            m.flow,
            m.status,
            m.note,
            m.dueAt,
            m.subject,
          ]),
        ),
      ).toBeDefined();
      const text = decline!.text.replace(/\s+/g, ' ');
      expect(text).toContain('Support lead');
      const quoted = /for example when you said "(.+?)"\./.exec(text)?.[1];
      expect(quoted, text).toBeDefined();
      expect(ANSWER).toContain(quoted!.replace(/…$/, ''));

      // Each round's pulse survey (the interview by link, the interview with Dana) is due two hours
      // after it; closure messages still go after a decision.
      expect((await planCadence(store, { publicUrl: PUBLIC_URL }, clock)).pulses).toBe(2);
      await dispatch();
      expect(mails().at(-1)?.text).toContain('how likely are you to recommend applying');

      // 10. STOP: confirmed once; then nothing more, whatever comes due or is queued later.
      const stop = await reply('STOP');
      expect(stop.message.intent).toBe('opt_out');
      await dispatch();
      expect(mails().at(-1)?.text).toContain('You will get no more e-mails from Acme');
      const count = mails().length;
      const job2 = (
        await store.jobs.create({ workspaceId, title: 'Team lead', description: 'Leads a team.' })
      ).id;
      const again = await api('POST', `/jobs/${job2}/invitations`, {
        candidates: [{ name: 'Morgan Lee', email: ADDRESS }],
      });
      expect(again.statusCode, again.body).toBe(201);
      clock = new Date(clock.getTime() + 8 * 86_400_000);
      await planCadence(store, { publicUrl: PUBLIC_URL }, clock);
      await dispatch();
      expect(mails()).toHaveLength(count);
      const later = await store.messages.timeline(candidateId);
      expect(later.filter((m) => m.status === 'queued' || m.status === 'sending')).toEqual([]);
      // The second survey waited for the weekly cap (4); the STOP cancelled it with the reason.
      expect(later.filter((m) => m.flow === 'pulse').map((m) => [m.status, m.note])).toEqual([
        ['sent', null],
        ['cancelled', 'the candidate opted out of e-mail'],
      ]);
      const unsent = later.filter(
        (m) => m.direction === 'out' && m.status === 'cancelled' && m.flow === 'invitation',
      );
      expect(unsent.length).toBeLessThanOrEqual(1);
      for (const m of unsent) expect(m.note).toContain('has not agreed to e-mail');
      // No message went twice: one per (flow, step).
      const sent = (await store.messages.timeline(candidateId)).filter(
        (m) => m.direction === 'out' && m.status === 'sent',
      );
      expect(new Set(sent.map((m) => `${m.flow}:${m.step}`)).size).toBe(sent.length);
      expect(sent.map((m) => m.flow)).toEqual(
        expect.arrayContaining([
          'invitation',
          'confirmation',
          'micro_task',
          'scheduling',
          'calendar',
          'decline',
          'opt_out',
        ]),
      );
    }, 120_000);
  });
}
