/**
 * An SMTP listener for candidates' replies (smtp-server): it accepts mail for the reply address
 * only (never a relay), refuses a message over the size limit with 552 before keeping any more of
 * it, and hands each accepted raw message to a handler. The handler's answer decides the reply
 * code: done → 250; a message that cannot be read (no From) → 550 and the sender gets a bounce;
 * anything else (the database not answering) → 451, and the sending server tries again later.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { CandorError, isCandorError } from '../core/index.js';
import { INBOUND_EMAIL_LIMIT_BYTES } from './inbound-email.js';

export interface InboundSmtpSettings {
  /** CANDOR_INBOUND_SMTP_PORT (0: any free port, for tests). */
  readonly port: number;
  /** CANDOR_INBOUND_SMTP_HOST, default 127.0.0.1. */
  readonly host: string;
  /** CANDOR_INBOUND_SMTP_MAX_BYTES, default (and at most) 10 MB. */
  readonly maxBytes: number;
  /** Addresses mail is accepted for, lower case (CANDOR_INBOUND_SMTP_RECIPIENTS, else CANDOR_MAIL_FROM's). */
  readonly recipients: readonly string[];
}

export interface InboundSmtpLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface InboundSmtpServer {
  readonly port: number;
  readonly host: string;
  close(): Promise<void>;
}

/** The handler of one accepted message: its raw bytes and the envelope recipient. */
export type InboundMailHandler = (raw: Buffer, envelope: { readonly to: string }) => Promise<string>;

function invalid(setting: string, message: string): CandorError {
  return new CandorError('CONFIG_INVALID', `${setting}: ${message}`, { setting });
}

const ADDRESS = /^[^\s@<>,]+@[^\s@<>,]+$/;

/**
 * The listener's settings, or null when CANDOR_INBOUND_SMTP_PORT is not set (the default: off).
 * @throws CandorError CONFIG_INVALID naming the setting that is wrong
 * @example loadInboundSmtpSettings({ CANDOR_INBOUND_SMTP_PORT: '2525', CANDOR_MAIL_FROM: 'Acme <jobs@acme.test>' })
 */
export function loadInboundSmtpSettings(env: NodeJS.ProcessEnv): InboundSmtpSettings | null {
  const rawPort = env.CANDOR_INBOUND_SMTP_PORT;
  if (rawPort === undefined || rawPort === '') return null;
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw invalid('CANDOR_INBOUND_SMTP_PORT', `"${rawPort}" is not a port from 1 to 65535`);
  const host = env.CANDOR_INBOUND_SMTP_HOST || '127.0.0.1';
  const maxBytes = Number(env.CANDOR_INBOUND_SMTP_MAX_BYTES ?? INBOUND_EMAIL_LIMIT_BYTES);
  if (!Number.isInteger(maxBytes) || maxBytes < 1024 || maxBytes > INBOUND_EMAIL_LIMIT_BYTES)
    throw invalid(
      'CANDOR_INBOUND_SMTP_MAX_BYTES',
      `bytes from 1024 to ${INBOUND_EMAIL_LIMIT_BYTES} (10 MB, what is read of a reply)`,
    );
  let recipients: string[];
  if (env.CANDOR_INBOUND_SMTP_RECIPIENTS) {
    recipients = env.CANDOR_INBOUND_SMTP_RECIPIENTS.split(',').map((a) => a.trim().toLowerCase());
    const bad = recipients.find((a) => !ADDRESS.test(a));
    if (bad !== undefined)
      throw invalid('CANDOR_INBOUND_SMTP_RECIPIENTS', `"${bad}" is not an e-mail address (comma-separated)`);
  } else {
    const from = env.CANDOR_MAIL_FROM ?? '';
    const address = (/<([^>]+)>/.exec(from)?.[1] ?? from).trim().toLowerCase();
    if (!ADDRESS.test(address))
      throw invalid(
        'CANDOR_INBOUND_SMTP_RECIPIENTS',
        'the listener needs the reply address: set CANDOR_MAIL_FROM (the address candidates reply to) or CANDOR_INBOUND_SMTP_RECIPIENTS',
      );
    recipients = [address];
  }
  return { port, host, maxBytes, recipients };
}

/** An error smtp-server answers with `code` and the text. */
function smtpError(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

/**
 * Listens for replies. Resolves once listening.
 * @throws CandorError CONFIG_INVALID when the address cannot be listened on (a taken port)
 * @example const smtp = await startInboundSmtp(settings, async (raw) => 'recorded', logger)
 */
export async function startInboundSmtp(
  settings: InboundSmtpSettings,
  handle: InboundMailHandler,
  logger?: InboundSmtpLogger,
): Promise<InboundSmtpServer> {
  const accepted = new Set(settings.recipients);
  const server = new SMTPServer({
    banner: 'Candor: replies to candidates’ messages',
    size: settings.maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (accepted.has(address.address.toLowerCase())) return callback();
      return callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here (not a relay)`));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        // Past the limit nothing more is kept; smtp-server reads the rest and sets sizeExceeded.
        if (bytes <= settings.maxBytes) chunks.push(chunk);
      });
      stream.on('end', () => {
        if (stream.sizeExceeded || bytes > settings.maxBytes) {
          logger?.warn({ bytes, limit: settings.maxBytes }, 'inbound e-mail refused: over the size limit');
          return callback(
            smtpError(
              552,
              `5.3.4 message exceeds the fixed maximum message size of ${settings.maxBytes} bytes`,
            ),
          );
        }
        const to = session.envelope.rcptTo[0]?.address.toLowerCase() ?? '';
        handle(Buffer.concat(chunks), { to }).then(
          (action) => {
            logger?.info({ action }, 'inbound e-mail handled');
            callback(null, `2.0.0 received: ${action}`);
          },
          (error: unknown) => {
            if (isCandorError(error) && error.code === 'VALIDATION_FAILED')
              return callback(smtpError(550, `5.6.0 ${error.message}`));
            logger?.warn({ err: error }, 'inbound e-mail not handled; the sender will try again');
            callback(smtpError(451, '4.3.0 could not store the message now; try again later'));
          },
        );
      });
    },
  });
  server.on('error', (error) => logger?.warn({ err: error }, 'inbound SMTP connection error'));
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        new CandorError(
          'CONFIG_INVALID',
          `cannot listen for inbound e-mail on ${settings.host}:${settings.port}: ${error.code === 'EADDRINUSE' ? 'the port is already in use' : error.message}`,
          { setting: 'CANDOR_INBOUND_SMTP_PORT', code: error.code ?? '' },
        ),
      );
    };
    server.server.once('error', onError);
    server.listen(settings.port, settings.host, () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    host: settings.host,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
