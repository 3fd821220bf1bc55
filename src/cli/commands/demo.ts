import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadQuestionSet, readJobFile, type AnalysisResult } from '../../assessment/index.js';
import { CandorError, loadConfig, packageRoot } from '../../core/index.js';
import { openStore, type RankedScorecard, type Store } from '../../store/index.js';
import { frameworkFor } from '../context.js';
import { formatTime } from '../render.js';
import { analyzeFile } from './analyze.js';
import { saveAnalysis } from './save-analysis.js';

export interface DemoOptions {
  readonly json: boolean;
  readonly dataDir?: string;
}

interface DemoRow {
  readonly rank: number;
  readonly candidate: string;
  readonly overall: number | null;
  readonly confidence: number;
  readonly strengths: string[];
  readonly gaps: string[];
  readonly words: number;
  readonly duration: number | null;
  readonly file: string | null;
}

/** Slug of the workspace the demo seeds. */
export const DEMO_WORKSPACE = 'demo';
const FOOTER =
  '\nScores are recommendations; a person decides. See one in full:\n' +
  '  npx candor analyze examples/interviews/priya-strong.vtt --job examples/jobs/sdr.md --questions examples/questions/sdr.yaml\n';

interface DemoJob {
  readonly slug: string;
  readonly jobFile: string;
  /** Question set id or file. */
  readonly questions: string;
  readonly inputs: readonly string[];
}

export interface JobSummary {
  readonly job: string;
  readonly ranking: DemoRow[];
  readonly failed: { file: string; error: string }[];
}

/**
 * Seeds the embedded database with the example job and interviews, analyses every interview,
 * stores the results and prints the candidates ranked by overall fit. Safe to run again: the
 * demo's own records are replaced, nothing else is touched.
 */
export async function runDemo(options: DemoOptions): Promise<void> {
  const config = loadConfig(
    options.dataDir ? { ...process.env, CANDOR_DATA_DIR: options.dataDir } : process.env,
  );
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    const where =
      store.kind === 'sqlite' ? path.join(config.dataDir, 'candor.db') : 'PostgreSQL (DATABASE_URL)';
    progress(`Candor demo: seeding ${where}`);
    const summaries = await seedDemo(store, progress);
    process.stdout.write(
      options.json
        ? JSON.stringify(summaries, null, 2) + '\n'
        : summaries.map(renderRanking).join('') + FOOTER,
    );
  } finally {
    await store.close();
  }
}

/**
 * Seeds the `demo` workspace with the example jobs and their analysed interviews, replacing the
 * demo's own records from an earlier run; returns each job's ranking.
 *
 * @example const summaries = await seedDemo(store, (line) => console.error(line))
 */
export async function seedDemo(store: Store, onProgress: (line: string) => void): Promise<JobSummary[]> {
  const examples = path.join(packageRoot(), 'examples');
  const jobs: DemoJob[] = [
    {
      slug: 'sdr',
      jobFile: path.join(examples, 'jobs', 'sdr.md'),
      questions: path.join(examples, 'questions', 'sdr.yaml'),
      inputs: readdirSync(path.join(examples, 'interviews'))
        .sort()
        .map((f) => path.join(examples, 'interviews', f)),
    },
    {
      slug: 'support-lead',
      jobFile: path.join(examples, 'jobs', 'support-lead.md'),
      questions: 'default',
      inputs: [path.join(examples, 'answers')],
    },
  ];
  const total = jobs.reduce((n, j) => n + j.inputs.length, 0);
  const summaries: JobSummary[] = [];
  let done = 0;
  for (const job of jobs) {
    const jobId = await seedJob(store, job);
    const failed: { file: string; error: string }[] = [];
    for (const file of job.inputs) {
      const name = path.relative(examples, file);
      onProgress(`  [${++done}/${total}] analysing ${name}`);
      try {
        const result = await analyzeFile(file, {
          job: job.jobFile,
          framework: 'default',
          questions: job.questions,
        });
        await storeResult(store, jobId, file, result);
      } catch (error) {
        if (!(error instanceof CandorError)) throw error;
        failed.push({ file: name, error: error.message });
      }
    }
    summaries.push({
      job: (await store.jobs.get(jobId)).title,
      ranking: rankingRows(await store.scorecards.rankForJob(jobId)),
      failed,
    });
  }
  return summaries;
}

/** A question set named by a path (the example's own), not by a built-in id. */
function isFileReference(ref: string): boolean {
  return /[\\/]|\.(ya?ml|json)$/i.test(ref);
}

