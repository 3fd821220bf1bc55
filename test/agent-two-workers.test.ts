/**
 * On PostgreSQL two `candor agent run` processes (graphile-worker) share one backlog of due
 * messages and send them to a real SMTP server on loopback: every message arrives, exactly once
 * (distinct Message-IDs = messages = deliveries), and the outbox records each as sent. The test
 * sends 2,000 messages to stay quick on two cores; `npm run bench` (bench/agent-delivery.mjs)
 * sends 10,000 the same way and prints messages per second beside one process.
 */
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createScratchDatabase,
  seedDueMessages,
  startAgentProcesses,
} from '../src/followup/delivery-load.js';
import { startTestSmtp, type TestSmtpServer } from '../src/messaging/test-smtp-server.js';
import { openStore } from '../src/store/index.js';
import { need, PROJECT_ROOT, requires } from '../src/test-helpers.js';

const COUNT = 2_000;
const bin = path.join(PROJECT_ROOT, 'bin', 'candor.js');

requires(need.database(), need.built()).describe('two agent processes on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    database = await createScratchDatabase(process.env.TEST_DATABASE_URL!, 'candor_two_workers');
    smtp = await startTestSmtp();
  });
  afterAll(async () => {
    await smtp?.close();
    await database?.drop();
  });

  it(`send ${COUNT.toLocaleString('en')} due messages with zero duplicates and zero losses`, async () => {
    const tag = 'two';
    const store = await openStore({ dataDir: os.tmpdir(), databaseUrl: database.url });
    const { workspaceId } = await seedDueMessages(store, COUNT, tag);
    await store.close();
    const agents = startAgentProcesses(bin, 2, {
      ...process.env,
      NO_COLOR: '1',
      DATABASE_URL: database.url,
      CANDOR_SMTP_URL: smtp.url,
      CANDOR_MAIL_FROM: 'Acme Jobs <jobs@acme.test>',
      CANDOR_AGENT_POLL_SECONDS: '1',
      CANDOR_AGENT_CONCURRENCY: '4',
      CANDOR_INBOUND_SMTP_PORT: '',
    });
    try {
      await agents.ready;
      const end = Date.now() + 100_000;
      while (smtp.received.length < COUNT && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      // Anything sent twice would arrive in the next moments.
      await new Promise((r) => setTimeout(r, 1_500));
    } finally {
      const codes = await agents.stop();
      expect(codes, agents.output()).toEqual([0, 0]);
    }
    const ids = smtp.received.map((m) => m.messageId);
    const addresses = smtp.received.map((m) => m.to[0]);
    expect(new Set(ids).size, 'distinct Message-IDs').toBe(COUNT);
    expect(ids.length, 'deliveries').toBe(COUNT);
    expect(new Set(addresses).size).toBe(COUNT);
    for (let i = 0; i < COUNT; i += 397) expect(addresses).toContain(`m${i}.${tag}@example.com`);
    // Both processes took part.
    const output = agents.output();
    expect(output).toMatch(/\[0\] sent [1-9]/);
    expect(output).toMatch(/\[1\] sent [1-9]/);
    const check = await openStore({ dataDir: os.tmpdir(), databaseUrl: database.url });
    try {
      expect(await check.messages.countByStatus(workspaceId)).toEqual({ sent: COUNT });
    } finally {
      await check.close();
    }
  }, 150_000);
});
