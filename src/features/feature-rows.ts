/**
 * Feature rows of one analysed interview: the interview's row (or one per answer), with every
 * catalogue signal, the interview totals and the untrained framework's own scores as `expert:…`
 * columns — baselines for validation, never model inputs.
 */
import { buildScorecard, type AnalysisResult, type Framework } from '../assessment/index.js';
import type { JobProfile, Question, SignalDefinition } from '../domain/index.js';
import type { FeatureRow } from '../model/model-file.js';
import { INTERVIEW_TOTALS, interviewFeaturesOf } from './interview-features.js';

/** Columns that hold the expert framework's scores start with this; a trainer skips them. */
export const EXPERT_PREFIX = 'expert:';

/**
 * True for an `expert:…` column (the untrained framework's score): a baseline, never an input.
 * @example isExpertColumn('expert:overall') // true
 */
export function isExpertColumn(name: string): boolean {
  return name.startsWith(EXPERT_PREFIX);
}

/**
 * The value columns of a features file, in their fixed order: interview totals, catalogue signals
 * in catalogue order, then `expert:overall` and `expert:<competency id>` in framework order.
 * @example featureColumns(SIGNAL_CATALOGUE, loadFramework('default', known))[0] // "totalWords"
 */
export function featureColumns(
  catalogue: readonly SignalDefinition[],
  framework: Pick<Framework, 'competencies'>,
): string[] {
  return [
    ...INTERVIEW_TOTALS,
    ...catalogue.map((d) => d.id),
    `${EXPERT_PREFIX}overall`,
    ...framework.competencies.map((c) => `${EXPERT_PREFIX}${c.id}`),
  ];
}

export interface FeatureRowOptions {
  readonly interview: string;
  readonly person: string;
  readonly catalogue: readonly SignalDefinition[];
  readonly framework: Framework;
  readonly job: JobProfile | null;
  readonly questions: readonly Question[];
  /** One row per answer (answer numbers from 1) instead of one for the interview. */
  readonly answers: boolean;
  /** Let voice signals count towards the expert scores, as the analysis did. */
  readonly scoreVoice?: boolean;
}

/**
 * The framework's own scores as `expert:…` columns: a baseline beside a model, never its input.
 * @example expertValues(result.scorecard, framework)['expert:overall'] // 73
 */
export function expertValues(
  scorecard: Pick<AnalysisResult['scorecard'], 'overall' | 'competencies'>,
  framework: Framework,
): Record<string, number | null> {
  const values: Record<string, number | null> = { [`${EXPERT_PREFIX}overall`]: scorecard.overall.score };
  for (const c of framework.competencies) {
    values[`${EXPERT_PREFIX}${c.id}`] = scorecard.competencies.find((x) => x.id === c.id)?.score ?? null;
  }
  return values;
}

/**
 * The feature rows of one analysis. Interview rows: aggregated signals, totals, the scorecard's
 * scores. Answer rows: that answer's signals, the interview's totals, and the expert scores of a
 * scorecard built from that answer alone.
 * @example featureRowsOf(result, { interview: 'p1', person: '1', catalogue, framework, job: null, questions, answers: false })
 */
export function featureRowsOf(result: AnalysisResult, options: FeatureRowOptions): FeatureRow[] {
  const { interview, person, catalogue, framework } = options;
  const totals = interviewFeaturesOf(result, catalogue);
  if (!options.answers) {
    return [{ interview, person, values: { ...totals, ...expertValues(result.scorecard, framework) } }];
  }
  const interviewTotals = Object.fromEntries(INTERVIEW_TOTALS.map((t) => [t, totals[t] ?? null]));
  const { file, format, kind, sha256, candidate } = result.scorecard.input;
  return result.signals.map((signals, i) => {
    const response = result.responses[i]!;
    const values: Record<string, number | null> = { ...interviewTotals };
    for (const d of catalogue) values[d.id] = signals.values.get(d.id)?.value ?? null;
    const single = buildScorecard({
      engineVersion: result.scorecard.engine.version,
      framework,
      catalogue,
      scoreVoice: options.scoreVoice ?? false,
      responses: [response],
      signals: [signals],
      job: options.job,
      questionBank: options.questions,
      source: { file, format, kind, sha256, candidate },
    });
    return { interview, person, answer: i + 1, values: { ...values, ...expertValues(single, framework) } };
  });
}
