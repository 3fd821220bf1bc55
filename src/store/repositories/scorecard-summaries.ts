/**
 * A summary row per scorecard (overall, confidence, strengths, gaps, competency scores, and the
 * application, job and candidate name it ranks under), written in the scorecard's transaction.
 * Rankings sort, count and page these rows in SQL; no scorecard body is read to rank.
 */
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { Scorecard } from '../../domain/index.js';
import type { Database, ScorecardSummaryTable } from '../schema.js';
import { nameSortKey } from '../name-key.js';
import { fromJson, toJson } from './rows.js';

export interface CompetencyScore {
  readonly id: string;
  readonly name: string;
  /** 0–100; null when the evidence was insufficient. */
  readonly score: number | null;
}

export interface ScorecardSummary {
  readonly id: string;
  readonly overallScore: number | null;
  readonly confidence: number | null;
  /** Competency names, strongest first. */
  readonly strengths: readonly string[];
  readonly gaps: readonly string[];
  /** In the framework's order. */
  readonly competencies: readonly CompetencyScore[];
}

/** A summary with the application it ranks under (the newest scorecard of that application). */
export interface RankedSummary extends ScorecardSummary {
  readonly interviewId: string;
  readonly applicationId: string;
  readonly candidateId: string;
  readonly candidateName: string;
  readonly stage: string;
}

export { nameSortKey } from '../name-key.js';

/** The summary row's values of a scorecard, without where it ranks. */
export function summaryColumns(body: Scorecard) {
  return {
    overall_score: body.overall.score,
    rank_score: body.overall.score ?? -1,
    confidence: body.overall.confidence,
    strengths: toJson(body.strengths.map((s) => s.name)),
    gaps: toJson(body.gaps.map((g) => g.name)),
    competencies: toJson(body.competencies.map((c) => ({ id: c.id, name: c.name, score: c.score }))),
  };
}

/**
 * Writes a scorecard's summary with `db` (the scorecard's transaction), placing it under the
 * interview's application, job and candidate.
 */
export async function insertScorecardSummary(
  db: Kysely<Database>,
  scorecard: { id: string; interviewId: string; createdAt: string; body: Scorecard },
): Promise<void> {
  const place = await db
    .selectFrom('interview as i')
    .leftJoin('application as a', 'a.id', 'i.application_id')
    .leftJoin('candidate as c', 'c.id', 'a.candidate_id')
    .select(['a.id as application_id', 'a.job_id', 'c.name'])
    .where('i.id', '=', scorecard.interviewId)
    .executeTakeFirst();
  await db
    .insertInto('scorecard_summary')
    .values({
      scorecard_id: scorecard.id,
      interview_id: scorecard.interviewId,
      application_id: place?.application_id ?? null,
      job_id: place?.job_id ?? null,
      name_key: place?.name == null ? null : nameSortKey(place.name),
      created_at: scorecard.createdAt,
      ...summaryColumns(scorecard.body),
    })
    .execute();
}

/** Keeps the name sort key of a renamed candidate's summaries current. */
export async function renameInSummaries(
  db: Kysely<Database>,
  candidateId: string,
  name: string,
): Promise<void> {
  await db
    .updateTable('scorecard_summary')
    .set({ name_key: nameSortKey(name) })
    .where(
      'application_id',
      'in',
      db.selectFrom('application').select('id').where('candidate_id', '=', candidateId),
    )
    .execute();
}

/** The newest summary of its application: no other is later (ties broken by scorecard id). */
export function isNewest(eb: ExpressionBuilder<Database & { s: ScorecardSummaryTable }, 's'>) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom('scorecard_summary as newer')
        .select('newer.scorecard_id')
        .whereRef('newer.application_id', '=', 's.application_id')
        .where((n) =>
          n.or([
            n('newer.created_at', '>', n.ref('s.created_at')),
            n.and([
              n('newer.created_at', '=', n.ref('s.created_at')),
              n('newer.scorecard_id', '>', n.ref('s.scorecard_id')),
            ]),
          ]),
        ),
    ),
  );
}

/** The newest summary of each application of a job, with its candidate, in ranking order. */
function rankedQuery(db: Kysely<Database>, jobId: string) {
  return db
    .selectFrom('scorecard_summary as s')
    .innerJoin('application as a', 'a.id', 's.application_id')
    .innerJoin('candidate as c', 'c.id', 'a.candidate_id')
    .selectAll('s')
    .select(['a.candidate_id', 'a.stage', 'c.name as candidate_name'])
    .where('s.job_id', '=', jobId)
    .where(isNewest)
    .orderBy('s.rank_score', 'desc')
    .orderBy('s.name_key')
    .orderBy('s.application_id');
}

