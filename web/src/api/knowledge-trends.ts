/** The knowledge base's trends, group comparison and export links (issue 16 parts 4–6). */
import { request, urlFor, type Query } from './client';
import type { Ok, ReadonlyDeep } from './openapi-helpers';

export type KnowledgeTrends = ReadonlyDeep<Ok<'/api/v1/knowledge/trends', 'get'>>;
export type KnowledgeComparison = ReadonlyDeep<Ok<'/api/v1/knowledge/compare', 'get'>>;
export type LabelSeries = KnowledgeTrends['series'][number];
export type SpikeAlert = KnowledgeTrends['alerts'][number];
export type GroupComparison = KnowledgeComparison['groups'][number];

export interface TrendFilters {
  readonly kind?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly tagKind?: string | undefined;
}

const query = (filters: TrendFilters): Query => ({ ...filters });

/** @example const trends = await knowledgeTrendsApi.trends({ kind: 'customer' }) */
export const knowledgeTrendsApi = {
  trends: (filters: TrendFilters) =>
    request<KnowledgeTrends>('GET', '/knowledge/trends', { query: query(filters) }),
  compare: (filters: TrendFilters & { groups?: string | undefined }) =>
    request<KnowledgeComparison>('GET', '/knowledge/compare', { query: query(filters) }),
  /** A link that downloads the tags (or a search) as a file. */
  exportUrl: (filters: TrendFilters & { format: 'csv' | 'ndjson' }) =>
    urlFor('/knowledge/export', query(filters)),
};
