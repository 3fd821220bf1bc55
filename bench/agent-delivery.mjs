// Durable delivery on PostgreSQL (issue 14): `candor agent run` processes (graphile-worker) send a
// backlog of due messages from the outbox to a real SMTP server on loopback
// (src/messaging/test-smtp-server.ts, which parses every message it accepts). Two processes beside
// the peer, one process, measured in the same run on the same machine with the same backlog:
// messages per second from the first message received to the last, and the ratio. Each run also
// checks zero duplicates and zero losses (distinct Message-IDs = deliveries = messages; the
// outbox says every one sent). Each run gets its own scratch database.
// Needs PostgreSQL: TEST_DATABASE_URL (or DATABASE_URL) naming a database whose user may create
// databases; and the built dist/ (`npm run bench` builds).
// Run alone: `node bench/agent-delivery.mjs [--messages 10000] [--concurrency 4]`.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(path.join(root, 'dist', p));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const MESSAGES = arg('messages', 10_000);
const CONCURRENCY = arg('concurrency', 4);
const baseUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
if (!baseUrl) {
  console.error(
    'bench/agent-delivery.mjs needs PostgreSQL: set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test; .ci/run starts one)',
  );
  process.exit(1);
}

const { createScratchDatabase, seedDueMessages, startAgentProcesses } =
  await dist('followup/delivery-load.js');
const { startTestSmtp } = await dist('messaging/test-smtp-server.js');
const { openStore } = await dist('store/index.js');
const bin = path.join(root, 'bin', 'candor.js');

/** One run: `processes` agent processes send MESSAGES messages; returns the figures. */
async function measure(processes) {
  const smtp = await startTestSmtp();
  const database = await createScratchDatabase(baseUrl, `candor_bench_delivery_${processes}`);
  try {
    const store = await openStore({ dataDir: os.tmpdir(), databaseUrl: database.url });
    const { workspaceId } = await seedDueMessages(store, MESSAGES, `p${processes}`);
    await store.close();
    const started = performance.now();
    const agents = startAgentProcesses(bin, processes, {
      ...process.env,
      NO_COLOR: '1',
      DATABASE_URL: database.url,
      CANDOR_SMTP_URL: smtp.url,
      CANDOR_MAIL_FROM: 'Acme Jobs <jobs@acme.test>',
      CANDOR_AGENT_POLL_SECONDS: '1',
      CANDOR_AGENT_CONCURRENCY: String(CONCURRENCY),
      CANDOR_INBOUND_SMTP_PORT: '',
    });
    let first = null;
    let last = null;
    try {
      await agents.ready;
      const end = Date.now() + 600_000;
      while (smtp.received.length < MESSAGES && Date.now() < end) {
        if (first === null && smtp.received.length > 0) first = performance.now();
        await new Promise((r) => setTimeout(r, 10));
      }
      last = performance.now();
      await new Promise((r) => setTimeout(r, 1_500));
    } finally {
      await agents.stop();
    }
    const ids = new Set(smtp.received.map((m) => m.messageId));
    const check = await openStore({ dataDir: os.tmpdir(), databaseUrl: database.url });
    const counts = await check.messages.countByStatus(workspaceId);
    await check.close();
    return {
      processes,
      perSecond: (MESSAGES - 1) / ((last - (first ?? started)) / 1000),
      wallSeconds: (last - started) / 1000,
      deliveries: smtp.received.length,
      distinct: ids.size,
      sent: counts.sent ?? 0,
    };
  } finally {
    await smtp.close();
    await database.drop();
  }
}

const one = await measure(1);
const two = await measure(2);
const fmt = (n, d = 0) => n.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });
console.log(
  `\nDelivery on PostgreSQL: ${fmt(MESSAGES)} due e-mails to a loopback SMTP server; graphile-worker, ${CONCURRENCY} batches of 50 at once per process; ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}\n`,
);
console.log('| figure | two processes | peer: one process, same run | ratio |');
console.log('| --- | ---: | ---: | ---: |');
console.log(
  `| messages per second (first to last received) | ${fmt(two.perSecond)} | ${fmt(one.perSecond)} | ${(two.perSecond / one.perSecond).toFixed(2)} × |`,
);
console.log(
  `| wall time from start to the last message | ${fmt(two.wallSeconds, 1)} s | ${fmt(one.wallSeconds, 1)} s | ${(two.wallSeconds / one.wallSeconds).toFixed(2)} × |`,
);
for (const r of [two, one]) {
  console.log(
    `  ${r.processes} process${r.processes === 1 ? '' : 'es'}: ${fmt(r.deliveries)} deliveries, ${fmt(r.distinct)} distinct Message-IDs, ${fmt(r.sent)} sent in the outbox`,
  );
}
const bad = [one, two].filter(
  (r) => r.deliveries !== MESSAGES || r.distinct !== MESSAGES || r.sent !== MESSAGES,
);
if (bad.length > 0) {
  console.error(`duplicates or losses: expected ${MESSAGES} of each`);
  process.exit(1);
}
console.log('  zero duplicates, zero losses in both runs');
