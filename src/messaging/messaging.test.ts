import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError } from './channel-error.js';
import { loadAgentConfig } from './config.js';
import { emailChannel } from './email.js';
import { smsChannel, twilioSignature, verifyTwilioSignature } from './sms.js';
import { startTestSmtp, type TestSmtpServer } from './test-smtp-server.js';

describe('e-mail through a real SMTP server on loopback', () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtp();
  });
  afterAll(() => smtp.close());

  it('delivers the text with the outbox id as Message-ID and an unsubscribe header', async () => {
    const email = emailChannel(
      { url: smtp.url, from: 'Acme Jobs <jobs@acme.test>' },
      'https://jobs.acme.test',
    );
    const sent = await email.send({
      id: 'msg_1',
      to: 'ana@example.com',
      subject: 'Your interview',
      body: 'Hi Ana,\n\nStart here: https://jobs.acme.test/take/x',
    });
    email.close();
    expect(sent.providerId).toBe('<msg_1@jobs.acme.test>');
    const mail = smtp.received.at(-1);
    expect(mail).toMatchObject({
      from: 'jobs@acme.test',
      to: ['ana@example.com'],
      subject: 'Your interview',
      messageId: '<msg_1@jobs.acme.test>',
    });
    expect(mail?.text).toContain('Start here: https://jobs.acme.test/take/x');
    expect(mail?.headers.get('list-unsubscribe')).toContain('https://jobs.acme.test/unsubscribe');
  });

  it('a 4xx refusal is temporary, a 550 a bounce, an unreachable server temporary', async () => {
    const email = emailChannel({ url: smtp.url, from: 'jobs@acme.test' }, 'http://localhost');
    const send = () => email.send({ id: 'msg_2', to: 'bo@example.com', subject: 's', body: 'b' });
    smtp.refuseWith = 451;
    await expect(send()).rejects.toMatchObject({
      kind: 'temporary',
      message: expect.stringContaining('451'),
    });
    smtp.refuseWith = 550;
    await expect(send()).rejects.toMatchObject({ kind: 'bounced', message: expect.stringContaining('550') });
    smtp.refuseWith = null;
    email.close();
    const nowhere = emailChannel({ url: 'smtp://127.0.0.1:1', from: 'jobs@acme.test' }, 'http://localhost');
    const error = await nowhere
      .send({ id: 'msg_3', to: 'c@example.com', subject: 's', body: 'b' })
      .catch((e: unknown) => e);
    nowhere.close();
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).kind).toBe('temporary');
  });
});

