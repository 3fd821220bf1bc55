/**
 * `candor agent …`: the follow-up agent from the command line (issue 14). For now `classify`,
 * which prints what the agent would make of candidates' replies (docs/agent-classifier.md).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CandorError } from '../../core/index.js';
import { classifyReply, type ReplyClassification } from '../../followup/index.js';
import { CADENCE_SCAN_MS, channelsFor, startAgent, type RunningAgent } from '../../followup/agent.js';
import { planCadence } from '../../followup/cadence.js';
import { agentConcurrency } from '../../followup/graphile-dispatch.js';
import { startReplyListener } from '../../followup/inbound-mail.js';
import { loadInboundSmtpSettings, type InboundSmtpServer } from '../../messaging/inbound-smtp.js';
import { dispatchDue, type DispatchSummary } from '../../followup/dispatcher.js';
import { loadAgentConfig } from '../../messaging/config.js';
import { loadConfig } from '../../core/index.js';
import { openStore } from '../../store/index.js';
import { agentPreview, type PreviewOptions } from './agent-preview.js';

export interface ClassifyOptions {
  /** A file with one reply per line. */
  readonly file?: string | undefined;
  readonly json?: boolean | undefined;
}

/** One reply's result, or why it could not be classified (an empty line of a file). */
export type ClassifiedReply =
  | ({ readonly line?: number; readonly reply: string } & ReplyClassification)
  | {
      readonly line: number;
      readonly reply: string;
      readonly error: { code: 'VALIDATION_FAILED'; message: string };
    };

/** The replies of `--file`: one per line; the final line break ends the last line. */
function readReplies(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CandorError('FILE_UNREADABLE', `${file}: cannot read it (${(error as Error).message})`, {
      file,
    });
  }
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  if (lines.length === 1 && lines[0]!.trim() === '')
    throw new CandorError('VALIDATION_FAILED', `${file}: no replies (expected one reply per line)`, { file });
  return lines;
}

const render = (r: ClassifiedReply): string => {
  const where = r.line === undefined ? '' : `${r.line}: `;
  if ('error' in r) return `${where}error: ${r.error.message}`;
  const frustration = r.frustrated ? `  FRUSTRATED (${r.frustration.toFixed(2)})` : '';
  return `${where}${r.intent} (${r.confidence.toFixed(2)})${frustration}  “${r.reply}”\n    ${r.reasons.join('; ')}`;
};

/**
 * `candor agent classify "<reply>"` or `--file replies.txt`: every reply's intent, confidence and
 * frustration, in the file's order. An empty reply (or an empty line of the file) is reported in
 * place and then fails the command with VALIDATION_FAILED naming it; the other lines still print.
 * @example agentClassify('2', {}) // prints 'slot_choice (0.90)  “2”'
 */
export function agentClassify(
  reply: string | undefined,
  options: ClassifyOptions,
  print: (text: string) => void = (text) => void process.stdout.write(text),
): ClassifiedReply[] {
  if ((reply === undefined) === (options.file === undefined))
    throw new CandorError(
      'VALIDATION_FAILED',
      'give one reply in quotes, or --file FILE with one reply per line',
      {
        option: 'file',
      },
    );
  let results: ClassifiedReply[];
  if (reply !== undefined) {
    if (reply.trim() === '')
      throw new CandorError('VALIDATION_FAILED', 'the reply is empty: give the text of a reply', {
        field: 'reply',
      });
    results = [{ reply, ...classifyReply(reply) }];
  } else {
    const file = options.file!;
    results = readReplies(file).map((text, i): ClassifiedReply => {
      const line = i + 1;
      if (text.trim() === '')
        return {
          line,
          reply: text,
          error: { code: 'VALIDATION_FAILED', message: `${file} line ${line}: empty reply` },
        };
      return { line, reply: text, ...classifyReply(text) };
    });
  }
  print(
    options.json
      ? `${JSON.stringify(reply !== undefined ? results[0] : results, null, 2)}\n`
      : results.map(render).join('\n') + '\n',
  );
  const empty = results.flatMap((r) => ('error' in r ? [r.line] : []));
  if (empty.length > 0)
    throw new CandorError(
      'VALIDATION_FAILED',
      `${options.file} line${empty.length > 1 ? 's' : ''} ${empty.join(', ')}: empty reply (the other lines were classified)`,
      { file: options.file ?? '', lines: empty.join(',') },
    );
  return results;
}

/**
 * `candor agent run [--once]`: sends due messages from the outbox with the channels the
 * environment sets up (CANDOR_SMTP_URL, CANDOR_SMS_*), every CANDOR_AGENT_POLL_SECONDS until
 * SIGINT/SIGTERM, or one pass with `--once`; prints what each pass did. Several may run at once.
 * On PostgreSQL graphile-worker runs the passes (CANDOR_AGENT_CONCURRENCY batches at once); with
 * CANDOR_INBOUND_SMTP_PORT it also listens for candidates' e-mail replies.
 */
