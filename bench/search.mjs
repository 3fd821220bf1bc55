// Full-text search (issue 16 part 3) over an embedded SQLite database of 100,000 interviews, each
// 10–30 consecutive real speaker turns of the QMSum meetings (bench/lib/meeting-interviews.mjs,
// seeded). Measures:
//   1. indexing throughput in interviews per minute, on two write paths, each beside the same
//      writes into a database without the search index (its triggers dropped):
//      - bulk: rows written straight into the tables, 500 interviews per transaction, the path a
//        batch import would take (the full build is timed too);
//      - store: `interviews.create` + `analyses.save` + `knowledge.replaceTags` per interview, the
//        path the pipeline takes;
//   2. search latency p50/p95 (`store.search.search`, the page of 20 interviews with snippets and
//      the total) over fixed realistic queries, without and with filters, beside the raw FTS5 MATCH
//      of the same query over the same rows in the same run: the first 20 segments by rank, and the
//      count of every match (the work an exact total needs), and the first read of store.search on
//      SQLite: the LATEST_SEGMENTS matching rows stored last, with their bm25; with filters, that
//      first read with the filters' facet tokens (migration 0026). Filters: kind, dates, speaker,
//      job, candidate, account, topic and competitor (tags from a stand-in for the tagger, tagsOf).
// Goals (issue 16): p95 under 50 ms; at least 1,000 interviews indexed per minute.
// Run with `npm run bench` (builds first), or alone after `npm run build`:
// `node bench/search.mjs [--quick] [--interviews N]` (--quick: 10,000 interviews). The built
// database is kept in the temp folder under a name with CORPUS_VERSION and the size, and reused.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { interviewSampler, loadMeetings, seededRandom } from './lib/meeting-interviews.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(path.join(root, 'dist', p));
const { openStore, parseSearchQuery } = await dist('store/index.js');
const { searchFacets, toFts5Match } = await dist('store/search-query.js');
const { LATEST_SEGMENTS } = await dist('store/repositories/search.js');
const { DEFAULT_TOPICS } = await dist('knowledge/tagging/index.js');
const { stem } = await dist('knowledge/tagging/stems.js');
const { nameSortKey } = await dist('store/name-key.js');

/** Bump when the sampled corpus or the way it is written changes: a kept database is rebuilt. */
const CORPUS_VERSION = 2;
const SEED = 16_003;
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const INTERVIEWS = arg('interviews', process.argv.includes('--quick') ? 10_000 : 100_000);
/** Interviews per write for the throughput comparisons on fresh databases. */
const BULK_SAMPLE = 5_000;
const STORE_SAMPLE = 1_000;
const BATCH = 500;
const REPEATS = 15;
const FILTERED_REPEATS = 3;
const KINDS = ['live', 'async', 'customer', 'exit', 'research', 'practice'];
const DAY_MS = 86_400_000;
const EPOCH = Date.parse('2025-01-01T00:00:00.000Z');

