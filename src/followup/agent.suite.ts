/**
 * The follow-up agent end to end on a database: invitations and confirmations queued by the
 * product's events, sent through a real SMTP server on loopback by the dispatcher, never twice,
 * waiting out quiet hours, retried after a temporary refusal, recorded when refused for good,
 * and held with the reason when e-mail is not set up. `agent.test.ts` runs it on SQLite and, with
 * TEST_DATABASE_URL, on PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTICE_VERSION } from '../invitations/notice.js';
import { DEFAULT_CADENCE, loadAgentConfig } from '../messaging/config.js';
import { emailChannel } from '../messaging/email.js';
import { twilioSignature } from '../messaging/sms.js';
import { signBody } from '../server/webhooks/signature.js';
import { startTestSmtp, type TestSmtpServer } from '../messaging/test-smtp-server.js';
import { buildApp } from '../server/app.js';
import { testConfig } from '../server/app.suite.js';
import type { Store } from '../store/index.js';
import { dispatchDue, type Channels } from './dispatcher.js';

const PUBLIC_URL = 'https://jobs.acme.test';
const SMS_TOKEN = 'sms-auth-token-0123';
const INBOUND_SECRET = 'inbound-secret-0123456789';
let serial = 0;

/** @example describeAgent('sqlite', () => openStore({ dataDir })) */
export function describeAgent(name: string, open: () => Promise<Store>): void {
  describe(`the follow-up agent on ${name}`, () => {
    let store: Store;
    let app: FastifyInstance;
    let smtp: TestSmtpServer;
    let channels: Channels & { close(): void };
    let token = '';
    let jobId = '';
    const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-agent-'));
    const retryDelaysMs = [60_000, 300_000];
    const dispatch = (now: Date, c: Channels = channels) =>
      dispatchDue(store, { channels: c, cadence: DEFAULT_CADENCE, retryDelaysMs, now });

    beforeAll(async () => {
      store = await open();
      smtp = await startTestSmtp();
      const email = emailChannel({ url: smtp.url, from: 'Acme Jobs <jobs@acme.test>' }, PUBLIC_URL);
      channels = { email, sms: null, close: () => email.close() };
      const stamp = `${Date.now()}-${++serial}`;
      const ws = await store.workspaces.ensure({ slug: `agent-${stamp}`, name: 'Acme' });
      const job = await store.jobs.create({
        workspaceId: ws.id,
        title: 'Support lead',
        description: 'Leads support.',
      });
      jobId = job.id;
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
          defaultWorkspace: `agent-${stamp}`,
          agent: loadAgentConfig(
            {
              CANDOR_SMS_ACCOUNT_SID: 'AC0123',
              CANDOR_SMS_AUTH_TOKEN: SMS_TOKEN,
              CANDOR_SMS_FROM: '+15005550006',
              CANDOR_INBOUND_EMAIL_SECRET: INBOUND_SECRET,
            },
            PUBLIC_URL,
          ),
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

    const invite = async (name: string, email: string, extra: Record<string, unknown> = {}) => {
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/jobs/${jobId}/invitations`,
        headers: { authorization: `Bearer ${token}` },
        payload: { candidates: [{ name, email }], textAnswers: true, ...extra },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ invitations: { id: string; linkPath: string; candidate: { id: string } }[] }>()
        .invitations[0]!;
    };
    const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
    // The next Wednesday at 10:00 UTC at least a day ahead (messages queue at the real time):
    // no quiet hours in UTC then.
    const DAY = (() => {
      const d = new Date(Date.now() + 86_400_000);
      d.setUTCHours(10, 0, 0, 0);
      while (d.getUTCDay() !== 3) d.setUTCDate(d.getUTCDate() + 1);
      return d;
    })();
    const at = (hoursAfterDay: number) => new Date(DAY.getTime() + hoursAfterDay * 3_600_000);

    it('sends the invitation with a working link once, however often it is dispatched', async () => {
      const invitation = await invite('Ana Díaz', 'ana@example.com');
      expect(await dispatch(DAY)).toMatchObject({ sent: 1 });
      await dispatch(DAY);
      const mails = mailTo('ana@example.com');
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toBe('Your interview for Support lead at Acme');
      expect(mails[0]?.text).toContain('Hi Ana,');
      expect(mails[0]?.text).toContain(`Start here: ${PUBLIC_URL}${invitation.linkPath}`);
      expect(mails[0]?.text).toContain('Rita Reyes');
      // The link in the e-mail opens the candidate's page.
      const page = await app.inject({ method: 'GET', url: `/api/v1${invitation.linkPath}` });
      expect(page.statusCode).toBe(200);
      const timeline = await store.messages.timeline(invitation.candidate.id);
      expect(timeline.map((m) => [m.flow, m.status, m.channel])).toEqual([['invitation', 'sent', 'email']]);
    });

    it('confirms a completed interview with the date in business days, even at night', async () => {
      const invitation = await invite('Bo Chen', 'bo@example.com');
      const tokenOf = invitation.linkPath.replace('/take/', '');
      const take = (method: 'GET' | 'POST', rest: string, payload?: object) =>
        app.inject({ method, url: `/api/v1/take/${tokenOf}${rest}`, ...(payload ? { payload } : {}) });
      await take('POST', '/consent', { noticeVersion: NOTICE_VERSION });
      const state = (await take('GET', '')).json<{ questionCount: number }>();
      for (let p = 0; p < state.questionCount; p++) {
        const res = await take('POST', `/answers/${p}/text`, {
          text: `My answer to question ${p + 1}, in my own words.`,
        });
        expect(res.statusCode, res.body).toBe(200);
      }
      const done = (await take('POST', '/complete')).json<{ finish: { respondBy: string } }>();
      // 23:30 UTC: quiet hours, but a confirmation answers what the candidate just did.
      await dispatch(at(13.5));
      const mails = mailTo('bo@example.com').map((m) => m.subject);
      expect(mails).toContain('We got your interview, Bo');
      const confirmation = mailTo('bo@example.com').find((m) => m.subject === 'We got your interview, Bo');
      const day = new Date(`${done.finish.respondBy}T12:00:00Z`).toLocaleDateString('en-GB', {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
      expect(confirmation?.text).toContain(`We expect to get back to you by ${day}.`);
    });

    it("waits out quiet hours in the candidate's zone, then sends", async () => {
      const invitation = await invite('Chie Sato', 'chie@example.com');
      await store.candidates.update(invitation.candidate.id, { timeZone: 'Asia/Tokyo' });
      // 14:00 UTC is 23:00 in Tokyo: it waits until 08:00 Thursday there, 23:00 UTC.
      expect(await dispatch(at(4))).toMatchObject({ waiting: 1, sent: 0 });
      const [waiting] = await store.messages.timeline(invitation.candidate.id);
      expect(waiting).toMatchObject({ status: 'queued', dueAt: at(13).toISOString() });
      const thursday = at(13).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        timeZone: 'Asia/Tokyo',
      });
      expect(waiting?.note).toContain(`Thursday ${thursday}, 08:00 (Asia/Tokyo)`);
      expect(mailTo('chie@example.com')).toHaveLength(0);
      expect(await dispatch(at(13))).toMatchObject({ sent: 1 });
      expect(mailTo('chie@example.com')).toHaveLength(1);
    });

    it('retries a temporary refusal with back-off, and records a bounce for good', async () => {
      const first = await invite('Dev Patel', 'dev@example.com');
      smtp.refuseWith = 451;
      expect(await dispatch(DAY)).toMatchObject({ retrying: 1 });
      const [retrying] = await store.messages.timeline(first.candidate.id);
      expect(retrying).toMatchObject({
        status: 'queued',
        attempts: 1,
        dueAt: new Date(DAY.getTime() + 60_000).toISOString(),
      });
      expect(retrying?.lastError).toContain('451');
      smtp.refuseWith = null;
      expect(await dispatch(DAY)).toMatchObject({ sent: 0 });
      expect(await dispatch(new Date(DAY.getTime() + 60_000))).toMatchObject({ sent: 1 });
      expect(mailTo('dev@example.com')).toHaveLength(1);

      const second = await invite('Eve Nobody', 'eve@example.com');
      smtp.refuseWith = 550;
      expect(await dispatch(DAY)).toMatchObject({ failed: 1 });
      smtp.refuseWith = null;
      const [bounced] = await store.messages.timeline(second.candidate.id);
      expect(bounced).toMatchObject({ status: 'bounced' });
      expect(bounced?.lastError).toContain('550');
      expect(await dispatch(new Date(DAY.getTime() + 3_600_000))).toMatchObject({ sent: 0 });
    });

    it('holds messages with the reason when e-mail is not set up, and cancels after an opt-out', async () => {
      const held = await invite('Fay Long', 'fay@example.com');
      expect(await dispatch(DAY, { email: null, sms: null })).toMatchObject({ waiting: 1 });
      const [waiting] = await store.messages.timeline(held.candidate.id);
      expect(waiting).toMatchObject({ status: 'queued', note: 'e-mail is not set up (CANDOR_SMTP_URL)' });
      const gone = await invite('Gus Quiet', 'gus@example.com');
      await store.candidates.update(gone.candidate.id, { consent: { email: false } });
      expect(await dispatch(DAY)).toMatchObject({ cancelled: 1 });
      const [cancelled] = await store.messages.timeline(gone.candidate.id);
      expect(cancelled).toMatchObject({
        status: 'cancelled',
        note: 'the candidate has not agreed to e-mail',
      });
      expect(mailTo('gus@example.com')).toHaveLength(0);
      // The held one goes once e-mail is set up.
      expect(await dispatch(new Date(DAY.getTime() + 3_600_000))).toMatchObject({ sent: 1 });
      expect(mailTo('fay@example.com')).toHaveLength(1);
    });

    it('two dispatchers at once send each of 40 messages exactly once', async () => {
      const emails = Array.from({ length: 40 }, (_, i) => `bulk${i}.${serial}@example.com`);
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/jobs/${jobId}/invitations`,
        headers: { authorization: `Bearer ${token}` },
        payload: { csv: `name,email\n${emails.map((e, i) => `Bulk ${i},${e}`).join('\n')}` },
      });
      expect(res.statusCode, res.body).toBe(201);
      const later = new Date(DAY.getTime() + 7_200_000);
      const passes = await Promise.all(
        [0, 1, 2, 3].map(() =>
          dispatchDue(store, { channels, cadence: DEFAULT_CADENCE, retryDelaysMs, now: later, limit: 15 }),
        ),
      );
      const sent = passes.reduce((n, p) => n + p.sent, 0);
      await dispatch(later);
      const arrived = smtp.received.filter((m) => m.to.some((t) => emails.includes(t)));
      expect(arrived).toHaveLength(40);
      expect(new Set(arrived.map((m) => m.to[0])).size).toBe(40);
      expect(sent).toBeGreaterThan(0);
    });
    const sms = (params: Record<string, string>, signature?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/agent/inbound/sms',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature':
            signature ?? twilioSignature(SMS_TOKEN, `${PUBLIC_URL}/api/v1/agent/inbound/sms`, params),
        },
        payload: new URLSearchParams(params).toString(),
      });
    const email = (raw: string, signature?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/agent/inbound/email',
        headers: {
          'content-type': 'message/rfc822',
          'x-candor-signature': signature ?? signBody(INBOUND_SECRET, raw),
        },
        payload: raw,
      });
    const rfc822 = (from: string, text: string) =>
      [
        `From: ${from}`,
        'To: jobs@acme.test',
        'Subject: Re: Your interview',
        'Content-Type: text/plain; charset=utf-8',
        '',
        text,
        '',
      ].join('\r\n');
    const recruiter = (method: 'GET' | 'POST', url: string, payload?: object) =>
      app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { authorization: `Bearer ${token}` },
        ...(payload ? { payload } : {}),
      });

    it('honours an SMS STOP at once: consent withdrawn, queued messages cancelled, one confirmation; a forged one changes nothing', async () => {
      const invitation = await invite('Hal Texter', 'hal@example.com', { notify: false });
      await store.candidates.update(invitation.candidate.id, {
        phone: '+15551230001',
        consent: { email: true, sms: true },
      });
      await store.messages.enqueue({
        workspaceId: (await store.candidates.get(invitation.candidate.id)).workspaceId,
        candidateId: invitation.candidate.id,
        flow: 'status_update',
        step: '1',
        channel: 'sms',
        toAddress: '+15551230001',
        subject: null,
        body: 'An update.',
      });
      const [queued] = await store.messages.timeline(invitation.candidate.id);
      await store.messages.markSent(queued!.id, 'SM1', '+15005550006');
      await store.messages.enqueue({
        workspaceId: queued!.workspaceId,
        candidateId: invitation.candidate.id,
        flow: 'status_update',
        step: '2',
        channel: 'sms',
        toAddress: '+15551230001',
        subject: null,
        body: 'Another update.',
      });
      const params = { From: '+15551230001', To: '+15005550006', Body: 'STOP', MessageSid: 'SMin1' };
      const forged = await sms(params, 'bm90IGEgc2lnbmF0dXJl');
      expect(forged.statusCode).toBe(403);
      expect((await store.candidates.get(invitation.candidate.id)).consent.sms).toBe(true);
      const res = await sms(params);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).toContain('<Response/>');
      expect((await store.candidates.get(invitation.candidate.id)).consent.sms).toBe(false);
      const timeline = await store.messages.timeline(invitation.candidate.id);
      expect(timeline.map((m) => [m.direction, m.flow, m.status])).toEqual([
        ['out', 'status_update', 'sent'],
        ['out', 'status_update', 'cancelled'],
        ['in', 'reply', 'received'],
        ['out', 'opt_out', 'queued'],
      ]);
      expect(timeline[2]).toMatchObject({ intent: 'opt_out', needsPerson: false });
    });

    it('answers a status question by e-mail, sends frustration and questions to the inbox with the reason, and keeps unknown senders apart', async () => {
      const ana = (await store.candidates.findByEmail(
        (await store.candidates.get((await invite('Ivy Asker', 'ivy@example.com')).candidate.id)).workspaceId,
        'ivy@example.com',
      ))!;
      await dispatch(DAY);
      const asked = await email(
        rfc822(
          'Ivy Asker <ivy@example.com>',
          'Hi, any update on my application?\n\nOn Mon, Acme wrote:\n> Your interview',
        ),
      );
      expect(asked.statusCode, asked.body).toBe(202);
      expect(asked.json()).toMatchObject({
        intent: 'status_question',
        action: 'answered with the application status',
      });
      const angry = await email(
        rfc822('ivy@example.com', 'This is the third time I ask and nobody answers. Ridiculous.'),
      );
      expect(angry.json<{ action: string }>().action).toMatch(/^kept for a person: /);
      const stranger = await email(rfc822('nobody@elsewhere.test', 'Hello?'));
      expect(stranger.json()).toMatchObject({ action: 'kept for a person: unknown sender' });
      const forged = await email(rfc822('ivy@example.com', 'STOP'), 'sha256=00');
      expect(forged.statusCode).toBe(403);
      const timeline = (await recruiter('GET', `/candidates/${ana.id}/messages`)).json<{
        messages: { direction: string; flow: string; intent: string | null }[];
      }>().messages;
      expect(timeline.map((m) => [m.direction, m.flow, m.intent])).toEqual([
        ['out', 'invitation', null],
        ['in', 'reply', 'status_question'],
        ['out', 'reply', null],
        ['in', 'reply', angry.json<{ intent: string }>().intent],
      ]);
      const inbox = (await recruiter('GET', '/agent/inbox')).json<{
        replies: { id: string; candidateName: string | null; note: string }[];
      }>().replies;
      expect(inbox.map((r) => r.candidateName)).toEqual(expect.arrayContaining(['Ivy Asker', null]));
      const mine = inbox.find((r) => r.candidateName === 'Ivy Asker')!;
      expect(mine.note).toBeTruthy();
      const handled = await recruiter('POST', `/messages/${mine.id}/handled`);
      expect(handled.json()).toMatchObject({ needsPerson: false });
      expect(
        (await recruiter('GET', '/agent/inbox'))
          .json<{ replies: { id: string }[] }>()
          .replies.map((r) => r.id),
      ).not.toContain(mine.id);
      // The status answer goes to the address the question came from.
      await dispatch(DAY);
      const answer = mailTo('ivy@example.com').find((m) => m.subject === 'Re: Your interview');
      expect(answer?.text).toContain('Hi Ivy,');
    });

    it('a paused candidate gets nothing until resumed', async () => {
      const invitation = await invite('Jo Paused', 'jo@example.com');
      expect(
        (await recruiter('POST', '/agent/pause', { candidateId: invitation.candidate.id })).statusCode,
      ).toBe(204);
      expect(await dispatch(DAY)).toMatchObject({ waiting: 1 });
      expect(mailTo('jo@example.com')).toHaveLength(0);
      await recruiter('POST', '/agent/resume', { candidateId: invitation.candidate.id });
      expect(await dispatch(new Date(DAY.getTime() + 3_600_000))).toMatchObject({ sent: 1 });
      const status = (await recruiter('GET', '/agent/status')).json<{
        channels: object;
        messages: Record<string, number>;
      }>();
      expect(status.channels).toEqual({ email: false, sms: true, inboundEmail: true });
      expect(status.messages.sent).toBeGreaterThan(0);
    });
  });
}
