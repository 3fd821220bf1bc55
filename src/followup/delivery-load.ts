/**
 * A load for the outbox, shared by the two-process delivery test (test/agent-two-workers.test.ts)
 * and its benchmark (bench/agent-delivery.mjs): a scratch PostgreSQL database, thousands of due
 * messages written in a few statements, and `candor agent run` processes that send them to an
 * SMTP server, timed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { newId } from '../core/index.js';
import type { Store } from '../store/index.js';
import type { MessageTables } from '../store/repositories/messages.js';

export interface ScratchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * A new, empty database beside the one `baseUrl` names (which must allow `create database`), so
 * processes started with DATABASE_URL see only it, graphile-worker's schema included.
 * @example const db = await createScratchDatabase(process.env.TEST_DATABASE_URL, 'candor_two'); … await db.drop()
 */
export async function createScratchDatabase(baseUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists "${name}" with (force)`) };
}

/**
 * `count` confirmations due now to `count` distinct addresses (`m<i>.<tag>@example.com`), spread
 * over 100 candidates of a new workspace, written 500 rows a statement.
 * @example const { workspaceId } = await seedDueMessages(store, 10_000, 'bench')
 */
export async function seedDueMessages(
  store: Store,
  count: number,
  tag: string,
): Promise<{ workspaceId: string }> {
  const ws = await store.workspaces.ensure({ slug: `load-${tag}`, name: 'Acme' });
  const candidates: string[] = [];
  for (let i = 0; i < Math.min(100, count); i++) {
    const c = await store.candidates.create({
      workspaceId: ws.id,
      name: `Candidate ${i}`,
      email: `c${i}.${tag}@example.com`,
    });
    candidates.push(c.id);
  }
  const db = store.db.withTables<MessageTables>();
  const now = new Date().toISOString();
  for (let start = 0; start < count; start += 500) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + 500); i++) {
      const candidateId = candidates[i % candidates.length]!;
      rows.push({
        id: newId('msg'),
        workspace_id: ws.id,
        candidate_id: candidateId,
        application_id: null,
        invitation_id: null,
        direction: 'out' as const,
        flow: 'confirmation',
        step: `load-${i}`,
        dedupe_key: `${candidateId}:confirmation:load-${i}`,
        channel: 'email' as const,
        to_address: `m${i}.${tag}@example.com`,
        from_address: null,
        subject: `Thanks, we got it (${i})`,
        body: `Hi Candidate,\n\nThanks for completing your interview. Message ${i}.\n`,
        status: 'queued' as const,
        note: null,
        attempts: 0,
        due_at: now,
        lease_until: null,
        last_error: null,
        provider_id: null,
        intent: null,
        confidence: null,
        frustrated: null,
        needs_person: 0,
        handled_by: null,
        handled_at: null,
        created_at: now,
        sent_at: null,
      });
    }
    await db.insertInto('message').values(rows).execute();
  }
  return { workspaceId: ws.id };
}

export interface AgentProcesses {
  /** Resolves once every process printed that graphile-worker runs. */
  readonly ready: Promise<void>;
  /** What the processes printed (stdout and stderr), for a failure's message. */
  readonly output: () => string;
  /** SIGTERM to each, then waits for them to exit; resolves with their exit codes. */
  stop(): Promise<(number | null)[]>;
}

/**
 * Starts `processes` × `candor agent run` with `env` (DATABASE_URL, CANDOR_SMTP_URL, …).
 * @example const agents = startAgentProcesses(bin, 2, env); await agents.ready; … await agents.stop()
 */
export function startAgentProcesses(bin: string, processes: number, env: NodeJS.ProcessEnv): AgentProcesses {
  let output = '';
  const children: ChildProcess[] = [];
  const ready: Promise<void>[] = [];
  for (let i = 0; i < processes; i++) {
    const child = spawn(process.execPath, [bin, 'agent', 'run'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    ready.push(
      new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += `[${i}] ${chunk.toString()}`;
          if (output.includes(`[${i}] agent: graphile-worker`)) resolve();
        });
        child.stderr.on('data', (chunk: Buffer) => (output += `[${i}!] ${chunk.toString()}`));
        child.once('exit', (code) => reject(new Error(`agent run ${i} exited with ${code}:\n${output}`)));
      }),
    );
  }
  const exits = children.map((c) => new Promise<number | null>((r) => c.once('exit', (code) => r(code))));
  return {
    ready: Promise.all(ready).then(() => undefined),
    output: () => output,
    async stop() {
      for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
      return Promise.all(exits);
    },
  };
}
