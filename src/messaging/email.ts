/**
 * E-mail through any SMTP server (nodemailer). Each message carries its outbox id as Message-ID,
 * so a receiving system can recognise a repeat, and a List-Unsubscribe header.
 *
 * Connections are pooled (up to 5, each reused for 100 messages): a connection per message costs
 * a TCP (and TLS) handshake and the server's greeting each time. On plain `smtp://` the socket
 * sends at once (no Nagle): otherwise the end of each message waits for the server's delayed
 * acknowledgement of its body, 40 ms on Linux, per message.
 */
import net from 'node:net';
import nodemailer from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared/index.js';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type { SmtpSettings } from './config.js';
import { DeliveryError, type Channel, type Sent } from './channel-error.js';

/** SMTP reply codes that say the mailbox does not exist (RFC 5321 § 4.2.3). */
const BOUNCE_CODES = new Set([550, 551, 553]);
/** Errors nodemailer raises before the server answered: the network, not the message. */
const NETWORK_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET']);

/**
 * @example const email = emailChannel({ url: 'smtp://127.0.0.1:2525', from: 'Acme <jobs@acme.test>' }, 'https://jobs.acme.test')
 */
export function emailChannel(settings: SmtpSettings, publicUrl: string): Channel & { close(): void } {
  const options: SMTPPool.Options = { ...parseConnectionUrl(settings.url), pool: true };
  if (options.secure !== true) options.getSocket = connectWithoutDelay;
  const transport = nodemailer.createTransport(options);
  const domain = new URL(publicUrl).hostname || 'candor.local';
  return {
    async send(message): Promise<Sent> {
      const calendar = message.attachments?.find(
        (a) => a.contentType === 'text/calendar' && a.method !== undefined,
      );
      const files = (message.attachments ?? []).filter((a) => a !== calendar);
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: message.to,
          subject: message.subject ?? '',
          text: message.body,
          messageId: `<${message.id}@${domain}>`,
          headers: { 'X-Candor-Message': message.id },
          list: { unsubscribe: { url: `${publicUrl}/unsubscribe`, comment: 'Unsubscribe' } },
          // An invitation: a text/calendar; method=… alternative that mail clients offer to
          // add, and the same as an .ics attachment (RFC 6047 §2.4).
          ...(calendar === undefined
            ? {}
            : {
                icalEvent: {
                  filename: calendar.filename,
                  method: calendar.method ?? 'REQUEST',
                  content: calendar.content,
                },
              }),
          ...(files.length === 0
            ? {}
            : {
                attachments: files.map((a) => ({
                  filename: a.filename,
                  contentType: a.contentType,
                  content: a.content,
                })),
              }),
        });
        return { providerId: info.messageId, from: settings.from };
      } catch (error) {
        throw classifySmtpError(error);
      }
    },
    close: () => transport.close(),
  };
}

/** How long a connection may take before the attempt fails as a network error (retried later). */
const CONNECT_TIMEOUT_MS = 30_000;

/**
 * nodemailer's `getSocket` for plain SMTP: a connected socket with Nagle off (STARTTLS still
 * upgrades it). A failure carries ECONNECTION, so it counts as temporary.
 */
const connectWithoutDelay: NonNullable<SMTPPool.Options['getSocket']> = (options, callback) => {
  const socket = net.connect({ host: options.host ?? 'localhost', port: options.port ?? 25, noDelay: true });
  const fail = (error: Error) => {
    clearTimeout(timer);
    socket.destroy();
    callback(Object.assign(error, { code: 'ECONNECTION' }), undefined);
  };
  const timer = setTimeout(
    () => fail(new Error(`connection to ${options.host ?? 'localhost'} timed out`)),
    CONNECT_TIMEOUT_MS,
  );
  socket.once('error', fail);
  socket.once('connect', () => {
    clearTimeout(timer);
    socket.off('error', fail);
    callback(null, { connection: socket });
  });
};

/** Turns nodemailer's error into temporary (4xx, network) or permanent (5xx) with the server's words. */
export function classifySmtpError(error: unknown): DeliveryError {
  const e = error as { responseCode?: number; code?: string; response?: string; message?: string };
  const text = e.response ?? e.message ?? String(error);
  if (typeof e.responseCode === 'number') {
    if (e.responseCode >= 400 && e.responseCode < 500) return new DeliveryError(`SMTP ${text}`, 'temporary');
    return new DeliveryError(`SMTP ${text}`, BOUNCE_CODES.has(e.responseCode) ? 'bounced' : 'permanent');
  }
  if (e.code !== undefined && NETWORK_CODES.has(e.code))
    return new DeliveryError(`SMTP unreachable: ${text}`, 'temporary');
  return new DeliveryError(`SMTP: ${text}`, 'temporary');
}
