// API under load: with 10,000 candidates in the embedded SQLite database, `candor serve` runs in
// its own process and autocannon (this process) reads random scorecards through the API with an
// API token. The peers are Fastify's plain hello-world route and Fastify sending a constant body of
// the scorecard page's own size, served by another process and loaded the same way in the same run.
// Goals (issue 4): at least 40% of hello-world's requests per second, p99 latency under 50 ms.
// Run with `npm run bench` (builds first), or alone:
// `node bench/api.mjs [--candidates N] [--seconds S] [--data DIR]`. With `--data`, the seeded
// database is kept in DIR and reused by the next run with the same DIR (seeding takes minutes).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(path.join(root, 'dist', p));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const CANDIDATES = arg('candidates', 10_000);
const SECONDS = arg('seconds', 10);
const CONNECTIONS = 10;
const dataArg = process.argv.indexOf('--data');
const KEEP_DIR = dataArg === -1 ? null : path.resolve(process.argv[dataArg + 1] ?? '');

const { openStore } = await dist('store/index.js');
const { analyzeFile } = await dist('cli/commands/analyze.js');
const { saveAnalysis } = await dist('cli/commands/save-analysis.js');

const dataDir = KEEP_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'candor-bench-api-'));
const children = [];
process.on('exit', () => {
  for (const c of children) c.kill();
  if (KEEP_DIR === null) rmSync(dataDir, { recursive: true, force: true });
});

// 1. Seed: one job, CANDIDATES candidates, each with an application, an interview and its full
//    analysis (transcript segments, signal values, scorecard) from a real example interview.
//    A kept directory (`--data`) remembers what it holds in seeded.json and is reused.
const seededFile = path.join(dataDir, 'seeded.json');
const seedStart = performance.now();
let seeded = null;
let reused = false;
if (KEEP_DIR !== null && existsSync(seededFile)) {
  seeded = JSON.parse(readFileSync(seededFile, 'utf8'));
  reused = true;
  if (seeded.candidates !== CANDIDATES)
    throw new Error(
      `${dataDir} holds ${seeded.candidates} candidates, not ${CANDIDATES}: use another --data`,
    );
  // Opening runs any migration newer than the kept database.
  await (await openStore({ dataDir })).close();
} else {
  if (KEEP_DIR !== null) mkdirSync(KEEP_DIR, { recursive: true });
  seeded = await seed();
  if (KEEP_DIR !== null) writeFileSync(seededFile, JSON.stringify(seeded));
}
const { token, jobId, scorecardIds } = seeded;
const seedSeconds = (performance.now() - seedStart) / 1000;

async function seed() {
  const store = await openStore({ dataDir });
  const ws = await store.workspaces.ensure({ slug: 'bench' });
  const user = await store.users.create({
    workspaceId: ws.id,
    email: 'bench@example.com',
    name: 'Bench',
    role: 'recruiter',
    password: 'bench-password-123',
  });
  const { token } = await store.users.createApiToken(user.id, 'bench');
  const job = await store.jobs.create({
    workspaceId: ws.id,
    title: 'Sales Development Representative',
    description: 'SDR',
  });
  const result = await analyzeFile(path.join(root, 'examples', 'interviews', 'priya-strong.vtt'), {
    framework: 'default',
    questions: path.join(root, 'examples', 'questions', 'sdr.yaml'),
    job: path.join(root, 'examples', 'jobs', 'sdr.md'),
  });
  const scorecardIds = [];
  for (let i = 0; i < CANDIDATES; i++) {
    const candidate = await store.candidates.create({ workspaceId: ws.id, name: `Candidate ${i + 1}` });
    const { application } = await store.applications.findOrCreate({
      candidateId: candidate.id,
      jobId: job.id,
    });
    const interview = await store.interviews.create({
      workspaceId: ws.id,
      applicationId: application.id,
      kind: 'live',
    });
    await saveAnalysis(store, interview.id, result);
    const card = await store.scorecards.latestForInterview(interview.id);
    scorecardIds.push(card.id);
    if ((i + 1) % 1000 === 0) process.stderr.write(`  seeded ${i + 1}/${CANDIDATES} candidates\n`);
  }
  await store.close();
  return { candidates: CANDIDATES, token, jobId: job.id, scorecardIds };
}