/** One page of a job's ranking: best first, unscored (null) last, then name, then application id. */
export async function rankedPage(
  db: Kysely<Database>,
  jobId: string,
  page: { limit: number; offset: number },
): Promise<RankedSummary[]> {
  const rows = await rankedQuery(db, jobId).limit(page.limit).offset(page.offset).execute();
  return rows.map(toRankedSummary);
}

/** The newest summaries of these applications of a job, in ranking order. */
export async function rankedForApplications(
  db: Kysely<Database>,
  jobId: string,
  applicationIds: readonly string[],
): Promise<RankedSummary[]> {
  if (applicationIds.length === 0) return [];
  const rows = await rankedQuery(db, jobId).where('s.application_id', 'in', applicationIds).execute();
  return rows.map(toRankedSummary);
}

/**
 * How many of a job's applications rank above `rankScore` (with `rankScore` -1, all those scored),
 * or, without it, how many have a scorecard at all.
 */
export async function countRanked(db: Kysely<Database>, jobId: string, above?: number): Promise<number> {
  const row = await db
    .selectFrom('scorecard_summary as s')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('s.job_id', '=', jobId)
    .where(isNewest)
    .$if(above !== undefined, (q) => q.where('s.rank_score', '>', above ?? 0))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The summaries of these scorecards (unknown ids are left out). */
export async function loadSummaries(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, ScorecardSummary>> {
  const found = new Map<string, ScorecardSummary>();
  const unique = [...new Set(ids)];
  // Ids per `where … in (…)`: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
  for (let start = 0; start < unique.length; start += 500) {
    const rows = await db
      .selectFrom('scorecard_summary as s')
      .selectAll('s')
      .where('s.scorecard_id', 'in', unique.slice(start, start + 500))
      .execute();
    for (const row of rows) found.set(row.scorecard_id, toSummary(row));
  }
  return found;
}

function toSummary(row: Selectable<ScorecardSummaryTable>): ScorecardSummary {
  const where = (field: string) => ({ entity: 'scorecard_summary', id: row.scorecard_id, field });
  return {
    id: row.scorecard_id,
    overallScore: row.overall_score,
    confidence: row.confidence,
    strengths: fromJson<string[]>(row.strengths, where('strengths')),
    gaps: fromJson<string[]>(row.gaps, where('gaps')),
    competencies: fromJson<CompetencyScore[]>(row.competencies, where('competencies')),
  };
}

export function toRankedSummary(
  row: Selectable<ScorecardSummaryTable> & { candidate_id: string; stage: string; candidate_name: string },
): RankedSummary {
  return {
    ...toSummary(row),
    interviewId: row.interview_id,
    // The query joins on it, so it is set.
    applicationId: row.application_id ?? '',
    candidateId: row.candidate_id,
    candidateName: row.candidate_name,
    stage: row.stage,
  };
}

/** An application of a job without any scorecard yet, with its interviews (to ask why). */
export interface UnrankedApplication {
  readonly applicationId: string;
  readonly candidateId: string;
  readonly candidateName: string;
  readonly stage: string;
  readonly interviews: readonly { readonly id: string; readonly createdAt: string }[];
}

/** How many applications a job has, ranked or not. */
export async function countApplications(db: Kysely<Database>, jobId: string): Promise<number> {
  const row = await db
    .selectFrom('application')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('job_id', '=', jobId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The applications of a job (or only `applicationIds`) that have no scorecard. */
export async function unrankedApplications(
  db: Kysely<Database>,
  jobId: string,
  applicationIds?: readonly string[],
): Promise<UnrankedApplication[]> {
  if (applicationIds?.length === 0) return [];
  const rows = await db
    .selectFrom('application as a')
    .innerJoin('candidate as c', 'c.id', 'a.candidate_id')
    .leftJoin('interview as i', 'i.application_id', 'a.id')
    .select([
      'a.id',
      'a.candidate_id',
      'a.stage',
      'c.name',
      'i.id as interview_id',
      'i.created_at as interview_at',
    ])
    .where('a.job_id', '=', jobId)
    .$if(applicationIds !== undefined, (q) => q.where('a.id', 'in', applicationIds ?? []))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('scorecard_summary as s')
            .select('s.scorecard_id')
            .whereRef('s.application_id', '=', 'a.id'),
        ),
      ),
    )
    .execute();
  const byId = new Map<string, UnrankedApplication & { interviews: { id: string; createdAt: string }[] }>();
  for (const row of rows) {
    let entry = byId.get(row.id);
    if (entry === undefined) {
      entry = {
        applicationId: row.id,
        candidateId: row.candidate_id,
        candidateName: row.name,
        stage: row.stage,
        interviews: [],
      };
      byId.set(row.id, entry);
    }
    if (row.interview_id !== null && row.interview_at !== null) {
      entry.interviews.push({ id: row.interview_id, createdAt: row.interview_at });
    }
  }
  return [...byId.values()];
}
