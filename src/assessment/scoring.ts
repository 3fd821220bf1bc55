import type { Evidence, Question, ResponseSignals, SignalDefinition } from '../domain/index.js';
import { aggregateSignal } from './aggregate.js';
import { credit, describeTarget } from './credit.js';
import type { Competency, Framework } from './framework-schema.js';
import type { CompetencyResult, ScorecardEvidence, ScorecardSignal } from './scorecard-types.js';

const EVIDENCE_PER_SIGNAL = 3;
const EVIDENCE_PER_COMPETENCY = 8;
/** Words at which the amount of text stops limiting confidence. */
const FULL_CONFIDENCE_WORDS = 400;

export interface ScoringInput {
  readonly framework: Framework;
  readonly catalogue: ReadonlyMap<string, SignalDefinition>;
  readonly perResponse: readonly ResponseSignals[];
  readonly totalWords: number;
  /** Whether voice signals count (a workspace's opt-in); otherwise they are reported only. */
  readonly scoreVoice?: boolean;
  /**
   * 0–1, multiplies every confidence: how far the words can be trusted (speech recognition's own
   * word confidences, see recognitionConfidenceFactor); default 1.
   */
  readonly recognitionFactor?: number;
}

/** Why a voice signal shows a value but no credit. */
export const VOICE_NOT_SCORED =
  'reported only: voice signals count towards scores only when the workspace opts in (--score-voice)';

/**
 * Scores every competency of the framework from the measured signals.
 * Score = 100 × Σ(weight × credit) / Σ(weight) over signals with a value; confidence =
 * (share of signal weight measured) × min(1, words / 400) × recognition factor.
 * @example scoreCompetencies({ framework, catalogue, perResponse, totalWords })[0].score
 */
export function scoreCompetencies(input: ScoringInput): CompetencyResult[] {
  return input.framework.competencies.map((c) => scoreCompetency(c, input));
}

function scoreCompetency(competency: Competency, input: ScoringInput): CompetencyResult {
  const rules = competency.behaviours.flatMap((b) => b.signals);
  const scored = (signal: string): boolean =>
    input.scoreVoice === true || input.catalogue.get(signal)?.modality !== 'voice';
  const totalWeight = rules.reduce((s, r) => s + (scored(r.signal) ? r.weight : 0), 0);
  const measured: { rule: (typeof rules)[number]; value: number; credit: number }[] = [];
  const signals: ScorecardSignal[] = [];
  const missing: string[] = [];

  for (const rule of rules) {
    const definition = input.catalogue.get(rule.signal);
    if (!definition) throw new Error(`signal ${rule.signal} is not in the catalogue`);
    const agg = aggregateSignal(definition, input.perResponse);
    const base = {
      signal: rule.signal,
      name: definition.name,
      unit: definition.unit,
      target: rule.target,
      zeroAt: rule.zeroAt,
      weight: rule.weight,
    };
    if (agg.value === null) {
      if (scored(rule.signal)) missing.push(`${rule.signal}: ${agg.reason ?? 'not measured'}`);
      signals.push({
        ...base,
        value: null,
        credit: null,
        contribution: 0,
        reason: agg.reason ?? 'not measured',
      });
      continue;
    }
    if (!scored(rule.signal)) {
      signals.push({ ...base, value: agg.value, credit: null, contribution: 0, reason: VOICE_NOT_SCORED });
      continue;
    }
    const c = credit(agg.value, rule);
    measured.push({ rule, value: agg.value, credit: c });
    signals.push({ ...base, value: agg.value, credit: round(c), contribution: 0 });
  }

  const measuredWeight = measured.reduce((s, m) => s + m.rule.weight, 0);
  const coverage = totalWeight > 0 ? measuredWeight / totalWeight : 0;
  const confidence = round(
    coverage * Math.min(1, input.totalWords / FULL_CONFIDENCE_WORDS) * (input.recognitionFactor ?? 1),
  );
  const evidence = pickEvidence(
    rules.map((r) => r.signal),
    input.perResponse,
  );

  let reason: string | undefined;
  if (input.totalWords < input.framework.minWords) {
    reason = `insufficient evidence: ${input.totalWords} words analysed, at least ${input.framework.minWords} needed`;
  } else if (coverage < input.framework.minCoverage) {
    reason = `insufficient evidence: ${Math.round(coverage * 100)}% of this competency's signals could be measured (${missing.join('; ')})`;
  }
  if (reason !== undefined) {
    return {
      id: competency.id,
      name: competency.name,
      score: null,
      confidence: 0,
      reason,
      signals,
      evidence,
      feedback: [],
    };
  }

  const withContribution = signals.map((s) => {
    const m = measured.find((x) => x.rule.signal === s.signal && s.credit !== null);
    return m ? { ...s, contribution: round((100 * m.rule.weight * m.credit) / measuredWeight, 1) } : s;
  });
  const score = Math.round(
    (100 * measured.reduce((s, m) => s + m.rule.weight * m.credit, 0)) / measuredWeight,
  );
  return {
    id: competency.id,
    name: competency.name,
    score,
    confidence,
    signals: withContribution,
    evidence,
    feedback: feedbackFor(measured, input.catalogue),
  };
}

