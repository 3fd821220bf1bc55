/**
 * Durable delivery: claims of several dispatchers never overlap (SQLite's compare-and-set,
 * PostgreSQL's `for update skip locked`), and on PostgreSQL graphile-worker drives the dispatcher:
 * two runners share a backlog with every message sent once, and a nudge sends at once through
 * LISTEN/NOTIFY instead of waiting for the next poll.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAgentConfig } from '../messaging/config.js';
import { emailChannel } from '../messaging/email.js';
import { startTestSmtp, type TestSmtpServer } from '../messaging/test-smtp-server.js';
import { openStore, type Store } from '../store/index.js';
import { postgresTestSchema } from '../store/test-helpers.js';
import { need, requires } from '../test-helpers.js';
import { startAgent } from './agent.js';
import { agentConcurrency, DISPATCH_TASK } from './graphile-dispatch.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-delivery-'));
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

async function seed(store: Store, count: number, tag: string): Promise<{ workspaceId: string }> {
  const ws = await store.workspaces.ensure({ slug: `delivery-${tag}`, name: 'Acme' });
  const candidates = await Promise.all(
    [0, 1, 2, 3].map((i) =>
      store.candidates.create({ workspaceId: ws.id, name: `Cand ${i}`, email: `c${i}.${tag}@example.com` }),
    ),
  );
  for (let i = 0; i < count; i++) {
    const c = candidates[i % candidates.length]!;
    await store.messages.enqueue({
      workspaceId: ws.id,
      candidateId: c.id,
      flow: 'confirmation',
      step: `${tag}-${i}`,
      channel: 'email',
      toAddress: `m${i}.${tag}@example.com`,
      subject: `Message ${i}`,
      body: `Body ${i}`,
    });
  }
  return { workspaceId: ws.id };
}

function describeClaims(name: string, open: () => Promise<Store>): void {
  describe(`claimDue on ${name}`, () => {
    it('gives concurrent dispatchers disjoint batches that together cover every due message', async () => {
      const store = await open();
      try {
        const { workspaceId } = await seed(store, 100, `claims-${name}-${Date.now()}`);
        const now = new Date(Date.now() + 1000);
        const batches = await Promise.all(
          [0, 1, 2, 3, 4].map(() => store.messages.claimDue(now, 30, 60_000)),
        );
        const ids = batches.flat().map((m) => m.id);
        expect(new Set(ids).size).toBe(ids.length);
        // What the first round left is claimed by a second one.
        const rest = await store.messages.claimDue(now, 200, 60_000);
        expect(ids.length + rest.length).toBe(100);
        expect(new Set([...ids, ...rest.map((m) => m.id)]).size).toBe(100);
        for (const m of batches.flat()) expect(m.status).toBe('sending');
        expect((await store.messages.countByStatus(workspaceId)).sending).toBe(100);
        // Nothing is due any more until the leases run out.
        expect(await store.messages.claimDue(now, 10, 60_000)).toEqual([]);
        const later = await store.messages.claimDue(new Date(now.getTime() + 61_000), 500, 60_000);
        expect(later).toHaveLength(100);
        expect(later.every((m) => m.attempts === 2)).toBe(true);
      } finally {
        await store.close();
      }
    });
  });
}

describeClaims('sqlite', () => openStore({ dataDir: tempDir }));

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_delivery_test', databaseUrl);
const workerSchema = `${schema}_worker`;

requires(need.database()).describe('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(async () => {
    await drop();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`drop schema if exists "${workerSchema}" cascade`);
    await client.end();
  });
  describeClaims('postgres', () => openStore({ dataDir: tempDir, databaseUrl, schema }));

  describe('graphile-worker drives the dispatcher', () => {
    let store: Store;
    let smtp: TestSmtpServer;
    const env = { CANDOR_SMTP_URL: 'smtp://placeholder:25', CANDOR_AGENT_POLL_SECONDS: '60' };

    beforeAll(async () => {
      store = await openStore({ dataDir: tempDir, databaseUrl, schema });
      smtp = await startTestSmtp();
    });
    afterAll(async () => {
      await smtp.close();
      await store.close();
    });

    const agentOn = (s: Store) => {
      const config = loadAgentConfig(env, 'https://jobs.acme.test');
      const email = emailChannel({ url: smtp.url, from: 'Acme <jobs@acme.test>' }, config.publicUrl);
      const agent = startAgent({
        store: s,
        config,
        channels: { email, sms: null },
        databaseUrl,
        workerSchema,
        concurrency: 2,
      });
      return {
        agent,
        stop: async () => {
          await agent.stop();
          email.close();
        },
      };
    };

    it('two runners send a backlog of 230 messages, each exactly once, and leave no job behind', async () => {
      const other = await openStore({ dataDir: tempDir, databaseUrl, schema });
      const tag = `two-${Date.now()}`;
      const { workspaceId } = await seed(store, 230, tag);
      const a = agentOn(store);
      const b = agentOn(other);
      try {
        expect(a.agent.engine).toBe('graphile-worker');
        await Promise.all([a.agent.ready, b.agent.ready]);
        const mine = () => smtp.received.filter((m) => m.to[0]?.endsWith(`.${tag}@example.com`));
        const end = Date.now() + 30_000;
        while (mine().length < 230 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
        await new Promise((r) => setTimeout(r, 300));
        const ids = mine().map((m) => m.messageId);
        expect(ids).toHaveLength(230);
        expect(new Set(ids).size).toBe(230);
        expect(await store.messages.countByStatus(workspaceId)).toEqual({ sent: 230 });
      } finally {
        await a.stop();
        await b.stop();
        await other.close();
      }
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const left = await client.query(
          `select count(*)::int as n from "${workerSchema}".jobs where task_identifier like $1`,
          [`${DISPATCH_TASK}:${schema}`],
        );
        // At most the one waiting job the last tick queued; none locked, none failed.
        expect(left.rows[0].n).toBeLessThanOrEqual(1);
      } finally {
        await client.end();
      }
    }, 60_000);

    it('a nudge sends a new message at once, without waiting for the next poll (60 s here)', async () => {
      const a = agentOn(store);
      try {
        await a.agent.ready;
        const tag = `nudge-${Date.now()}`;
        await seed(store, 1, tag);
        const started = Date.now();
        await a.agent.nudge();
        const end = Date.now() + 10_000;
        while (!smtp.received.some((m) => m.to[0] === `m0.${tag}@example.com`) && Date.now() < end)
          await new Promise((r) => setTimeout(r, 20));
        expect(smtp.received.filter((m) => m.to[0] === `m0.${tag}@example.com`)).toHaveLength(1);
        expect(Date.now() - started).toBeLessThan(5_000);
      } finally {
        await a.stop();
      }
    }, 30_000);
  });
});

describe('CANDOR_AGENT_CONCURRENCY', () => {
  it('defaults to 4 and refuses what is not a whole number from 1 to 64, naming the setting', () => {
    expect(agentConcurrency({})).toBe(4);
    expect(agentConcurrency({ CANDOR_AGENT_CONCURRENCY: '8' })).toBe(8);
    for (const bad of ['0', '65', '2.5', 'many'])
      expect(() => agentConcurrency({ CANDOR_AGENT_CONCURRENCY: bad })).toThrow(/CANDOR_AGENT_CONCURRENCY/);
  });
});