// 2. The two servers, each in its own process.
function start(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}
const candorUrl = await start(['bin/candor.js', 'serve', '--port', '0'], {
  CANDOR_DATA_DIR: dataDir,
  CANDOR_WORKER: 'false',
  CANDOR_LOG_LEVEL: 'silent',
  HOST: '127.0.0.1',
});
function load(url, options = {}) {
  return autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...options });
}

const pick = () => scorecardIds[Math.floor(Math.random() * scorecardIds.length)];
const check = await fetch(`${candorUrl}/api/v1/scorecards/${pick()}`, {
  headers: { authorization: `Bearer ${token}` },
});
if (check.status !== 200)
  throw new Error(`GET /scorecards/:id answered ${check.status}: ${await check.text()}`);
const bodyBytes = (await check.arrayBuffer()).byteLength;
// The second peer sends a constant JSON string exactly as long as that scorecard page, with a
// buffer so it is not re-encoded: the ceiling for any route answering with a body of that size.
const helloUrl = await start(
  [
    '--input-type=module',
    '-e',
    `import Fastify from 'fastify';const app=Fastify();app.get('/',async()=>({hello:'world'}));` +
      `const big=Buffer.from(JSON.stringify({pad:'x'.repeat(Number(process.env.BIG_BYTES)-10)}));` +
      `app.get('/big',(q,r)=>r.type('application/json').send(big));` +
      `const a=await app.listen({port:0,host:'127.0.0.1'});console.log('listening on '+a)`,
  ],
  { BIG_BYTES: String(bodyBytes) },
);

// Warm both up, then measure each in turn.
await load(helloUrl, { duration: 2 });
await load(`${candorUrl}/api/v1/health`, { duration: 2 });
const hello = await load(helloUrl);
const big = await load(`${helloUrl}/big`);
const scorecards = await load(`${candorUrl}/api/v1/scorecards/${pick()}`, {
  headers: { authorization: `Bearer ${token}` },
  requests: [{ setupRequest: (req) => ({ ...req, path: `/api/v1/scorecards/${pick()}` }) }],
});
const ranking = await load(`${candorUrl}/api/v1/jobs/${jobId}/ranking`, {
  headers: { authorization: `Bearer ${token}` },
  duration: Math.max(3, Math.round(SECONDS / 2)),
  connections: 2,
});
for (const [name, r] of [
  ['scorecards', scorecards],
  ['ranking', ranking],
]) {
  if (r.non2xx > 0 || r.errors > 0)
    throw new Error(`${name}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
}

const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const rps = scorecards.requests.average;
const helloRps = hello.requests.average;
console.log(
  `\nAPI under load (${fmt(CANDIDATES)} candidates in SQLite, ${reused ? `reused from ${dataDir}` : `seeded in ${fmt(seedSeconds, 1)} s`}; ${CONNECTIONS} connections, ${SECONDS} s each)\n`,
);
console.log('| figure | Candor | peer, same run | ratio | goal |');
console.log('|---|---|---|---|---|');
console.log(
  `| GET /api/v1/scorecards/:id (random of ${fmt(CANDIDATES)}, ${fmt(bodyBytes / 1024, 1)} kB JSON, Bearer token) | ${fmt(rps)} req/s | Fastify hello-world: ${fmt(helloRps)} req/s | ${fmt((100 * rps) / helloRps, 1)} % | ≥ 40 % ${rps / helloRps >= 0.4 ? 'met' : 'NOT met'} |`,
);
console.log(
  `| same, beside a constant body of the same size | ${fmt(rps)} req/s | Fastify sending a constant JSON body of the same ${fmt(bodyBytes / 1024, 1)} kB: ${fmt(big.requests.average)} req/s | ${fmt((100 * rps) / big.requests.average, 1)} % | — |`,
);
console.log(
  `| p99 latency, scorecards | ${fmt(scorecards.latency.p99, 1)} ms | hello-world: ${fmt(hello.latency.p99, 1)} ms | ${hello.latency.p99 >= 1 ? fmt(scorecards.latency.p99 / hello.latency.p99, 1) + '×' : '—'} | < 50 ms ${scorecards.latency.p99 < 50 ? 'met' : 'NOT met'} |`,
);
console.log(
  `| GET /api/v1/jobs/:id/ranking (${fmt(CANDIDATES)} ranked, 2 connections) | ${fmt(ranking.requests.average, 1)} req/s, p99 ${fmt(ranking.latency.p99, 0)} ms | — | — | — |`,
);
for (const c of children) c.kill();
