/**
 * A trained scoring model: the one definition of its file. `candor model train` writes it, the
 * store keeps it, scorecards made with it name its id and version, and a person can read it: each
 * feature's weight, mean and standard deviation, what it was trained on and how well it agreed
 * with people it never saw.
 *
 * The model is linear on standardised features: prediction = intercept + Σ weight × (value − mean) / sd,
 * on the ratings' scale normalised to 0–1 ((score − scale.min) / (scale.max − scale.min)).
 */
import { z } from 'zod';
import { CandorError } from '../core/index.js';

/** Inputs a model may never use, whatever a features file holds (issue 12: demographics kept apart). */
export const DEMOGRAPHIC_FIELDS = [
  'sex',
  'gender',
  'race',
  'ethnicity',
  'race_ethnicity',
  'raceEthnicity',
  'age',
  'ageBand',
  'age_band',
  'birthYear',
  'birth_year',
  'dateOfBirth',
  'disability',
  'religion',
  'nationality',
  'maritalStatus',
  'pregnancy',
  'sexualOrientation',
  'veteranStatus',
] as const;

const lowerDemographics = new Set(DEMOGRAPHIC_FIELDS.map((f) => f.toLowerCase().replaceAll('_', '')));

/** True when a column or feature name is a demographic field (case and underscores ignored). */
export function isDemographicField(name: string): boolean {
  return lowerDemographics.has(name.toLowerCase().replaceAll(/[_\s-]/g, ''));
}

export const ModelFeature = z.object({
  /** A signal id from the catalogue (`candor signals`). */
  signal: z.string().min(1),
  /** Change of the normalised prediction (0–1) per standard deviation of the signal. */
  weight: z.number(),
  /** The signal's mean and standard deviation in the training set; a missing value counts as the mean. */
  mean: z.number(),
  sd: z.number().positive(),
  /** The direction the framework states for this signal; the fitted weight never has the other sign. */
  direction: z.enum(['higher', 'lower']).optional(),
});

export const AgreementFigures = z.object({
  /** Pearson r with its 95% bootstrap interval (resampled by person). */
  r: z.number(),
  ci: z.tuple([z.number(), z.number()]),
  rho: z.number(),
  /** Mean absolute error on the ratings' own scale. */
  mae: z.number(),
  n: z.number().int(),
  people: z.number().int(),
});

export const ModelValidation = z.object({
  method: z.string(),
  /** Grouped k-fold (no person in both train and test), predictions pooled over the folds. */
  crossValidated: AgreementFigures,
  /** A holdout of people never used in fitting or choosing the penalty. */
  holdout: AgreementFigures.nullable(),
  threshold: z.number(),
  passes: z.boolean(),
  /** "passes" / "does not pass", with the figure, in words. */
  verdict: z.string(),
  baselines: z.array(
    z.object({ name: z.string(), figures: AgreementFigures.nullable(), reason: z.string().optional() }),
  ),
  raterAgreement: z
    .object({ iccK: z.number().nullable(), alpha: z.number().nullable(), reason: z.string().optional() })
    .nullable(),
  /** The pooled out-of-fold predictions, on the ratings' scale: what a predicted-vs-rated plot draws. */
  points: z
    .array(z.object({ interview: z.string(), person: z.string(), rated: z.number(), predicted: z.number() }))
    .optional(),
  /** The penalty (alpha) each outer fold chose by its own inner cross-validation. */
  foldPenalties: z.array(z.number().nonnegative()).optional(),
  /** What was left out or could not be computed, and why, in words. */
  notes: z.array(z.string()).optional(),
});

