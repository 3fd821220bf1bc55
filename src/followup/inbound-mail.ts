/**
 * Candidates' e-mail replies received by Candor's own SMTP listener (CANDOR_INBOUND_SMTP_PORT):
 * parsed like those of POST /api/v1/agent/inbound/email (postal-mime, quoted history and
 * signature removed) and handed to the same reply handling (replies.ts): classified, recorded in
 * the candidate's timeline, acted on or put in the recruiters' inbox.
 */
import { CandorError, isCandorError } from '../core/index.js';
import { parseInboundEmail } from '../messaging/inbound-email.js';
import {
  startInboundSmtp,
  type InboundSmtpLogger,
  type InboundSmtpServer,
  type InboundSmtpSettings,
} from '../messaging/inbound-smtp.js';
import type { Store } from '../store/index.js';
import { classifyReply } from './reply-intent.js';
import { handleReply, type ReplyOutcome } from './replies.js';

export interface ReplyListenerOptions {
  readonly store: Store;
  readonly settings: InboundSmtpSettings;
  /** The workspace whose inbox gets replies from unknown senders (CANDOR_DEFAULT_WORKSPACE). */
  readonly defaultWorkspace: string;
  readonly logger?: InboundSmtpLogger | undefined;
  /** Called after each reply is recorded (the agent's `nudge`, so an answer goes at once). */
  readonly onReply?: ((outcome: ReplyOutcome) => void) | undefined;
}

/**
 * One raw reply e-mail: parsed, classified and acted on.
 * @throws CandorError VALIDATION_FAILED when it is not a readable e-mail (no From), FILE_TOO_LARGE over 10 MB
 * @example const { action } = await receiveEmailReply(store, 'default', raw, 'jobs@acme.test')
 */
export async function receiveEmailReply(
  store: Store,
  defaultWorkspace: string,
  raw: Buffer,
  envelopeTo: string,
): Promise<ReplyOutcome> {
  let mail;
  try {
    mail = await parseInboundEmail(raw);
  } catch (error) {
    if (isCandorError(error)) throw error;
    throw new CandorError('VALIDATION_FAILED', `not a readable e-mail (${(error as Error).message})`, {
      in: 'body',
    });
  }
  const workspace = await store.workspaces.ensure({ slug: defaultWorkspace });
  return handleReply(
    store,
    { classify: classifyReply, defaultWorkspaceId: workspace.id },
    {
      channel: 'email',
      from: mail.from,
      to: mail.to[0] ?? envelopeTo,
      subject: mail.subject,
      text: mail.text,
      providerId: mail.messageId,
      attachments: mail.attachments.length,
    },
  );
}

/**
 * Starts the SMTP listener for replies (what `candor serve` and `candor agent run` start when
 * CANDOR_INBOUND_SMTP_PORT is set).
 * @example const listener = await startReplyListener({ store, settings, defaultWorkspace: 'default', onReply: () => void agent.nudge() })
 */
export function startReplyListener(options: ReplyListenerOptions): Promise<InboundSmtpServer> {
  const { store, settings, defaultWorkspace, logger, onReply } = options;
  return startInboundSmtp(
    settings,
    async (raw, envelope) => {
      const outcome = await receiveEmailReply(store, defaultWorkspace, raw, envelope.to);
      onReply?.(outcome);
      return outcome.action;
    },
    logger,
  );
}
