/**
 * Candidates' replies through Candor's own SMTP listener: real replies sent with nodemailer to a
 * loopback port are parsed, classified and acted on like those of the inbound e-mail webhook (a
 * STOP withdraws e-mail consent and its confirmation arrives at the test SMTP server), and bad
 * input gets a clear answer: over the size limit 552 with nothing stored, a reply without text
 * recorded with a note, an unknown sender kept for a person with nothing sent back, a recipient
 * that is not the reply address 550 (no relay), a message without a From 550.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../cli/commands/serve.js';
import { DEFAULT_CADENCE } from '../messaging/config.js';
import { emailChannel } from '../messaging/email.js';
import { loadInboundSmtpSettings, type InboundSmtpServer } from '../messaging/inbound-smtp.js';
import { startTestSmtp, type TestSmtpServer } from '../messaging/test-smtp-server.js';
import { openStore, type Store } from '../store/index.js';
import { need, PROJECT_ROOT, requires } from '../test-helpers.js';
import { dispatchDue, type Channels } from './dispatcher.js';
import { startReplyListener } from './inbound-mail.js';

const REPLY_ADDRESS = 'jobs@acme.test';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-inbound-smtp-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** An SMTP client to the listener, one connection a message. */
function mailer(port: number) {
  return nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('the SMTP listener for replies', () => {
  let store: Store;
  let outbound: TestSmtpServer;
  let channels: Channels & { close(): void };
  let listener: InboundSmtpServer;
  let workspaceId = '';
  let defaultWorkspaceId = '';
  let ritaId = '';
  const replies: string[] = [];
  // A second ahead: the store's clock keeps timestamps increasing, a millisecond at a time.
  const dispatch = () =>
    dispatchDue(store, {
      channels,
      cadence: DEFAULT_CADENCE,
      retryDelaysMs: [60_000],
      now: new Date(Date.now() + 1000),
    });
  const inbound = async () =>
    (await store.messages.timeline(ritaId)).filter((m) => m.direction === 'in').length;

  beforeAll(async () => {
    store = await openStore({ dataDir });
    outbound = await startTestSmtp();
    const email = emailChannel(
      { url: outbound.url, from: `Acme Jobs <${REPLY_ADDRESS}>` },
      'https://jobs.acme.test',
    );
    channels = { email, sms: null, close: () => email.close() };
    const ws = await store.workspaces.ensure({ slug: 'acme', name: 'Acme' });
    workspaceId = ws.id;
    defaultWorkspaceId = (await store.workspaces.ensure({ slug: 'replies-default', name: 'Default' })).id;
    for (const [name, address] of [
      ['Rita Reyes', 'rita@example.com'],
      ['Sam Lee', 'sam@example.com'],
    ] as const) {
      const c = await store.candidates.create({ workspaceId, name, email: address });
      if (address.startsWith('rita')) ritaId = c.id;
      await store.messages.enqueue({
        workspaceId,
        candidateId: c.id,
        flow: 'confirmation',
        step: 'first',
        channel: 'email',
        toAddress: address,
        subject: 'Thanks, we got it',
        body: 'We expect to get back to you by Friday.',
      });
    }
    expect((await dispatch()).sent).toBe(2);
    listener = await startReplyListener({
      store,
      settings: { port: 0, host: '127.0.0.1', maxBytes: 64 * 1024, recipients: [REPLY_ADDRESS] },
      defaultWorkspace: 'replies-default',
      onReply: (outcome) => replies.push(outcome.action),
    });
  });
  afterAll(async () => {
    await listener?.close();
    channels?.close();
    await outbound?.close();
    await store?.close();
  });

  it('acts on a STOP reply: e-mail consent withdrawn at once and the confirmation arrives', async () => {
    const info = await mailer(listener.port).sendMail({
      from: 'Rita Reyes <Rita@Example.com>',
      to: REPLY_ADDRESS,
      subject: 'Re: Thanks, we got it',
      text: 'STOP\n\nOn Mon, 7 Dec 2026 at 10:00, Acme Jobs <jobs@acme.test> wrote:\n> We expect to get back to you by Friday.',
    });
    expect(info.response).toMatch(/^250 .*opted out of e-mail/);
    const rita = await store.candidates.get(ritaId);
    expect(rita.consent.email).toBe(false);
    const reply = (await store.messages.timeline(ritaId)).find((m) => m.direction === 'in');
    expect(reply).toMatchObject({ intent: 'opt_out', body: 'STOP', fromAddress: 'rita@example.com' });
    expect(replies).toHaveLength(1);
    const before = outbound.received.length;
    expect((await dispatch()).sent).toBe(1);
    const confirmation = outbound.received[before]!;
    expect(confirmation.to).toEqual(['rita@example.com']);
    expect(confirmation.text).toMatch(/unsubscribed|no more|won't|will not|stop/i);
  });

  it('refuses a message over the size limit with 552 and stores nothing', async () => {
    const before = await inbound();
    const error = await mailer(listener.port)
      .sendMail({
        from: 'rita@example.com',
        to: REPLY_ADDRESS,
        subject: 'my portfolio',
        text: 'Please see attached.',
        attachments: [{ filename: 'big.bin', content: Buffer.alloc(200 * 1024, 1) }],
      })
      .then(
        () => null,
        (e: unknown) => e as { responseCode?: number; response?: string },
      );
    expect(error?.responseCode).toBe(552);
    expect(error?.response).toMatch(/maximum message size of 65536 bytes/);
    expect(await inbound()).toBe(before);
  });

  it('records a reply with no text (an empty body, or only quoted history) with a clear note, and sends nothing back', async () => {
    const samId = (await store.messages.lastSentTo('email', 'sam@example.com'))!.candidateId!;
    for (const text of [
      '',
      '\n\nOn Mon, 7 Dec 2026, Acme Jobs wrote:\n> We expect to get back to you by Friday.\n',
    ]) {
      const info = await mailer(listener.port).sendMail({
        from: 'sam@example.com',
        to: REPLY_ADDRESS,
        subject: 'Re: Thanks, we got it',
        text,
      });
      expect(info.response).toMatch(/^250 .*recorded: empty reply/);
    }
    const empty = (await store.messages.timeline(samId)).filter((m) => m.direction === 'in');
    expect(empty).toHaveLength(2);
    for (const reply of empty) {
      expect(reply).toMatchObject({
        body: '',
        needsPerson: false,
        note: 'no text (only quoted history or a signature): nothing to answer',
      });
    }
    const before = outbound.received.length;
    await dispatch();
    expect(outbound.received.length).toBe(before);
  });

  it("keeps a reply from an unknown address for a person in the default workspace's inbox, sending nothing", async () => {
    const info = await mailer(listener.port).sendMail({
      from: 'stranger@example.org',
      to: REPLY_ADDRESS,
      subject: 'Application',
      text: 'When will I hear back?',
    });
    expect(info.response).toMatch(/^250 .*unknown sender/);
    const inbox = await store.messages.inbox(defaultWorkspaceId);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ candidateId: null, fromAddress: 'stranger@example.org' });
    expect(inbox[0]!.note).toMatch(/never wrote to/);
    const before = outbound.received.length;
    await dispatch();
    expect(outbound.received.length).toBe(before);
  });

  it('is not a relay (550 for any other recipient) and refuses a message without a From (550)', async () => {
    const relay = await mailer(listener.port)
      .sendMail({ from: 'rita@example.com', to: 'someone@elsewhere.test', subject: 'x', text: 'x' })
      .catch((e: { responseCode?: number; response?: string }) => e);
    expect(relay).toMatchObject({ responseCode: 550 });
    expect((relay as { response: string }).response).toMatch(/not a relay/);
    const noFrom = await mailer(listener.port)
      .sendMail({
        envelope: { from: 'bounce@example.org', to: [REPLY_ADDRESS] },
        raw: `To: ${REPLY_ADDRESS}\r\nSubject: hello\r\n\r\nWhen will I hear back?\r\n`,
      })
      .catch((e: { responseCode?: number; response?: string }) => e);
    expect(noFrom).toMatchObject({ responseCode: 550 });
    expect((noFrom as { response: string }).response).toMatch(/no From address/);
  });
});

