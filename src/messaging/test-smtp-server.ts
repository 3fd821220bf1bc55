/**
 * A real SMTP server on a loopback port for tests (smtp-server): it records every message it
 * accepts, parsed with postal-mime, and can refuse recipients with a chosen reply code.
 */
import type { AddressInfo } from 'node:net';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly from: string;
  readonly to: string[];
  readonly messageId: string | null;
  readonly subject: string | null;
  readonly text: string;
  readonly headers: ReadonlyMap<string, string>;
  /** Every attachment as text (an invitation's ICS), with its MIME type and calendar method. */
  readonly attachments: readonly {
    filename: string | null;
    mimeType: string;
    method: string | null;
    content: string;
  }[];
}

export interface TestSmtpServer {
  readonly port: number;
  readonly url: string;
  readonly received: ReceivedMail[];
  /** The reply code to refuse the next recipients with (e.g. 451, 550), or null to accept. */
  refuseWith: number | null;
  close(): Promise<void>;
}

/** @example const smtp = await startTestSmtp(); … smtp.received[0].subject; await smtp.close() */
export async function startTestSmtp(options: { delayMs?: number } = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const state: { refuseWith: number | null } = { refuseWith: null };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    // No reverse DNS of 127.0.0.1 per connection (it can take longer than the exchange).
    disableReverseLookup: true,
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.refuseWith === null) return callback();
      const error = Object.assign(
        new Error(state.refuseWith >= 500 ? 'mailbox unavailable' : 'try again later'),
        {
          responseCode: state.refuseWith,
        },
      );
      return callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        // A slow server (delayMs) holds each message before accepting it.
        void new Promise((r) => setTimeout(r, options.delayMs ?? 0))
          .then(() => PostalMime.parse(Buffer.concat(chunks), { attachmentEncoding: 'utf8' }))
          .then(
            (mail) => {
              received.push({
                from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
                to: session.envelope.rcptTo.map((r) => r.address),
                messageId: mail.messageId ?? null,
                subject: mail.subject ?? null,
                text: mail.text ?? '',
                headers: new Map(mail.headers.map((h) => [h.key, h.value])),
                attachments: mail.attachments.map((a) => ({
                  filename: a.filename,
                  mimeType: a.mimeType,
                  method: a.method ?? null,
                  content: typeof a.content === 'string' ? a.content : new TextDecoder().decode(a.content),
                })),
              });
              callback();
            },
            (error: unknown) => callback(error as Error),
          );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    get refuseWith() {
      return state.refuseWith;
    },
    set refuseWith(code: number | null) {
      state.refuseWith = code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
