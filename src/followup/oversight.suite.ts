/**
 * Human oversight of the follow-up agent over HTTP, on a database: an admin edits a template (an
 * unknown variable or a stray brace is refused naming it, and nothing is stored), the flows then
 * send the workspace's wording, a workspace's cadence holds the dispatcher, any flow's message is
 * previewed for any candidate with their values (or the variable they lack), and a recruiter
 * answers an inbox reply from a suggested draft. `oversight.test.ts` runs it on SQLite and, with
 * TEST_DATABASE_URL, on PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE, loadAgentConfig } from '../messaging/config.js';
import { emailChannel } from '../messaging/email.js';
import { startTestSmtp, type TestSmtpServer } from '../messaging/test-smtp-server.js';
import { buildApp } from '../server/app.js';
import { testConfig } from '../server/app.suite.js';
import type { Store } from '../store/index.js';
import { dispatchDue, type Channels } from './dispatcher.js';
import { renderWorkspaceMessage } from './workspace-templates.js';

const PUBLIC_URL = 'https://jobs.acme.test';
let serial = 0;

/** @example describeOversight('sqlite', () => openStore({ dataDir })) */
export function describeOversight(name: string, open: () => Promise<Store>): void {
  describe(`agent oversight on ${name}`, () => {
    let store: Store;
    let app: FastifyInstance;
    let smtp: TestSmtpServer;
    let channels: Channels & { close(): void };
    let workspaceId = '';
    let jobId = '';
    const tokens = { admin: '', recruiter: '', manager: '' };
    const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-oversight-'));
    const dispatch = (now: Date) =>
      dispatchDue(store, { channels, cadence: DEFAULT_CADENCE, retryDelaysMs: [60_000], now });
    // The next Wednesday at 10:00 UTC at least a day ahead: outside the default quiet hours.
    const DAY = (() => {
      const d = new Date(Date.now() + 86_400_000);
      d.setUTCHours(10, 0, 0, 0);
      while (d.getUTCDay() !== 3) d.setUTCDate(d.getUTCDate() + 1);
      return d;
    })();

    beforeAll(async () => {
      store = await open();
      smtp = await startTestSmtp();
      const email = emailChannel({ url: smtp.url, from: 'Acme Jobs <jobs@acme.test>' }, PUBLIC_URL);
      channels = { email, sms: null, close: () => email.close() };
      const stamp = `${Date.now()}-${++serial}`;
      const ws = await store.workspaces.ensure({ slug: `oversight-${stamp}`, name: 'Acme' });
      workspaceId = ws.id;
      jobId = (await store.jobs.create({ workspaceId, title: 'Support lead', description: 'Leads support.' }))
        .id;
      for (const [key, role, person] of [
        ['admin', 'admin', 'Avery Admin'],
        ['recruiter', 'recruiter', 'Rita Reyes'],
        ['manager', 'hiring_manager', 'Hugo Hale'],
      ] as const) {
        const user = await store.users.create({
          workspaceId,
          email: `${key}.${stamp}@acme.test`,
          name: person,
          role,
          password: 'a long password here',
        });
        tokens[key] = (await store.users.createApiToken(user.id, 't')).token;
      }
      app = await buildApp({
        store,
        config: {
          ...testConfig,
          mediaDir,
          defaultWorkspace: `oversight-${stamp}`,
          agent: loadAgentConfig({}, PUBLIC_URL),
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

    const call = (who: keyof typeof tokens, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { authorization: `Bearer ${tokens[who]}` },
        ...(payload ? { payload } : {}),
      });
    const invite = async (person: string, email: string) => {
      const res = await call('recruiter', 'POST', `/jobs/${jobId}/invitations`, {
        candidates: [{ name: person, email }],
        textAnswers: true,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ invitations: { id: string; linkPath: string; candidate: { id: string } }[] }>()
        .invitations[0]!;
    };
    const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));

    it('refuses a template with an unknown variable or a stray brace, naming it, and stores nothing', async () => {
      const unknown = await call('admin', 'PUT', '/agent/templates', {
        flow: 'invitation',
        channel: 'email',
        subject: 'Your interview',
        body: 'Hi {{firstName}}, your {{unknown}} is ready: {{link}}',
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json<{ error: { message: string } }>().error.message).toContain(
        '{{unknown}} is not a variable of invitation',
      );
      expect(unknown.json<{ error: { message: string } }>().error.message).toContain('{{firstName}}');
      const stray = await call('admin', 'PUT', '/agent/templates', {
        flow: 'invitation',
        channel: 'email',
        subject: 'Your interview',
        body: 'Hi {{ firstName }, start here: {{link}}',
      });
      expect(stray.statusCode).toBe(400);
      expect(stray.json<{ error: { message: string } }>().error.message).toMatch(
        /a brace that is not a variable near "Hi \{\{ firstName \}/,
      );
      const single = await call('admin', 'POST', '/agent/templates/preview', {
        flow: 'confirmation',
        channel: 'sms',
        body: 'Thanks {firstName}',
      });
      expect(single.statusCode).toBe(400);
      expect(single.json<{ error: { message: string } }>().error.message).toContain(
        'near "Thanks {firstName}"',
      );
      const noSubject = await call('admin', 'PUT', '/agent/templates', {
        flow: 'invitation',
        channel: 'email',
        body: 'Hi {{firstName}}',
      });
      expect(noSubject.json<{ error: { message: string } }>().error.message).toContain(
        'an e-mail needs a subject',
      );
      const smsSubject = await call('admin', 'PUT', '/agent/templates', {
        flow: 'invitation',
        channel: 'sms',
        subject: 'Hello',
        body: 'Hi {{firstName}}',
      });
      expect(smsSubject.json<{ error: { message: string } }>().error.message).toContain(
        'a text message has no subject',
      );
      const noFlow = await call('admin', 'PUT', '/agent/templates', {
        flow: 'no_such_flow',
        channel: 'sms',
        body: 'Hi',
      });
      expect(noFlow.statusCode).toBe(404);
      const recruiter = await call('recruiter', 'PUT', '/agent/templates', {
        flow: 'invitation',
        channel: 'sms',
        body: 'Hi {{firstName}}',
      });
      expect(recruiter.statusCode).toBe(403);
      expect(await store.agentSettings.templates(workspaceId)).toEqual([]);
    });

    it("previews an edit with example values, and the flows send the workspace's wording once saved", async () => {
      const edit = {
        flow: 'invitation',
        channel: 'email',
        subject: '{{firstName}}, your interview for {{jobTitle}}',
        body: 'Hello {{firstName}}! {{questionCount}} short questions, before {{deadline}}: {{link}}\n\n{{senderName}}, {{organisation}}',
      };
      const preview = await call('recruiter', 'POST', '/agent/templates/preview', edit);
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json()).toMatchObject({
        subject: 'Ana, your interview for Support lead',
        body: expect.stringMatching(
          /^Hello Ana! 5 short questions, before .+: https:\/\/jobs\.acme\.test\/take\/example-link\n\nRita Reyes, Acme$/,
        ),
      });
      const saved = await call('admin', 'PUT', '/agent/templates', edit);
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ custom: true, updatedBy: 'Avery Admin', subject: edit.subject });
      const list = (await call('recruiter', 'GET', '/agent/templates')).json<{
        templates: { flow: string; channel: string; custom: boolean; variables: string[] }[];
      }>().templates;
      expect(list.find((t) => t.flow === 'invitation' && t.channel === 'email')).toMatchObject({
        custom: true,
        variables: expect.arrayContaining(['firstName', 'link', 'deadline']),
      });
      expect(list.find((t) => t.flow === 'invitation' && t.channel === 'sms')).toMatchObject({
        custom: false,
      });
      expect(list.map((t) => t.flow)).toEqual(expect.arrayContaining(['holding', 'apology', 'status']));

      const invitation = await invite('Ana Díaz', 'ana@example.com');
      expect(await dispatch(DAY)).toMatchObject({ sent: 1 });
      const [mail] = mailTo('ana@example.com');
      expect(mail?.subject).toBe('Ana, your interview for Support lead');
      expect(mail?.text).toContain(`Hello Ana! `);
      expect(mail?.text).toContain(`${PUBLIC_URL}${invitation.linkPath}`);
      expect(mail?.text).toContain('Rita Reyes, Acme');

      // Another workspace keeps the built-in wording.
      const other = await store.workspaces.ensure({ slug: `other-${Date.now()}`, name: 'Other' });
      const builtIn = await renderWorkspaceMessage(store, other.id, 'confirmation', 'sms', {
        firstName: 'Bo',
        jobTitle: 'X',
        organisation: 'Other',
        respondBy: 'Friday',
      });
      expect(builtIn.body).toContain('thanks Bo, we got your interview for X');

      const reset = await call('admin', 'POST', '/agent/templates/reset', {
        flow: 'invitation',
        channel: 'email',
      });
      expect(reset.json()).toMatchObject({
        custom: false,
        subject: 'Your interview for {{jobTitle}} at {{organisation}}',
      });
      expect(await store.agentSettings.templates(workspaceId)).toEqual([]);
    });

    it('previews any flow for any candidate with their values, or names the variable they lack', async () => {
      const invitation = await invite('Bo Chen', 'bo@example.com');
      const id = invitation.candidate.id;
      const preview = await call('manager', 'GET', `/candidates/${id}/messages/preview?flow=invitation`);
      expect(preview.statusCode, preview.body).toBe(200);
      const shown = preview.json<{ subject: string; body: string; channel: string; to: string }>();
      expect(shown).toMatchObject({
        channel: 'email',
        to: 'bo@example.com',
        subject: 'Your interview for Support lead at Acme',
      });
      expect(shown.body).toContain('Hi Bo,');
      expect(shown.body).toContain('Rita Reyes');
      const sms = await call(
        'recruiter',
        'GET',
        `/candidates/${id}/messages/preview?flow=status&channel=sms`,
      );
      expect(sms.json<{ body: string; to: string | null }>()).toMatchObject({
        to: null,
        body: expect.stringContaining('Acme: Hi Bo, your interview link is waiting for you'),
      });
      const nobody = (
        await call('recruiter', 'POST', '/candidates', { name: 'Cy Nojob', email: 'cy@example.com' })
      ).json<{
        id: string;
      }>();
      const missing = await call(
        'recruiter',
        'GET',
        `/candidates/${nobody.id}/messages/preview?flow=invitation`,
      );
      expect(missing.statusCode).toBe(400);
      expect(missing.json<{ error: { message: string } }>().error.message).toMatch(
        /^template invitation\.email(\.subject)?: no value for \{\{jobTitle\}\}.* for Cy Nojob \(the candidate has applied to no job/,
      );
      const unknownFlow = await call(
        'recruiter',
        'GET',
        `/candidates/${id}/messages/preview?flow=no_such_flow`,
      );
      expect(unknownFlow.statusCode).toBe(404);
    });

    it("holds messages by the workspace's own cadence, and goes back to the server's with null", async () => {
      const before = (await call('recruiter', 'GET', '/agent/cadence')).json();
      expect(before).toMatchObject({
        effective: { quietStartHour: 20, quietEndHour: 8, weeklyCap: 4, statusUpdateDelayHours: 48 },
        workspace: { quietStartHour: null },
      });
      const bad = await call('admin', 'PUT', '/agent/cadence', { weeklyCap: 0 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ error: { message: string } }>().error.message).toContain('weeklyCap');
      const changed = await call('admin', 'PUT', '/agent/cadence', {
        quietStartHour: 9,
        quietEndHour: 12,
        statusUpdateDelayHours: 72,
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({
        effective: { quietStartHour: 9, quietEndHour: 12, weeklyCap: 4, statusUpdateDelayHours: 72 },
        server: { quietStartHour: 20 },
        updatedBy: 'Avery Admin',
      });
      const invitation = await invite('Dee Quiet', 'dee@example.com');
      // 10:00 UTC is inside the workspace's 09–12 quiet hours: it waits until noon.
      expect(await dispatch(DAY)).toMatchObject({ sent: 0 });
      const [waiting] = await store.messages.timeline(invitation.candidate.id);
      expect(waiting).toMatchObject({
        status: 'queued',
        dueAt: new Date(DAY.getTime() + 2 * 3_600_000).toISOString(),
      });
      await call('admin', 'PUT', '/agent/cadence', { quietStartHour: null, quietEndHour: null });
      expect(await dispatch(new Date(DAY.getTime() + 2 * 3_600_000))).toMatchObject({ sent: 2 });
      expect(mailTo('dee@example.com')).toHaveLength(1);
      expect((await call('recruiter', 'GET', '/agent/cadence')).json()).toMatchObject({
        effective: { quietStartHour: 20, statusUpdateDelayHours: 72 },
      });
    });

    it('answers an inbox reply from a suggested draft, once; the reply leaves the inbox', async () => {
      const invitation = await invite('Eli Waits', 'eli@example.com');
      const candidate = await store.candidates.get(invitation.candidate.id);
      const applicationId = (await store.invitations.get(invitation.id)).applicationId;
      const inbound = (over: { intent: string; frustrated: boolean; subject?: string | null }) =>
        store.messages.recordInbound({
          workspaceId,
          candidateId: candidate.id,
          applicationId,
          channel: 'email',
          fromAddress: 'eli@example.com',
          toAddress: 'jobs@acme.test',
          subject: over.subject === undefined ? 'Re: Your interview' : over.subject,
          body: 'A reply.',
          intent: over.intent,
          confidence: 0.9,
          frustrated: over.frustrated,
          needsPerson: true,
          note: 'a question only a person can answer',
        });
      const angry = await inbound({ intent: 'status_question', frustrated: true });
      const question = await inbound({ intent: 'needs_person', frustrated: false, subject: 'Parking' });
      const status = await inbound({ intent: 'status_question', frustrated: false, subject: null });

      const apology = (await call('recruiter', 'GET', `/messages/${angry.id}/draft`)).json<{
        template: string;
        subject: string;
        body: string;
      }>();
      expect(apology).toMatchObject({
        template: 'apology',
        to: 'eli@example.com',
        subject: 'Re: Your interview',
      });
      expect(apology.body).toMatch(/^Hi Eli,\n\nI am sorry you have had to wait/);
      expect(apology.body).toContain('Rita Reyes\nAcme');
      expect((await call('recruiter', 'GET', `/messages/${question.id}/draft`)).json()).toMatchObject({
        template: 'holding',
        subject: 'Re: Parking',
      });
      expect((await call('recruiter', 'GET', `/messages/${status.id}/draft`)).json()).toMatchObject({
        template: 'status',
        subject: 'Your application for Support lead',
        body: expect.stringContaining('your interview link is waiting for you'),
      });

      const sent = await call('recruiter', 'POST', `/messages/${angry.id}/reply`, {
        subject: apology.subject,
        body: `${apology.body}\n\nPS: edited by Rita.`,
      });
      expect(sent.statusCode, sent.body).toBe(201);
      expect(sent.json()).toMatchObject({
        reply: { id: angry.id, needsPerson: false, handledBy: expect.any(String) },
        answer: { flow: 'reply', status: 'queued', toAddress: 'eli@example.com', direction: 'out' },
      });
      const again = await call('recruiter', 'POST', `/messages/${angry.id}/reply`, { body: 'Twice?' });
      expect(again.statusCode).toBe(409);
      const inbox = (await call('recruiter', 'GET', '/agent/inbox')).json<{ replies: { id: string }[] }>()
        .replies;
      expect(inbox.map((r) => r.id)).not.toContain(angry.id);
      expect(inbox.map((r) => r.id)).toEqual(expect.arrayContaining([question.id, status.id]));
      // It goes at once, with the person's words.
      await dispatch(new Date(DAY.getTime() + 12 * 3_600_000));
      const answer = mailTo('eli@example.com').find((m) => m.subject === 'Re: Your interview');
      expect(answer?.text).toContain('PS: edited by Rita.');

      const outbound = (await store.messages.timeline(candidate.id)).find((m) => m.direction === 'out')!;
      expect((await call('recruiter', 'GET', `/messages/${outbound.id}/draft`)).statusCode).toBe(404);
      expect(
        (await call('recruiter', 'POST', `/messages/${question.id}/reply`, { body: '   ' })).statusCode,
      ).toBe(400);
      const stranger = await store.messages.recordInbound({
        workspaceId,
        candidateId: null,
        channel: 'email',
        fromAddress: 'who@elsewhere.test',
        toAddress: 'jobs@acme.test',
        subject: 'Hello',
        body: 'Hello?',
        intent: 'other',
        confidence: 0,
        frustrated: false,
        needsPerson: true,
      });
      const unmatched = await call('recruiter', 'GET', `/messages/${stranger.id}/draft`);
      expect(unmatched.statusCode).toBe(400);
      expect(unmatched.json<{ error: { message: string } }>().error.message).toContain(
        'not matched to a candidate',
      );
      expect(
        (await call('manager', 'POST', `/messages/${question.id}/reply`, { body: 'Hi' })).statusCode,
      ).toBe(403);
    });

    it('lists pauses with who paused them', async () => {
      const invitation = await invite('Fay Paused', 'fay@example.com');
      await call('recruiter', 'POST', '/agent/pause', { candidateId: invitation.candidate.id });
      await call('recruiter', 'POST', '/agent/pause', { jobId });
      const pauses = (await call('manager', 'GET', '/agent/pauses')).json<{
        pauses: { subjectType: string; subjectId: string; pausedBy: string }[];
      }>().pauses;
      expect(pauses).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            subjectType: 'candidate',
            subjectId: invitation.candidate.id,
            pausedBy: 'Rita Reyes',
          }),
          expect.objectContaining({ subjectType: 'job', subjectId: jobId }),
        ]),
      );
      await call('recruiter', 'POST', '/agent/resume', { jobId });
      await call('recruiter', 'POST', '/agent/resume', { candidateId: invitation.candidate.id });
      expect((await call('manager', 'GET', '/agent/pauses')).json()).toEqual({ pauses: [] });
    });
  });
}
