/**
 * Reads over the knowledge base's tags (`knowledge_tag`, migration 0023) for trends, the
 * comparison of interview groups and exports (issue 16, parts 4–6). Read-only: the tagger writes.
 */
import { sql, type RawBuilder } from 'kysely';
import { CandorError } from '../../core/index.js';
import {
  INTERVIEW_KIND_LIST,
  KNOWLEDGE_TAG_KINDS,
  type InterviewKind,
  type KnowledgeTagKind,
} from '../../domain/index.js';
import { isoWeekStart } from '../dialect.js';
import { nameSortKey } from '../name-key.js';
import type { RepositoryContext } from './rows.js';

/** Tag kinds that trends and comparisons count: named things said in a conversation. */
export const TREND_TAG_KINDS = ['topic', 'competitor', 'product'] as const;
export type TrendTagKind = (typeof TREND_TAG_KINDS)[number];

/**
 * VADER's thresholds on the compound score (Hutto & Gilbert 2014, ICWSM; the vaderSentiment
 * README): positive ≥ 0.05, negative ≤ −0.05, neutral between.
 */
export const VADER_POSITIVE = 0.05;
export const VADER_NEGATIVE = -0.05;

/** Narrows the tags read; every filter given must hold. */
export interface TagFilters {
  /** Tags of any of these kinds; trends and comparisons default to `TREND_TAG_KINDS`. */
  readonly tagKinds?: readonly KnowledgeTagKind[];
  /** Labels, any letter case or accents (`Pricing` matches `pricing`). */
  readonly labels?: readonly string[];
  /** Interviews of any of these kinds. */
  readonly kinds?: readonly InterviewKind[];
  /** Held on or after: `YYYY-MM-DD` (UTC day) or an ISO-8601 time. */
  readonly from?: string;
  /** Held on or before: `YYYY-MM-DD` (the whole UTC day) or an ISO-8601 time. */
  readonly to?: string;
}

/** Mentions of one label in one ISO week. */
export interface WeeklyLabelCount {
  readonly tagKind: TrendTagKind;
  /** The label lower-cased without accents. */
  readonly labelKey: string;
  /** The label as the most recent tag spells it. */
  readonly label: string;
  /** Monday of the ISO week (UTC), `YYYY-MM-DD`. */
  readonly week: string;
  readonly mentions: number;
  /** Interviews with at least one mention that week. */
  readonly interviews: number;
  /** Mentions whose quote scored ≥ 0.05, ≤ −0.05, and between (VADER); unscored ones in none. */
  readonly positive: number;
  readonly negative: number;
  readonly neutral: number;
  /** Mean VADER compound of the scored mentions; null when none was scored. */
  readonly meanSentiment: number | null;
}

/** A set of interviews compared with others: of one kind, or with one outcome (any case). */
export type CompareGroup =
  | { readonly field: 'kind'; readonly value: InterviewKind }
  | { readonly field: 'outcome'; readonly value: string };

export interface GroupLabelStats {
  readonly tagKind: TrendTagKind;
  readonly labelKey: string;
  readonly label: string;
  /** Interviews of the group mentioning the label. */
  readonly interviews: number;
  /** `interviews` over the group's tagged interviews, 0..1. */
  readonly share: number;
  readonly mentions: number;
  readonly meanSentiment: number | null;
}

export interface GroupComparison {
  readonly group: CompareGroup;
  /** Interviews of the group with any tag (the tagger has read them): the share's denominator. */
  readonly taggedInterviews: number;
  /** Its labels, most interviews mentioning first. */
  readonly labels: readonly GroupLabelStats[];
}

/** One tag with the interview it was found in, as exports write it. */
export interface TagExportRow {
  readonly tagId: string;
  readonly tagKind: KnowledgeTagKind;
  readonly label: string;
  readonly quote: string;
  readonly speaker: string | null;
  readonly startS: number | null;
  readonly endS: number | null;
  readonly segmentPosition: number | null;
  readonly sentiment: number | null;
  readonly interviewId: string;
  readonly interviewKind: InterviewKind;
  readonly title: string | null;
  readonly account: string | null;
  readonly outcome: string | null;
  /** When the conversation happened (ISO-8601 UTC). */
  readonly occurredAt: string;
}

/** Where a page of an export starts: after this tag (keyset, so long exports stay fast). */
export interface TagCursor {
  readonly occurredAt: string;
  readonly tagId: string;
}