export const ModelFile = z
  .object({
    format: z.literal('candor-model/1'),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
    version: z.number().int().positive(),
    name: z.string().min(1),
    /** `overall`, another named target, or a competency id of the framework. */
    target: z.string().min(1),
    /** Who the ratings describe, in words: the population a user should not stretch the model beyond. */
    population: z.string(),
    createdAt: z.string(),
    engine: z.string(),
    /** The ratings' declared scale; predictions are shown on it and as 0–100. */
    scale: z.object({ min: z.number(), max: z.number() }),
    method: z.object({
      kind: z.enum(['ridge', 'elastic-net']),
      /** The penalty chosen by cross-validation on the whole training set. */
      alpha: z.number().nonnegative(),
      l1Ratio: z.number().min(0).max(1),
      outerFolds: z.number().int(),
      innerFolds: z.number().int(),
      seed: z.number().int(),
    }),
    training: z.object({
      description: z.string(),
      source: z.string(),
      interviews: z.number().int(),
      people: z.number().int(),
      raters: z.number().int(),
    }),
    /** Normalised (0–1) prediction when every feature is at its training mean. */
    intercept: z.number(),
    features: z.array(ModelFeature).min(1),
    validation: ModelValidation,
  })
  .superRefine((model, ctx) => {
    for (const [i, f] of model.features.entries()) {
      if (isDemographicField(f.signal)) {
        ctx.addIssue({
          code: 'custom',
          path: ['features', i, 'signal'],
          message: `"${f.signal}" is a demographic field and can never be a model input`,
        });
      }
      if (f.direction === 'higher' && f.weight < 0) {
        ctx.addIssue({ code: 'custom', path: ['features', i, 'weight'], message: 'must not be negative' });
      }
      if (f.direction === 'lower' && f.weight > 0) {
        ctx.addIssue({ code: 'custom', path: ['features', i, 'weight'], message: 'must not be positive' });
      }
    }
    if (!(model.scale.max > model.scale.min)) {
      ctx.addIssue({ code: 'custom', path: ['scale'], message: 'max must be above min' });
    }
  })
  .meta({ id: 'ModelFile' });

export type ModelFeature = z.infer<typeof ModelFeature>;
export type AgreementFigures = z.infer<typeof AgreementFigures>;
export type ModelValidation = z.infer<typeof ModelValidation>;
export type ModelFile = z.infer<typeof ModelFile>;

/** One interview's (or answer's) features: the rows `candor features` writes and training reads. */
export interface FeatureRow {
  /** The interview's id or file name: what a ratings file's `interview` column names. */
  readonly interview: string;
  /** The person interviewed: rows of one person never sit on both sides of a split. */
  readonly person: string;
  /** Answer index, for per-answer rows (`--answers`). */
  readonly answer?: number;
  readonly values: Readonly<Record<string, number | null>>;
}

export interface FeatureContribution {
  readonly signal: string;
  readonly value: number | null;
  readonly weight: number;
  readonly mean: number;
  readonly sd: number;
  /** weight × standardised value: this feature's share of the normalised prediction. */
  readonly contribution: number;
}

export interface Prediction {
  /** 0–1, clipped. */
  readonly normalised: number;
  /** On the ratings' declared scale. */
  readonly onScale: number;
  /** 0–100, as scorecards show scores. */
  readonly score: number;
  readonly contributions: readonly FeatureContribution[];
}

/**
 * Scores one row of features with a model. A missing feature counts as the training mean
 * (contribution 0) and is reported with a null value.
 * @example predict(model, { wordCount: 812, uniqueWords: 301 }).score
 */
export function predict(model: ModelFile, values: Readonly<Record<string, number | null>>): Prediction {
  let total = model.intercept;
  const contributions = model.features.map((f): FeatureContribution => {
    const raw = values[f.signal];
    const value = raw === undefined || raw === null || !Number.isFinite(raw) ? null : raw;
    const contribution = value === null ? 0 : (f.weight * (value - f.mean)) / f.sd;
    total += contribution;
    return { signal: f.signal, value, weight: f.weight, mean: f.mean, sd: f.sd, contribution };
  });
  const normalised = Math.min(1, Math.max(0, total));
  return {
    normalised,
    onScale: model.scale.min + normalised * (model.scale.max - model.scale.min),
    score: Math.round(normalised * 1000) / 10,
    contributions,
  };
}

/**
 * Reads and checks a model file's parsed JSON, naming the first field that is wrong.
 * @example parseModel(JSON.parse(readFileSync('models/reference-overall.json', 'utf8')), 'reference-overall.json')
 */
export function parseModel(json: unknown, where: string): ModelFile {
  const parsed = ModelFile.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.join('.') || '(top level)';
  throw new CandorError('MODEL_INVALID', `${where}: model field ${path}: ${issue.message}`, {
    file: where,
    field: path,
  });
}
