/**
 * The outbox survives a dispatcher killed mid-batch (SIGKILL): after a new `candor agent run`,
 * every due message has arrived at the SMTP server, each under one Message-ID. Delivery is at
 * least once: only a message whose SMTP exchange was under way at the kill may arrive twice, with
 * the same Message-ID (docs/agent.md).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestSmtp } from '../src/messaging/test-smtp-server.js';
import { openStore } from '../src/store/index.js';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'candor.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'candor-agent-kill-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const COUNT = 40;

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('candor agent run, killed with SIGKILL mid-batch', () => {
  it('delivers every due message after a restart, each under one Message-ID', async () => {
    if (!existsSync(path.join(root, 'dist', 'cli', 'main.js')))
      throw new Error('dist/ is missing: run `npm run build` first');
    const smtp = await startTestSmtp({ delayMs: 40 });
    const store = await openStore({ dataDir });
    const ws = await store.workspaces.ensure({ slug: 'default', name: 'Acme' });
    for (let i = 0; i < COUNT; i++) {
      const c = await store.candidates.create({
        workspaceId: ws.id,
        name: `Cand ${i}`,
        email: `c${i}@example.com`,
      });
      await store.messages.enqueue({
        workspaceId: ws.id,
        candidateId: c.id,
        flow: 'confirmation',
        step: `kill-${i}`,
        channel: 'email',
        toAddress: `c${i}@example.com`,
        subject: `Message ${i}`,
        body: `Body ${i}`,
      });
    }
    await store.close();
    const env = {
      ...process.env,
      NO_COLOR: '1',
      CANDOR_DATA_DIR: dataDir,
      DATABASE_URL: '',
      CANDOR_SMTP_URL: smtp.url,
      CANDOR_AGENT_POLL_SECONDS: '1',
      CANDOR_AGENT_LEASE_SECONDS: '2',
    };
    const first = spawn(process.execPath, [bin, 'agent', 'run'], { env, stdio: 'ignore' });
    const exited = new Promise((r) => first.once('exit', r));
    await until(() => smtp.received.length >= 8, 60_000);
    first.kill('SIGKILL');
    await exited;
    const before = smtp.received.length;
    expect(before).toBeLessThan(COUNT);
    // The killed run's claims run out after 2 s; a new run sends the rest.
    await new Promise((r) => setTimeout(r, 2_500));
    const second = spawn(process.execPath, [bin, 'agent', 'run'], { env, stdio: 'ignore' });
    try {
      await until(() => new Set(smtp.received.map((m) => m.messageId)).size >= COUNT, 90_000);
      await new Promise((r) => setTimeout(r, 1_500));
    } finally {
      second.kill('SIGTERM');
      await new Promise((r) => second.once('exit', r));
      await smtp.close();
    }
    const ids = smtp.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(COUNT);
    expect(new Set(smtp.received.map((m) => m.to[0])).size).toBe(COUNT);
    // At most the one message in flight at the kill arrives twice, under the same Message-ID.
    expect(ids.length - COUNT).toBeLessThanOrEqual(1);
    const check = await openStore({ dataDir });
    try {
      const counts = await check.messages.countByStatus(ws.id);
      expect(counts).toEqual({ sent: COUNT });
    } finally {
      await check.close();
    }
  }, 180_000);
});
