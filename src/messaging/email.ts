/**
 * E-mail through any SMTP server (nodemailer). Each message carries its outbox id as Message-ID,
 * so a receiving system can recognise a repeat, and a List-Unsubscribe header.
 */
import nodemailer from 'nodemailer';
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
  const transport = nodemailer.createTransport(settings.url);
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
