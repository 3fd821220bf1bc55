import { sql, type RawBuilder } from 'kysely';
import { CandorError } from '../../core/index.js';
import {
  INTERVIEW_KIND_LIST,
  SENTIMENT_LABELS,
  type InterviewKind,
  type SentimentLabel,
} from '../../domain/index.js';
import {
  facetRows,
  highlightedSegments,
  latestMatchingSegments,
  matchingSegmentsOf,
  sqliteSnippets,
  type SearchFacets,
} from '../dialect.js';
import { nameSortKey } from '../name-key.js';
import { parseSearchQuery, searchFacets, type SearchQuery } from '../search-query.js';
import type { RepositoryContext } from './rows.js';

/** Narrows a search; every filter given must hold. */
export interface SearchFilters {
  /** Interviews of any of these kinds; every kind but `practice` (a student's own) when left out. */
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
  /** Interviews tagged with this topic (a `topic` tag; any letter case and accents). */
  readonly topic?: string;
  /** Interviews naming this competitor or product (a `competitor` or `product` tag, likewise). */
  readonly competitor?: string;
  /** Only segments whose `sentiment` tag says this. */
  readonly sentiment?: SentimentLabel;
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
  /** Whether a recording of it is stored (`media`), so a page can offer playback at `startS`. */
  readonly hasRecording: boolean;
  /** Segments of the interview that matched (all of them, not only those shown). */
  readonly hitCount: number;
  /**
   * The sum of its matching segments' relevance; interviews are ranked by it.
   */
  readonly relevance: number;
  /** The best few matching segments, best first. */
  readonly segments: readonly SegmentHit[];
}