describe('the listener settings', () => {
  it('is off by default; the reply address comes from CANDOR_MAIL_FROM', () => {
    expect(loadInboundSmtpSettings({})).toBeNull();
    expect(
      loadInboundSmtpSettings({
        CANDOR_INBOUND_SMTP_PORT: '2525',
        CANDOR_MAIL_FROM: 'Acme Jobs <Jobs@Acme.test>',
      }),
    ).toEqual({ port: 2525, host: '127.0.0.1', maxBytes: 10 * 1024 * 1024, recipients: ['jobs@acme.test'] });
    expect(
      loadInboundSmtpSettings({
        CANDOR_INBOUND_SMTP_PORT: '25',
        CANDOR_INBOUND_SMTP_HOST: '0.0.0.0',
        CANDOR_INBOUND_SMTP_MAX_BYTES: '1048576',
        CANDOR_INBOUND_SMTP_RECIPIENTS: 'replies@acme.test, jobs@acme.test',
      }),
    ).toEqual({
      port: 25,
      host: '0.0.0.0',
      maxBytes: 1_048_576,
      recipients: ['replies@acme.test', 'jobs@acme.test'],
    });
  });

  it('names the setting that is wrong', () => {
    const at = (env: Record<string, string>) => () =>
      loadInboundSmtpSettings({ CANDOR_MAIL_FROM: 'jobs@acme.test', ...env });
    expect(at({ CANDOR_INBOUND_SMTP_PORT: '70000' })).toThrow(/CANDOR_INBOUND_SMTP_PORT/);
    expect(at({ CANDOR_INBOUND_SMTP_PORT: '25', CANDOR_INBOUND_SMTP_MAX_BYTES: '20000000' })).toThrow(
      /CANDOR_INBOUND_SMTP_MAX_BYTES/,
    );
    expect(at({ CANDOR_INBOUND_SMTP_PORT: '25', CANDOR_INBOUND_SMTP_RECIPIENTS: 'jobs' })).toThrow(
      /CANDOR_INBOUND_SMTP_RECIPIENTS: "jobs" is not an e-mail address/,
    );
    expect(() => loadInboundSmtpSettings({ CANDOR_INBOUND_SMTP_PORT: '25' })).toThrow(
      /set CANDOR_MAIL_FROM .* or CANDOR_INBOUND_SMTP_RECIPIENTS/,
    );
  });

  it('candor serve starts the listener when CANDOR_INBOUND_SMTP_PORT is set, and a taken port is a clear error', async () => {
    const port = await freePort();
    const env = {
      CANDOR_DATA_DIR: path.join(dataDir, 'serve'),
      CANDOR_WORKER: 'false',
      CANDOR_INBOUND_SMTP_PORT: String(port),
      CANDOR_MAIL_FROM: `Acme Jobs <${REPLY_ADDRESS}>`,
    };
    const lines: string[] = [];
    const server = await serve({ port: 0, env, logger: false, print: (l) => lines.push(l) });
    try {
      expect(lines).toContain(`Listening for candidates' e-mail replies on 127.0.0.1:${port} (SMTP)`);
      const info = await mailer(port).sendMail({
        from: 'stranger@example.org',
        to: REPLY_ADDRESS,
        subject: 'hello',
        text: 'Is the role still open?',
      });
      expect(info.response).toMatch(/^250 .*unknown sender/);
      await expect(serve({ port: 0, env, logger: false, print: () => undefined })).rejects.toThrow(
        /cannot listen for inbound e-mail on 127\.0\.0\.1:\d+: the port is already in use/,
      );
    } finally {
      await server.close();
    }
  });
});

