// The adverse-impact audit on 100,000 scored candidates in the embedded SQLite database: the time
// `candor audit` takes to build its report (buildAuditReport: the store's audit rows, then every
// category's rates, impact ratios and tests), beside a peer measured in the same run on the same
// database: one plain SQL SELECT (better-sqlite3, no ORM) that reads the same rows and joins,
// the least any audit must do. Goal (issue 12): under 2 s on SQLite.
// Seeding is fast: one real analysed interview through the store, then its rows cloned in SQL in
// one transaction, each clone with its own score, demographics and decision.
// Run alone after `npm run build`: `node bench/audit.mjs [--candidates N] [--runs R]`.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(path.join(root, 'dist', p));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const CANDIDATES = arg('candidates', 100_000);
const RUNS = arg('runs', 5);
const GOAL_MS = 2000;

const { openStore } = await dist('store/index.js');
const { analyzeFile } = await dist('cli/commands/analyze.js');
const { saveAnalysis } = await dist('cli/commands/save-analysis.js');
const { buildAuditReport } = await dist('audit/index.js');

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'candor-bench-audit-'));
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));

// 1. One real candidate, application, interview, scorecard, decision and demographics.
const seedStart = performance.now();
let store = await openStore({ dataDir });
const ws = await store.workspaces.ensure({ slug: 'bench' });
const job = await store.jobs.create({
  workspaceId: ws.id,
  title: 'Sales Development Representative',
  description: 'SDR',
});
const candidate = await store.candidates.create({ workspaceId: ws.id, name: 'Candidate 0' });
const { application } = await store.applications.findOrCreate({ candidateId: candidate.id, jobId: job.id });
const interview = await store.interviews.create({
  workspaceId: ws.id,
  applicationId: application.id,
  kind: 'live',
});
await saveAnalysis(
  store,
  interview.id,
  await analyzeFile(path.join(root, 'examples', 'interviews', 'priya-strong.vtt'), {
    framework: 'default',
    questions: path.join(root, 'examples', 'questions', 'sdr.yaml'),
    job: path.join(root, 'examples', 'jobs', 'sdr.md'),
  }),
);
const scorecard = await store.scorecards.latestForInterview(interview.id);
const eventId = await store.applications.recordDecision({
  workspaceId: ws.id,
  applicationId: application.id,
  decision: 'advance',
  stage: 'advanced',
  reason: 'bench',
  actor: 'bench',
});
await store.demographics.saveMany(
  ws.id,
  [{ candidateId: candidate.id, sex: 'female', raceEthnicity: 'asian', ageBand: 'under_40' }],
  'bench',
);
await store.close();

// 2. Clone its rows N - 1 times in one transaction. Every column holding one of the template's ids
// gets `_<n>` appended; the score, demographics and decision vary with n.
const db = new Database(path.join(dataDir, 'candor.db'));
db.pragma('foreign_keys = OFF');
const ids = [candidate.id, application.id, interview.id, scorecard.id, eventId];
const SEX = `CASE n % 10 WHEN 9 THEN 'declined' ELSE (CASE n % 2 WHEN 0 THEN 'female' ELSE 'male' END) END`;
const RACE = `CASE n % 5 WHEN 0 THEN 'white' WHEN 1 THEN 'black_or_african_american' WHEN 2 THEN 'hispanic_or_latino' WHEN 3 THEN 'asian' ELSE 'two_or_more_races' END`;
const AGE = `CASE n % 3 WHEN 0 THEN '40_or_over' ELSE 'under_40' END`;
/** Scores 20–99, a little lower for one group so the audit has something to find. */
const SCORE = `(20 + ((n * 2654435761) / 4096) % 80 - CASE n % 5 WHEN 1 THEN 6 ELSE 0 END)`;
const overrides = {
  scorecard_summary: { overall_score: SCORE },
  candidate_demographics: { sex: SEX, race_ethnicity: RACE, age_band: AGE },
  candidate: { name: `'Candidate ' || n` },
};
/** Advanced: about one in three, fewer in one race group. */
const eventWhere = `((n * 2246822519) / 4096) % 100 < CASE n % 5 WHEN 1 THEN 24 ELSE 34 END`;
const clone = (table, key, where = '1') => {
  const template = db
    .prepare(`SELECT * FROM ${table} WHERE ${key} = ?`)
    .get(ids.find((id) => db.prepare(`SELECT 1 FROM ${table} WHERE ${key} = ?`).get(id)));
  if (template === undefined) throw new Error(`no template row in ${table}`);
  const columns = Object.keys(template);
  const exprs = columns.map((c) => {
    const override = overrides[table]?.[c];
    if (override !== undefined) return override;
    return ids.includes(template[c]) ? `"${c}" || '_' || n` : `"${c}"`;
  });
  db.prepare(
    `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ${CANDIDATES - 1})
     INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')})
     SELECT ${exprs.join(', ')} FROM ${table}, seq WHERE ${key} = ? AND ${where}`,
  ).run(template[key]);
};
db.transaction(() => {
  clone('candidate', 'id');
  clone('application', 'id');
  clone('interview', 'id');
  clone('scorecard', 'id');
  clone('scorecard_summary', 'scorecard_id');
  clone('pipeline_event', 'id', eventWhere);
  clone('candidate_demographics', 'candidate_id');
})();
const counted = db.prepare('SELECT count(*) AS n FROM scorecard_summary').get().n;
const seedSeconds = (performance.now() - seedStart) / 1000;