export interface SearchResult {
  /**
   * Interviews that matched in all when `totalIsExact`; otherwise at least this many (the search
   * ranked the interviews of the matching segments stored last and stopped once the page was
   * filled; see `createSearchIndex`).
   * `interviews` is one page of them, most relevant first.
   */
  readonly total: number;
  /** False when `total` is a lower bound ("at least 1,200 interviews"). */
  readonly totalIsExact: boolean;
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
/**
 * On SQLite, how many of a search's matching segments are read at first: the last stored. More
 * (eight times as many each round, then all) are read only when the filters leave too few
 * interviews among them for the page asked for.
 */
export const LATEST_SEGMENTS = 1_000;
/**
 * On PostgreSQL, a filter on a candidate, job, topic or competitor that leaves at most this many
 * interviews is searched within them.
 */
export const SCOPED_INTERVIEWS = 50;
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const MAX_OFFSET = 10_000;
const KINDS: ReadonlySet<string> = new Set(INTERVIEW_KIND_LIST);
const SENTIMENTS: ReadonlySet<string> = new Set(SENTIMENT_LABELS);

/** How the search reads matches; the defaults are `LATEST_SEGMENTS` and `SCOPED_INTERVIEWS`. */
export interface SearchIndexOptions {
  readonly latestSegments?: number;
  readonly scopedInterviews?: number;
}

/** A matching segment, before its details are read. */
interface Hit {
  /** The segment's rowid on SQLite (later stored, higher); 0 on PostgreSQL. */
  seq: number;
  id: string;
  interview_id: string;
  position: number;
  relevance: number;
}

interface Candidate extends Hit {
  passes: number | boolean;
}

interface SegmentRow {
  id: string;
  text: string;
  speaker: string | null;
  start_s: number | null;
  end_s: number | null;
  response_position: number | null;
}

interface InterviewRow {
  id: string;
  kind: InterviewKind;
  title: string | null;
  created_at: string;
  occurred_at: string | null;
  account: string | null;
  candidate_id: string | null;
  candidate_name: string | null;
  job_id: string | null;
  job_title: string | null;
  has_recording: number | boolean;
}

/** An interview of the result with all its hits that passed the filters. */
interface Ranked {
  readonly interviewId: string;
  relevance: number;
  readonly hits: Hit[];
}

/**
 * Full-text search over transcript segments (migration 0022), grouped by interview.
 *
 * Ranking every match costs time in proportion to the matches (bm25 of 370,000 segments for a
 * word like "yeah" takes seconds), so on SQLite a search reads the `LATEST_SEGMENTS` matching
 * segments stored last, with their bm25, and ranks the interviews they belong to by summed
 * relevance; when more segments matched, `totalIsExact` is false and `total` counts the
 * interviews read (at least that many matched). An interview's segments are stored together, so
 * the interviews read are read whole: the one the cut went through is left out. When the filters
 * leave fewer interviews than the page needs, eight times as many segments are read, then all.
 * The filters on a job, candidate, account, speaker, topic or competitor are also facet tokens in
 * the index (migration 0026): FTS5 intersects them with the query, so a filter that leaves few
 * interviews does not make the search read match after match. PostgreSQL reads every match, and
 * searches within the interviews of a narrow filter (at most `SCOPED_INTERVIEWS`).
 * @example const { total, interviews } = await store.search.search(ws.id, '"battery life" -price', { kinds: ['research'] })
 */
export function createSearchIndex(ctx: RepositoryContext, options: SearchIndexOptions = {}): SearchIndex {
  const { db, kind } = ctx;
  const latestSegments = options.latestSegments ?? LATEST_SEGMENTS;
  const scopedInterviews = options.scopedInterviews ?? SCOPED_INTERVIEWS;

  return {
    async search(workspaceId, text, filters = {}, page = {}) {
      const query = parseSearchQuery(text);
      const limit = checkInteger('limit', page.limit ?? DEFAULT_LIMIT, 1, MAX_LIMIT);
      const offset = checkInteger('offset', page.offset ?? 0, 0, MAX_OFFSET);
      const where = filterSql(workspaceId, filters);
      // SQLite intersects the narrow filters in the index; PostgreSQL searches within few interviews.
      const scope = kind === 'sqlite' ? undefined : await scopeOf(where);
      const { ranked, totalIsExact } =
        scope === undefined
          ? await rankLatest(
              query,
              where,
              offset + limit,
              kind === 'sqlite' ? await facets(filters) : undefined,
            )
          : { ranked: rank(scope.length === 0 ? [] : await hitsIn(query, scope, where)), totalIsExact: true };
      const pageOf = ranked.slice(offset, offset + limit);
      const base = { total: ranked.length, totalIsExact, limit, offset };
      if (pageOf.length === 0) return { ...base, interviews: [] };
      const shown = new Map(pageOf.map((r) => [r.interviewId, bestHits(r.hits)]));
      const shownHits = [...shown.values()].flat();
      const shownIds = shownHits.map((h) => h.id);
      const [interviews, segments] = await Promise.all([
        interviewsOf(pageOf.map((r) => r.interviewId)),
        segmentsOf(shownIds),
      ]);
      const snippets = await snippetsOf(query, segments);
      return {
        ...base,
        interviews: pageOf.map((r) =>
          toInterviewHit(
            interviews.get(r.interviewId) as InterviewRow,
            r,
            (shown.get(r.interviewId) ?? []).map((h) =>
              toSegmentHit(h, segments.get(h.id) as SegmentRow, snippets.get(h.id) ?? ''),
            ),
          ),
        ),
      };
    },
  };

  /**
   * The interviews a narrow filter leaves, when it names a candidate, job, topic or competitor and
   * leaves at most `scopedInterviews`; otherwise undefined.
   */
  async function scopeOf(where: FilterSql): Promise<string[] | undefined> {
    if (where.driver === undefined) return undefined;
    // The narrow filter's index drives the query (CROSS JOIN keeps it outside on SQLite).
    const join = sql.raw(kind === 'sqlite' ? 'cross join' : 'join');
    const { rows } = await sql<{ id: string }>`select i.id from (${where.driver}) d
      ${join} interview i on i.id = d.interview_id
      where ${where.interview} limit ${scopedInterviews + 1}`.execute(db);
    return rows.length > scopedInterviews ? undefined : rows.map((r) => r.id);
  }

  /** Interviews ranked among the matching segments stored last, reading more until the page is filled. */
  async function rankLatest(
    query: SearchQuery,
    where: FilterSql,
    wanted: number,
    facets: SearchFacets | undefined,
  ): Promise<{ ranked: Ranked[]; totalIsExact: boolean }> {
    for (let read: number | null = kind === 'sqlite' ? latestSegments : null; ; read = next(read)) {
      // One more than `read`: whether more segments matched than were read.
      const { rows } = await sql<Candidate>`select c.seq, c.id, c.interview_id, c.position, c.relevance,
          case when ${where.segment(sql`c`)} and exists (
            select 1 from interview i where i.id = c.interview_id and ${where.interview}
          ) then 1 else 0 end as passes
        from (${latestMatchingSegments(kind, query, read === null ? null : read + 1, facets)}) c`.execute(db);
      const complete = read === null || rows.length <= read;
      let kept = rows.filter((r) => Number(r.passes) === 1);
      if (!complete) {
        // The first segment not read: its interview may have others among those read.
        const cut = rows.reduce((low, r) => (Number(r.seq) < Number(low.seq) ? r : low));
        kept = kept.filter((r) => r.interview_id !== cut.interview_id);
      }
      const ranked = rank(kept);
      if (complete || ranked.length >= wanted) return { ranked, totalIsExact: complete };
    }
  }

  /** The filters' facet tokens (SQLite), and whether they are common; undefined without any. */
  async function facets(filters: SearchFilters): Promise<SearchFacets | undefined> {
    const tokens = facetsOf(filters);
    if (tokens.length === 0) return undefined;
    const { rows } = await sql<{ n: number }>`${facetRows(tokens, COMMON_FACET_ROWS + 1)}`.execute(db);
    return { tokens, common: Number(rows[0]?.n ?? 0) > COMMON_FACET_ROWS };
  }

  function next(read: number | null): number | null {
    return read === null || read * 8 > MAX_LATEST ? null : read * 8;
  }

  /** Every matching segment of these interviews that passes the segment filters. */
  async function hitsIn(
    query: SearchQuery,
    interviewIds: readonly string[],
    where: FilterSql,
  ): Promise<Hit[]> {
    const { rows } = await sql<Hit>`select m.seq, m.id, m.interview_id, m.position, m.relevance
      from (${matchingSegmentsOf(kind, query, interviewIds)}) m
      where ${where.segment(sql`m`)}`.execute(db);
    return rows;
  }

  async function segmentsOf(ids: readonly string[]): Promise<Map<string, SegmentRow>> {
    const { rows } = await sql<SegmentRow>`select s.id, s.text, s.speaker, s.start_s, s.end_s,
        resp.position as response_position
      from transcript_segment s left join response resp on resp.id = s.response_id
      where s.id in (${sql.join(ids.map((id) => sql`${id}`))})`.execute(db);
    return new Map(rows.map((r) => [r.id, r]));
  }

  async function interviewsOf(ids: readonly string[]): Promise<Map<string, InterviewRow>> {
    const { rows } = await sql<InterviewRow>`select i.id, i.kind, i.title, i.created_at, i.occurred_at,
        i.account, c.id as candidate_id, c.name as candidate_name, j.id as job_id, j.title as job_title,
        case when exists (select 1 from media m where m.interview_id = i.id) then 1 else 0 end as has_recording
      from interview i
      left join application a on a.id = i.application_id
      left join candidate c on c.id = a.candidate_id
      left join job j on j.id = a.job_id
      where i.id in (${sql.join(ids.map((id) => sql`${id}`))})`.execute(db);
    return new Map(rows.map((r) => [r.id, r]));
  }

  async function snippetsOf(
    query: SearchQuery,
    segments: ReadonlyMap<string, SegmentRow>,
  ): Promise<Map<string, string>> {
    if (kind === 'sqlite') {
      return sqliteSnippets(query, new Map([...segments.values()].map((s) => [s.id, s.text])));
    }
    const found = await sql<{ id: string; snippet: string }>`${highlightedSegments(kind, query, [
      ...segments.keys(),
    ])}`.execute(db);
    return new Map(found.rows.map((r) => [r.id, r.snippet]));
  }
}

/**
 * Facets held by more segments than this are scored apart from them (`latestMatchingSegments`):
 * bm25 would count all their rows. Below it, counting them costs about as much as the count here
 * (100,000 interviews: a competitor in 8,700 segments, 0.3 ms; "yeah" over a second cursor, 40 ms).
 */
const COMMON_FACET_ROWS = 50_000;
/** Past this many segments read, a search reads every match. */
const MAX_LATEST = 100_000;

/** Interviews by the summed relevance of their hits, best first (ties by id). */
function rank(hits: readonly Hit[]): Ranked[] {
  const byInterview = new Map<string, Ranked>();
  for (const h of hits) {
    const hit: Hit = {
      seq: Number(h.seq),
      id: h.id,
      interview_id: h.interview_id,
      position: h.position,
      relevance: Number(h.relevance),
    };
    const entry = byInterview.get(h.interview_id);
    if (entry === undefined)
      byInterview.set(h.interview_id, { interviewId: h.interview_id, relevance: hit.relevance, hits: [hit] });
    else {
      entry.relevance += hit.relevance;
      entry.hits.push(hit);
    }
  }
  return [...byInterview.values()].sort(
    (a, b) =>
      b.relevance - a.relevance ||
      (a.interviewId < b.interviewId ? -1 : a.interviewId > b.interviewId ? 1 : 0),
  );
}

/** An interview's best `SEGMENTS_PER_INTERVIEW` hits, best first (ties: earlier first). */
function bestHits(hits: readonly Hit[]): Hit[] {
  return [...hits]
    .sort((a, b) => b.relevance - a.relevance || a.position - b.position)
    .slice(0, SEGMENTS_PER_INTERVIEW);
}

/** The filters as SQL: over `interview i`, and over a segment row's alias. */
interface FilterSql {
  readonly interview: RawBuilder<unknown>;
  readonly segment: (alias: RawBuilder<unknown>) => RawBuilder<unknown>;
  /**
   * The interviews of a filter that may leave few (a candidate, job, topic or competitor), as a
   * query with `interview_id`; undefined without one.
   */
  readonly driver: RawBuilder<unknown> | undefined;
}

function filterSql(workspaceId: string, filters: SearchFilters): FilterSql {
  const speaker = filters.speaker;
  const sentiment = filters.sentiment;
  if (sentiment !== undefined && !SENTIMENTS.has(sentiment)) {
    throw new CandorError(
      'VALIDATION_FAILED',
      `sentiment: "${sentiment}" is not one of ${SENTIMENT_LABELS.join(', ')}`,
      { field: 'sentiment', value: sentiment },
    );
  }
  const interview = interviewFilters(workspaceId, filters);
  return {
    interview,
    driver: driverOf(workspaceId, filters),
    segment: (m) => {
      const conditions = [sql`true`];
      if (speaker !== undefined) conditions.push(sql`lower(${m}.speaker) = lower(${speaker})`);
      if (sentiment !== undefined) {
        conditions.push(sql`exists (select 1 from knowledge_tag t
          where t.interview_id = ${m}.interview_id and t.segment_position = ${m}.position
            and t.kind = 'sentiment' and t.label_key = ${sentiment})`);
      }
      return sql.join(conditions, sql` and `);
    },
  };
}

function driverOf(workspaceId: string, filters: SearchFilters): RawBuilder<unknown> | undefined {
  const byApplication = (column: 'candidate_id' | 'job_id', value: string) =>
    sql`select i.id as interview_id from application a join interview i on i.application_id = a.id
      where ${sql.ref(`a.${column}`)} = ${value}`;
  if (filters.candidateId !== undefined) return byApplication('candidate_id', filters.candidateId);
  if (filters.jobId !== undefined) return byApplication('job_id', filters.jobId);
  const tagged = (kinds: readonly string[], value: string, field: 'topic' | 'competitor') =>
    sql`select distinct t.interview_id from knowledge_tag t where t.workspace_id = ${workspaceId}
      and t.kind in (${sql.join(kinds.map((k) => sql`${k}`))}) and t.label_key = ${labelKey(field, value)}`;
  if (filters.topic !== undefined) return tagged(['topic'], filters.topic, 'topic');
  if (filters.competitor !== undefined)
    return tagged(['competitor', 'product'], filters.competitor, 'competitor');
  return undefined;
}

/** The filters with a token in the SQLite index's `facets` column (migration 0026). */
function facetsOf(filters: SearchFilters): string[] {
  return searchFacets({
    jobId: filters.jobId,
    candidateId: filters.candidateId,
    account: filters.account?.trim(),
    speaker: filters.speaker,
    topicKey: filters.topic === undefined ? undefined : labelKey('topic', filters.topic),
    competitorKey: filters.competitor === undefined ? undefined : labelKey('competitor', filters.competitor),
  });
}

/** A tag filter's value as `knowledge_tag.label_key` holds it, or a CandorError naming the field. */
function labelKey(field: 'topic' | 'competitor', value: string): string {
  const key = nameSortKey(value.trim());
  if (key === '') {
    throw new CandorError('VALIDATION_FAILED', `${field}: give a name`, { field });
  }
  return key;
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
  } else {
    // A student's practice is their own (and their advisors'): searched only when asked for.
    conditions.push(sql`i.kind <> 'practice'`);
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
  // Written as IN over the indexed tables, so a narrow filter can drive the query.
  if (filters.jobId !== undefined)
    conditions.push(
      sql`i.application_id in (select a.id from application a where a.job_id = ${filters.jobId})`,
    );
  if (filters.candidateId !== undefined) {
    conditions.push(
      sql`i.application_id in (select a.id from application a where a.candidate_id = ${filters.candidateId})`,
    );
  }
  // One index seek per interview (knowledge_tag_label_idx, migration 0026); an IN over every
  // interview with the tag made SQLite list them all first (25,000 for a common topic: 40 ms).
  if (filters.topic !== undefined) {
    conditions.push(sql`exists (select 1 from knowledge_tag t where t.interview_id = i.id
      and t.kind = 'topic' and t.label_key = ${labelKey('topic', filters.topic)})`);
  }
  if (filters.competitor !== undefined) {
    conditions.push(sql`exists (select 1 from knowledge_tag t where t.interview_id = i.id
      and t.kind in ('competitor', 'product') and t.label_key = ${labelKey('competitor', filters.competitor)})`);
  }
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

function toInterviewHit(row: InterviewRow, ranked: Ranked, segments: SegmentHit[]): InterviewHit {
  return {
    interviewId: row.id,
    kind: row.kind,
    title: row.title,
    candidate: row.candidate_id === null ? null : { id: row.candidate_id, name: row.candidate_name ?? '' },
    job: row.job_id === null ? null : { id: row.job_id, title: row.job_title ?? '' },
    createdAt: row.created_at,
    occurredAt: row.occurred_at ?? row.created_at,
    account: row.account,
    hasRecording: Number(row.has_recording) === 1,
    hitCount: ranked.hits.length,
    relevance: ranked.relevance,
    segments,
  };
}

function toSegmentHit(hit: Hit, row: SegmentRow, snippet: string): SegmentHit {
  return {
    segmentId: hit.id,
    position: hit.position,
    speaker: row.speaker,
    startS: row.start_s,
    endS: row.end_s,
    responsePosition: row.response_position,
    snippet,
    relevance: hit.relevance,
  };
}
