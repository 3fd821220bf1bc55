// Login flood: does a flood of sign-ins (each a scrypt password check) slow other requests down?
// `candor serve` runs in its own process; this process measures GET /api/v1/health and a static
// file of the web app (read through libuv's thread pool, like a media download) one at a time,
// first on the idle server, then while autocannon sends wrong passwords from 50 connections.
// Peer in the same run: the same server with the password-check cap lifted
// (CANDOR_PASSWORD_CHECKS=64), as before issue 10, when a flood made a media download take 10 s.
// The per-IP sign-in limit is lifted in both, so every attempt reaches the password check.
// Run with `npm run bench` (builds first), or alone: `node bench/login-flood.mjs [--seconds S]`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const secondsArg = process.argv.indexOf('--seconds');
const SECONDS = secondsArg === -1 ? 8 : Number(process.argv[secondsArg + 1]);
const { openStore } = await import(path.join(root, 'dist', 'store', 'index.js'));

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'candor-bench-flood-'));
const children = new Set();
process.on('exit', () => {
  for (const c of children) c.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

const store = await openStore({ dataDir });
const ws = await store.workspaces.ensure({ slug: 'default' });
await store.users.create({
  workspaceId: ws.id,
  email: 'victim@example.com',
  name: 'Victim',
  role: 'recruiter',
  password: 'the-right-password-123',
});
await store.close();

const asset = readdirSync(path.join(root, 'dist', 'web', 'assets')).find((f) => f.endsWith('.js'));
if (asset === undefined) throw new Error('dist/web/assets has no .js file: run `npm run build`');

/** Starts `candor serve` on a free port; resolves with its base URL and a stop function. */
function startServer(passwordChecks) {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'candor.js'), 'serve', '--port', '0'], {
    env: {
      ...process.env,
      CANDOR_DATA_DIR: dataDir,
      CANDOR_WORKER: 'false',
      CANDOR_LOG_LEVEL: 'silent',
      CANDOR_PASSWORD_CHECKS: String(passwordChecks),
      CANDOR_LOGIN_RATE_LIMIT: '100000',
      CANDOR_LOGIN_MAX_FAILURES: '1000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)\/api\/v1/.exec(out);
      if (match) resolve({ url: match[1], stop: () => (child.kill(), children.delete(child)) });
    });
    child.on('exit', (code) => reject(new Error(`candor serve exited ${code}: ${out}`)));
  });
}

/** Latencies (ms) of `count` requests to `url`, one after another, for at most `budgetMs`. */
async function latencies(url, count, budgetMs) {
  const times = [];
  const end = performance.now() + budgetMs;
  while (times.length < count && performance.now() < end) {
    const start = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function measure(passwordChecks) {
  const server = await startServer(passwordChecks);
  const targets = { health: `${server.url}/api/v1/health`, 'static file': `${server.url}/assets/${asset}` };
  try {
    const idle = {};
    for (const [name, url] of Object.entries(targets)) {
      await latencies(url, 20, 5_000); // warm up
      idle[name] = await latencies(url, 100, 10_000);
    }
    const flood = autocannon({
      url: `${server.url}/api/v1/auth/login`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'victim@example.com', password: 'a wrong guess' }),
      connections: 50,
      duration: SECONDS,
    });
    await new Promise((resolve) => setTimeout(resolve, 1000)); // let the flood fill the server
    const busy = {};
    for (const [name, url] of Object.entries(targets)) {
      busy[name] = await latencies(url, 100, ((SECONDS - 2) * 1000) / 2);
    }
    const result = await flood;
    const statuses = `${result['2xx']} 2xx, ${result.non2xx} other`;
    return { idle, busy, logins: result.requests.average, statuses };
  } finally {
    server.stop();
  }
}

const rows = [];
for (const [label, checks] of [
  ['capped (1 check at a time)', 1],
  ['peer: uncapped (64)', 64],
]) {
  const { idle, busy, logins, statuses } = await measure(checks);
  for (const name of Object.keys(idle)) {
    rows.push({
      server: label,
      request: name,
      'idle p50 ms': pct(idle[name], 50).toFixed(1),
      'idle p95 ms': pct(idle[name], 95).toFixed(1),
      'flood p50 ms': pct(busy[name], 50).toFixed(1),
      'flood p95 ms': pct(busy[name], 95).toFixed(1),
      'flood max ms': busy[name].at(-1).toFixed(1),
      'p95 ratio': (pct(busy[name], 95) / pct(idle[name], 95)).toFixed(1),
      'login attempts/s': logins.toFixed(0),
      logins: statuses,
    });
  }
}
console.log(
  `Login flood: 50 connections of wrong passwords for ${SECONDS} s; requests measured one at a time.`,
);
console.table(rows);
