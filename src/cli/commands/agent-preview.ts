/**
 * `candor agent preview --candidate <id> --flow <flow> [--channel email|sms] [--json]`: the
 * message a flow would send a candidate now, filled with their values and the workspace's own
 * template (docs/agent.md); nothing is queued. A value the candidate lacks fails the command
 * with the variable named.
 */
import { CandorError, loadConfig } from '../../core/index.js';
import { previewMessage, type MessagePreview } from '../../followup/preview.js';
import { loadAgentConfig } from '../../messaging/config.js';
import { openStore } from '../../store/index.js';

export interface PreviewOptions {
  readonly candidate?: string | undefined;
  readonly flow?: string | undefined;
  readonly channel?: string | undefined;
  readonly application?: string | undefined;
  readonly json?: boolean | undefined;
}

/** The preview as a person reads it: who, how, then the message. */
export function renderPreview(p: MessagePreview): string {
  const head = `${p.flow} by ${p.channel === 'sms' ? 'SMS' : 'e-mail'} to ${p.to ?? '(no address on record)'} — ${p.customTemplate ? "the workspace's template" : 'the built-in template'}`;
  const subject = p.subject === null ? '' : `Subject: ${p.subject}\n`;
  return `${head}\n\n${subject}${subject ? '\n' : ''}${p.body}\n`;
}

/**
 * @throws CandorError VALIDATION_FAILED for a missing option, a bad channel or a variable the
 *   candidate has no value for; NOT_FOUND for an unknown candidate or flow
 * @example await agentPreview({ candidate: 'cand_1', flow: 'confirmation' })
 */
export async function agentPreview(
  opts: PreviewOptions,
  env: NodeJS.ProcessEnv = process.env,
  print: (text: string) => void = (t) => void process.stdout.write(t),
): Promise<MessagePreview> {
  for (const option of ['candidate', 'flow'] as const) {
    if ((opts[option] ?? '').trim() === '')
      throw new CandorError('VALIDATION_FAILED', `--${option} is required`, { option });
  }
  if (opts.channel !== undefined && opts.channel !== 'email' && opts.channel !== 'sms')
    throw new CandorError('VALIDATION_FAILED', `--channel: "${opts.channel}" is not email or sms`, {
      option: 'channel',
    });
  const core = loadConfig(env);
  const agent = loadAgentConfig(env, `http://127.0.0.1:${env.PORT ?? 3000}`);
  const store = await openStore({ dataDir: core.dataDir, databaseUrl: core.databaseUrl });
  try {
    const preview = await previewMessage(
      store,
      { publicUrl: agent.publicUrl },
      {
        candidateId: opts.candidate!,
        flow: opts.flow!,
        channel: opts.channel,
        applicationId: opts.application,
      },
    );
    print(opts.json ? `${JSON.stringify(preview, null, 2)}\n` : renderPreview(preview));
    return preview;
  } finally {
    await store.close();
  }
}