describe('SMS through a provider with Twilio’s API shape (HTTP server on loopback)', () => {
  let server: Server;
  let base = '';
  const requests: { method: string; url: string; auth: string; type: string; body: URLSearchParams }[] = [];
  let answer: { status: number; body: object } = { status: 201, body: { sid: 'SM123', status: 'queued' } };
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => resolve(text));
    });
  beforeAll(async () => {
    server = createServer((req, res) => {
      void read(req).then((text) => {
        requests.push({
          method: req.method ?? '',
          url: req.url ?? '',
          auth: req.headers.authorization ?? '',
          type: req.headers['content-type'] ?? '',
          body: new URLSearchParams(text),
        });
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('posts the documented request: form-encoded To, From, Body with basic auth to Accounts/<sid>/Messages.json', async () => {
    const sms = smsChannel({
      baseUrl: base,
      accountSid: 'AC0123',
      authToken: 'secret-token',
      from: '+15005550006',
    });
    const sent = await sms.send({
      id: 'msg_9',
      to: '+15551234567',
      subject: null,
      body: 'Your interview is ready.',
    });
    expect(sent).toEqual({ providerId: 'SM123', from: '+15005550006' });
    const req = requests.at(-1);
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('/2010-04-01/Accounts/AC0123/Messages.json');
    expect(req?.auth).toBe(`Basic ${Buffer.from('AC0123:secret-token').toString('base64')}`);
    expect(req?.type).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(req?.body ?? [])).toEqual({
      To: '+15551234567',
      From: '+15005550006',
      Body: 'Your interview is ready.',
    });
  });

  it('429 and 5xx are temporary; an unsubscribed recipient (21610) is permanent and marks the opt-out', async () => {
    const sms = smsChannel({ baseUrl: base, accountSid: 'AC0123', authToken: 't', from: '+15005550006' });
    const send = () => sms.send({ id: 'm', to: '+15551234567', subject: null, body: 'x' });
    answer = { status: 429, body: { code: 20429, message: 'Too Many Requests' } };
    await expect(send()).rejects.toMatchObject({ kind: 'temporary' });
    answer = { status: 503, body: {} };
    await expect(send()).rejects.toMatchObject({ kind: 'temporary' });
    answer = { status: 400, body: { code: 21610, message: 'Attempt to send to unsubscribed recipient' } };
    await expect(send()).rejects.toMatchObject({
      kind: 'permanent',
      optedOut: true,
      message: expect.stringContaining('21610'),
    });
    answer = { status: 201, body: { sid: 'SM123' } };
  });

  it('verifies inbound webhooks with Twilio’s documented example signature, and refuses any change', () => {
    // https://www.twilio.com/docs/usage/security#validating-requests (auth token 12345).
    const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
    const params = {
      CallSid: 'CA1234567890ABCDE',
      Caller: '+12349013030',
      Digits: '1234',
      From: '+12349013030',
      To: '+18005551212',
    };
    expect(twilioSignature('12345', url, params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
    expect(verifyTwilioSignature('12345', url, params, '0/KCTR6DLpKmkAf8muzZqo1nDgQ=')).toBe(true);
    expect(
      verifyTwilioSignature('12345', url, { ...params, Digits: '9' }, '0/KCTR6DLpKmkAf8muzZqo1nDgQ='),
    ).toBe(false);
    expect(
      verifyTwilioSignature('12345', 'https://evil.example/hook', params, '0/KCTR6DLpKmkAf8muzZqo1nDgQ='),
    ).toBe(false);
    expect(verifyTwilioSignature('other', url, params, '0/KCTR6DLpKmkAf8muzZqo1nDgQ=')).toBe(false);
    expect(verifyTwilioSignature('12345', url, params, undefined)).toBe(false);
  });
});

describe('agent settings', () => {
  it('defaults: no channel set up, quiet 20–8 and weekends, 4 a week, the server address as public URL', () => {
    const config = loadAgentConfig({}, 'http://127.0.0.1:3000');
    expect(config).toMatchObject({ publicUrl: 'http://127.0.0.1:3000', smtp: null, sms: null });
    expect(config.cadence).toEqual({
      quietStartHour: 20,
      quietEndHour: 8,
      quietWeekends: true,
      weeklyCap: 4,
      defaultTimeZone: 'UTC',
    });
  });

  it('refuses a bad setting naming it', () => {
    const bad: [NodeJS.ProcessEnv, RegExp][] = [
      [{ CANDOR_SMTP_URL: 'mail.example.com' }, /^CANDOR_SMTP_URL: /],
      [
        { CANDOR_SMS_ACCOUNT_SID: 'AC1' },
        /SMS needs CANDOR_SMS_ACCOUNT_SID, CANDOR_SMS_AUTH_TOKEN and CANDOR_SMS_FROM/,
      ],
      [{ CANDOR_AGENT_QUIET_HOURS: '8pm-8am' }, /^CANDOR_AGENT_QUIET_HOURS: /],
      [{ CANDOR_AGENT_WEEKLY_CAP: '0' }, /^CANDOR_AGENT_WEEKLY_CAP: /],
      [{ CANDOR_AGENT_DEFAULT_TIME_ZONE: 'Mars/Olympus' }, /not an IANA time zone/],
      [{ CANDOR_PUBLIC_URL: 'jobs.acme.test' }, /^CANDOR_PUBLIC_URL: /],
    ];
    for (const [env, message] of bad) expect(() => loadAgentConfig(env, 'http://localhost')).toThrow(message);
  });
});