export interface KnowledgeTrendsRepository {
  /**
   * Mentions per label per ISO week (Monday start, UTC), weeks without mentions left out.
   * @throws CandorError VALIDATION_FAILED for an unknown kind, a date that is not one, from after to
   */
  weekly(workspaceId: string, filters?: TagFilters): Promise<WeeklyLabelCount[]>;
  /**
   * Per group, per label: interviews mentioning it, their share of the group's tagged interviews,
   * mentions and mean sentiment.
   */
  compare(
    workspaceId: string,
    groups: readonly CompareGroup[],
    filters?: TagFilters,
  ): Promise<GroupComparison[]>;
  /** The interview kinds and outcomes that have tags, to offer as groups. */
  groups(workspaceId: string): Promise<CompareGroup[]>;
  /** Up to `limit` (1–5,000) tags with their interviews, oldest first, after `after`. */
  exportPage(
    workspaceId: string,
    filters: TagFilters,
    page: { readonly after?: TagCursor; readonly limit: number },
  ): Promise<TagExportRow[]>;
}

const KINDS: ReadonlySet<string> = new Set(INTERVIEW_KIND_LIST);
const TAG_KINDS: ReadonlySet<string> = new Set(KNOWLEDGE_TAG_KINDS);
const MAX_EXPORT_PAGE = 5000;

/**
 * The trends reader.
 * @example const weeks = await store.knowledgeTrends.weekly(ws.id, { kinds: ['customer'], from: '2026-01-01' })
 */
export function createKnowledgeTrendsRepository(ctx: RepositoryContext): KnowledgeTrendsRepository {
  const { db, kind } = ctx;
  return {
    async weekly(workspaceId, filters = {}) {
      const where = tagConditions(workspaceId, { tagKinds: TREND_TAG_KINDS, ...filters });
      const week = isoWeekStart(kind, 't.occurred_at');
      const { rows } = await sql<CountRow & { week: string }>`
        select t.kind as tag_kind, t.label_key, ${week} as week, ${counts()}
        from knowledge_tag t join interview i on i.id = t.interview_id
        where ${where}
        group by t.kind, t.label_key, ${week}
        order by t.kind, t.label_key, week`.execute(db);
      const labels = await latestLabels(workspaceId, filters);
      return rows.map((r) => ({ ...toCounts(r, labels), week: r.week }));
    },

    async compare(workspaceId, groups, filters = {}) {
      const labels = await latestLabels(workspaceId, filters);
      const result: GroupComparison[] = [];
      for (const group of groups) {
        const interviewOnly = { kinds: filters.kinds, from: filters.from, to: filters.to };
        const inGroup = groupCondition(group);
        const tagged = await sql<{ n: number }>`
          select count(distinct t.interview_id) as n
          from knowledge_tag t join interview i on i.id = t.interview_id
          where ${tagConditions(workspaceId, interviewOnly)} and ${inGroup}`.execute(db);
        const taggedInterviews = Number(tagged.rows[0]?.n ?? 0);
        const where = tagConditions(workspaceId, {
          ...filters,
          tagKinds: filters.tagKinds ?? TREND_TAG_KINDS,
        });
        const { rows } = await sql<CountRow>`
          select t.kind as tag_kind, t.label_key, ${counts()}
          from knowledge_tag t join interview i on i.id = t.interview_id
          where ${where} and ${inGroup}
          group by t.kind, t.label_key
          order by interviews desc, mentions desc, t.label_key`.execute(db);
        result.push({
          group,
          taggedInterviews,
          labels: rows.map((r) => {
            const c = toCounts(r, labels);
            return {
              tagKind: c.tagKind,
              labelKey: c.labelKey,
              label: c.label,
              interviews: c.interviews,
              share: taggedInterviews === 0 ? 0 : c.interviews / taggedInterviews,
              mentions: c.mentions,
              meanSentiment: c.meanSentiment,
            };
          }),
        });
      }
      return result;
    },

    async groups(workspaceId) {
      const { rows } = await sql<{ kind: InterviewKind; outcome: string | null }>`
        select distinct i.kind, lower(trim(i.outcome)) as outcome
        from interview i
        where i.workspace_id = ${workspaceId}
          and exists (select 1 from knowledge_tag t where t.interview_id = i.id)`.execute(db);
      const kinds = INTERVIEW_KIND_LIST.filter((k) => rows.some((r) => r.kind === k));
      const outcomes = [...new Set(rows.flatMap((r) => (r.outcome ? [r.outcome] : [])))].sort();
      return [
        ...kinds.map((value) => ({ field: 'kind' as const, value })),
        ...outcomes.map((value) => ({ field: 'outcome' as const, value })),
      ];
    },

    async exportPage(workspaceId, filters, page) {
      if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_EXPORT_PAGE) {
        throw new CandorError(
          'VALIDATION_FAILED',
          `limit: ${page.limit} is not a whole number from 1 to ${MAX_EXPORT_PAGE}`,
          { field: 'limit' },
        );
      }
      const after =
        page.after === undefined
          ? sql`true`
          : // A row value, so the page starts with a seek in knowledge_tag_export_idx (migration 0026).
            sql`(t.occurred_at, t.id) > (${page.after.occurredAt}, ${page.after.tagId})`;
      const { rows } = await sql<ExportRow>`
        select t.id, t.kind, t.label, t.quote, t.speaker, t.start_s, t.end_s, t.segment_position,
          t.sentiment, t.occurred_at, i.id as interview_id, i.kind as interview_kind, i.title,
          i.account, i.outcome
        from knowledge_tag t join interview i on i.id = t.interview_id
        where ${tagConditions(workspaceId, filters)} and ${after}
        order by t.occurred_at, t.id
        limit ${page.limit}`.execute(db);
      return rows.map((r) => ({
        tagId: r.id,
        tagKind: r.kind,
        label: r.label,
        quote: r.quote,
        speaker: r.speaker,
        startS: nullableNumber(r.start_s),
        endS: nullableNumber(r.end_s),
        segmentPosition: nullableNumber(r.segment_position),
        sentiment: nullableNumber(r.sentiment),
        interviewId: r.interview_id,
        interviewKind: r.interview_kind,
        title: r.title,
        account: r.account,
        outcome: r.outcome,
        occurredAt: r.occurred_at,
      }));
    },
  };

  /** Each label's spelling on its most recent tag, by kind and key. */
  async function latestLabels(workspaceId: string, filters: TagFilters): Promise<Map<string, string>> {
    const where = tagConditions(workspaceId, { tagKinds: TREND_TAG_KINDS, ...filters });
    const { rows } = await sql<{ kind: string; label_key: string; label: string }>`
      select kind, label_key, label from (
        select t.kind, t.label_key, t.label,
          row_number() over (partition by t.kind, t.label_key order by t.occurred_at desc, t.id desc) as k
        from knowledge_tag t join interview i on i.id = t.interview_id
        where ${where}
      ) x where k = 1`.execute(db);
    return new Map(rows.map((r) => [`${r.kind}\u0000${r.label_key}`, r.label]));
  }
}

