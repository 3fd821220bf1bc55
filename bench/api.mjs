// API under load: with 10,000 candidates in the embedded SQLite database, `candor serve` runs in
// its own process and autocannon (this process) reads random scorecards through the API with an
// API token. The peers are Fastify's plain hello-world route and Fastify sending a constant body of
// the scorecard page's own size, served by another process and loaded the same way in the same run.
// Goals (issue 10): scorecard reads at least 25% of the constant-body peer's requests per second
// with the declared schema enforced, p99 under 50 ms; the ranking of 10,000 candidates under
// 100 ms at p95 both cold (the first request of freshly started server processes) and warm.
// Run with `npm run bench` (builds first), or alone:
// `node bench/api.mjs [--candidates N] [--seconds S] [--data DIR] [--profile DIR]`. With `--data`, the seeded
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
/** Fresh server processes whose first ranking request is timed. */
const COLD_STARTS = arg('cold-starts', 8);
/** Sequential ranking requests timed on a warm server. */
const WARM_REQUESTS = arg('warm-requests', 200);
const dataArg = process.argv.indexOf('--data');
const KEEP_DIR = dataArg === -1 ? null : path.resolve(process.argv[dataArg + 1] ?? '');
// `--profile DIR`: the Candor server under load (not the cold starts) runs with `node --cpu-prof`
// and writes its profile into DIR when the bench stops it.
const profileArg = process.argv.indexOf('--profile');
const PROFILE_DIR = profileArg === -1 ? null : path.resolve(process.argv[profileArg + 1] ?? '');
/**
 * Both servers log requests alike: pino at level `silent` (Candor through CANDOR_LOG_LEVEL, the
 * peer through Fastify's `logger` option), so neither writes a line per request and both pay for
 * the same per-request child logger.
 */
const REQUEST_LOG_LEVEL = 'silent';

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
const startCandor = (profile = false) =>
  start(
    [
      ...(profile && PROFILE_DIR !== null ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : []),
      'bin/candor.js',
      'serve',
      '--port',
      '0',
    ],
    {
      CANDOR_DATA_DIR: dataDir,
      CANDOR_WORKER: 'false',
      CANDOR_LOG_LEVEL: REQUEST_LOG_LEVEL,
      HOST: '127.0.0.1',
    },
  );
const auth = { authorization: `Bearer ${token}` };
const rankingPath = `/api/v1/jobs/${jobId}/ranking`;
/** Milliseconds of one GET, body read in full; throws on any answer but 200. */
async function timed(url) {
  const t = performance.now();
  const res = await fetch(url, { headers: auth });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
  return performance.now() - t;
}
const p95 = (samples) => [...samples].sort((a, b) => a - b)[Math.ceil(samples.length * 0.95) - 1];

// 3. Ranking, cold: the first request of each freshly started server process (nothing cached
//    in the process; the operating system's file cache stays warm, as on a restarted server).
//    One extra start comes first, its time not counted: this process's HTTP client starts up then.
const cold = [];
for (let i = -1; i < COLD_STARTS; i++) {
  const before = children.length;
  const url = await startCandor();
  const ms = await timed(url + rankingPath);
  if (i >= 0) cold.push(ms);
  const child = children.splice(before, 1)[0];
  child.removeAllListeners('exit');
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill();
  });
}
const candorUrl = await startCandor(true);
// Ranking, warm: one request at a time, after a few to warm up.
for (let i = 0; i < 10; i++) await timed(candorUrl + rankingPath);
const warm = [];
for (let i = 0; i < WARM_REQUESTS; i++) warm.push(await timed(candorUrl + rankingPath));
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
    `import Fastify from 'fastify';const app=Fastify({logger:{level:process.env.LOG_LEVEL}});app.get('/',async()=>({hello:'world'}));` +
      `const big=Buffer.from(JSON.stringify({pad:'x'.repeat(Number(process.env.BIG_BYTES)-10)}));` +
      `app.get('/big',(q,r)=>r.type('application/json').send(big));` +
      `const a=await app.listen({port:0,host:'127.0.0.1'});console.log('listening on '+a)`,
  ],
  { BIG_BYTES: String(bodyBytes), LOG_LEVEL: REQUEST_LOG_LEVEL },
);

