/**
 * What lists need from a scorecard (overall, confidence, strengths, gaps, competency scores),
 * read from the summary row written with each scorecard (`scorecard_summary`), never from the body.
 */
import type { ScorecardSummary, Store } from '../../../store/index.js';

export type { CompetencyScore, ScorecardSummary } from '../../../store/index.js';

export interface ScorecardSummaries {
  /** Summaries of the scorecards with these ids (unknown ids are left out). */
  load(ids: readonly string[]): Promise<Map<string, ScorecardSummary>>;
}

/**
 * A summary reader over the store (no cache: each summary is one indexed row).
 * @example const summaries = createScorecardSummaries(store); (await summaries.load([id])).get(id)?.strengths
 */
export function createScorecardSummaries(store: Store): ScorecardSummaries {
  return { load: (ids) => store.scorecards.summaries(ids) };
}
