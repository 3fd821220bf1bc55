/**
 * Exports of the knowledge base (issue 16 part 4): tagged segments or search results as CSV
 * (RFC 4180) or NDJSON, produced a page at a time so a 100,000-row export never sits in memory.
 */
import { CandorError } from '../../core/index.js';
import type { InterviewKind, KnowledgeTagKind } from '../../domain/index.js';
import type { SearchFilters, Store, TagExportRow, TagFilters } from '../../store/index.js';

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_SUBJECTS = ['tags', 'search'] as const;
export type ExportSubject = (typeof EXPORT_SUBJECTS)[number];

/** An export as a person asks for it, on the command line or in a URL; every field text. */
export interface ExportOptions {
  readonly format?: string | undefined;
  readonly what?: string | undefined;
  /** The search query (`--what search`). */
  readonly query?: string | undefined;
  /** Interview kinds, comma-separated. */
  readonly kind?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** Tag kinds, comma-separated (`--what tags`). */
  readonly tagKind?: string | undefined;
  /** Labels, comma-separated, any case (`--what tags`). */
  readonly label?: string | undefined;
}

export type ExportRequest =
  | { readonly what: 'tags'; readonly format: ExportFormat; readonly filters: TagFilters }
  | {
      readonly what: 'search';
      readonly format: ExportFormat;
      readonly query: string;
      readonly filters: SearchFilters;
    };

/** Rows per read from the database. */
const TAG_PAGE = 1000;
/** Interviews per search page (the search's own maximum). */
const SEARCH_PAGE = 100;

const list = (value: string | undefined): string[] | undefined =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');

function oneOf<T extends string>(field: string, value: string | undefined, allowed: readonly T[]): T {
  const v = (value ?? allowed[0] ?? '').trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(v)) {
    throw new CandorError('VALIDATION_FAILED', `${field}: "${value}" is not one of ${allowed.join(', ')}`, {
      field,
      value,
    });
  }
  return v as T;
}

/**
 * The export asked for, checked: format and subject known, a query for a search, tag filters only
 * on tags. The store checks kinds and dates when it reads.
 * @throws CandorError VALIDATION_FAILED naming the option
 * @example exportRequest({ what: 'tags', kind: 'customer', label: 'pricing' })
 */
export function exportRequest(options: ExportOptions): ExportRequest {
  const format = oneOf('format', options.format, EXPORT_FORMATS);
  const what = oneOf('what', options.what, EXPORT_SUBJECTS);
  const kinds = list(options.kind) as InterviewKind[] | undefined;
  const common = {
    ...(kinds === undefined ? {} : { kinds }),
    ...(options.from === undefined ? {} : { from: options.from }),
    ...(options.to === undefined ? {} : { to: options.to }),
  };
  if (what === 'search') {
    for (const [field, value] of [
      ['tagKind', options.tagKind],
      ['label', options.label],
    ] as const) {
      if (value !== undefined) {
        throw new CandorError(
          'VALIDATION_FAILED',
          `${field}: applies to tag exports (what=tags), not to search`,
          {
            field,
          },
        );
      }
    }
    const query = options.query?.trim() ?? '';
    if (query === '') {
      throw new CandorError('VALIDATION_FAILED', 'query: a search export needs a query', { field: 'query' });
    }
    return { what, format, query, filters: common };
  }
  if (options.query !== undefined) {
    throw new CandorError('VALIDATION_FAILED', 'query: applies to search exports (what=search)', {
      field: 'query',
    });
  }
  const tagKinds = list(options.tagKind) as KnowledgeTagKind[] | undefined;
  const labels = list(options.label);
  return {
    what,
    format,
    filters: {
      ...common,
      ...(tagKinds === undefined ? {} : { tagKinds }),
      ...(labels === undefined ? {} : { labels }),
    },
  };
}

type Cell = string | number | null;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * Text a spreadsheet would run as a formula gets a leading `'` (OWASP, "CSV Injection"): quotes
 * come from what people said.
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const TAG_COLUMNS = [
  'tag_id',
  'tag_kind',
  'label',
  'quote',
  'speaker',
  'start_s',
  'end_s',
  'segment_position',
  'sentiment',
  'interview_id',
  'interview_kind',
  'title',
  'account',
  'outcome',
  'occurred_at',
] as const;