// Warm both up, then measure each in turn.
await load(helloUrl, { duration: 2 });
await load(`${candorUrl}/api/v1/health`, { duration: 2 });
// Candor and its peers take turns in short rounds, so a change in the machine's load (other
// processes on a shared machine) falls on all of them alike; each figure is the median of its rounds.
const ROUNDS = Math.max(3, Math.round(SECONDS / 2));
const roundSeconds = SECONDS / ROUNDS;
const runs = { hello: [], big: [], scorecards: [] };
for (let round = 0; round < ROUNDS; round++) {
  runs.hello.push(await load(helloUrl, { duration: roundSeconds }));
  runs.big.push(await load(`${helloUrl}/big`, { duration: roundSeconds }));
  runs.scorecards.push(
    await load(`${candorUrl}/api/v1/scorecards/${pick()}`, {
      duration: roundSeconds,
      headers: { authorization: `Bearer ${token}` },
      requests: [{ setupRequest: (req) => ({ ...req, path: `/api/v1/scorecards/${pick()}` }) }],
    }),
  );
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = (results) => ({
  requests: { average: median(results.map((r) => r.requests.average)) },
  latency: { p99: median(results.map((r) => r.latency.p99)) },
  non2xx: results.reduce((n, r) => n + r.non2xx, 0),
  errors: results.reduce((n, r) => n + r.errors, 0),
});
const hello = summary(runs.hello);
const big = summary(runs.big);
const scorecards = summary(runs.scorecards);
/** Candor's share of the constant-body peer, per round: the figure the load changes least. */
const shareOfBig = median(
  runs.scorecards.map((r, i) => r.requests.average / (runs.big[i]?.requests.average ?? Infinity)),
);
for (const [name, r] of [['scorecards', scorecards]]) {
  if (r.non2xx > 0 || r.errors > 0)
    throw new Error(`${name}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
}

const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const rps = scorecards.requests.average;
const helloRps = hello.requests.average;
console.log(
  `\nAPI under load (${fmt(CANDIDATES)} candidates in SQLite, ${reused ? `reused from ${dataDir}` : `seeded in ${fmt(seedSeconds, 1)} s`}; ${CONNECTIONS} connections, ${SECONDS} s each in ${ROUNDS} alternating rounds; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores; request log: pino at level ${REQUEST_LOG_LEVEL} in Candor and its peers alike)\n`,
);
const bigRps = big.requests.average;
const met = (ok) => (ok ? 'met' : 'NOT met');
console.log('| figure | Candor | peer, same run | ratio | goal |');
console.log('|---|---|---|---|---|');
console.log(
  `| GET /api/v1/scorecards/:id (random of ${fmt(CANDIDATES)}, ${fmt(bodyBytes / 1024, 1)} kB JSON, schema enforced, Bearer token) | ${fmt(rps)} req/s | Fastify sending a constant JSON body of the same ${fmt(bodyBytes / 1024, 1)} kB: ${fmt(bigRps)} req/s | ${fmt(100 * shareOfBig, 1)} % (median of ${ROUNDS} rounds) | ≥ 25 % ${met(shareOfBig >= 0.25)} |`,
);
console.log(
  `| same, beside hello-world | ${fmt(rps)} req/s | Fastify hello-world: ${fmt(helloRps)} req/s | ${fmt((100 * rps) / helloRps, 1)} % | — |`,
);
console.log(
  `| p99 latency, scorecards | ${fmt(scorecards.latency.p99, 1)} ms | constant body: ${fmt(big.latency.p99, 1)} ms | ${big.latency.p99 >= 1 ? fmt(scorecards.latency.p99 / big.latency.p99, 1) + '×' : '—'} | < 50 ms ${met(scorecards.latency.p99 < 50)} |`,
);
console.log(
  `| GET /api/v1/jobs/:id/ranking (${fmt(CANDIDATES)} candidates, first page of 200), cold: first request of ${COLD_STARTS} fresh server processes | p95 ${fmt(p95(cold), 1)} ms (max ${fmt(Math.max(...cold), 1)} ms) | — | — | < 100 ms ${met(p95(cold) < 100)} |`,
);
console.log(
  `| same, warm: ${WARM_REQUESTS} requests one at a time | p95 ${fmt(p95(warm), 1)} ms (median ${fmt([...warm].sort((a, b) => a - b)[Math.floor(warm.length / 2)], 1)} ms) | — | — | < 100 ms ${met(p95(warm) < 100)} |`,
);
for (const c of children) c.kill();