interface CountRow {
  tag_kind: TrendTagKind;
  label_key: string;
  mentions: number | string;
  interviews: number | string;
  positive: number | string | null;
  negative: number | string | null;
  neutral: number | string | null;
  mean_sentiment: number | string | null;
}

interface ExportRow {
  id: string;
  kind: KnowledgeTagKind;
  label: string;
  quote: string;
  speaker: string | null;
  start_s: number | null;
  end_s: number | null;
  segment_position: number | null;
  sentiment: number | null;
  occurred_at: string;
  interview_id: string;
  interview_kind: InterviewKind;
  title: string | null;
  account: string | null;
  outcome: string | null;
}

/** Aggregates of a group of tags `t` (PostgreSQL returns counts as text: bigint). */
function counts(): RawBuilder<unknown> {
  return sql`count(*) as mentions, count(distinct t.interview_id) as interviews,
    sum(case when t.sentiment >= ${VADER_POSITIVE} then 1 else 0 end) as positive,
    sum(case when t.sentiment <= ${VADER_NEGATIVE} then 1 else 0 end) as negative,
    sum(case when t.sentiment > ${VADER_NEGATIVE} and t.sentiment < ${VADER_POSITIVE} then 1 else 0 end) as neutral,
    avg(t.sentiment) as mean_sentiment`;
}

function toCounts(row: CountRow, labels: ReadonlyMap<string, string>): Omit<WeeklyLabelCount, 'week'> {
  return {
    tagKind: row.tag_kind,
    labelKey: row.label_key,
    label: labels.get(`${row.tag_kind}\u0000${row.label_key}`) ?? row.label_key,
    mentions: Number(row.mentions),
    interviews: Number(row.interviews),
    positive: Number(row.positive ?? 0),
    negative: Number(row.negative ?? 0),
    neutral: Number(row.neutral ?? 0),
    meanSentiment: nullableNumber(row.mean_sentiment),
  };
}