// 3. The peer: one plain SELECT of the same rows (applications, demographics, latest score, decision).
const peerSql = `
  SELECT a.id, a.candidate_id, a.created_at, g.sex, g.race_ethnicity, g.age_band,
         (SELECT s.overall_score FROM scorecard_summary s WHERE s.application_id = a.id
           ORDER BY s.created_at DESC, s.scorecard_id DESC LIMIT 1) AS score,
         EXISTS (SELECT 1 FROM pipeline_event e WHERE e.application_id = a.id AND e.kind = 'decision'
           AND json_extract(e.payload, '$.decision') = 'advance') AS advanced
  FROM application a JOIN candidate c ON c.id = a.candidate_id
  LEFT JOIN candidate_demographics g ON g.candidate_id = a.candidate_id
  WHERE c.workspace_id = ? ORDER BY a.created_at, a.id`;
const peer = db.prepare(peerSql);

store = await openStore({ dataDir });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const auditMs = [];
const peerMs = [];
let report;
let peerRows = 0;
// Alternating rounds, so neither side gets a warmer cache; the first round of each is a warm-up.
for (let round = 0; round <= RUNS; round++) {
  let t = performance.now();
  report = await buildAuditReport(store, { workspaceId: ws.id });
  const a = performance.now() - t;
  t = performance.now();
  peerRows = peer.all(ws.id).length;
  const p = performance.now() - t;
  if (round > 0) {
    auditMs.push(a);
    peerMs.push(p);
  }
}
await store.close();
db.close();

const audit = median(auditMs);
const plain = median(peerMs);
const flagged = report.categories.flatMap((c) => c.flagged.map((g) => `${c.category}:${g}`));
console.log(
  `\nAdverse-impact audit (${CANDIDATES.toLocaleString('en')} scored candidates in SQLite, seeded in ${seedSeconds.toFixed(1)} s; median of ${RUNS} runs after a warm-up; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)})`,
);
console.log(
  `  audited ${report.total.toLocaleString('en')} applications, ${report.scored.toLocaleString('en')} scored (${counted.toLocaleString('en')} scorecards), ${report.advanced.toLocaleString('en')} advanced; flagged: ${flagged.join(', ') || 'none'}`,
);
console.log(`  candor audit (buildAuditReport)       ${audit.toFixed(0).padStart(6)} ms`);
console.log(
  `  peer: plain SELECT of the same rows   ${plain.toFixed(0).padStart(6)} ms  (${peerRows.toLocaleString('en')} rows)`,
);
console.log(`  ratio audit / peer                    ${(audit / plain).toFixed(2).padStart(6)} ×`);
console.log(
  `  goal: under 2 s on SQLite             ${audit < GOAL_MS ? 'met' : 'NOT MET'} (${(audit / 1000).toFixed(2)} s)`,
);
if (report.total !== CANDIDATES || peerRows !== CANDIDATES) {
  console.error(`expected ${CANDIDATES} rows, got audit ${report.total}, peer ${peerRows}`);
  process.exit(1);
}
if (audit >= GOAL_MS) process.exit(1);
