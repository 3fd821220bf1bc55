// The server while it analyses: `GET /api/v1/health` latency over HTTP while the worker analyses a
// transcript at the size limit (CANDOR_TRANSCRIPT_LIMIT_KB, default 1024 KB), against the same
// request on the idle server, in the same run. Two ways of running the worker:
//   thread: `startWorkerThread` (what `candor serve` does: analysis in a worker thread);
//   main:   `startWorker` in-process (the peer: analysis on the thread that serves HTTP).
// Goal (issue 10): with the thread, busy/idle p50 ratio near 1 and no request over 2 s.
// Run with `npm run bench` (builds first), or alone: `node bench/health-while-analysing.mjs`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(path.join(root, 'dist', p));
const { openStore } = await dist('store/index.js');
const { buildApp } = await dist('server/app.js');
const { loadServerConfig } = await dist('server/config.js');
const { DEFAULT_INPUT_LIMITS, writeTranscriptText } = await dist('pipeline/index.js');
const { analysisTask, startWorker, startWorkerThread } = await dist('server/worker/index.js');

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'candor-bench-health-'));
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
const quiet = { info: () => undefined, error: () => undefined };

/** priya-strong.vtt's cues repeated later in time, up to `bytes` bytes. */
function longTranscript(bytes) {
  const text = readFileSync(path.join(root, 'examples', 'interviews', 'priya-strong.vtt'), 'utf8');
  const cues = text
    .split(/\n\n+/)
    .slice(1)
    .map((b) => b.split('\n'))
    .filter((l) => l.length >= 3 && l[1].includes('-->'));
  const seconds = (t) => t.split(':').reduce((a, p) => a * 60 + Number(p), 0);
  const stamp = (s) =>
    `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${(s % 60).toFixed(3).padStart(6, '0')}`;
  const parts = ['WEBVTT\n'];
  let size = parts[0].length;
  for (let round = 0, n = 0; ; round++) {
    for (const [, times, ...lines] of cues) {
      const [from, to] = times.split(' --> ').map((t) => seconds(t) + round * 730);
      const cue = `\n${++n}\n${stamp(from)} --> ${stamp(to)}\n${lines.join('\n')}\n`;
      if (size + Buffer.byteLength(cue) > bytes) return parts.join('');
      parts.push(cue);
      size += Buffer.byteLength(cue);
    }
  }
}

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

// The client runs in its own thread, so it keeps asking even when the server's thread is frozen.
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
let stop = false;
parentPort.once('message', () => { stop = true; });
(async () => {
  const times = [];
  while (!stop && times.length < workerData.max) {
    const start = performance.now();
    const res = await fetch(workerData.url);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error('health answered ' + res.status);
    times.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, 20));
  }
  parentPort.postMessage(times);
})();
`;

/** Starts asking `url` about every 20 ms; `done()` stops and gives the latencies. */
function probe(url, max = Infinity) {
  const thread = new Worker(PROBE, { eval: true, workerData: { url, max } });
  const result = new Promise((resolve, reject) => {
    thread.once('message', resolve);
    thread.once('error', reject);
  });
  return {
    result,
    done: async () => {
      thread.postMessage('stop');
      const times = await result;
      await thread.terminate();
      return times;
    },
  };
}

async function measure(mode, text) {
  const store = await openStore({ dataDir });
  const config = {
    ...loadServerConfig({ CANDOR_SECRET: 'b'.repeat(32), CANDOR_LOG_LEVEL: 'silent' }, { dataDir }),
    runWorker: false,
  };
  const app = await buildApp({ store, config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${app.server.address().port}/api/v1/health`;

  const ws = await store.workspaces.ensure({ slug: `bench-${mode}` });
  const job = await store.jobs.create({
    workspaceId: ws.id,
    title: 'Sales Development Representative',
    description: 'Prospect new accounts and book meetings.',
    skills: [],
    frameworkId: null,
    questionSetId: null,
  });
  const candidate = await store.candidates.create({ workspaceId: ws.id, name: 'Priya Raman' });
  const { application } = await store.applications.findOrCreate({ candidateId: candidate.id, jobId: job.id });
  const interview = await store.interviews.create({
    workspaceId: ws.id,
    applicationId: application.id,
    kind: 'live',
  });
  await writeTranscriptText(config.mediaDir, interview, text);

  await probe(url, 10).result; // warm-up
  const idle = await probe(url, 50).result;

  const options = { store, config, pollMs: 20, logger: quiet };
  const worker =
    mode === 'thread'
      ? startWorkerThread({ ...options, store: { dataDir }, queue: store.queue })
      : startWorker(options);
  const started = performance.now();
  const task = await store.queue.enqueue(analysisTask(interview));
  let client = null;
  for (;;) {
    const t = await store.queue.get(task.id);
    if (t.status === 'done' || t.status === 'failed') {
      if (t.status === 'failed') throw new Error(`analysis failed: ${t.lastError}`);
      break;
    }
    if (t.status === 'running') client ??= probe(url);
    await new Promise((r) => setTimeout(r, 20));
  }
  const busy = client === null ? [] : await client.done();
  const analysisMs = performance.now() - started;
  await worker.stop();
  await app.close();
  await store.close();
  return { mode, idle, busy, analysisMs };
}

const text = longTranscript(DEFAULT_INPUT_LIMITS.transcriptBytes);
console.log(
  `GET /api/v1/health while analysing a ${Math.round(Buffer.byteLength(text) / 1024)} KB transcript (over HTTP, ms)`,
);
const rows = [];
for (const mode of ['thread', 'main']) rows.push(await measure(mode, text));
console.log('worker   analysis  idle p50  busy p50  busy p99  busy max  samples  ratio p50 busy/idle');
for (const r of rows) {
  const ratio = pct(r.busy, 50) / Math.max(pct(r.idle, 50), 0.01);
  console.log(
    [
      r.mode.padEnd(7),
      `${(r.analysisMs / 1000).toFixed(1)} s`.padStart(9),
      pct(r.idle, 50).toFixed(1).padStart(9),
      pct(r.busy, 50).toFixed(1).padStart(9),
      pct(r.busy, 99).toFixed(1).padStart(9),
      Math.max(...r.busy)
        .toFixed(1)
        .padStart(9),
      String(r.busy.length).padStart(8),
      ratio.toFixed(1).padStart(10),
    ].join(' '),
  );
}
const [thread, main] = rows;
console.log(
  `Thread vs main-thread peer: busy p50 ${pct(thread.busy, 50).toFixed(1)} ms vs ${pct(main.busy, 50).toFixed(1)} ms; ` +
    `worst ${Math.max(...thread.busy).toFixed(0)} ms vs ${Math.max(...main.busy).toFixed(0)} ms`,
);
