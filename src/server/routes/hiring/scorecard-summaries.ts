/**
 * What lists need from a scorecard (overall, confidence, strengths, gaps, competency scores),
 * read in batches and kept in memory. Scorecards are immutable once written (a re-score adds a
 * new one), so a summary never goes stale; bodies are about 20 kB, so a ranking of thousands of
 * candidates reads and parses each body once, not on every request.
 */
import type { Kysely } from 'kysely';
import type { Scorecard } from '../../../assessment/index.js';
import { CandorError } from '../../../core/index.js';
import type { Database } from '../../../store/index.js';

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

/**
 * @example summariseScorecard('sc_1', body).competencies[0] // { id: 'clarity-coherence', name: 'Clarity & coherence', score: 98 }
 */
export function summariseScorecard(id: string, body: Scorecard): ScorecardSummary {
  return {
    id,
    overallScore: body.overall.score,
    confidence: body.overall.confidence,
    strengths: body.strengths.map((s) => s.name),
    gaps: body.gaps.map((g) => g.name),
    competencies: body.competencies.map((c) => ({ id: c.id, name: c.name, score: c.score })),
  };
}

export interface ScorecardSummaries {
  /** Summaries of the scorecards with these ids (unknown ids are left out). */
  load(ids: readonly string[]): Promise<Map<string, ScorecardSummary>>;
}

/** Ids per `where id in (…)`: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const BATCH = 500;

/**
 * A summary reader over one database with a bounded cache (oldest entries leave first).
 * @example const summaries = createScorecardSummaries(store.db); (await summaries.load([id])).get(id)?.strengths
 */
export function createScorecardSummaries(
  db: Kysely<Database>,
  options: { maxEntries?: number } = {},
): ScorecardSummaries {
  const maxEntries = options.maxEntries ?? 100_000;
  const cache = new Map<string, ScorecardSummary>();
  const remember = (summary: ScorecardSummary): void => {
    cache.set(summary.id, summary);
    while (cache.size > maxEntries) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
  };
  return {
    async load(ids) {
      const found = new Map<string, ScorecardSummary>();
      const missing: string[] = [];
      for (const id of new Set(ids)) {
        const hit = cache.get(id);
        if (hit === undefined) missing.push(id);
        else found.set(id, hit);
      }
      for (let start = 0; start < missing.length; start += BATCH) {
        const rows = await db
          .selectFrom('scorecard')
          .select(['id', 'body'])
          .where('id', 'in', missing.slice(start, start + BATCH))
          .execute();
        for (const row of rows) {
          const summary = summariseScorecard(row.id, parseBody(row.id, row.body));
          remember(summary);
          found.set(row.id, summary);
        }
      }
      return found;
    },
  };
}

function parseBody(id: string, text: string): Scorecard {
  try {
    return JSON.parse(text) as Scorecard;
  } catch (error) {
    const where = { entity: 'scorecard', id, field: 'body' };
    throw new CandorError('INTERNAL', `scorecard ${id}: body is not valid JSON`, where, { cause: error });
  }
}