function rankingRows(ranked: readonly RankedScorecard[]): DemoRow[] {
  return ranked.map((r, i) => {
    const card = r.body as AnalysisResult['scorecard'];
    return {
      rank: i + 1,
      candidate: r.candidateName,
      overall: r.overallScore,
      confidence: card.overall.confidence,
      strengths: card.strengths.map((s) => s.name),
      gaps: card.gaps.map((s) => s.name),
      words: card.input.words,
      duration: card.input.durationSeconds,
      file: card.input.file,
    };
  });
}

async function seedJob(store: Store, { slug, jobFile, questions: questionsRef }: DemoJob): Promise<string> {
  const ws = await store.workspaces.ensure({ slug: DEMO_WORKSPACE, name: 'Candor demo' });
  // Built-ins (frameworks/*.yaml, frameworks/questions/*.yaml) are read from their files by every
  // workspace: stored as the demo's own rows they would shadow the built-in there (issue 10).
  const framework = frameworkFor('default');
  const questions = loadQuestionSet(questionsRef);
  if (isFileReference(questionsRef)) await store.questionSets.save(questions, { workspaceId: ws.id });
  const profile = readJobFile(jobFile);
  const jobId = `job_${DEMO_WORKSPACE}_${slug}`;
  try {
    await store.jobs.update(jobId, {
      title: profile.title,
      description: profile.text,
      skills: profile.skills,
    });
  } catch (error) {
    if (!(error instanceof CandorError && error.code === 'NOT_FOUND')) throw error;
    await store.jobs.create({
      id: jobId,
      workspaceId: ws.id,
      title: profile.title,
      description: profile.text,
      skills: profile.skills,
      frameworkId: framework.id,
      questionSetId: questions.id,
    });
  }
  return jobId;
}

async function storeResult(store: Store, jobId: string, file: string, result: AnalysisResult): Promise<void> {
  const job = await store.jobs.get(jobId);
  const slug = path
    .basename(file)
    .replace(/\.[^.]+$/, '')
    .replace(/[^a-z0-9]+/gi, '-')
    .toLowerCase();
  const candidateName = result.scorecard.input.candidate ?? titleCase(slug);
  const candidateId = `cand_${DEMO_WORKSPACE}_${slug}`;
  try {
    await store.candidates.update(candidateId, { name: candidateName });
  } catch (error) {
    if (!(error instanceof CandorError && error.code === 'NOT_FOUND')) throw error;
    await store.candidates.create({ id: candidateId, workspaceId: job.workspaceId, name: candidateName });
  }
  const { application } = await store.applications.findOrCreate({ candidateId, jobId, stage: 'interview' });
  const interviewId = `int_${DEMO_WORKSPACE}_${slug}`;
  try {
    await store.interviews.delete(interviewId);
  } catch (error) {
    if (!(error instanceof CandorError && error.code === 'NOT_FOUND')) throw error;
  }
  const isFolder = statSync(file).isDirectory();
  await store.interviews.create({
    id: interviewId,
    workspaceId: job.workspaceId,
    applicationId: application.id,
    kind: result.scorecard.input.kind,
    sourceFile: path.basename(file),
    format: isFolder ? null : result.scorecard.input.format,
  });
  await saveAnalysis(store, interviewId, result);
}

function renderRanking({ job, ranking: rows, failed }: JobSummary): string {
  const out = ['', `${job} — candidates ranked by overall fit`, ''];
  out.push(
    `${'#'.padStart(2)}  ${'Candidate'.padEnd(22)} ${'Fit'.padStart(4)}  ${'Conf.'.padStart(5)}  ${'Words'.padStart(5)}  ${'Length'.padStart(6)}  Strengths / gaps`,
  );
  for (const r of rows) {
    const fit = r.overall === null ? '—' : String(r.overall);
    const notes = [
      r.strengths.length ? `+ ${r.strengths.join(', ')}` : '',
      r.gaps.length ? `− ${r.gaps.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('  ');
    out.push(
      `${String(r.rank).padStart(2)}  ${r.candidate.slice(0, 22).padEnd(22)} ${fit.padStart(4)}  ${r.confidence.toFixed(2).padStart(5)}  ${String(r.words).padStart(5)}  ${formatTime(r.duration).padStart(6)}  ${notes || (r.overall === null ? 'insufficient evidence' : '')}`,
    );
  }
  for (const f of failed) out.push(`  not analysed: ${f.file}: ${f.error}`);
  return out.join('\n') + '\n';
}

function titleCase(slug: string): string {
  return slug
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}
