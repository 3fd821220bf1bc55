/**
 * Which competency a micro-task asks about, and with which question. Pure: a scorecard, a
 * framework and the question banks in; the choice out.
 */
import path from 'node:path';
import { loadQuestionSet } from '../assessment/question-bank.js';
import type { Framework } from '../assessment/framework-schema.js';
import { packageRoot } from '../core/index.js';
import type { Question } from '../domain/index.js';
import type { Scorecard } from '../domain/scorecard.js';

/** The micro-task bank of the default framework: one-competency questions (see the file's provenance note). */
export const MICRO_TASK_BANK_FILE = path.join(packageRoot(), 'frameworks', 'micro-tasks', 'default.yaml');

let bank: readonly Question[] | null = null;

/** The built-in micro-task bank, read once. @example microTaskBank().length // 20 */
export function microTaskBank(): readonly Question[] {
  bank ??= loadQuestionSet(MICRO_TASK_BANK_FILE).questions;
  return bank;
}

export interface MicroTaskNeed {
  readonly competencyId: string;
  readonly competencyName: string;
  readonly reason: 'insufficient_evidence' | 'gap';
  /** One line a recruiter reads: "Empathy: insufficient evidence: …" or "Empathy scored 41/100 (a gap: below 60)". */
  readonly detail: string;
}

/**
 * The one competency most in need of more evidence: first a competency the scorecard could not
 * score ("insufficient evidence"), the heaviest in the framework first, ties in framework order;
 * else the lowest-scoring of the scorecard's `gaps` (ties in framework order). A gap is a score
 * below the scorecard's own gap line, `GAP_BELOW` = 60 in src/assessment/scorecard.ts, the line
 * the recruiter's "Gaps" list uses; the framework schema has no threshold of its own.
 * Null when every competency is scored at 60 or above.
 * @example pickMicroTaskNeed(scorecard, framework)?.competencyId // 'empathy'
 */
export function pickMicroTaskNeed(scorecard: Scorecard, framework: Framework | null): MicroTaskNeed | null {
  const weight = new Map(framework?.competencies.map((c) => [c.id, c.weight]) ?? []);
  const order = new Map(framework?.competencies.map((c, i) => [c.id, i]) ?? []);
  const unscored = scorecard.competencies
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.score === null)
    .sort(
      (a, b) =>
        (weight.get(b.c.id) ?? 1) - (weight.get(a.c.id) ?? 1) ||
        (order.get(a.c.id) ?? a.i) - (order.get(b.c.id) ?? b.i),
    );
  const first = unscored[0]?.c;
  if (first !== undefined) {
    return {
      competencyId: first.id,
      competencyName: first.name,
      reason: 'insufficient_evidence',
      detail: `${first.name}: ${first.reason ?? 'insufficient evidence'}`,
    };
  }
  const gap = scorecard.gaps[0];
  if (gap === undefined) return null;
  return {
    competencyId: gap.id,
    competencyName: gap.name,
    reason: 'gap',
    detail: `${gap.name} scored ${gap.score}/100 (a gap: below 60)`,
  };
}

export interface MicroTaskQuestion {
  readonly id: string;
  readonly text: string;
  readonly source: 'micro-task bank' | 'question set' | 'framework follow-up';
}

/**
 * The question for a competency: the first micro-task bank question for it that the interview
 * did not ask; else an unasked question of the job's question set that names it; else the
 * framework's follow-up for the competency.
 * @example chooseMicroTaskQuestion('empathy', framework, { bank, questionSet }, asked).text
 */
export function chooseMicroTaskQuestion(
  competencyId: string,
  framework: Framework | null,
  sources: { readonly bank: readonly Question[]; readonly questionSet: readonly Question[] },
  askedIds: ReadonlySet<string>,
): MicroTaskQuestion | null {
  const unasked = (q: Question) => q.competencies.includes(competencyId) && !askedIds.has(q.id);
  const fromBank = sources.bank.find(unasked);
  if (fromBank !== undefined) return { id: fromBank.id, text: fromBank.text, source: 'micro-task bank' };
  const fromSet = sources.questionSet.find(unasked);
  if (fromSet !== undefined) return { id: fromSet.id, text: fromSet.text, source: 'question set' };
  const followUp = framework?.competencies.find((c) => c.id === competencyId)?.followUp;
  if (followUp === undefined) return null;
  return { id: `follow-up-${competencyId}`, text: followUp, source: 'framework follow-up' };
}