/** The starting taxonomy's topics, each with the stems of its name and synonyms. */
const TOPICS = DEFAULT_TOPICS.map((t) => ({
  name: t.name,
  keys: [t.name, ...t.synonyms].map((phrase) => ` ${words(phrase).map(stem).join(' ')} `),
}));
/** Organisations the meetings name, tracked as competitors. */
const COMPETITORS = ['Apple', 'IBM', 'Philips', 'Nokia', 'Sony', 'Microsoft', 'Google'];
function words(text) {
  return text
    .toLowerCase()
    .split(/[^a-z0-9']+/)
    .filter(Boolean);
}

const meetings = loadMeetings();
// Latency on a shared machine depends on what else runs: the load average is printed with the figures.
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
console.log(`${os.cpus().length} cores, load average ${load()} at the start`);
const cacheDir = path.join(os.tmpdir(), `candor-bench-search-v${CORPUS_VERSION}-${INTERVIEWS}`);
const builtFile = path.join(cacheDir, 'built.json');

// 1. The database: built once per version and size, then reused.
let built;
if (existsSync(builtFile)) {
  built = JSON.parse(readFileSync(builtFile, 'utf8'));
  // Opening runs any migration newer than the kept database.
  await (await openStore({ dataDir: cacheDir })).close();
  console.log(`Reusing ${cacheDir} (built ${built.builtAt}).`);
} else {
  rmSync(cacheDir, { recursive: true, force: true });
  console.log(`Building ${INTERVIEWS.toLocaleString('en')} interviews in ${cacheDir} …`);
  const store = await openStore({ dataDir: cacheDir });
  const started = performance.now();
  const shape = await bulkWrite(store, INTERVIEWS, SEED, true);
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  built = { ...shape, seconds, perMinute: (INTERVIEWS / seconds) * 60, builtAt: new Date().toISOString() };
  writeFileSync(builtFile, JSON.stringify(built));
}

/**
 * An interview's topic and competitor tags, one per label at its first segment: a topic where
 * its name or a synonym occurs (by word stem, as the tagger matches), a competitor where its name
 * occurs capitalised. A cheap stand-in for `tagTranscript` (which reads about 1,000 segments a
 * second): the filters need which interviews carry a label, not every mention.
 */
function tagsOf(turns) {
  const found = new Map();
  turns.forEach((turn, position) => {
    const stems = ` ${words(turn.text).map(stem).join(' ')} `;
    for (const topic of TOPICS) {
      const key = `topic:${topic.name}`;
      if (!found.has(key) && topic.keys.some((k) => stems.includes(k)))
        found.set(key, { kind: 'topic', label: topic.name, position, speaker: turn.speaker });
    }
    for (const name of COMPETITORS) {
      const key = `competitor:${name}`;
      if (!found.has(key) && new RegExp(`\\b${name}\\b`).test(turn.text))
        found.set(key, { kind: 'competitor', label: name, position, speaker: turn.speaker });
    }
  });
  return [...found.values()];
}

/**
 * Writes `count` interviews straight into the tables, BATCH per transaction: one workspace in ten
 * interviews goes to a second workspace; live and async interviews get a candidate and an
 * application to one of 20 jobs, customer interviews one of 200 accounts; dates spread over two
 * years; topic and competitor tags from `tagsOf`, written before the segments (as a batch
 * import can), so the segments are indexed with their facets once.
 */
async function bulkWrite(store, count, seed, log) {
  const ws = await store.workspaces.ensure({ slug: 'bench-search', name: 'Search bench' });
  const other = await store.workspaces.ensure({ slug: 'bench-search-other', name: 'Other' });
  const jobIds = [];
  for (let j = 0; j < 20; j++) {
    const job = await store.jobs.create({ workspaceId: ws.id, title: `Job ${j}`, description: '' });
    jobIds.push(job.id);
  }
  const otherJob = await store.jobs.create({ workspaceId: other.id, title: 'Other job', description: '' });
  const next = interviewSampler(meetings, seed);
  const random = seededRandom(seed + 1);
  const candidateIds = [];
  let segmentCount = 0;
  for (let start = 0; start < count; start += BATCH) {
    const candidates = [];
    const applications = [];
    const interviews = [];
    const segments = [];
    const tags = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const { meeting, turns } = next();
      const workspaceId = i % 10 === 9 ? other.id : ws.id;
      const kind = KINDS[Math.floor(random() * KINDS.length)];
      const createdAt = new Date(EPOCH + Math.floor(random() * 730 * DAY_MS)).toISOString();
      const id = `intv_b${seed}_${i}`;
      let applicationId = null;
      if (kind === 'live' || kind === 'async') {
        const candidateId = `cand_b${seed}_${i}`;
        applicationId = `app_b${seed}_${i}`;
        const jobId = workspaceId === ws.id ? jobIds[Math.floor(random() * jobIds.length)] : otherJob.id;
        candidates.push({
          id: candidateId,
          workspace_id: workspaceId,
          name: `Candidate ${i}`,
          created_at: createdAt,
        });
        applications.push({
          id: applicationId,
          candidate_id: candidateId,
          job_id: jobId,
          created_at: createdAt,
          updated_at: createdAt,
        });
        if (workspaceId === ws.id && candidateIds.length < 50) candidateIds.push(candidateId);
      }
      interviews.push({
        id,
        workspace_id: workspaceId,
        application_id: applicationId,
        kind,
        title: meeting,
        account: kind === 'customer' ? `Account ${Math.floor(random() * 200)}` : null,
        created_at: createdAt,
      });
      for (const [n, tag] of tagsOf(turns).entries()) {
        tags.push({
          id: `ktag_b${seed}_${i}_${n}`,
          workspace_id: workspaceId,
          interview_id: id,
          kind: tag.kind,
          label: tag.label,
          label_key: nameSortKey(tag.label),
          quote: turns[tag.position].text.slice(0, 200),
          speaker: tag.speaker,
          segment_position: tag.position,
          occurred_at: createdAt,
          created_at: createdAt,
        });
      }
      let at = 0;
      turns.forEach((turn, position) => {
        // About 2.5 words a second, for plausible times.
        const seconds = turn.text.split(' ').length / 2.5;
        segments.push({
          id: `seg_b${seed}_${i}_${position}`,
          interview_id: id,
          position,
          speaker: turn.speaker,
          start_s: at,
          end_s: at + seconds,
          text: turn.text,
        });
        at += seconds + 0.5;
      });
    }
    await store.db.transaction().execute(async (trx) => {
      if (candidates.length > 0) await trx.insertInto('candidate').values(candidates).execute();
      if (applications.length > 0) await trx.insertInto('application').values(applications).execute();
      await trx.insertInto('interview').values(interviews).execute();
      for (let t = 0; t < tags.length; t += 1_000)
        await trx
          .insertInto('knowledge_tag')
          .values(tags.slice(t, t + 1_000))
          .execute();
      for (let s = 0; s < segments.length; s += BATCH)
        await trx
          .insertInto('transcript_segment')
          .values(segments.slice(s, s + BATCH))
          .execute();
    });
    segmentCount += segments.length;
    if (log && (start + BATCH) % 10_000 === 0) process.stderr.write(`  ${start + BATCH} interviews\n`);
  }
  return { workspaceId: ws.id, otherWorkspaceId: other.id, jobIds, candidateIds, segments: segmentCount };
}

/** Drops every trigger that writes to the search index (migrations 0022 and 0026). */
async function dropIndex(store) {
  const { rows } = await sql`select name from sqlite_master
    where type = 'trigger' and sql like '%transcript_segment_fts%'`.execute(store.db);
  for (const { name } of rows) await sql.raw(`drop trigger "${name}"`).execute(store.db);
}

/** A fresh database in a temp folder, with or without the search index; removed after `work`. */
async function onFreshStore(indexed, work) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'candor-bench-search-fresh-'));
  const store = await openStore({ dataDir });
  try {
    if (!indexed) await dropIndex(store);
    return await work(store);
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const scorecardBody = {
  engine: { name: 'candor', version: '0.1.0' },
  framework: { id: 'customer-facing', version: '1', name: 'Customer-facing' },
  input: {
    file: null,
    format: 'text',
    kind: 'research',
    sha256: null,
    candidate: null,
    responses: 0,
    words: 0,
    durationSeconds: null,
  },
  job: null,
  overall: { score: null, confidence: 0 },
  strengths: [],
  gaps: [],
  nextStep: { competency: null, question: '', reason: 'none' },
  competencies: [],
  responses: [],
};

/**
 * Interviews per minute through `interviews.create` + `analyses.save` + `knowledge.replaceTags`,
 * one interview at a time.
 */
async function storePathRate(store) {
  const ws = await store.workspaces.ensure({ slug: 'bench-store-path', name: 'Store path' });
  const next = interviewSampler(meetings, SEED + 7);
  const started = performance.now();
  for (let i = 0; i < STORE_SAMPLE; i++) {
    const { turns } = next();
    const interview = await store.interviews.create({ workspaceId: ws.id, kind: 'research' });
    await store.analyses.save({
      interviewId: interview.id,
      responses: [],
      segments: turns.map((t, k) => ({ speaker: t.speaker, text: t.text, start: k * 5, end: k * 5 + 4 })),
      signals: [],
      scorecard: {
        frameworkId: 'customer-facing',
        frameworkVersion: '1',
        engineVersion: '0.1.0',
        overallScore: null,
        contentHash: `sha256:${i}`,
        body: scorecardBody,
      },
    });
    // Tags after the transcript, as the pipeline writes them: each new label re-indexes the
    // interview's segments with their new facets (migration 0026).
    await store.knowledge.replaceTags(
      interview.id,
      tagsOf(turns).map((tag) => ({
        kind: tag.kind,
        label: tag.label,
        refId: null,
        quote: turns[tag.position].text.slice(0, 200),
        speaker: tag.speaker,
        startS: tag.position * 5,
        endS: tag.position * 5 + 4,
        segmentPosition: tag.position,
        endPosition: null,
        sentiment: null,
        detail: null,
      })),
    );
  }
  return (STORE_SAMPLE / ((performance.now() - started) / 1000)) * 60;
}

async function bulkRate(store) {
  const started = performance.now();
  await bulkWrite(store, BULK_SAMPLE, SEED + 3, false);
  return (BULK_SAMPLE / ((performance.now() - started) / 1000)) * 60;
}

console.log('\nIndexing throughput (fresh databases; interviews per minute)');
const rates = {
  bulkIndexed: await onFreshStore(true, bulkRate),
  bulkPlain: await onFreshStore(false, bulkRate),
  storeIndexed: await onFreshStore(true, storePathRate),
  storePlain: await onFreshStore(false, storePathRate),
};
const fmt = (n) => Math.round(n).toLocaleString('en');
const rateRows = [
  ['bulk, 500 per transaction', BULK_SAMPLE, rates.bulkIndexed, rates.bulkPlain],
  ['store: create, save, tags', STORE_SAMPLE, rates.storeIndexed, rates.storePlain],
];
console.log('path                             interviews  with index  without index  ratio');
for (const [name, n, indexed, plain] of rateRows) {
  console.log(
    `${name.padEnd(32)} ${String(n).padStart(10)}  ${fmt(indexed).padStart(10)}  ${fmt(plain).padStart(13)}  ${(indexed / plain).toFixed(2)}`,
  );
}
console.log(
  `full build, bulk path: ${INTERVIEWS.toLocaleString('en')} interviews, ${built.segments.toLocaleString('en')} segments in ${built.seconds.toFixed(0)} s = ${fmt(built.perMinute)} interviews/min (at build time ${built.builtAt})`,
);

// 2. Latency.
const QUERIES = [
  'budget',
  'remote control',
  '"battery life"',
  'design OR prototype',
  'speech recogn*',
  'funding -grant',
  '"user interface"',
  'pandemic vaccine',
  'marketing strategy',
  'evaluation results',
  'neural net*',
  'petition',
  'price OR cost -budget',
  'transcription',
  '"health care" workers',
  'yeah',
];
const FILTERS = [
  ['kind live', { kinds: ['live'] }],
  ['three months', { from: '2025-04-01', to: '2025-06-30' }],
  ['speaker', { speaker: 'Project Manager' }],
  ['job', { jobId: built.jobIds[3] }],
  ['candidate', { candidateId: built.candidateIds[7] }],
  ['kinds + date', { kinds: ['research', 'customer'], from: '2025-09-01' }],
  ['account', { account: 'Account 17' }],
  ['topic', { topic: 'pricing' }],
  ['topic, rare', { topic: 'security' }],
  ['competitor', { competitor: 'Nokia' }],
  ['topic + kind', { topic: 'onboarding', kinds: ['customer', 'exit'] }],
];

const store = await openStore({ dataDir: cacheDir });
const raw = new Database(path.join(cacheDir, 'candor.db'), { readonly: true });
const rawTop = raw.prepare(
  'select rowid, bm25(transcript_segment_fts, 1.0, 0.0) as score from transcript_segment_fts where transcript_segment_fts match ? order by score limit 20',
);
const rawLatest = raw.prepare(
  `select rowid, bm25(transcript_segment_fts, 1.0, 0.0) from transcript_segment_fts where transcript_segment_fts match ? order by rowid desc limit ${LATEST_SEGMENTS}`,
);
const rawCount = raw.prepare(
  'select count(*) as n from transcript_segment_fts where transcript_segment_fts match ?',
);

const timed = async (fn) => {
  const t = performance.now();
  const value = await fn();
  return [performance.now() - t, value];
};
const pct = (values, p) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const search = (query, filters) => store.search.search(built.workspaceId, query, filters);

const all = { store: [], top: [], latest: [], count: [], filtered: [] };
console.log(`\nSearch latency, warm, ${REPEATS} runs per query after one warm-up (ms)`);
console.log(
  `query                      matches  interviews  search p50  raw top-20 p50  raw latest-${LATEST_SEGMENTS} p50  raw count p50  ratio to top-20`,
);
for (const query of QUERIES) {
  const fts = toFts5Match(parseSearchQuery(query));
  const [, first] = await timed(() => search(query));
  rawTop.all(fts);
  const matches = rawCount.get(fts).n;
  rawLatest.all(fts);
  const times = { store: [], top: [], latest: [], count: [] };
  for (let r = 0; r < REPEATS; r++) {
    times.store.push((await timed(() => search(query)))[0]);
    times.top.push((await timed(() => rawTop.all(fts)))[0]);
    times.latest.push((await timed(() => rawLatest.all(fts)))[0]);
    times.count.push((await timed(() => rawCount.get(fts)))[0]);
  }
  for (const k of Object.keys(times)) all[k].push(...times[k]);
  const p50 = (k) => pct(times[k], 50);
  console.log(
    `${query.padEnd(26)} ${String(matches).padStart(7)}  ${`${first.totalIsExact ? '' : '≥'}${first.total}`.padStart(10)}  ${p50('store').toFixed(2).padStart(10)}  ${p50('top').toFixed(2).padStart(14)}  ${p50('latest').toFixed(2).padStart(19)}  ${p50('count').toFixed(2).padStart(13)}  ${(p50('store') / p50('top')).toFixed(1).padStart(15)}`,
  );
}

// The filters that are facet tokens in the index (migration 0026), as store.search gives them.
const facetsOf = (f) =>
  searchFacets({
    jobId: f.jobId,
    candidateId: f.candidateId,
    account: f.account,
    speaker: f.speaker,
    topicKey: f.topic === undefined ? undefined : nameSortKey(f.topic),
    competitorKey: f.competitor === undefined ? undefined : nameSortKey(f.competitor),
  });
console.log(`\nWith filters (${FILTERED_REPEATS} runs of every query per filter, ms)`);
console.log(
  `filter          segments left  search p50  search p95  raw latest-${LATEST_SEGMENTS} with facets p50  ratio`,
);
for (const [name, filters] of FILTERS) {
  const times = [];
  const rawTimes = [];
  const facets = facetsOf(filters);
  const left =
    facets.length === 0
      ? 'all'
      : raw
          .prepare('select count(*) as n from transcript_segment_fts where transcript_segment_fts match ?')
          .get(facets.map((f) => `facets : "${f}"`).join(' AND '))
          .n.toLocaleString('en');
  for (const query of QUERIES) {
    const fts = toFts5Match(parseSearchQuery(query), facets);
    await search(query, filters);
    rawLatest.all(fts);
    for (let r = 0; r < FILTERED_REPEATS; r++) {
      times.push((await timed(() => search(query, filters)))[0]);
      rawTimes.push((await timed(() => rawLatest.all(fts)))[0]);
    }
  }
  all.filtered.push(...times);
  console.log(
    `${name.padEnd(14)} ${left.padStart(14)} ${pct(times, 50).toFixed(2).padStart(11)} ${pct(times, 95).toFixed(2).padStart(11)}  ${pct(rawTimes, 50).toFixed(2).padStart(31)}  ${(pct(times, 50) / pct(rawTimes, 50)).toFixed(1).padStart(5)}`,
  );
}

const line = (name, values) =>
  `${name.padEnd(40)} ${pct(values, 50).toFixed(2).padStart(8)} ${pct(values, 95).toFixed(2).padStart(8)}`;
console.log(`\nSummary over ${INTERVIEWS.toLocaleString('en')} interviews (ms)      p50      p95`);
console.log(line('store.search, no filter', all.store));
console.log(line('store.search, filtered', all.filtered));
console.log(line('raw FTS5 MATCH, top 20 by rank', all.top));
console.log(line(`raw FTS5 MATCH, latest ${LATEST_SEGMENTS} with rank`, all.latest));
console.log(line('raw FTS5 MATCH, count of every match', all.count));
console.log(
  `ratio store.search / raw top 20: p50 ${(pct(all.store, 50) / pct(all.top, 50)).toFixed(1)}, p95 ${(pct(all.store, 95) / pct(all.top, 95)).toFixed(1)}; / raw count: p50 ${(pct(all.store, 50) / pct(all.count, 50)).toFixed(1)}, p95 ${(pct(all.store, 95) / pct(all.count, 95)).toFixed(1)}`,
);
const p95 = Math.max(pct(all.store, 95), pct(all.filtered, 95));
const slowest = Math.min(rates.bulkIndexed, rates.storeIndexed);
console.log(`goal p95 < 50 ms: ${p95.toFixed(1)} ms ${p95 < 50 ? 'met' : 'MISSED'}`);
console.log(
  `goal ≥ 1,000 interviews indexed per minute: ${fmt(slowest)} on the slower path ${slowest >= 1000 ? 'met' : 'MISSED'}`,
);
console.log(`load average ${load()} at the end`);
raw.close();
await store.close();
