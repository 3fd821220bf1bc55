import { sql } from 'kysely';
import { CandorError } from '../../core/index.js';
import { INTERVIEW_KIND_LIST, type InterviewKind } from '../../domain/index.js';
import { highlightedSegments, matchingSegments } from '../dialect.js';
import { parseSearchQuery, type SearchQuery } from '../search-query.js';
import type { RepositoryContext } from './rows.js';

/** Narrows a search; every filter given must hold. */
export interface SearchFilters {
  /** Interviews of any of these kinds. */
  readonly kinds?: readonly InterviewKind[];
  /**
   * Conversations held on or after: `YYYY-MM-DD` (UTC day) or an ISO-8601 time. Compared with the
   * interview's `occurredAt` (when it happened; its creation time where none was given).
   */
  readonly from?: string;
  /** Conversations held on or before: `YYYY-MM-DD` (the whole UTC day) or an ISO-8601 time. */
  readonly to?: string;
  /** Interviews with this customer account (any letter case). */
  readonly account?: string;
  /** Only segments of this speaker (as the transcript names them, any letter case). */
  readonly speaker?: string;
  /** Interviews of applications to this job. */
  readonly jobId?: string;
  /** Interviews of this candidate's applications. */
  readonly candidateId?: string;
}

export interface SearchPage {
  /** Interviews per page, 1–100; 20 when left out. */
  readonly limit?: number;
  /** Interviews to skip, 0–10,000. */
  readonly offset?: number;
}

/** A segment that matched, with its text cut around the match. */
export interface SegmentHit {
  readonly segmentId: string;
  /** The segment's 0-based place in the transcript. */
  readonly position: number;
  readonly speaker: string | null;
  /** Seconds from the start of the recording; null without timings. */
  readonly startS: number | null;
  readonly endS: number | null;
  /** 0-based position of the answer the segment is part of (`Response.index`); null outside answers. */
  readonly responsePosition: number | null;
  /** Plain text; the matched words between « and », which a page must escape before marking up. */
  readonly snippet: string;
  /** Higher is better; comparable only within one result (bm25 on SQLite, ts_rank on PostgreSQL). */
  readonly relevance: number;
}

/** One interview with segments that matched. */
export interface InterviewHit {
  readonly interviewId: string;
  readonly kind: InterviewKind;
  readonly title: string | null;
  readonly candidate: { readonly id: string; readonly name: string } | null;
  readonly job: { readonly id: string; readonly title: string } | null;
  /** When the interview was created (ISO-8601 UTC). */
  readonly createdAt: string;
  /** When the conversation happened (its creation time where none was given). */
  readonly occurredAt: string;
  /** The customer account, outside hiring; null when none was given. */
  readonly account: string | null;
  /** Segments of the interview that matched (all of them, not only those shown). */
  readonly hitCount: number;
  /** The sum of its matching segments' relevance. */
  readonly relevance: number;
  /** The best few matching segments, best first. */
  readonly segments: readonly SegmentHit[];
}

export interface SearchResult {
  /** Interviews that matched in all; `interviews` is one page of them, most relevant first. */
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly interviews: readonly InterviewHit[];
}

export interface SearchIndex {
  /**
   * Searches the transcripts of one workspace's interviews. Query language: words (all must
   * occur, stemmed), "quoted phrases", `OR` between terms, `-excluded`, `prefix*`.
   *
   * @throws CandorError VALIDATION_FAILED for a query that cannot be read (naming the character),
   *   an unknown kind, a date that is not one, or a page out of range
   */
  search(
    workspaceId: string,
    query: string,
    filters?: SearchFilters,
    page?: SearchPage,
  ): Promise<SearchResult>;
}

/** Segments shown per interview. */
export const SEGMENTS_PER_INTERVIEW = 3;
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const MAX_OFFSET = 10_000;
const KINDS: ReadonlySet<string> = new Set(INTERVIEW_KIND_LIST);

interface Row {
  interview_id: string;
  interview_relevance: number;
  hit_count: number;
  total: number;
  kind: InterviewKind;
  title: string | null;
  created_at: string;
  occurred_at: string | null;
  account: string | null;
  candidate_id: string | null;
  candidate_name: string | null;
  job_id: string | null;
  job_title: string | null;
  segment_id: string;
  position: number;
  speaker: string | null;
  start_s: number | null;
  end_s: number | null;
  relevance: number;
  response_position: number | null;
}