export async function agentRun(
  opts: { once?: boolean | undefined },
  env: NodeJS.ProcessEnv = process.env,
  print: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<DispatchSummary[]> {
  const core = loadConfig(env);
  const agent = loadAgentConfig(env, `http://127.0.0.1:${env.PORT ?? 3000}`);
  const inbound = opts.once ? null : loadInboundSmtpSettings(env);
  const concurrency = agentConcurrency(env);
  const store = await openStore({ dataDir: core.dataDir, databaseUrl: core.databaseUrl });
  const channels = channelsFor(agent);
  const summaries: DispatchSummary[] = [];
  const line = (summary: DispatchSummary) => {
    summaries.push(summary);
    print(
      `sent ${summary.sent}, waiting ${summary.waiting}, retrying ${summary.retrying}, failed ${summary.failed}, cancelled ${summary.cancelled}`,
    );
  };
  let stop = false;
  let wake = () => undefined as void;
  const onSignal = () => {
    stop = true;
    wake();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let graphile: RunningAgent | null = null;
  let listener: InboundSmtpServer | null = null;
  try {
    print(
      `agent: e-mail ${agent.smtp === null ? 'not set up' : 'on'}, SMS ${agent.sms === null ? 'not set up' : 'on'}`,
    );
    if (!opts.once && store.kind === 'postgres') {
      graphile = startAgent({
        store,
        config: agent,
        channels,
        databaseUrl: core.databaseUrl,
        concurrency,
        onPass: line,
      });
      await graphile.ready;
      print(`agent: graphile-worker, ${concurrency} batch${concurrency === 1 ? '' : 'es'} at once`);
    }
    if (inbound !== null) {
      listener = await startReplyListener({
        store,
        settings: inbound,
        defaultWorkspace: env.CANDOR_DEFAULT_WORKSPACE || 'default',
        onReply: () => (graphile === null ? wake() : void graphile.nudge().catch(() => undefined)),
      });
      print(
        `agent: listening for e-mail replies on ${listener.host}:${listener.port} (${inbound.recipients.join(', ')})`,
      );
    }
    if (graphile !== null) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (stop) resolve();
      });
      return summaries;
    }
    let scannedAt = Number.NEGATIVE_INFINITY;
    for (;;) {
      if (Date.now() - scannedAt >= CADENCE_SCAN_MS) {
        scannedAt = Date.now();
        const planned = await planCadence(store, { publicUrl: agent.publicUrl, cadence: agent.cadence });
        print(
          `queued ${planned.statusUpdates} status updates, ${planned.nurtures} nurtures, ${planned.pulses} pulse surveys${planned.failed.length > 0 ? ` (${planned.failed.length} failed: ${planned.failed[0]?.error ?? ''})` : ''}`,
        );
      }
      line(
        await dispatchDue(store, {
          channels,
          cadence: agent.cadence,
          retryDelaysMs: agent.retryDelaysMs,
          leaseMs: agent.leaseMs,
        }),
      );
      if (opts.once || stop) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, agent.pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (stop) break;
    }
    return summaries;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await listener?.close();
    await graphile?.stop();
    channels.close();
    await store.close();
  }
}

/** `candor agent status [--workspace SLUG] [--json]`: the channels set up and the messages by status. */
export async function agentStatus(
  opts: { workspace?: string | undefined; json?: boolean | undefined },
  env: NodeJS.ProcessEnv = process.env,
  print: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<void> {
  const core = loadConfig(env);
  const agent = loadAgentConfig(env, `http://127.0.0.1:${env.PORT ?? 3000}`);
  const store = await openStore({ dataDir: core.dataDir, databaseUrl: core.databaseUrl });
  try {
    const workspace = await store.workspaces.getBySlug(opts.workspace ?? 'default');
    const counts = await store.messages.countByStatus(workspace.id);
    const inbox = (await store.messages.inbox(workspace.id)).length;
    const status = {
      email: agent.smtp !== null,
      sms: agent.sms !== null,
      messages: counts,
      waitingForAPerson: inbox,
    };
    if (opts.json) return print(JSON.stringify(status, null, 2));
    print(`e-mail: ${status.email ? 'on' : 'not set up (CANDOR_SMTP_URL)'}`);
    print(
      `SMS:    ${status.sms ? 'on' : 'not set up (CANDOR_SMS_ACCOUNT_SID, CANDOR_SMS_AUTH_TOKEN, CANDOR_SMS_FROM)'}`,
    );
    const order = ['queued', 'sending', 'sent', 'failed', 'bounced', 'cancelled', 'received'];
    print(`messages: ${order.map((k) => `${k} ${counts[k] ?? 0}`).join(', ')}`);
    print(`replies waiting for a person: ${inbox}`);
  } finally {
    await store.close();
  }
}

/** Adds `candor agent` and its commands to the CLI. */
export function registerAgentCommands(cli: Command): void {
  const agent = cli.command('agent').description("the follow-up agent: candidates' messages and replies");
  agent
    .command('classify')
    .description("a reply's intent, confidence and frustration flag (docs/agent-classifier.md)")
    .argument('[reply]', "the reply's text, in quotes")
    .option('--file <file>', 'a text file with one reply per line; results in the same order')
    .option('--json', 'print JSON')
    .action((reply: string | undefined, opts: ClassifyOptions) => {
      agentClassify(reply, opts);
    });
  agent
    .command('run')
    .description(
      'send due messages from the outbox (invitations, confirmations, replies) until stopped (docs/agent.md)',
    )
    .option('--once', 'one pass, then exit')
    .action(async (opts: { once?: boolean }) => {
      await agentRun(opts);
    });
  agent
    .command('preview')
    .description(
      "the message a flow would send a candidate now, with their values and the workspace's template; nothing is sent",
    )
    .requiredOption('--candidate <id>', 'the candidate (an id such as cand_…)')
    .requiredOption('--flow <flow>', 'invitation, confirmation, status, holding, … (docs/agent.md)')
    .option('--channel <channel>', 'email or sms (default: the channel the agent would choose)')
    .option('--application <id>', "which of the candidate's applications (default: the latest)")
    .option('--json', 'print JSON')
    .action(async (opts: PreviewOptions) => {
      await agentPreview(opts);
    });
  agent
    .command('status')
    .description('the channels set up, the messages by status and the replies waiting for a person')
    .option('--workspace <slug>', 'workspace (default: default)')
    .option('--json', 'print JSON')
    .action(async (opts: { workspace?: string; json?: boolean }) => {
      await agentStatus(opts);
    });
}
