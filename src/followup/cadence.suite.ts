/**
 * The cadence flows end to end on a database, with a real SMTP server on loopback: the 48-hour
 * status update (or a workspace's own delay and template) and the weekly nurture queued by the scan (once, however often it runs), nothing
 * to a withdrawn, hired or opted-out candidate, the personal decline with a strength quoted from
 * the evidence (or none), and the pulse survey with its answers by reply and the NPS per job and
 * round. `cadence.test.ts` runs it on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../core/index.js';
import { NOTICE_VERSION } from '../invitations/notice.js';
import { DEFAULT_CADENCE, loadAgentConfig } from '../messaging/config.js';
import { emailChannel } from '../messaging/email.js';
import { startTestSmtp, type TestSmtpServer } from '../messaging/test-smtp-server.js';
import { analyzeFile, saveAnalysis } from '../pipeline/index.js';
import { buildApp } from '../server/app.js';
import { testConfig } from '../server/app.suite.js';
import { signBody } from '../server/webhooks/signature.js';
import type { Store } from '../store/index.js';
import { planCadence, respondByAfter } from './cadence.js';
import { queueDecline, strengthsOf } from './decline.js';
import { dispatchDue, type Channels } from './dispatcher.js';
import { longDate } from './templates.js';
import { validateTemplate } from './workspace-templates.js';

const PUBLIC_URL = 'https://jobs.acme.test';
const INBOUND_SECRET = 'inbound-secret-0123456789';
const HOUR = 3_600_000;
let serial = 0;

/** @example describeCadence('sqlite', () => openStore({ dataDir })) */
export function describeCadence(name: string, open: () => Promise<Store>): void {
  describe(`the cadence flows on ${name}`, () => {
    let store: Store;
    let app: FastifyInstance;
    let smtp: TestSmtpServer;
    let channels: Channels & { close(): void };
    let token = '';
    let ritaId = '';
    let workspaceId = '';
    const jobs = { support: '', account: '', pulse: '' };
    const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-cadence-'));
    const T0 = new Date();
    // The first Monday to Thursday at 10:00 or 14:00 UTC more than 49 hours after T0:
    // past the 48-hour status update, no quiet hours in UTC, a day after it still the same ISO week,
    // and at most 5.9 days after T0. The store stamps messages with the real clock (T0), so
    // "a week without news" must not pass by W + 1 day, whatever weekday the suite runs on.
    const W = (() => {
      const earliest = T0.getTime() + 49 * 3_600_000;
      const d = new Date(T0);
      d.setUTCHours(10, 0, 0, 0);
      for (;;) {
        for (const hour of [10, 14]) {
          d.setUTCHours(hour, 0, 0, 0);
          if ([1, 2, 3, 4].includes(d.getUTCDay()) && d.getTime() > earliest) return d;
        }
        d.setUTCDate(d.getUTCDate() + 1);
      }
    })();
    const days = (n: number) => new Date(W.getTime() + n * 86_400_000);
    const dispatch = (now: Date) =>
      dispatchDue(store, { channels, cadence: DEFAULT_CADENCE, retryDelaysMs: [60_000], now, limit: 500 });
    const scan = (now: Date) => planCadence(store, { publicUrl: PUBLIC_URL }, now);
    const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
    const flowsOf = async (candidateId: string, flow: string) =>
      (await store.messages.timeline(candidateId)).filter((m) => m.direction === 'out' && m.flow === flow);

    beforeAll(async () => {
      store = await open();
      smtp = await startTestSmtp();
      const email = emailChannel({ url: smtp.url, from: 'Acme Jobs <jobs@acme.test>' }, PUBLIC_URL);
      channels = { email, sms: null, close: () => email.close() };
      const stamp = `${Date.now()}-${++serial}`;
      const ws = await store.workspaces.ensure({ slug: `cadence-${stamp}`, name: 'Acme' });
      workspaceId = ws.id;
      const job = (title: string) =>
        store.jobs.create({ workspaceId: ws.id, title, description: `${title}.` });
      jobs.support = (await job('Support lead')).id;
      jobs.account = (await job('Account manager')).id;
      jobs.pulse = (await job('Pulse analyst')).id;
      const rita = await store.users.create({
        workspaceId: ws.id,
        email: `rita.${stamp}@acme.test`,
        name: 'Rita Reyes',
        role: 'recruiter',
        password: 'a long password here',
      });
      ritaId = rita.id;
      token = (await store.users.createApiToken(rita.id, 't')).token;
      app = await buildApp({
        store,
        config: {
          ...testConfig,
          mediaDir,
          defaultWorkspace: `cadence-${stamp}`,
          agent: loadAgentConfig({ CANDOR_INBOUND_EMAIL_SECRET: INBOUND_SECRET }, PUBLIC_URL),
        },
      });
    });
    afterAll(async () => {
      channels.close();
      await smtp.close();
      await app.close();
      await store.close();
      fs.rmSync(mediaDir, { recursive: true, force: true });
    });

    const recruiter = (method: 'GET' | 'POST', url: string, payload?: object) =>
      app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { authorization: `Bearer ${token}` },
        ...(payload ? { payload } : {}),
      });
    /** Invites a candidate to a job and completes the interview by link with typed answers. */
    const interviewed = async (name: string, email: string, jobId = jobs.support) => {
      const res = await recruiter('POST', `/jobs/${jobId}/invitations`, {
        candidates: [{ name, email }],
        textAnswers: true,
      });
      expect(res.statusCode, res.body).toBe(201);
      const invitation = res.json<{
        invitations: { id: string; linkPath: string; candidate: { id: string } }[];
      }>().invitations[0]!;
      const take = (method: 'GET' | 'POST', rest: string, payload?: object) =>
        app.inject({
          method,
          url: `/api/v1${invitation.linkPath}${rest}`,
          ...(payload ? { payload } : {}),
        });
      await take('POST', '/consent', { noticeVersion: NOTICE_VERSION });
      const { questionCount } = (await take('GET', '')).json<{ questionCount: number }>();
      for (let p = 0; p < questionCount; p++)
        await take('POST', `/answers/${p}/text`, {
          text: `My answer to question ${p + 1}, in my own words.`,
        });
      expect((await take('POST', '/complete')).statusCode).toBe(200);
      const invitationRecord = await store.invitations.get(invitation.id);
      return { candidateId: invitation.candidate.id, applicationId: invitationRecord.applicationId };
    };
    const replyByEmail = async (from: string, text: string) => {
      const raw = [
        `From: ${from}`,
        'To: jobs@acme.test',
        'Subject: Re: One question',
        'Content-Type: text/plain; charset=utf-8',
        '',
        text,
        '',
      ].join('\r\n');
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/agent/inbound/email',
        headers: { 'content-type': 'message/rfc822', 'x-candor-signature': signBody(INBOUND_SECRET, raw) },
        payload: raw,
      });
      expect(res.statusCode, res.body).toBe(202);
      return res.json<{ action: string; intent: string }>();
    };

    it('queues one status update after 48 hours without news however often it scans, then a nurture a week', async () => {
      const ana = await interviewed('Ana Status', 'ana.status@example.com');
      await dispatch(new Date(T0.getTime() + HOUR));
      await scan(new Date(T0.getTime() + 47 * HOUR));
      expect(await flowsOf(ana.candidateId, 'status_update')).toHaveLength(0);
      for (let i = 0; i < 3; i++) await scan(W);
      const [update, ...more] = await flowsOf(ana.candidateId, 'status_update');
      expect(more).toHaveLength(0);
      await dispatch(W);
      const mails = mailTo('ana.status@example.com').filter(
        (m) => m.subject === 'Your application for Support lead: still with us',
      );
      expect(mails).toHaveLength(1);
      const confirmation = (await flowsOf(ana.candidateId, 'confirmation'))[0]!;
      const respondBy = longDate(respondByAfter(new Date(confirmation.sentAt!), W, 5));
      expect(mails[0]?.text).toContain(`We expect to get back to you by ${respondBy}.`);
      // Her answers gave no strength with evidence: no line about what she said.
      expect(mails[0]?.text).not.toContain('stayed with us');
      expect((await store.messages.get(update!.id)).status).toBe('sent');
      // A week without news: one nurture per ISO week, however often it scans.
      await scan(days(1));
      expect(await flowsOf(ana.candidateId, 'nurture')).toHaveLength(0);
      await scan(days(8));
      await scan(days(8));
      expect(await flowsOf(ana.candidateId, 'nurture')).toHaveLength(1);
      await scan(days(15));
      expect((await flowsOf(ana.candidateId, 'nurture')).map((m) => m.step)).toHaveLength(2);
      expect(await flowsOf(ana.candidateId, 'status_update')).toHaveLength(1);
    });

    it('refers in the status update to something the candidate said, quoted from the evidence', async () => {
      const priya = await interviewed('Priya Quote', 'priya.q@example.com');
      const analysis = await analyzeFile(
        path.join(packageRoot(), 'examples', 'interviews', 'priya-strong.vtt'),
        { framework: 'default', questions: 'default' },
      );
      const interview = await store.interviews.create({
        workspaceId,
        applicationId: priya.applicationId,
        kind: 'live',
      });
      await saveAnalysis(store, interview.id, analysis);
      await dispatch(new Date(T0.getTime() + HOUR));
      await scan(W);
      await dispatch(W);
      const mail = mailTo('priya.q@example.com').find(
        (m) => m.subject === 'Your application for Support lead: still with us',
      );
      const text = mail?.text.replace(/\s+/g, ' ') ?? '';
      const quoted = /One thing you told us has stayed with us: "(.+?)"/.exec(text)?.[1];
      expect(quoted, text).toBeDefined();
      expect(quoted).toBe(strengthsOf(analysis.scorecard)[0]!.quote.replace(/\s+/g, ' '));
      // Before the sign-off.
      expect(text.indexOf('stayed with us')).toBeLessThan(text.lastIndexOf('Acme'));
    });

    it('withdraws only on an explicit request; a reply the model alone reads as a withdrawal goes to a person', async () => {
      const kim = await interviewed('Kim Ask', 'kim.ask@example.com');
      await dispatch(new Date(T0.getTime() + HOUR));
      await replyByEmail('kim.ask@example.com', 'Can we do Friday at 25:00?');
      expect((await store.applications.get(kim.applicationId)).stage).not.toBe('withdrawn');
      const held = (await store.messages.timeline(kim.candidateId))
        .filter((m) => m.direction === 'in')
        .at(-1);
      expect(held).toMatchObject({ intent: 'withdrawal', needsPerson: true });
      expect(held?.note).toContain('a person decides');
      await replyByEmail(
        'kim.ask@example.com',
        'Please withdraw my application, I have accepted another offer.',
      );
      expect((await store.applications.get(kim.applicationId)).stage).toBe('withdrawn');
    });

    it('sends nothing to a withdrawn, hired or opted-out candidate; a withdrawal cancels a queued update', async () => {
      const bo = await interviewed('Bo Withdrawn', 'bo.w@example.com');
      const cy = await interviewed('Cy Hired', 'cy.h@example.com');
      const di = await interviewed('Di Optout', 'di.o@example.com');
      const ed = await interviewed('Ed Later', 'ed.l@example.com');
      await store.applications.recordDecision({
        workspaceId,
        applicationId: bo.applicationId,
        decision: 'withdraw',
        stage: 'withdrawn',
        reason: 'the candidate wrote',
        actor: 'candidate',
      });
      await store.applications.updateStage(cy.applicationId, 'hired');
      await store.candidates.update(di.candidateId, { consent: { email: false } });
      await scan(W);
      for (const who of [bo, cy, di])
        for (const flow of ['status_update', 'nurture', 'pulse'])
          expect(await flowsOf(who.candidateId, flow), flow).toHaveLength(0);
      // Ed's update is queued, then Ed withdraws before it goes.
      expect(await flowsOf(ed.candidateId, 'status_update')).toHaveLength(1);
      await store.applications.recordDecision({
        workspaceId,
        applicationId: ed.applicationId,
        decision: 'withdraw',
        stage: 'withdrawn',
        reason: 'the candidate wrote',
        actor: 'candidate',
      });
      await dispatch(W);
      const [update] = await flowsOf(ed.candidateId, 'status_update');
      expect(update).toMatchObject({ status: 'cancelled' });
      expect(update?.note).toContain('withdrawn');
      for (const address of ['bo.w@example.com', 'cy.h@example.com', 'di.o@example.com', 'ed.l@example.com'])
        expect(
          mailTo(address).filter((m) => !/interview|We got/.test(m.subject ?? '')),
          address,
        ).toHaveLength(0);
    });

    it('declines personally: the role, the step, a strength quoted from the evidence, fitting roles, the events line; once', async () => {
      const fay = await interviewed('Fay Strong', 'fay.s@example.com');
      const analysis = await analyzeFile(
        path.join(packageRoot(), 'examples', 'interviews', 'priya-strong.vtt'),
        {
          framework: 'default',
          questions: 'default',
        },
      );
      const interview = await store.interviews.create({
        workspaceId,
        applicationId: fay.applicationId,
        kind: 'live',
      });
      await saveAnalysis(store, interview.id, analysis);
      await store.workspaces.updateSettings(
        workspaceId,
        { eventsLine: 'Our next open evening is on 14 January: acme.test/events' },
        ritaId,
      );
      // Never to someone still in process.
      expect(
        await queueDecline(store, { publicUrl: PUBLIC_URL }, { applicationId: fay.applicationId }),
      ).toBeNull();
      const decide = (decision: string) =>
        recruiter('POST', `/applications/${fay.applicationId}/decisions`, {
          decision,
          reason: 'Not this time.',
        });
      expect((await decide('reject')).statusCode).toBe(201);
      expect((await decide('hold')).statusCode).toBe(201);
      expect((await decide('reject')).statusCode).toBe(201);
      expect(await flowsOf(fay.candidateId, 'decline')).toHaveLength(1);
      await dispatch(W);
      const [mail, ...again] = mailTo('fay.s@example.com').filter(
        (m) => m.subject === 'Your application for Support lead',
      );
      expect(again).toHaveLength(0);
      const text = mail!.text.replace(/\s+/g, ' ');
      expect(text).toContain('Thank you for the time you gave us for Support lead.');
      expect(text).toContain('You reached the online interview');
      const quoted = /for example when you said "(.+?)"\./.exec(text)?.[1];
      expect(quoted).toBeDefined();
      const evidence = analysis.scorecard.competencies.flatMap((c) =>
        c.evidence.map((e) => e.quote.replace(/\s+/g, ' ')),
      );
      expect(evidence.some((q) => q.includes(quoted!.replace(/…$/, '')))).toBe(true);
      expect(text).toContain(`your ${strengthsOf(analysis.scorecard)[0]!.competency.toLowerCase()}`);
      expect(text).toContain('other roles we are hiring for: Account manager and Pulse analyst.');
      expect(text).toContain('Our next open evening is on 14 January: acme.test/events');
    });

    it('says nothing of strengths when the evidence holds none, or there is no scorecard', async () => {
      const gus = await interviewed('Gus Weak', 'gus.w@example.com');
      const weak = await analyzeFile(path.join(packageRoot(), 'examples', 'interviews', 'jordan-weak.srt'), {
        framework: 'default',
        questions: 'default',
      });
      const interview = await store.interviews.create({
        workspaceId,
        applicationId: gus.applicationId,
        kind: 'live',
      });
      await saveAnalysis(store, interview.id, weak);
      const hal = await store.candidates.create({
        workspaceId,
        name: 'Hal Plain',
        email: 'hal.p@example.com',
      });
      const { application } = await store.applications.findOrCreate({
        candidateId: hal.id,
        jobId: jobs.support,
      });
      for (const applicationId of [gus.applicationId, application.id])
        expect(
          (
            await recruiter('POST', `/applications/${applicationId}/decisions`, {
              decision: 'reject',
              reason: 'No.',
            })
          ).statusCode,
        ).toBe(201);
      await dispatch(W);
      const gusMail = mailTo('gus.w@example.com').find(
        (m) => m.subject === 'Your application for Support lead',
      );
      const halMail = mailTo('hal.p@example.com').find(
        (m) => m.subject === 'Your application for Support lead',
      );
      expect(gusMail?.text).toContain('You reached the online interview');
      expect(halMail?.text).toContain('You reached our first review');
      for (const mail of [gusMail, halMail]) {
        expect(mail?.text).not.toMatch(/stood out|you said|other roles/);
        expect(mail?.text).toContain('We wish you every success.');
      }
    });

    it('asks the pulse after each round and stores the answers by reply; NPS per job and round', async () => {
      const jon = await store.candidates.create({
        workspaceId,
        name: 'Jon Booked',
        email: 'jon.b@example.com',
      });
      const { application } = await store.applications.findOrCreate({
        candidateId: jon.id,
        jobId: jobs.pulse,
      });
      const booking = await store.bookings.book({
        workspaceId,
        applicationId: application.id,
        interviewerId: ritaId,
        startsAt: new Date(T0.getTime() + HOUR),
        endsAt: new Date(T0.getTime() + 2 * HOUR),
        timeZone: 'UTC',
      });
      await store.bookings.confirm(booking.id);
      // Before the interview ends (and two hours after), no survey.
      await scan(new Date(T0.getTime() + 3 * HOUR));
      expect(await flowsOf(jon.id, 'pulse')).toHaveLength(0);
      const ivy = await interviewed('Ivy Pulse', 'ivy.p@example.com', jobs.pulse);
      await scan(W);
      await scan(W);
      expect((await flowsOf(ivy.candidateId, 'pulse')).map((m) => m.step)).toEqual([
        expect.stringMatching(/^online_interview:/),
      ]);
      expect((await flowsOf(jon.id, 'pulse')).map((m) => m.step)).toEqual([
        `scheduled_interview:${booking.uid}`,
      ]);
      await dispatch(W);
      const survey = mailTo('ivy.p@example.com').find(
        (m) => m.subject === 'One question about your online interview, Ivy',
      );
      expect(survey?.text).toContain('From 0 to 10, how likely are you to recommend applying here');
      expect(mailTo('jon.b@example.com').map((m) => m.subject)).toContain(
        'One question about your interview with our team, Jon',
      );

      // A reply with no text (only quoted history) is recorded, never a score.
      expect(await replyByEmail('ivy.p@example.com', '> From 0 to 10, how likely')).toMatchObject({
        action: 'recorded: empty reply',
      });
      expect(await replyByEmail('ivy.p@example.com', '9')).toMatchObject({
        intent: 'pulse_answer',
        action: 'recorded: pulse answer 9/10',
      });
      // Out of range: asked once more, then a person; never stored.
      expect((await replyByEmail('jon.b@example.com', 'eleven')).action).toMatch(/^asked again: /);
      await dispatch(W);
      expect(mailTo('jon.b@example.com').at(-1)?.text).toContain('one whole number from 0 to 10');
      expect((await replyByEmail('jon.b@example.com', '11')).action).toMatch(/^kept for a person: /);
      const inbox = await store.messages.inbox(workspaceId);
      expect(inbox.find((m) => m.body === '11')?.note).toContain('not a whole number from 0 to 10');
      expect(await store.pulse.listByJob(jobs.pulse)).toHaveLength(1);
      expect(await replyByEmail('jon.b@example.com', '8 - quick and clear')).toMatchObject({
        action: 'recorded: pulse answer 8/10',
      });
      const answers = await store.pulse.listByJob(jobs.pulse);
      expect(answers.map((a) => [a.stage, a.score, a.comment, a.channel])).toEqual([
        ['online_interview', 9, null, 'email'],
        ['scheduled_interview', 8, 'quick and clear', 'email'],
      ]);
      const res = await recruiter('GET', `/jobs/${jobs.pulse}/pulse`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        jobId: jobs.pulse,
        responses: 2,
        promoters: 1,
        passives: 1,
        detractors: 0,
        nps: 50,
        stages: [
          { stage: 'online_interview', responses: 1, promoters: 1, passives: 0, detractors: 0, nps: 100 },
          { stage: 'scheduled_interview', responses: 1, promoters: 0, passives: 1, detractors: 0, nps: 0 },
        ],
      });
      // A status question after the survey is still answered as one.
      expect(await replyByEmail('ivy.p@example.com', 'Any update on my application?')).toMatchObject({
        intent: 'status_question',
      });
    });

    it("keeps a workspace's status-update delay (24 h) and sends its edited status_update template", async () => {
      const gus = await interviewed('Gus Edited', 'gus.e@example.com');
      await dispatch(new Date(T0.getTime() + HOUR));
      const edited = {
        subject: 'News on {{jobTitle}}, {{firstName}}',
        body: 'Hello {{firstName}}, our own words: we still read your interview for {{jobTitle}}; news by {{respondBy}}.\n\n{{organisation}}',
      };
      validateTemplate('status_update', 'email', edited);
      await store.agentSettings.saveTemplate({
        workspaceId,
        flow: 'status_update',
        channel: 'email',
        subject: edited.subject,
        body: edited.body,
        updatedBy: ritaId,
      });
      await store.agentSettings.saveCadence(workspaceId, { statusUpdateDelayHours: 24 }, ritaId);
      try {
        await scan(new Date(T0.getTime() + 23 * HOUR));
        expect(await flowsOf(gus.candidateId, 'status_update')).toHaveLength(0);
        await scan(new Date(T0.getTime() + 25 * HOUR));
        expect(await flowsOf(gus.candidateId, 'status_update')).toHaveLength(1);
        await dispatch(W);
        const mails = mailTo('gus.e@example.com').filter((m) => m.subject === 'News on Support lead, Gus');
        expect(mails).toHaveLength(1);
        expect(mails[0]?.text).toContain(
          'Hello Gus, our own words: we still read your interview for Support lead',
        );
        expect(mails[0]?.text).not.toContain('A quick note so you are not left wondering');
      } finally {
        await store.agentSettings.saveCadence(workspaceId, { statusUpdateDelayHours: null }, ritaId);
        await store.agentSettings.resetTemplate(workspaceId, 'status_update', 'email');
      }
    });
  });
}