function feedbackFor(
  measured: readonly {
    rule: Competency['behaviours'][number]['signals'][number];
    value: number;
    credit: number;
  }[],
  catalogue: ReadonlyMap<string, SignalDefinition>,
): string[] {
  const gaps = measured
    .filter((m) => m.credit < 1)
    .sort((a, b) => b.rule.weight * (1 - b.credit) - a.rule.weight * (1 - a.credit));
  if (gaps.length === 0) return ['On target: every measured signal is within its target range.'];
  return gaps.map((m) => {
    const d = catalogue.get(m.rule.signal);
    const unit = d && d.unit !== 'score' && d.unit !== 'ratio' && d.unit !== 'share' ? ` ${d.unit}` : '';
    return `${d?.name ?? m.rule.signal}: ${formatNumber(m.value)}${unit}; aim for ${describeTarget(m.rule.target)} — ${m.rule.advice}`;
  });
}

/** Up to three quotes per signal, taken round-robin across answers so one answer does not crowd out the rest. */
export function pickEvidence(
  signalIds: readonly string[],
  perResponse: readonly ResponseSignals[],
): ScorecardEvidence[] {
  const out: ScorecardEvidence[] = [];
  for (const id of signalIds) {
    const lists = perResponse.map((r) => ({
      value: r.values.get(id),
      list: r.values.get(id)?.evidence ?? [],
    }));
    let taken = 0;
    for (let round = 0; taken < EVIDENCE_PER_SIGNAL; round++) {
      let any = false;
      for (const { value, list } of lists) {
        const e: Evidence | undefined = list[round];
        if (!e || taken >= EVIDENCE_PER_SIGNAL) continue;
        any = true;
        taken++;
        out.push({
          signal: id,
          value: value?.value ?? null,
          quote: e.quote,
          start: e.start,
          end: e.end,
          response: e.response,
          ...(e.label === undefined ? {} : { label: e.label }),
        });
      }
      if (!any) break;
    }
  }
  return out.slice(0, EVIDENCE_PER_COMPETENCY);
}

/** The question to ask next: an unasked bank question for the weakest competency, else its follow-up. */
export function suggestNextStep(
  competencies: readonly CompetencyResult[],
  framework: Framework,
  bank: readonly Question[],
  askedQuestionIds: ReadonlySet<string>,
): { competency: string | null; question: string; reason: string } {
  const scored = competencies.filter((c): c is CompetencyResult & { score: number } => c.score !== null);
  if (scored.length === 0) {
    return {
      competency: null,
      question:
        'Could you walk me through a recent project from start to finish, with what you did and how it turned out?',
      reason: 'Not enough evidence to score any competency; a longer answer is needed.',
    };
  }
  const weakest = scored.reduce((a, b) => (b.score < a.score ? b : a));
  const fromBank = bank.find((q) => q.competencies.includes(weakest.id) && !askedQuestionIds.has(q.id));
  const followUp = framework.competencies.find((c) => c.id === weakest.id)?.followUp ?? '';
  return {
    competency: weakest.id,
    question: fromBank?.text ?? followUp,
    reason: `${weakest.name} is the weakest competency (${weakest.score}/100).`,
  };
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function formatNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(Math.abs(x) >= 10 ? 1 : 2).replace(/0$/, '');
}