const SEARCH_COLUMNS = [
  'interview_id',
  'interview_kind',
  'title',
  'account',
  'occurred_at',
  'candidate',
  'job',
  'segment_id',
  'segment_position',
  'speaker',
  'start_s',
  'end_s',
  'snippet',
  'relevance',
] as const;

type Record_<C extends readonly string[]> = { [K in C[number]]: Cell };

function tagRecord(r: TagExportRow): Record_<typeof TAG_COLUMNS> {
  return {
    tag_id: r.tagId,
    tag_kind: r.tagKind,
    label: r.label,
    quote: r.quote,
    speaker: r.speaker,
    start_s: r.startS,
    end_s: r.endS,
    segment_position: r.segmentPosition,
    sentiment: r.sentiment,
    interview_id: r.interviewId,
    interview_kind: r.interviewKind,
    title: r.title,
    account: r.account,
    outcome: r.outcome,
    occurred_at: r.occurredAt,
  };
}

function line(format: ExportFormat, columns: readonly string[], record: Record<string, Cell>): string {
  return format === 'csv'
    ? `${columns.map((c) => csvField(record[c] ?? null)).join(',')}\r\n`
    : `${JSON.stringify(record)}\n`;
}

/** A stretch of an export's text and the rows in it (0 for the CSV header). */
export interface ExportChunk {
  readonly text: string;
  readonly rows: number;
}

/**
 * The export's text, a page at a time (the CSV header first): tags read by keyset pages of 1,000,
 * search results 100 interviews at a time (each interview's best matching segments, as the search
 * returns them; at most 10,100 interviews, the search's deepest page).
 * @example for await (const chunk of exportLines(store, ws.id, exportRequest({ what: 'tags' }))) out.write(chunk.text)
 */
export async function* exportLines(
  store: Store,
  workspaceId: string,
  request: ExportRequest,
): AsyncGenerator<ExportChunk> {
  const { format } = request;
  if (request.what === 'tags') {
    if (format === 'csv') yield { text: `${TAG_COLUMNS.join(',')}\r\n`, rows: 0 };
    let after: TagExportRow | undefined;
    for (;;) {
      const page = await store.knowledgeTrends.exportPage(workspaceId, request.filters, {
        limit: TAG_PAGE,
        ...(after === undefined ? {} : { after: { occurredAt: after.occurredAt, tagId: after.tagId } }),
      });
      // One string per page: a write per row would cost more than the rows.
      if (page.length > 0) {
        yield { text: page.map((r) => line(format, TAG_COLUMNS, tagRecord(r))).join(''), rows: page.length };
      }
      after = page.at(-1);
      if (page.length < TAG_PAGE) return;
    }
  }
  if (format === 'csv') yield { text: `${SEARCH_COLUMNS.join(',')}\r\n`, rows: 0 };
  for (let offset = 0; offset <= 10_000; offset += SEARCH_PAGE) {
    const result = await store.search.search(workspaceId, request.query, request.filters, {
      limit: SEARCH_PAGE,
      offset,
    });
    const lines: string[] = [];
    for (const hit of result.interviews) {
      for (const s of hit.segments) {
        lines.push(
          line(format, SEARCH_COLUMNS, {
            interview_id: hit.interviewId,
            interview_kind: hit.kind,
            title: hit.title,
            account: hit.account,
            occurred_at: hit.occurredAt,
            candidate: hit.candidate?.name ?? null,
            job: hit.job?.title ?? null,
            segment_id: s.segmentId,
            segment_position: s.position,
            speaker: s.speaker,
            start_s: s.startS,
            end_s: s.endS,
            snippet: s.snippet,
            relevance: s.relevance,
          }),
        );
      }
    }
    if (lines.length > 0) yield { text: lines.join(''), rows: lines.length };
    if (offset + result.interviews.length >= result.total || result.interviews.length === 0) return;
  }
}

/**
 * A file name for an export: what, the date, the format.
 * @example exportFileName({ what: 'tags', format: 'csv' }, new Date('2026-03-26')) // 'candor-tags-2026-03-26.csv'
 */
export function exportFileName(request: Pick<ExportRequest, 'what' | 'format'>, now: Date): string {
  return `candor-${request.what}-${now.toISOString().slice(0, 10)}.${request.format}`;
}