function nullableNumber(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}

function groupCondition(group: CompareGroup): RawBuilder<unknown> {
  if (group.field === 'kind') {
    checkKinds([group.value], 'groups');
    return sql`i.kind = ${group.value}`;
  }
  return sql`lower(trim(i.outcome)) = ${group.value.trim().toLowerCase()}`;
}

function checkKinds(kinds: readonly string[], field: string): void {
  const unknown = kinds.find((k) => !KINDS.has(k));
  if (unknown !== undefined || kinds.length === 0) {
    const message =
      unknown === undefined
        ? `${field}: give at least one kind`
        : `${field}: "${unknown}" is not an interview kind (${INTERVIEW_KIND_LIST.join(', ')})`;
    throw new CandorError('VALIDATION_FAILED', message, { field });
  }
}

/** The SQL conditions of tag filters on `t` (knowledge_tag) and `i` (its interview). */
function tagConditions(workspaceId: string, filters: TagFilters): RawBuilder<unknown> {
  const conditions = [sql`t.workspace_id = ${workspaceId}`];
  if (filters.tagKinds !== undefined) {
    const unknown = filters.tagKinds.find((k) => !TAG_KINDS.has(k));
    if (unknown !== undefined || filters.tagKinds.length === 0) {
      const message =
        unknown === undefined
          ? 'tagKinds: give at least one tag kind'
          : `tagKinds: "${unknown}" is not a tag kind (${KNOWLEDGE_TAG_KINDS.join(', ')})`;
      throw new CandorError('VALIDATION_FAILED', message, { field: 'tagKinds' });
    }
    conditions.push(sql`t.kind in (${sql.join(filters.tagKinds.map((k) => sql`${k}`))})`);
  }
  if (filters.labels !== undefined && filters.labels.length > 0) {
    const keys = filters.labels.map((l) => nameSortKey(l.trim()));
    conditions.push(sql`t.label_key in (${sql.join(keys.map((k) => sql`${k}`))})`);
  }
  if (filters.kinds !== undefined) {
    checkKinds(filters.kinds, 'kinds');
    conditions.push(sql`i.kind in (${sql.join(filters.kinds.map((k) => sql`${k}`))})`);
  }
  const range = tagDateRange(filters);
  if (range.start !== undefined) conditions.push(sql`t.occurred_at >= ${range.start}`);
  if (range.end !== undefined) conditions.push(sql`t.occurred_at < ${range.end}`);
  return sql.join(conditions, sql` and `);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The filters' dates as stored text compares: `start`, the first instant in range, and `end`, the
 * first instant after it (a `to` day covers the whole UTC day).
 * @throws CandorError VALIDATION_FAILED naming the field for a date that is not one or from after to
 * @example tagDateRange({ to: '2026-03-01' }).end // '2026-03-02T00:00:00.000Z'
 */
export function tagDateRange(filters: Pick<TagFilters, 'from' | 'to'>): {
  start?: string;
  end?: string;
} {
  const from = filters.from === undefined ? undefined : dateBound('from', filters.from);
  const to = filters.to === undefined ? undefined : dateBound('to', filters.to);
  if (from !== undefined && to !== undefined && from.start >= to.end) {
    throw new CandorError('VALIDATION_FAILED', `from ${filters.from} is after to ${filters.to}`, {
      field: 'from',
    });
  }
  return {
    ...(from === undefined ? {} : { start: from.start }),
    ...(to === undefined ? {} : { end: to.end }),
  };
}

function dateBound(field: 'from' | 'to', value: string): { start: string; end: string } {
  const v = value.trim();
  if (DAY.test(v)) {
    const start = new Date(`${v}T00:00:00.000Z`);
    // Date rolls 2026-02-30 over into March: a day that reads back differently does not exist.
    if (!Number.isNaN(start.getTime()) && start.toISOString().startsWith(v)) {
      return { start: start.toISOString(), end: new Date(start.getTime() + 86_400_000).toISOString() };
    }
  } else if (TIME.test(v)) {
    const time = new Date(v);
    if (!Number.isNaN(time.getTime())) {
      return { start: time.toISOString(), end: new Date(time.getTime() + 1).toISOString() };
    }
  }
  throw new CandorError(
    'VALIDATION_FAILED',
    `${field}: "${value}" is not a date; use YYYY-MM-DD or an ISO-8601 time such as 2026-03-01T09:00:00Z`,
    { field, value },
  );
}