/**
 * Full-text search over transcript segments (migration 0022), grouped by interview.
 * @example const { total, interviews } = await store.search.search(ws.id, '"battery life" -price', { kinds: ['research'] })
 */
export function createSearchIndex(ctx: RepositoryContext): SearchIndex {
  const { db, kind } = ctx;
  return {
    async search(workspaceId, text, filters = {}, page = {}) {
      const query = parseSearchQuery(text);
      const limit = checkInteger('limit', page.limit ?? DEFAULT_LIMIT, 1, MAX_LIMIT);
      const offset = checkInteger('offset', page.offset ?? 0, 0, MAX_OFFSET);
      const { rows } = await sql<Row>`${groupedHits(kind, query, workspaceId, filters, { limit, offset })}
        select g.interview_id, g.relevance as interview_relevance, g.hit_count, g.total,
          i.kind, i.title, i.created_at, i.occurred_at, i.account, c.id as candidate_id, c.name as candidate_name,
          j.id as job_id, j.title as job_title,
          r.id as segment_id, r.position, r.speaker, r.start_s, r.end_s, r.relevance,
          resp.position as response_position
        from page g
        join interview i on i.id = g.interview_id
        left join application a on a.id = i.application_id
        left join candidate c on c.id = a.candidate_id
        left join job j on j.id = a.job_id
        join ranked r on r.interview_id = g.interview_id and r.k <= ${SEGMENTS_PER_INTERVIEW}
        left join response resp on resp.id = r.response_id
        order by g.relevance desc, g.interview_id, r.k`.execute(db);
      const snippets = await snippetsOf(query, rows);
      const total =
        rows[0]?.total ?? (offset === 0 ? 0 : await countMatches(ctx, query, workspaceId, filters));
      return { total, limit, offset, interviews: toInterviewHits(rows, snippets) };
    },
  };
  async function snippetsOf(query: SearchQuery, rows: Row[]): Promise<Map<string, string>> {
    if (rows.length === 0) return new Map();
    const found = await sql<{ id: string; snippet: string }>`${highlightedSegments(
      kind,
      query,
      rows.map((r) => r.segment_id),
    )}`.execute(db);
    return new Map(found.rows.map((r) => [r.id, r.snippet]));
  }
}

/**
 * CTEs `hits` (matching segments, of the speaker if one is given), `grouped` (one row per interview
 * of the workspace that passes the filters: summed relevance, hit count, and the total of
 * interviews), `page` (the groups asked for) and `ranked` (their hits numbered best first within
 * their interview). The interview is
 * checked once per group, by its key, in a correlated EXISTS: joined instead, SQLite (without
 * ANALYZE statistics) reads every interview of the workspace and looks each up among the hits.
 */
function groupedHits(
  kind: RepositoryContext['kind'],
  query: SearchQuery,
  workspaceId: string,
  filters: SearchFilters,
  page: { limit: number; offset: number },
) {
  const speaker =
    filters.speaker === undefined ? sql`` : sql`and lower(m.speaker) = lower(${filters.speaker})`;
  return sql`with hits as materialized (
      select m.* from (${matchingSegments(kind, query)}) m
      where true ${speaker}
    ),
    grouped as materialized (
      select g.*, count(*) over () as total
      from (
        select h.interview_id, sum(h.relevance) as relevance, count(*) as hit_count
        from hits h group by h.interview_id
      ) g
      where exists (
        select 1 from interview i left join application a on a.id = i.application_id
        where i.id = g.interview_id and ${interviewFilters(workspaceId, filters)}
      )
    ),
    page as materialized (
      select * from grouped order by relevance desc, interview_id limit ${page.limit} offset ${page.offset}
    ),
    ranked as (
      select h.*, row_number() over (partition by h.interview_id order by h.relevance desc, h.position) as k
      from hits h
      where h.interview_id in (select interview_id from page)
    )`;
}

