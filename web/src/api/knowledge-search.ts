/**
 * The interview knowledge base (issue 16): bulk import of transcripts, full-text search, saved
 * searches, and an interview's tags when the server has them.
 */
import { ApiError, request, upload } from './client';
import type { components } from './openapi.gen';
import type { InterviewDetail, InterviewTranscript } from './types';
import type { Body, Ok, ReadonlyDeep } from './openapi-helpers';

type Schemas = components['schemas'];

export type KnowledgeImport = ReadonlyDeep<Schemas['KnowledgeImport']>;
export type ImportSummary = ReadonlyDeep<Schemas['ImportSummary']>;
export type ImportFileResult = ReadonlyDeep<Schemas['ImportFileResult']>;
export type SearchResults = ReadonlyDeep<Ok<'/api/v1/search', 'get'>>;
export type SearchInterviewHit = ReadonlyDeep<Schemas['SearchInterviewHit']>;
export type SearchSegmentHit = ReadonlyDeep<Schemas['SearchSegmentHit']>;
export type SavedSearch = ReadonlyDeep<Schemas['SavedSearch']>;
export type NewSavedSearch = ReadonlyDeep<Body<'/api/v1/knowledge/saved-searches', 'post'>>;

/** The filters of the search page, as the query string of GET /search names them. */
export const SEARCH_FILTERS = [
  'kind',
  'from',
  'to',
  'speaker',
  'account',
  'topic',
  'competitor',
  'sentiment',
] as const;
export type SearchFilterName = (typeof SEARCH_FILTERS)[number];
export type SearchFilters = Partial<Record<SearchFilterName, string>>;

/** One tag of an interview (GET /interviews/:id/tags, when the server has it). */
export interface InterviewTag {
  readonly kind: string;
  readonly label: string;
  readonly quote: string;
  readonly speaker: string | null;
  readonly startS: number | null;
  readonly endS: number | null;
  readonly segmentPosition: number | null;
  readonly endPosition: number | null;
  readonly sentiment: number | null;
  readonly detail: unknown;
}

const enc = encodeURIComponent;

/** The import form: kind and metadata for every file. */
export interface ImportFields {
  readonly kind: string;
  readonly account?: string;
  readonly segment?: string;
  readonly role?: string;
  readonly outcome?: string;
  readonly occurredAt?: string;
}

/** @example const { interviews } = await knowledgeApi.search('export', { kind: 'customer' }, 0) */
export const knowledgeApi = {
  /** Sends the files (each named by its path inside the chosen folder) and answers the task. */
  startImport: (
    fields: ImportFields,
    files: readonly { readonly file: Blob; readonly name: string }[],
    onProgress?: (fraction: number) => void,
  ) =>
    upload<KnowledgeImport>(
      '/knowledge/imports',
      [
        ...Object.entries(fields)
          .filter(([, v]) => typeof v === 'string' && v.trim() !== '')
          .map(([k, v]) => [k, String(v)] as const),
        ...files.map((f) => ['files', f.file, f.name] as const),
      ],
      onProgress,
    ),
  /** The interview with its recordings, and its whole transcript. */
  interview: async (id: string) => {
    const [detail, transcript] = await Promise.all([
      request<InterviewDetail>('GET', `/interviews/${enc(id)}`),
      request<InterviewTranscript>('GET', `/interviews/${enc(id)}/transcript`),
    ]);
    return { ...detail, transcript: transcript.transcript };
  },
  getImport: (id: string) => request<KnowledgeImport>('GET', `/knowledge/imports/${enc(id)}`),
  search: (q: string, filters: SearchFilters, offset: number, limit = 20) =>
    request<SearchResults>('GET', '/search', {
      query: {
        q,
        ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v.trim() !== '')),
        limit,
        offset,
      },
    }),
  savedSearches: () => request<{ searches: SavedSearch[] }>('GET', '/knowledge/saved-searches'),
  saveSearch: (body: NewSavedSearch) => request<SavedSearch>('POST', '/knowledge/saved-searches', { body }),
  deleteSearch: (id: string) => request<void>('DELETE', `/knowledge/saved-searches/${enc(id)}`),
  /** The interview's tags; null when the server has none to give (404, or no such route yet). */
  tags: async (interviewId: string): Promise<readonly InterviewTag[] | null> => {
    try {
      const body = await request<{ tags?: InterviewTag[] }>('GET', `/interviews/${enc(interviewId)}/tags`);
      return Array.isArray(body?.tags) ? body.tags : null;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
};
