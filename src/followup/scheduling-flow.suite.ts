/**
 * Scheduling through the agent against real parts: Radicale holds the interviewers' calendars, a
 * real SMTP server receives what the dispatcher sends, ical.js reads the invitations back. Run by
 * scheduling-flow.test.ts on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../core/index.js';
import { DEFAULT_CADENCE, loadAgentConfig } from '../messaging/config.js';
import { emailChannel } from '../messaging/email.js';
import { startTestSmtp, type TestSmtpServer } from '../messaging/test-smtp-server.js';
import { createCalDavClient, readIcs, requestIcs } from '../scheduling/index.js';
import { startRadicale, type RadicaleServer } from '../scheduling/radicale-test-server.js';
import { buildApp } from '../server/app.js';
import { testConfig } from '../server/app.suite.js';
import type { CandidateRecord, Store } from '../store/index.js';
import { dispatchDue, type Channels } from './dispatcher.js';
import { classifyReply } from './index.js';
import { handleReply } from './replies.js';
import { startScheduling } from './scheduling.js';
import type { SchedulingContext } from './scheduling-context.js';

const PUBLIC_URL = 'https://jobs.acme.test';
const NY = 'America/New_York';

/** @example describeSchedulingFlow('sqlite', (now) => openStore({ dataDir, now })) */
export function describeSchedulingFlow(name: string, open: (now: () => Date) => Promise<Store>): void {
  describe(`scheduling through the agent on ${name}`, () => {
    // Monday 19 October 2026, 08:00 UTC: London and New York are on summer time until 25 October
    // and 1 November; the interviews fall in the week between.
    let clock = new Date('2026-10-19T08:00:00Z');
    let store: Store;
    let radicale: RadicaleServer;
    let smtp: TestSmtpServer;
    let channels: Channels & { close(): void };
    let app: FastifyInstance;
    let token = '';
    let workspaceId = '';
    let jobId = '';
    let danaId = '';
    const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-sched-'));
    const ctx: SchedulingContext = {
      publicUrl: PUBLIC_URL,
      secret: testConfig.secret,
      organizer: { name: 'Acme Jobs', email: 'jobs@acme.test' },
      defaultTimeZone: 'UTC',
      reminderOffsetsMs: [86_400_000, 7_200_000],
      now: () => clock,
    };
    // A minute on: the store's clock moves 1 ms past the last time it issued, so records written
    // at the fixed `clock` are stamped a little after it.
    const dispatch = () =>
      dispatchDue(store, {
        channels,
        cadence: DEFAULT_CADENCE,
        retryDelaysMs: [],
        now: new Date(clock.getTime() + 60_000),
      });
    const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
    const reply = (candidate: CandidateRecord, text: string) =>
      handleReply(
        store,
        { classify: classifyReply, defaultWorkspaceId: workspaceId, scheduling: ctx },
        { channel: 'email', from: candidate.email ?? '', to: 'jobs@acme.test', subject: 'Re: times', text },
      );
    const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { authorization: `Bearer ${token}` },
        ...(payload === undefined ? {} : { payload }),
      });
    const dana = () =>
      createCalDavClient({
        calendarUrl: radicale.calendarUrl('dana', 'interviews'),
        username: 'dana',
        password: 'secret',
      });
    const candidate = async (name: string, email: string) => {
      const c = await store.candidates.create({ workspaceId, name, email, timeZone: NY });
      const { application } = await store.applications.findOrCreate({ candidateId: c.id, jobId });
      return { candidate: c, application };
    };

    beforeAll(async () => {
      store = await open(() => clock);
      radicale = await startRadicale({ dana: 'secret' });
      smtp = await startTestSmtp();
      const email = emailChannel({ url: smtp.url, from: 'Acme Jobs <jobs@acme.test>' }, PUBLIC_URL);
      channels = { email, sms: null, close: () => email.close() };
      const stamp = newId('s');
      const ws = await store.workspaces.ensure({ slug: `sched-${stamp}`, name: 'Acme' });
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
          agent: { ...loadAgentConfig({}, PUBLIC_URL), now: () => clock },
        },
      });
      await dana().ensureCalendar('Interviews');
      // A conference fills Dana's week before the clocks change.
      await dana().putEvent(
        'conference@acme.test',
        requestIcs(
          {
            uid: 'conference@acme.test',
            sequence: 0,
            start: new Date('2026-10-20T00:00:00Z'),
            end: new Date('2026-10-24T00:00:00Z'),
            timeZone: 'Europe/London',
            summary: 'Conference',
            description: 'Away',
            organizer: { name: 'Dana Lee', email: 'dana@acme.test' },
            candidate: { name: 'Dana Lee', email: 'dana@acme.test' },
            interviewers: [],
          },
          { stamp: clock },
        ),
      );
    }, 30_000);
    afterAll(async () => {
      channels?.close();
      await smtp?.close();
      await app?.close();
      await store?.close();
      await radicale?.stop();
      fs.rmSync(mediaDir, { recursive: true, force: true });
    });

    it('sets an interviewer calendar with the password sealed, and refuses bad settings with a clear 400', async () => {
      const bad = await api('PUT', `/users/${danaId}/calendar`, {
        caldavUrl: 'ftp://cal',
        timeZone: 'Europe/London',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('caldavUrl');
      expect(bad.body).toContain('not an http(s) URL');
      // A calendar that cannot be read (no such collection, wrong password) is refused when set.
      const missing = await api('PUT', `/users/${danaId}/calendar`, {
        caldavUrl: radicale.calendarUrl('dana', 'no-such-calendar'),
        username: 'dana',
        password: 'secret',
        timeZone: 'Europe/London',
      });
      expect(missing.statusCode).toBe(400);
      expect(missing.body).toContain('body.caldavUrl: the calendar could not be read (CalDAV REPORT');
      const wrong = await api('PUT', `/users/${danaId}/calendar`, {
        caldavUrl: radicale.calendarUrl('dana', 'interviews'),
        username: 'dana',
        password: 'wrong',
        timeZone: 'Europe/London',
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).toContain('401');
      expect((await api('GET', `/users/${danaId}/calendar`)).json()).toMatchObject({
        updatedAt: null,
        dailyCap: 4,
      });
      const zone = await api('PUT', `/users/${danaId}/calendar`, { timeZone: 'Mars/Olympus' });
      expect(zone.statusCode).toBe(400);
      expect(zone.body).toContain('IANA');
      const hours = await api('PUT', `/users/${danaId}/calendar`, {
        timeZone: 'Europe/London',
        workingHours: { days: [1], start: '17:00', end: '09:00' },
      });
      expect(hours.statusCode).toBe(400);
      const res = await api('PUT', `/users/${danaId}/calendar`, {
        caldavUrl: radicale.calendarUrl('dana', 'interviews'),
        username: 'dana',
        password: 'secret',
        timeZone: 'Europe/London',
        workingHours: { days: [1, 2, 3, 4, 5], start: '13:00', end: '17:00' },
        dailyCap: 1,
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ hasPassword: true, dailyCap: 1, timeZone: 'Europe/London' });
      expect(res.body).not.toContain('secret');
      const stored = await store.scheduling.getCalendar(danaId);
      expect(stored?.caldavPasswordSealed).toMatch(/^v1\./);
      expect(stored?.caldavPasswordSealed).not.toContain('secret');
      expect((await api('GET', `/users/${danaId}/calendar`)).json()).toMatchObject({ username: 'dana' });
    });

    it('refuses scheduling for an unknown application or interviewer', async () => {
      const unknown = await api('POST', '/applications/app_doesnotexist/scheduling', {
        interviewerIds: [danaId],
        durationMinutes: 45,
      });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.body).toContain('application app_doesnotexist not found');
      const { application } = await candidate('Nobody Here', 'nobody@example.org');
      const who = await api('POST', `/applications/${application.id}/scheduling`, {
        interviewerIds: ['usr_nobody'],
        durationMinutes: 45,
      });
      expect(who.statusCode).toBe(404);
      expect(who.body).toContain('interviewer usr_nobody not found');
      const short = await api('POST', `/applications/${application.id}/scheduling`, {
        interviewerIds: [danaId],
        durationMinutes: 5,
      });
      expect(short.statusCode).toBe(400);
    });

    it('proposes, books "the second one", invites by ICS and CalDAV, reminds, moves and cancels', async () => {
      const { candidate: casey, application } = await candidate('Casey Morgan', 'casey@example.org');
      const started = await startScheduling(store, ctx, {
        applicationId: application.id,
        interviewerIds: [danaId],
        durationMinutes: 45,
        location: 'https://meet.acme.test/casey',
      });
      // Not in the conference week; 13:00 London is 09:00 in New York once London is on GMT.
      expect(started.proposal.slots.map((s) => s.label)).toEqual([
        'Monday 26 October, 09:00 (America/New_York)',
        'Tuesday 27 October, 09:00 (America/New_York)',
        'Wednesday 28 October, 09:00 (America/New_York)',
      ]);
      clock = new Date('2026-10-19T14:00:00Z');
      expect(await dispatch()).toMatchObject({ sent: 1 });
      const proposal = mailTo('casey@example.org')[0];
      expect(proposal?.text).toContain('2. Tuesday 27 October, 09:00 (America/New_York)');
      expect(proposal?.text).toContain(`${PUBLIC_URL}/schedule/`);

      // A date that does not exist goes to a person with the reason; nothing is booked or withdrawn.
      const odd = await reply(casey, 'Friday 31 February at 25:00');
      expect(odd.message.needsPerson).toBe(true);
      expect(odd.message.note).toMatch(/day or time|could not be matched/);
      expect(await store.bookings.listByApplication(application.id)).toEqual([]);
      expect((await store.applications.get(application.id)).stage).not.toBe('withdrawn');

      const chose = await reply(casey, 'the second one');
      expect(chose.action).toContain('booked Tuesday 27 October, 09:00 (America/New_York)');
      expect(chose.message.needsPerson).toBe(false);
      const [booking] = await store.bookings.listByApplication(application.id);
      expect(booking).toMatchObject({
        status: 'confirmed',
        startsAt: '2026-10-27T13:00:00.000Z',
        sequence: 0,
      });

      await dispatch();
      const invite = mailTo('casey@example.org').at(-1);
      expect(invite?.subject).toBe(
        'Your interview for Support lead: Tuesday 27 October, 09:00 (America/New_York)',
      );
      const ics = invite?.attachments.find((a) => a.mimeType === 'text/calendar');
      expect(ics?.method).toBe('REQUEST');
      const event = readIcs(ics?.content ?? '').events[0];
      expect(event).toMatchObject({
        uid: booking?.uid,
        sequence: 0,
        timeZone: 'Europe/London',
        localStart: '2026-10-27T13:00:00',
      });
      expect(DateTime.fromJSDate(event!.start, { zone: NY }).toFormat('HH:mm')).toBe('09:00');
      expect(event?.attendees).toContain('casey@example.org');
      const stored = readIcs(await dana().getEvent(booking?.caldavHref ?? '')).events[0];
      expect(stored).toMatchObject({ uid: booking?.uid, sequence: 0 });

      // Reminders 24 h and 2 h before, in the candidate's zone, with the link and device tips.
      const reminders = (await store.messages.timeline(casey.id)).filter((m) => m.flow === 'reminder');
      expect(reminders.map((m) => [m.status, m.dueAt])).toEqual([
        ['queued', '2026-10-26T13:00:00.000Z'],
        ['queued', '2026-10-27T11:00:00.000Z'],
      ]);
      expect(reminders[0]?.body).toContain('Tuesday 27 October, 09:00 (America/New_York), in 24 hours');
      expect(reminders[0]?.body).toContain('https://meet.acme.test/casey');
      expect(reminders[0]?.body).toContain('microphone');

      // Move it: a new proposal; the old time stays booked until the new one is confirmed.
      const move = await reply(casey, 'Can we move the interview to another day?');
      expect(move.action).toContain('new times proposed to move the interview');
      expect((await store.bookings.get(booking!.id)).status).toBe('confirmed');
      await dispatch();
      expect(mailTo('casey@example.org').at(-1)?.text).toContain('we can move your interview');
      const moved = await reply(casey, '1');
      expect(moved.action).toMatch(/^booked /);
      expect((await store.bookings.get(booking!.id)).status).toBe('released');
      const current = (await store.bookings.listByApplication(application.id)).find(
        (b) => b.status === 'confirmed',
      );
      expect(current).toMatchObject({ uid: booking?.uid, sequence: 1 });
      await dispatch();
      const update = mailTo('casey@example.org').at(-1);
      expect(update?.subject).toContain('has moved to');
      const updated = readIcs(update?.attachments[0]?.content ?? '').events[0];
      expect(updated).toMatchObject({ uid: booking?.uid, sequence: 1 });
      expect(updated?.start.toISOString()).toBe(current?.startsAt);
      expect(readIcs(await dana().getEvent(booking?.caldavHref ?? '')).events[0]).toMatchObject({
        sequence: 1,
      });
      const afterMove = (await store.messages.timeline(casey.id)).filter((m) => m.flow === 'reminder');
      expect(afterMove.filter((m) => m.status === 'cancelled')).toHaveLength(2);
      expect(afterMove.filter((m) => m.status === 'queued')).toHaveLength(2);

      // The first reminder arrives a day before, once.
      const due = afterMove.find((m) => m.status === 'queued');
      clock = new Date(Date.parse(due!.dueAt) + 60_000);
      await dispatch();
      await dispatch();
      const reminded = mailTo('casey@example.org').filter((m) => m.subject?.startsWith('Reminder:'));
      expect(reminded).toHaveLength(1);

      // Cancelled: METHOD:CANCEL with SEQUENCE 2; the calendar no longer counts it; reminders stop.
      const cancel = await api('POST', `/applications/${application.id}/scheduling/cancel`, {});
      expect(cancel.statusCode, cancel.body).toBe(200);
      await dispatch();
      const cancelMail = mailTo('casey@example.org').at(-1);
      expect(cancelMail?.attachments[0]?.method).toBe('CANCEL');
      expect(readIcs(cancelMail?.attachments[0]?.content ?? '')).toMatchObject({
        method: 'CANCEL',
        events: [{ uid: booking?.uid, sequence: 2, status: 'CANCELLED' }],
      });
      expect(readIcs(await dana().getEvent(booking?.caldavHref ?? '')).events[0]).toMatchObject({
        status: 'CANCELLED',
      });
      const end = (await store.messages.timeline(casey.id)).filter((m) => m.flow === 'reminder');
      expect(end.filter((m) => m.status === 'queued')).toEqual([]);
    }, 60_000);

    it('keeps to the daily cap, re-checks the calendar at booking, and books by link', async () => {
      clock = new Date('2026-10-27T14:00:00Z'); // Tuesday, 10:00 in New York: not quiet hours
      const first = await candidate('Ana Diaz', 'ana@example.org');
      const second = await candidate('Bo Chen', 'bo@example.org');
      const a = await startScheduling(store, ctx, {
        applicationId: first.application.id,
        interviewerIds: [danaId],
        durationMinutes: 45,
      });
      expect((await reply(first.candidate, '1')).action).toMatch(/^booked /);
      const day = DateTime.fromISO(a.proposal.slots[0]!.start, { zone: 'Europe/London' }).toISODate();
      // Dana's cap is 1 a day: nothing else is proposed that day.
      const b = await startScheduling(store, ctx, {
        applicationId: second.application.id,
        interviewerIds: [danaId],
        durationMinutes: 45,
      });
      for (const slot of b.proposal.slots) {
        expect(DateTime.fromISO(slot.start, { zone: 'Europe/London' }).toISODate()).not.toBe(day);
      }
      // Someone fills Bo's first slot in Dana's calendar before Bo answers.
      const taken = b.proposal.slots[0]!;
      await dana().putEvent(
        'walk-in@acme.test',
        requestIcs(
          {
            uid: 'walk-in@acme.test',
            sequence: 0,
            start: new Date(taken.start),
            end: new Date(taken.end),
            timeZone: 'Europe/London',
            summary: 'Walk-in',
            description: 'Busy',
            organizer: { name: 'Dana Lee', email: 'dana@acme.test' },
            candidate: { name: 'Dana Lee', email: 'dana@acme.test' },
            interviewers: [],
          },
          { stamp: clock },
        ),
      );
      const late = await reply(second.candidate, 'option 1 please');
      expect(late.action).toContain('was taken meanwhile');
      expect(await store.bookings.listByApplication(second.application.id)).toEqual([]);
      await dispatch();
      const again = mailTo('bo@example.org').at(-1);
      expect(again?.text).toContain('Sorry, the time you picked was taken');
      expect(again?.text).not.toContain(taken.label);

      // Bo picks by link: the page lists the times; a wrong token is refused.
      const link = /\/schedule\/([A-Za-z0-9_-]{43})/.exec(again?.text ?? '')?.[1] ?? '';
      expect((await app.inject({ method: 'GET', url: '/api/v1/schedule/not-a-token' })).statusCode).toBe(404);
      const page = await app.inject({ method: 'GET', url: `/api/v1/schedule/${link}` });
      expect(page.statusCode, page.body).toBe(200);
      expect(page.json<{ slots: { number: number }[] }>().slots.length).toBeGreaterThan(0);
      const picked = await app.inject({
        method: 'POST',
        url: `/api/v1/schedule/${link}`,
        payload: { slot: 1 },
      });
      expect(picked.statusCode, picked.body).toBe(200);
      expect(picked.json()).toMatchObject({ status: 'booked' });
      expect((await store.bookings.listByApplication(second.application.id)).map((x) => x.status)).toEqual([
        'confirmed',
      ]);
      const reused = await app.inject({
        method: 'POST',
        url: `/api/v1/schedule/${link}`,
        payload: { slot: 1 },
      });
      expect(reused.statusCode).toBe(409);
    }, 60_000);

    it('proposes through the API and hands an unmatched time to the inbox', async () => {
      const { candidate: cy, application } = await candidate('Cy Park', 'cy@example.org');
      const res = await api('POST', `/applications/${application.id}/scheduling`, {
        interviewerIds: [danaId],
        durationMinutes: 30,
        count: 2,
      });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json<{ proposal: { slots: unknown[] }; message: { channel: string } }>();
      expect(body.proposal.slots).toHaveLength(2);
      expect(body.message.channel).toBe('email');
      const unmatched = await reply(cy, 'Saturday at 7 works');
      expect(unmatched.message.needsPerson).toBe(true);
      expect(unmatched.message.note).toContain('no proposed slot is on Saturday');
      const news = await reply(cy, 'I applied on Tuesday, is there any news on my application?');
      expect(news.message.needsPerson).toBe(true);
      expect(news.message.note).toContain('names a day or time');

      // Dana's calendar server is down: a clear 502 to the recruiter; a choice waits for a person
      // and the offer stays open.
      const settings = await store.scheduling.getCalendar(danaId);
      await store.scheduling.setCalendar({ ...settings!, caldavUrl: 'http://127.0.0.1:9/dana/interviews/' });
      try {
        const down = await api('POST', `/applications/${application.id}/scheduling`, {
          interviewerIds: [danaId],
          durationMinutes: 30,
        });
        expect(down.statusCode).toBe(502);
        expect(down.json()).toMatchObject({ error: { code: 'CALENDAR_UNAVAILABLE' } });
        const open = await store.scheduling.openProposal(application.id);
        const pick = await reply(cy, '2');
        expect(pick.message.needsPerson).toBe(true);
        expect(pick.message.note).toContain('scheduling failed: CalDAV REPORT');
        expect((await store.scheduling.openProposal(application.id))?.id).toBe(open?.id);
      } finally {
        await store.scheduling.setCalendar(settings!);
      }
      expect((await reply(cy, '2')).action).toMatch(/^booked /);
    });
  });
}
