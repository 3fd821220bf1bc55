/**
 * Test fixture for the hiring routes: two workspaces with a user of every role, the real app,
 * and real scorecards from analysing the examples with the engine (once per test file).
 */
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { AnalysisResult } from '../../../assessment/index.js';
import { analyzeFile } from '../../../pipeline/index.js';
import { saveAnalysis } from '../../../cli/commands/save-analysis.js';
import { packageRoot } from '../../../core/index.js';
import type { InterviewKind } from '../../../domain/index.js';
import type { Store, UserRecord, UserRole } from '../../../store/index.js';
import { buildApp } from '../../app.js';
import { testConfig } from '../../app.suite.js';

export interface Examples {
  /** Live SDR interviews: strong, average, weak. */
  readonly priya: AnalysisResult;
  readonly marcus: AnalysisResult;
  readonly jordan: AnalysisResult;
  /** Three words: every competency "insufficient evidence", overall null. */
  readonly tooShort: AnalysisResult;
  readonly alex: AnalysisResult;
}

let examples: Promise<Examples> | undefined;

/** The examples analysed by the real engine, once per test file (word vectors load in ~1 s). */
export function analysedExamples(): Promise<Examples> {
  return (examples ??= (async () => {
    const dir = path.join(packageRoot(), 'examples');
    const options = {
      job: path.join(dir, 'jobs', 'sdr.md'),
      framework: 'default',
      questions: path.join(dir, 'questions', 'sdr.yaml'),
    };
    const run = (file: string) => analyzeFile(path.join(dir, 'interviews', file), options);
    return {
      priya: await run('priya-strong.vtt'),
      marcus: await run('marcus-average.vtt'),
      jordan: await run('jordan-weak.srt'),
      tooShort: await run('too-short.txt'),
      alex: await run('alex-practice.txt'),
    };
  })());
}

/**
 * A clock the test sets: fixed times while seeding (practice in past weeks), then the real time.
 * @example const clock = testClock('2025-03-03T09:00:00Z'); openStore({ dataDir, now: clock.now })
 */
export function testClock(start: string) {
  let fixed: number | null = Date.parse(start);
  return {
    now: (): Date => new Date(fixed ?? Date.now()),
    set: (iso: string): void => {
      fixed = Date.parse(iso);
    },
    useRealTime: (): void => {
      fixed = null;
    },
  };
}

export type TestClock = ReturnType<typeof testClock>;

export interface Member {
  readonly user: UserRecord;
  readonly token: string;
}

export const ROLES_IN_MAIN = ['admin', 'recruiter', 'manager', 'advisor', 'student', 'student2'] as const;
type MainName = (typeof ROLES_IN_MAIN)[number];
const ROLE_OF: Record<MainName, UserRole> = {
  admin: 'admin',
  recruiter: 'recruiter',
  manager: 'hiring_manager',
  advisor: 'advisor',
  student: 'candidate',
  student2: 'candidate',
};

export interface HiringFixture {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly clock: TestClock;
  readonly workspaceId: string;
  readonly otherWorkspaceId: string;
  readonly users: Record<MainName, Member>;
  /** The other workspace's admin, recruiter and student. */
  readonly other: Record<'admin' | 'recruiter' | 'student', Member>;
}

const PASSWORD = 'correct horse battery staple';
let serial = 0;

async function member(store: Store, workspaceId: string, role: UserRole, name: string): Promise<Member> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${++serial}@example.com`;
  const user = await store.users.create({ workspaceId, email, name, role, password: PASSWORD });
  const { token } = await store.users.createApiToken(user.id, 'tests');
  return { user, token };
}

/** @example const fx = await createHiringFixture(store, clock) */
export async function createHiringFixture(store: Store, clock: TestClock): Promise<HiringFixture> {
  const ws = await store.workspaces.ensure({ slug: 'default' });
  const other = await store.workspaces.ensure({ slug: 'other' });
  const users = {} as Record<MainName, Member>;
  for (const name of ROLES_IN_MAIN) users[name] = await member(store, ws.id, ROLE_OF[name], `Main ${name}`);
  return {
    app: await buildApp({ store, config: testConfig }),
    store,
    clock,
    workspaceId: ws.id,
    otherWorkspaceId: other.id,
    users,
    other: {
      admin: await member(store, other.id, 'admin', 'Other admin'),
      recruiter: await member(store, other.id, 'recruiter', 'Other recruiter'),
      student: await member(store, other.id, 'candidate', 'Other student'),
    },
  };
}

/**
 * A request as `who` (bearer token; null for no credentials).
 * @example const res = await send(f.app, f.users.recruiter, 'POST', '/jobs', { title: 'SDR', description: '…' })
 */
export function send(
  app: FastifyInstance,
  who: Member | null,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url: `/api/v1${url}`,
    headers: who === null ? {} : { authorization: `Bearer ${who.token}` },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** Creates an interview and stores an analysis of it; returns both ids. */
export async function analysedInterview(
  store: Store,
  input: {
    workspaceId: string;
    kind: InterviewKind;
    applicationId?: string;
    userId?: string;
    title?: string;
  },
  result: AnalysisResult,
): Promise<{ interviewId: string; scorecardId: string }> {
  const interview = await store.interviews.create(input);
  await saveAnalysis(store, interview.id, result);
  const card = await store.scorecards.latestForInterview(interview.id);
  if (card === null) throw new Error('analysis stored no scorecard');
  return { interviewId: interview.id, scorecardId: card.id };
}

/**
 * A job with a candidate applied to it in the store (bypassing the API).
 * @example const { job, candidate, application } = await hiringRecords(store, ws.id, 'Priya')
 */
export async function hiringRecords(
  store: Store,
  workspaceId: string,
  candidateName: string,
  jobId?: string,
) {
  const job =
    jobId === undefined
      ? await store.jobs.create({
          workspaceId,
          title: 'Sales development rep',
          description: 'Books meetings.',
        })
      : await store.jobs.get(jobId);
  const candidate = await store.candidates.create({ workspaceId, name: candidateName });
  const { application } = await store.applications.findOrCreate({ candidateId: candidate.id, jobId: job.id });
  return { job, candidate, application };
}
