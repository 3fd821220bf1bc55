/**
 * A job's ranking as a recruiter works it: every application (scored or not) with its newest
 * scorecard summary, filtered by display stage and name, sorted by any column, counted and paged
 * in SQL. Ranks come from a window over the job's newest summaries, so a filtered or re-sorted
 * page still shows each candidate's place in the whole job.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { nameKeySql, storeKindOf } from '../dialect.js';
import { nameSortKey } from '../name-key.js';
import type { Database } from '../schema.js';
import { isNewest, toRankedSummary, type RankedSummary } from './scorecard-summaries.js';

/**
 * Where an application stands as the ranking shows it: a decision (advanced, on hold, rejected)
 * wins; else `scored` once it has a scorecard; else its invitation's progress; else `applied`.
 */
export const DISPLAY_STAGES = [
  'applied',
  'invited',
  'in_progress',
  'scored',
  'on_hold',
  'advanced',
  'rejected',
  'withdrawn',
] as const;
export type DisplayStage = (typeof DISPLAY_STAGES)[number];

/** Decisions shown as they are, scorecard or not (`withdrawn`: the candidate's own). */
const DECIDED = ['advanced', 'on_hold', 'rejected', 'withdrawn'] as const;

/**
 * The display stage of an application (the SQL in `displayStageSql` computes the same).
 * @example displayStage('in_progress', true) // 'scored'
 */
export function displayStage(stage: string, hasScorecard: boolean): DisplayStage {
  if ((DECIDED as readonly string[]).includes(stage)) return stage as DisplayStage;
  if (hasScorecard) return 'scored';
  if (stage === 'in_progress' || stage === 'invited') return stage;
  return 'applied';
}

/** Columns a ranking sorts by: overall score (the rank), candidate name, display stage, confidence. */
export const RANKING_SORTS = ['score', 'name', 'stage', 'confidence'] as const;
export type RankingSort = (typeof RANKING_SORTS)[number];

export interface RankingQuery {
  /** Only these display stages; empty or absent: all. */
  readonly stages?: readonly DisplayStage[];
  /** Part of the candidate's name, case and accents ignored. */
  readonly search?: string;
  readonly sort: RankingSort;
  readonly direction: 'asc' | 'desc';
  readonly limit: number;
  readonly offset: number;
}

/** An application of the ranking, with its newest summary when it has one. */
export interface RankingEntry {
  readonly applicationId: string;
  readonly candidateId: string;
  readonly candidateName: string;
  readonly stage: string;
  readonly displayStage: DisplayStage;
  /** 1 for the best score in the job (ties share it); null without an overall score. */
  readonly rank: number | null;
  readonly summary: RankedSummary | null;
}

const displayStageSql = sql<DisplayStage>`(case
  when a.stage in ('advanced', 'on_hold', 'rejected', 'withdrawn') then a.stage
  when s.scorecard_id is not null then 'scored'
  when a.stage in ('in_progress', 'invited') then a.stage
  else 'applied' end)`;

const stageOrderSql = sql<number>`(case ${displayStageSql} ${sql.join(
  DISPLAY_STAGES.map((stage, index) => sql`when ${sql.lit(stage)} then ${sql.lit(index)}`),
  sql` `,
)} end)`;

/** Rank score with applications without a scorecard below insufficient evidence (-1). */
const rankScoreSql = sql<number>`coalesce(s.rank_score, -2)`;

/** `%`, `_` and the escape character itself matched literally in a LIKE pattern. */
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The job's applications joined to their newest summary (ranked in the whole job), filtered. */
function rankingQuery(db: Kysely<Database>, jobId: string, query: Pick<RankingQuery, 'stages' | 'search'>) {
  const nameKey = sql<string>`coalesce(s.name_key, ${nameKeySql(storeKindOf(db), 'c.name')})`;
  const search = query.search === undefined ? '' : nameSortKey(query.search.trim());
  const stages = query.stages ?? [];
  const base = db
    .selectFrom('application as a')
    .innerJoin('candidate as c', 'c.id', 'a.candidate_id')
    .leftJoin('scorecard_summary as s', (join) => join.onRef('s.application_id', '=', 'a.id').on(isNewest))
    .where('a.job_id', '=', jobId)
    .$if(stages.length > 0, (q) => q.where(displayStageSql, 'in', stages))
    .$if(search !== '', (q) => q.where(sql<boolean>`${nameKey} like ${likeContains(search)} escape '\\'`));
  return { base, nameKey };
}

