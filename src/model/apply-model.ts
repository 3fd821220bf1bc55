/**
 * A trained model's prediction recorded in a scorecard, beside the expert framework's scores:
 * which model and version, the prediction on the ratings' scale and 0–100, and each feature's
 * contribution (weight × standardised value) next to its value and the quotes behind it, as the
 * framework's own signals are shown (evidence over verdict).
 */
import type {
  Scorecard,
  ScorecardEvidence,
  ScorecardModel,
  ScorecardModelContribution,
  SignalDefinition,
} from '../domain/index.js';
import type { InterviewTotal } from '../features/index.js';
import { predict, type ModelFile } from './model-file.js';

/** What the interview totals count, for a person reading the contributions. */
const TOTALS: Record<InterviewTotal, { name: string; unit: string }> = {
  totalWords: { name: 'Words in all answers', unit: 'words' },
  answerCount: { name: 'Answers', unit: 'count' },
  longestAnswerWords: { name: 'Words in the longest answer', unit: 'words' },
  interviewUniqueWords: { name: 'Distinct words over all answers', unit: 'words' },
  interviewerTurns: { name: "Interviewer's turns", unit: 'count' },
  candidateTurns: { name: "Candidate's turns", unit: 'count' },
  meanTurnWords: { name: 'Words per candidate turn', unit: 'words' },
};

/** Quotes per feature a scorecard records. */
const EVIDENCE_PER_FEATURE = 3;

const round = (value: number, places: number) => {
  const f = 10 ** places;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

function label(signal: string, catalogue: readonly SignalDefinition[]): { name: string; unit: string } {
  const entry = catalogue.find((d) => d.id === signal);
  if (entry) return { name: entry.name, unit: entry.unit };
  return TOTALS[signal as InterviewTotal] ?? { name: signal, unit: '' };
}

function evidenceOf(signal: string, scorecard: Scorecard): ScorecardEvidence[] {
  const seen = new Set<string>();
  const out: ScorecardEvidence[] = [];
  for (const competency of scorecard.competencies) {
    for (const e of competency.evidence) {
      if (e.signal !== signal) continue;
      const key = JSON.stringify([e.response, e.start, e.quote]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(e);
      if (out.length === EVIDENCE_PER_FEATURE) return out;
    }
  }
  return out;
}

/**
 * The scorecard's `model` field: `model`'s prediction from one interview's features.
 * @example scorecardModel(model, interviewFeaturesOf(result, catalogue), result.scorecard, catalogue).prediction.score
 */
export function scorecardModel(
  model: ModelFile,
  features: Readonly<Record<string, number | null>>,
  scorecard: Scorecard,
  catalogue: readonly SignalDefinition[],
): ScorecardModel {
  const prediction = predict(model, features);
  const contributions = prediction.contributions.map((c): ScorecardModelContribution => ({
    signal: c.signal,
    ...label(c.signal, catalogue),
    value: c.value,
    mean: c.mean,
    sd: c.sd,
    weight: c.weight,
    contribution: round(c.contribution, 5),
    points: round(c.contribution * 100, 1),
    evidence: evidenceOf(c.signal, scorecard),
  }));
  contributions.sort(
    (a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.signal < b.signal ? -1 : 1),
  );
  const v = model.validation;
  return {
    id: model.id,
    version: model.version,
    target: model.target,
    name: model.name,
    population: model.population,
    prediction: {
      onScale: round(prediction.onScale, 2),
      scale: { min: model.scale.min, max: model.scale.max },
      score: prediction.score,
    },
    validation: {
      passes: v.passes,
      verdict: v.verdict,
      r: round(v.crossValidated.r, 4),
      ci: [round(v.crossValidated.ci[0], 4), round(v.crossValidated.ci[1], 4)],
      threshold: v.threshold,
    },
    contributions,
  };
}

/**
 * The scorecard with the model's prediction recorded; the framework's scores stay as they are.
 * @example withModel(result.scorecard, model, features, analyzer.catalogue).model?.prediction.score
 */
export function withModel(
  scorecard: Scorecard,
  model: ModelFile,
  features: Readonly<Record<string, number | null>>,
  catalogue: readonly SignalDefinition[],
): Scorecard {
  return { ...scorecard, model: scorecardModel(model, features, scorecard, catalogue) };
}
