/**
 * What lists need from a scorecard (overall, confidence, strengths, gaps, competency scores),
 * read from the summary row written with each scorecard (`scorecard_summary`), never from the body.
 */
import type { Kysely } from 'kysely';
import type { Database, ScorecardSummary } from '../../../store/index.js';
import { loadSummaries } from '../../../store/repositories/scorecard-summaries.js';

export type { CompetencyScore, ScorecardSummary } from '../../../store/index.js';

export interface ScorecardSummaries {
  /** Summaries of the scorecards with these ids (unknown ids are left out). */
  load(ids: readonly string[]): Promise<Map<string, ScorecardSummary>>;
}

/**
 * A summary reader over one database (no cache: each summary is one indexed row).
 * @example const summaries = createScorecardSummaries(store.db); (await summaries.load([id])).get(id)?.strengths
 */
export function createScorecardSummaries(db: Kysely<Database>): ScorecardSummaries {
  return { load: (ids) => loadSummaries(db, ids) };
}
