/** Builders shared by the store suites: a seeded interview and a realistic analysis input. */
import { expect } from 'vitest';
import { CandorError, newId } from '../core/index.js';
import type {
  AnalysisInput,
  ApplicationRecord,
  CandidateRecord,
  InterviewRecord,
  JobRecord,
  Store,
} from './index.js';
import type { WorkspaceRecord } from './index.js';
import type { Scorecard } from '../domain/index.js';

export interface Seeded {
  readonly workspace: WorkspaceRecord;
  readonly job: JobRecord;
  readonly candidate: CandidateRecord;
  readonly application: ApplicationRecord;
  readonly interview: InterviewRecord;
}

/** A fresh workspace with one job, one candidate, their application and an interview. */
export async function seedInterview(store: Store, candidateName = 'Ana Díaz'): Promise<Seeded> {
  const workspace = await store.workspaces.ensure({ slug: newId('ws-test'), name: 'Test workspace' });
  const job = await store.jobs.create({
    workspaceId: workspace.id,
    title: 'Customer support lead',
    description: 'Lead a team of five agents; own escalations and the weekly quality review.',
    skills: ['Zendesk', 'coaching'],
  });
  return { workspace, job, ...(await addCandidate(store, workspace, job, candidateName)) };
}

/** Another candidate, application and interview for the same job. */
export async function addCandidate(
  store: Store,
  workspace: WorkspaceRecord,
  job: JobRecord,
  name: string,
): Promise<{ candidate: CandidateRecord; application: ApplicationRecord; interview: InterviewRecord }> {
  const candidate = await store.candidates.create({ workspaceId: workspace.id, name });
  const { application } = await store.applications.findOrCreate({ candidateId: candidate.id, jobId: job.id });
  const interview = await store.interviews.create({
    workspaceId: workspace.id,
    applicationId: application.id,
    kind: 'live',
    sourceFile: 'call.vtt',
    format: 'vtt',
  });
  return { candidate, application, interview };
}

/**
 * Two answered questions, the transcript around them (one segment with word timings), per-answer
 * and interview-level signal values, and a scorecard. `tag` varies the text between analyses.
 */
export function sampleAnalysis(
  interviewId: string,
  tag = 'first',
  overallScore: number | null = 3.25,
): AnalysisInput {
  const r1 = newId('resp');
  const r2 = newId('resp');
  return {
    interviewId,
    responses: [
      {
        id: r1,
        position: 0,
        questionId: 'conflict',
        questionText: 'Tell me about a conflict.',
        questionSource: 'question-set',
        matchScore: 0.8734,
      },
      { id: r2, position: 1, questionId: null, questionText: null, questionSource: 'none', matchScore: null },
    ],
    segments: [
      { speaker: 'Interviewer', start: 0, end: 2.5, text: 'Tell me about a conflict on your team.' },
      {
        speaker: 'Candidate',
        start: 2.9,
        end: 4.1,
        text: `Um, two agents (${tag}) disagreed.`,
        words: [
          { text: 'Um,', start: 2.9, end: 3.1 },
          { text: 'two', start: 3.2, end: 3.4 },
        ],
        responseId: r1,
      },
      { speaker: 'Interviewer', start: 4.5, end: 5, text: 'And then?' },
      {
        speaker: 'Candidate',
        start: null,
        end: null,
        text: `I set up a weekly review (${tag}).`,
        responseId: r2,
      },
    ],
    signals: [
      {
        signal: 'fillerWordsPer100',
        value: 16.666666666666668,
        evidence: [{ quote: 'Um,', start: 2.9, end: 3.1, response: 0, label: 'um' }],
        responseId: r1,
      },
      { signal: 'wordsPerMinute', value: null, evidence: [], reason: 'no timings', responseId: r2 },
      { signal: 'talkShare', value: 0.42, evidence: [], responseId: null },
    ],
    scorecard: {
      frameworkId: 'customer-facing',
      frameworkVersion: '1',
      engineVersion: '0.1.0',
      overallScore,
      contentHash: `sha256:${tag}`,
      body: sampleScorecardBody(overallScore, tag),
    },
  };
}

/**
 * The smallest scorecard body that fits the schema (src/domain/scorecard.ts), with one competency.
 * @example sampleScorecardBody(71, 'first').overall.score // 71
 */
export function sampleScorecardBody(overallScore: number | null, tag = 'first'): Scorecard {
  const named =
    overallScore === null ? [] : [{ id: 'communication', name: 'Communication', score: overallScore }];
  return {
    engine: { name: 'candor', version: '0.1.0' },
    framework: { id: 'customer-facing', version: '1', name: 'Customer-facing' },
    input: {
      file: null,
      format: 'vtt',
      kind: 'live',
      sha256: null,
      candidate: tag,
      responses: 2,
      words: 10,
      durationSeconds: null,
    },
    job: null,
    overall: { score: overallScore, confidence: overallScore === null ? 0 : 0.8 },
    strengths: named,
    gaps: [],
    nextStep: { competency: null, question: `Tell me more (${tag}).`, reason: 'practice' },
    competencies: [
      {
        id: 'communication',
        name: 'Communication',
        score: overallScore,
        confidence: overallScore === null ? 0 : 0.8,
        signals: [],
        evidence: [],
        feedback: [tag],
      },
    ],
    responses: [],
  };
}

/** Awaits a promise that must fail with a CandorError, and returns that error. */
export async function candorError(promise: Promise<unknown>): Promise<CandorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CandorError);
  return error as CandorError;
}

/** Number of rows in `table` whose `column` equals `value`. */
export async function countRows(
  store: Store,
  table: 'response' | 'transcript_segment' | 'signal_value' | 'scorecard',
  column: 'interview_id',
  value: string,
): Promise<number> {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column, '=', value)
    .executeTakeFirstOrThrow();
  return row.n;
}