/** The ORDER BY of a sort: its column, then overall score, then name, then application id. */
function orderOf(query: RankingQuery, nameKey: RawBuilder<string>): RawBuilder<unknown>[] {
  const dir = sql.raw(query.direction);
  const then = [sql`${rankScoreSql} desc`, sql`${nameKey} asc`, sql`a.id asc`];
  const nullsLast = (column: string) => [
    sql`(case when ${sql.ref(column)} is null then 1 else 0 end) asc`,
    sql`${sql.ref(column)} ${dir}`,
  ];
  switch (query.sort) {
    case 'score':
      return [...nullsLast('s.overall_score'), ...then];
    case 'confidence':
      return [...nullsLast('s.confidence'), ...then];
    case 'stage':
      return [sql`${stageOrderSql} ${dir}`, ...then];
    case 'name':
      return [sql`${nameKey} ${dir}`, sql`a.id ${dir}`];
  }
}

/**
 * The rank in the whole job of each of these overall scores: one more than the number of the
 * job's applications whose newest scorecard scores higher (equal scores share a rank). Counts only
 * the scores at or above the lowest asked for, so the first page of the ranking reads a few rows.
 */
async function ranksOf(
  db: Kysely<Database>,
  jobId: string,
  scores: readonly number[],
): Promise<Map<number, number>> {
  const ranks = new Map<number, number>();
  if (scores.length === 0) return ranks;
  const lowest = Math.min(...scores);
  const counts = await db
    .selectFrom('scorecard_summary as s')
    .select(['s.rank_score', (eb) => eb.fn.countAll<number>().as('n')])
    .where('s.job_id', '=', jobId)
    .where('s.rank_score', '>=', lowest)
    .where(isNewest)
    .groupBy('s.rank_score')
    .execute();
  const sorted = counts.map((c) => ({ score: Number(c.rank_score), n: Number(c.n) }));
  sorted.sort((a, b) => b.score - a.score);
  let above = 0;
  for (const { score, n } of sorted) {
    ranks.set(score, above + 1);
    above += n;
  }
  return ranks;
}

/**
 * One page of a job's ranking and how many applications match the filters in all.
 * @example await rankingPage(db, job.id, { stages: ['scored'], search: 'emile', sort: 'name', direction: 'asc', limit: 50, offset: 0 })
 */
export async function rankingPage(
  db: Kysely<Database>,
  jobId: string,
  query: RankingQuery,
): Promise<{ entries: RankingEntry[]; total: number }> {
  const { base, nameKey } = rankingQuery(db, jobId, query);
  const [rows, count] = await Promise.all([
    base
      .selectAll('s')
      .select(['a.id as app_id', 'a.candidate_id', 'a.stage', 'c.name as candidate_name'])
      .select(displayStageSql.as('display_stage'))
      .orderBy(sql.join(orderOf(query, nameKey)))
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const entries = rows.map((row): RankingEntry => {
    const summary =
      row.scorecard_id === null
        ? null
        : toRankedSummary({
            ...(row as typeof row & { scorecard_id: string }),
            interview_id: row.interview_id ?? '',
            rank_score: row.rank_score ?? -1,
            strengths: row.strengths ?? '[]',
            gaps: row.gaps ?? '[]',
            competencies: row.competencies ?? '[]',
            created_at: row.created_at ?? '',
            application_id: row.app_id,
          });
    return {
      applicationId: row.app_id,
      candidateId: row.candidate_id,
      candidateName: row.candidate_name,
      stage: row.stage,
      displayStage: row.display_stage,
      rank: null,
      summary,
    };
  });
  const scores = entries.flatMap((e) => (e.summary?.overallScore == null ? [] : [e.summary.overallScore]));
  const ranks = await ranksOf(db, jobId, scores);
  return {
    entries: entries.map((e) => ({
      ...e,
      rank: e.summary?.overallScore == null ? null : (ranks.get(e.summary.overallScore) ?? null),
    })),
    total: Number(count.n),
  };
}