function interviewFilters(workspaceId: string, filters: SearchFilters) {
  const conditions = [sql`i.workspace_id = ${workspaceId}`];
  if (filters.kinds !== undefined) {
    const unknown = filters.kinds.find((k) => !KINDS.has(k));
    if (unknown !== undefined || filters.kinds.length === 0) {
      const message =
        unknown === undefined
          ? 'kinds: give at least one kind'
          : `kinds: "${unknown}" is not an interview kind`;
      throw new CandorError('VALIDATION_FAILED', message, { field: 'kinds' });
    }
    conditions.push(sql`i.kind in (${sql.join(filters.kinds.map((k) => sql`${k}`))})`);
  }
  const from = filters.from === undefined ? undefined : dateBound('from', filters.from);
  const to = filters.to === undefined ? undefined : dateBound('to', filters.to);
  const held = sql`coalesce(i.occurred_at, i.created_at)`;
  if (from !== undefined) conditions.push(sql`${held} >= ${from.start}`);
  if (to !== undefined) conditions.push(sql`${held} < ${to.end}`);
  if (from !== undefined && to !== undefined && from.start >= to.end) {
    throw new CandorError('VALIDATION_FAILED', `from ${filters.from} is after to ${filters.to}`, {
      field: 'from',
    });
  }
  if (filters.account !== undefined)
    conditions.push(sql`lower(i.account) = lower(${filters.account.trim()})`);
  if (filters.jobId !== undefined) conditions.push(sql`a.job_id = ${filters.jobId}`);
  if (filters.candidateId !== undefined) conditions.push(sql`a.candidate_id = ${filters.candidateId}`);
  return sql.join(conditions, sql` and `);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A filter date as the stored ISO-8601 UTC text compares: `start` of the day or instant, and
 * `end`, the first instant after it (a day bound covers the whole UTC day).
 */
function dateBound(field: 'from' | 'to', value: string): { start: string; end: string } {
  const day = DAY.exec(value);
  const time = day === null && TIME.test(value) ? new Date(value) : null;
  if (day !== null) {
    const start = new Date(`${value}T00:00:00.000Z`);
    // Date rolls 2026-02-30 over into March: a day that reads back differently does not exist.
    if (!Number.isNaN(start.getTime()) && start.toISOString().startsWith(value)) {
      return { start: start.toISOString(), end: new Date(start.getTime() + 86_400_000).toISOString() };
    }
  } else if (time !== null && !Number.isNaN(time.getTime())) {
    return { start: time.toISOString(), end: new Date(time.getTime() + 1).toISOString() };
  }
  const message = `${field}: "${value}" is not a date; use YYYY-MM-DD or an ISO-8601 time such as 2026-03-01T09:00:00Z`;
  throw new CandorError('VALIDATION_FAILED', message, { field, value });
}

function checkInteger(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new CandorError(
      'VALIDATION_FAILED',
      `${field}: ${value} is not a whole number from ${min} to ${max}`,
      {
        field,
        value,
      },
    );
  }
  return value;
}

/** The total when the page asked for lies past the last interview. */
async function countMatches(
  ctx: RepositoryContext,
  query: SearchQuery,
  workspaceId: string,
  filters: SearchFilters,
): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`${groupedHits(ctx.kind, query, workspaceId, filters, { limit: 1, offset: 0 })}
    select count(*) as n from grouped`.execute(ctx.db);
  return Number(rows[0]?.n ?? 0);
}

function toInterviewHits(rows: readonly Row[], snippets: ReadonlyMap<string, string>): InterviewHit[] {
  const byInterview = new Map<string, { hit: InterviewHit; segments: SegmentHit[] }>();
  for (const row of rows) {
    let entry = byInterview.get(row.interview_id);
    if (entry === undefined) {
      const segments: SegmentHit[] = [];
      const hit: InterviewHit = {
        interviewId: row.interview_id,
        kind: row.kind,
        title: row.title,
        candidate:
          row.candidate_id === null ? null : { id: row.candidate_id, name: row.candidate_name ?? '' },
        job: row.job_id === null ? null : { id: row.job_id, title: row.job_title ?? '' },
        createdAt: row.created_at,
        occurredAt: row.occurred_at ?? row.created_at,
        account: row.account,
        hitCount: Number(row.hit_count),
        relevance: Number(row.interview_relevance),
        segments,
      };
      entry = { hit, segments };
      byInterview.set(row.interview_id, entry);
    }
    entry.segments.push({
      segmentId: row.segment_id,
      position: row.position,
      speaker: row.speaker,
      startS: row.start_s,
      endS: row.end_s,
      responsePosition: row.response_position,
      snippet: snippets.get(row.segment_id) ?? '',
      relevance: Number(row.relevance),
    });
  }
  return [...byInterview.values()].map((e) => e.hit);
}