requires(need.built()).describe('candor agent run with CANDOR_INBOUND_SMTP_PORT', () => {
  it('listens for replies and sends the answer at once, without waiting for the next poll', async () => {
    const dir = path.join(dataDir, 'agent-run');
    const outbound = await startTestSmtp();
    const store = await openStore({ dataDir: dir });
    const ws = await store.workspaces.ensure({ slug: 'default', name: 'Acme' });
    const ana = await store.candidates.create({
      workspaceId: ws.id,
      name: 'Ana Diaz',
      email: 'ana@example.com',
    });
    const { message } = await store.messages.enqueue({
      workspaceId: ws.id,
      candidateId: ana.id,
      flow: 'confirmation',
      step: 'first',
      channel: 'email',
      toAddress: 'ana@example.com',
      subject: 'Thanks, we got it',
      body: 'We expect to get back to you by Friday.',
    });
    await store.messages.markSent(message.id, null, REPLY_ADDRESS);
    await store.close();
    const port = await freePort();
    let output = '';
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'candor.js'), 'agent', 'run'], {
      env: {
        ...process.env,
        NO_COLOR: '1',
        CANDOR_DATA_DIR: dir,
        DATABASE_URL: '',
        CANDOR_SMTP_URL: outbound.url,
        CANDOR_MAIL_FROM: `Acme Jobs <${REPLY_ADDRESS}>`,
        CANDOR_AGENT_POLL_SECONDS: '60',
        CANDOR_INBOUND_SMTP_PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise((r) => child.once('exit', r));
    try {
      const until = async (check: () => boolean, what: string) => {
        const end = Date.now() + 20_000;
        while (!check()) {
          if (Date.now() > end) throw new Error(`timed out waiting for ${what}:\n${output}`);
          await new Promise((r) => setTimeout(r, 25));
        }
      };
      await until(() => output.includes('listening for e-mail replies'), 'the listener');
      expect(output).toContain(`agent: listening for e-mail replies on 127.0.0.1:${port} (${REPLY_ADDRESS})`);
      const sentAt = Date.now();
      await mailer(port).sendMail({
        from: 'ana@example.com',
        to: REPLY_ADDRESS,
        subject: 'Re: Thanks',
        text: 'UNSUBSCRIBE',
      });
      await until(() => outbound.received.length > 0, 'the opt-out confirmation');
      expect(Date.now() - sentAt).toBeLessThan(10_000);
      expect(outbound.received[0]!.to).toEqual(['ana@example.com']);
    } finally {
      child.kill('SIGTERM');
      await exited;
      await outbound.close();
    }
    expect(child.exitCode).toBe(0);
  }, 60_000);
});
