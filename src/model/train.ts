/**
 * Trains a model for one target on human ratings and validates it blind, grouped by person:
 * nested grouped cross-validation and a holdout of people, beside the untrained expert framework,
 * word count alone and the raters' own agreement, all in the same run and the same folds.
 */
import { CandorError, engineVersion } from '../core/index.js';
import { EXPERT_PREFIX } from '../features/feature-rows.js';
import {
  agreementFigures,
  fitWithChosenPenalty,
  holdoutValidation,
  nestedCrossValidation,
  reasonOf,
  type ProcedureOptions,
} from './cross-validation.js';
import { isDemographicField, ModelFile, type AgreementFigures, type FeatureRow } from './model-file.js';
import { raterAgreement, type RaterScore } from './rater-agreement.js';
import type { Design, Direction } from './solver.js';

/** One interview's rating for the target: the raters' mean, normalised to 0–1 on the declared scale. */
export interface InterviewRating {
  readonly interview: string;
  /** Who was interviewed; the features row's person is used when this is absent. */
  readonly person?: string;
  readonly value: number;
  /** How many raters the mean is over. */
  readonly raters: number;
  /** Each rater's own normalised score, for the raters' agreement. */
  readonly scores?: readonly RaterScore[];
}

export interface TrainOptions {
  readonly method?: 'ridge' | 'elastic-net';
  /** Share of the penalty on |w| for elastic net (0.5 unless given); ridge is 0. */
  readonly l1Ratio?: number;
  readonly folds?: number;
  readonly innerFolds?: number;
  readonly seed?: number;
  /** Share of the rows (whole people) held out; 0.2 unless given. */
  readonly holdoutShare?: number;
  /** Cross-validated r needed to pass; 0.6 unless given. */
  readonly threshold?: number;
  readonly id?: string;
  readonly version?: number;
  readonly name?: string;
  readonly population?: string;
  /** Where the ratings and features came from, in words (file names). */
  readonly source?: string;
  readonly createdAt?: string;
}

export interface TrainInput {
  readonly rows: readonly FeatureRow[];
  readonly ratings: readonly InterviewRating[];
  readonly target: string;
  readonly scale: { readonly min: number; readonly max: number };
  readonly directions?: Readonly<Record<string, Direction>>;
  /** The features to use, chosen before looking at the ratings; every usable column unless given. */
  readonly signals?: readonly string[];
  readonly options?: TrainOptions;
  /**
   * Re-weighing (reweighing.ts): each person's group on `attribute`, used ONLY to weigh training
   * rows, never as an input; the model file records the attribute, never a group.
   */
  readonly reweigh?: {
    readonly attribute: string;
    /** Person → group; a person not in it, or null, has an unknown group (weight 1). */
    readonly groups: ReadonlyMap<string, string | null>;
  };
}

/** The least a target needs to be validated: rated interviews, and people per outer fold. */
export const MIN_RATED_INTERVIEWS = 10;
export const MIN_PEOPLE_PER_FOLD = 2;

export const WORD_COUNT_FEATURE = 'totalWords';

interface Joined {
  readonly rows: readonly FeatureRow[];
  readonly ratings: readonly InterviewRating[];
  readonly persons: readonly string[];
  readonly target: readonly number[];
}

function refuseDemographics(rows: readonly FeatureRow[], signals: readonly string[] | undefined): void {
  const columns = new Set([...(signals ?? []), ...rows.flatMap((r) => Object.keys(r.values))]);
  for (const column of columns) {
    if (isDemographicField(column)) {
      throw new CandorError(
        'FEATURES_INVALID',
        `column "${column}" is a demographic field and can never be a model input: remove it from the features`,
        { column },
      );
    }
  }
}

function join(input: TrainInput): Joined {
  const byInterview = new Map<string, FeatureRow>();
  for (const row of input.rows) {
    if (row.answer !== undefined) continue;
    if (byInterview.has(row.interview)) {
      throw new CandorError(
        'FEATURES_INVALID',
        `interview "${row.interview}" has more than one features row`,
        {
          interview: row.interview,
        },
      );
    }
    byInterview.set(row.interview, row);
  }
  const seen = new Set<string>();
  const rows: FeatureRow[] = [];
  for (const rating of input.ratings) {
    const row = byInterview.get(rating.interview);
    if (!row) {
      throw new CandorError(
        'RATINGS_INVALID',
        `ratings name interview "${rating.interview}", which has no whole-interview row in the features`,
        { interview: rating.interview },
      );
    }
    if (seen.has(rating.interview)) {
      throw new CandorError(
        'RATINGS_INVALID',
        `interview "${rating.interview}" is rated twice for ${input.target}`,
        {
          interview: rating.interview,
        },
      );
    }
    if (!(rating.value >= 0 && rating.value <= 1)) {
      throw new CandorError(
        'RATINGS_INVALID',
        `interview "${rating.interview}": normalised rating ${rating.value} is outside 0–1`,
        { interview: rating.interview },
      );
    }
    seen.add(rating.interview);
    rows.push(row);
  }
  return {
    rows,
    ratings: input.ratings,
    persons: rows.map((row, i) => row.person || input.ratings[i]!.person || row.interview),
    target: input.ratings.map((r) => r.value),
  };
}

function requireEnough(joined: Joined, target: string, folds: number): void {
  const n = joined.rows.length;
  const people = new Set(joined.persons).size;
  const needPeople = MIN_PEOPLE_PER_FOLD * folds;
  if (n >= MIN_RATED_INTERVIEWS && people >= needPeople) return;
  const short = [
    n < MIN_RATED_INTERVIEWS ? `at least ${MIN_RATED_INTERVIEWS} rated interviews` : '',
    people < needPeople
      ? `at least ${needPeople} people (${MIN_PEOPLE_PER_FOLD} per fold × ${folds} folds)`
      : '',
  ].filter(Boolean);
  throw new CandorError(
    'RATINGS_INVALID',
    `target ${target}: ${n} rated interviews from ${people} people; blind validation needs ${short.join(' and ')}, ` +
      'so cross-validated r, its interval, the holdout and the baselines cannot be computed and no model is trained',
    { target, interviews: n, people, folds },
  );
}

/** Every column usable by default: not an expert score, not an identifier, measured in at least half the rows. */
function defaultSignals(joined: Joined, notes: string[]): string[] {
  const columns = [...new Set(joined.rows.flatMap((r) => Object.keys(r.values)))];
  const chosen: string[] = [];
  for (const column of columns) {
    if (column.startsWith(EXPERT_PREFIX)) continue;
    const measured = joined.rows.filter((r) => Number.isFinite(r.values[column])).length;
    if (measured * 2 < joined.rows.length) {
      notes.push(`${column} left out: measured in ${measured} of ${joined.rows.length} rated interviews`);
      continue;
    }
    chosen.push(column);
  }
  return chosen;
}

function checkSignals(signals: readonly string[], rows: readonly FeatureRow[]): void {
  const columns = new Set(rows.flatMap((r) => Object.keys(r.values)));
  for (const signal of signals) {
    if (signal.startsWith(EXPERT_PREFIX)) {
      throw new CandorError(
        'MODEL_INVALID',
        `"${signal}" is the untrained framework's score: it is a baseline, never a model input`,
        { signal },
      );
    }
    if (!columns.has(signal)) {
      throw new CandorError('FEATURES_INVALID', `the features have no column "${signal}"`, {
        column: signal,
      });
    }
  }
}

function design(joined: Joined, columns: readonly string[]): Design {
  return {
    columns,
    values: joined.rows.map((row) => columns.map((c) => row.values[c] ?? null)),
    target: joined.target,
  };
}

function reweighGroups(joined: Joined, reweigh: NonNullable<TrainInput['reweigh']>): (string | null)[] {
  const groups = joined.persons.map((p) => reweigh.groups.get(p) ?? null);
  const distinct = new Set(groups.filter((g) => g !== null));
  if (distinct.size < 2) {
    throw new CandorError(
      'DEMOGRAPHICS_INVALID',
      `re-weighing on ${reweigh.attribute}: the rated people fall in ${distinct.size} known group${distinct.size === 1 ? '' : 's'}; ` +
        'it needs at least two, so nothing was trained',
      { attribute: reweigh.attribute },
    );
  }
  return groups;
}

export interface Baseline {
  readonly name: string;
  readonly figures: AgreementFigures | null;
  readonly reason?: string;
}

function expertBaseline(joined: Joined, target: string, scale: TrainInput['scale'], seed: number): Baseline {
  const column = `${EXPERT_PREFIX}${target}`;
  const name = `expert framework (${column}, untrained)`;
  const rows = joined.rows.flatMap((row, i) => {
    const v = row.values[column];
    return Number.isFinite(v) ? [i] : [];
  });
  if (rows.length === 0) {
    return {
      name,
      figures: null,
      reason: `the features have no ${column} column (or it is empty), so it cannot be compared`,
    };
  }
  try {
    // The framework scores 0–100, as scorecards show them.
    const predicted = rows.map((i) =>
      Math.min(1, Math.max(0, (joined.rows[i]!.values[column] as number) / 100)),
    );
    const figures = agreementFigures(
      predicted,
      rows.map((i) => joined.target[i]!),
      rows.map((i) => joined.persons[i]!),
      scale,
      seed,
    );
    return {
      name: rows.length < joined.rows.length ? `${name}, ${rows.length} interviews with a score` : name,
      figures,
    };
  } catch (error) {
    return { name, figures: null, reason: reasonOf(error) };
  }
}

function wordCountBaseline(
  joined: Joined,
  options: ProcedureOptions,
  folds: number,
  scale: TrainInput['scale'],
): Baseline {
  const name = `word count alone (${WORD_COUNT_FEATURE}, same nested CV)`;
  if (!joined.rows.some((r) => Number.isFinite(r.values[WORD_COUNT_FEATURE]))) {
    return { name, figures: null, reason: `the features have no ${WORD_COUNT_FEATURE} column` };
  }
  try {
    const { predicted } = nestedCrossValidation(design(joined, [WORD_COUNT_FEATURE]), joined.persons, folds, {
      ...options,
      directions: {},
    });
    return { name, figures: agreementFigures(predicted, joined.target, joined.persons, scale, options.seed) };
  } catch (error) {
    return { name, figures: null, reason: reasonOf(error) };
  }
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replaceAll(/[^a-z0-9]+/g, '-')
      .replaceAll(/^-+|-+$/g, '') || 'model'
  );
}

function verdictOf(figures: AgreementFigures, threshold: number): { passes: boolean; verdict: string } {
  const r = figures.r.toFixed(2);
  const ci = `95% CI ${figures.ci[0].toFixed(2)} to ${figures.ci[1].toFixed(2)}`;
  const passes = figures.r >= threshold;
  return {
    passes,
    verdict: passes
      ? `passes: cross-validated r = ${r} (${ci}) is at or above ${threshold}`
      : `does not pass: cross-validated r = ${r} (${ci}) is below ${threshold}`,
  };
}

/**
 * Trains and validates one target. Throws RATINGS_INVALID when there are too few ratings or
 * people to validate (the message says what could not be computed), FEATURES_INVALID for a
 * demographic or missing column.
 * @example trainModel({ rows, ratings, target: 'overall', scale: { min: 1, max: 7 }, directions }).validation.verdict
 */
export function trainModel(input: TrainInput): ModelFile {
  const o = input.options ?? {};
  const method = o.method ?? 'ridge';
  const l1Ratio = method === 'ridge' ? 0 : (o.l1Ratio ?? 0.5);
  const folds = o.folds ?? 5;
  const seed = o.seed ?? 1;
  const threshold = o.threshold ?? 0.6;
  const holdoutShare = o.holdoutShare ?? 0.2;
  if (!(input.scale.max > input.scale.min)) {
    throw new CandorError(
      'RATINGS_INVALID',
      `scale ${input.scale.min}-${input.scale.max}: max must be above min`,
      {},
    );
  }
  refuseDemographics(input.rows, input.signals);
  const joined = join(input);
  requireEnough(joined, input.target, folds);
  const notes: string[] = [];
  if (input.signals) checkSignals(input.signals, input.rows);
  const columns = input.signals ? [...input.signals] : defaultSignals(joined, notes);
  if (columns.length === 0) {
    throw new CandorError('FEATURES_INVALID', 'the features have no column a model could use', {});
  }
  const directions = Object.fromEntries(
    columns.flatMap((c) => (input.directions?.[c] ? [[c, input.directions[c]]] : [])),
  );
  const procedure: ProcedureOptions = { l1Ratio, directions, innerFolds: o.innerFolds ?? 5, seed };
  const data: Design = input.reweigh
    ? { ...design(joined, columns), groups: reweighGroups(joined, input.reweigh) }
    : design(joined, columns);

  const nested = nestedCrossValidation(data, joined.persons, folds, procedure);
  let crossValidated: AgreementFigures;
  try {
    crossValidated = agreementFigures(nested.predicted, joined.target, joined.persons, input.scale, seed);
  } catch (error) {
    throw new CandorError(
      'VALIDATION_FAILED',
      `target ${input.target}: cross-validated agreement cannot be computed (${reasonOf(error)}), so no model is trained`,
      { target: input.target },
    );
  }
  let holdout: AgreementFigures | null = null;
  try {
    const h = holdoutValidation(data, joined.persons, holdoutShare, procedure);
    holdout = agreementFigures(
      h.predicted,
      h.split.test.map((i) => joined.target[i]!),
      h.split.test.map((i) => joined.persons[i]!),
      input.scale,
      seed,
    );
  } catch (error) {
    notes.push(`holdout: ${reasonOf(error)}`);
  }
  const final = fitWithChosenPenalty(data, joined.persons, procedure);
  for (const d of final.fit.dropped) notes.push(`${d.signal} left out: ${d.reason}`);
  if (final.fit.features.length === 0) {
    throw new CandorError(
      'FEATURES_INVALID',
      'every feature is constant or never measured in the rated interviews',
      {},
    );
  }

  const span = input.scale.max - input.scale.min;
  const raters = new Set(input.ratings.flatMap((r) => (r.scores ?? []).map((s) => s.rater))).size;
  const people = new Set(joined.persons).size;
  const id = o.id ?? slug(`${input.target}-model`);
  const model = {
    format: 'candor-model/1',
    id,
    version: o.version ?? 1,
    name: o.name ?? `${input.target} (trained on ${joined.rows.length} rated interviews)`,
    target: input.target,
    population: o.population ?? 'not stated: the people whose interviews were rated',
    createdAt: o.createdAt ?? new Date().toISOString(),
    engine: engineVersion(),
    scale: { min: input.scale.min, max: input.scale.max },
    method: {
      kind: method,
      alpha: final.choice.alpha,
      l1Ratio,
      outerFolds: folds,
      innerFolds: procedure.innerFolds,
      seed,
    },
    training: {
      description: `${joined.rows.length} interviews from ${people} people rated on ${input.target} (scale ${input.scale.min}-${input.scale.max})`,
      source: o.source ?? 'not stated',
      interviews: joined.rows.length,
      people,
      raters: raters || Math.max(0, ...input.ratings.map((r) => r.raters)),
    },
    intercept: final.fit.intercept,
    features: final.fit.features,
    validation: {
      method:
        (input.reweigh
          ? `trained with re-weighing on ${input.reweigh.attribute} (Kamiran & Calders 2012; the attribute weighs training rows ` +
            'and is never an input; weights computed inside each training part); '
          : '') +
        `nested grouped ${folds}-fold cross-validation by person (penalty chosen by inner grouped ${procedure.innerFolds}-fold ` +
        `inside each outer training part), seed ${seed}; holdout of ${Math.round(holdoutShare * 100)}% of people`,
      crossValidated,
      holdout,
      threshold,
      ...verdictOf(crossValidated, threshold),
      baselines: [
        expertBaseline(joined, input.target, input.scale, seed),
        wordCountBaseline(joined, procedure, folds, input.scale),
      ],
      raterAgreement: raterAgreement(input.ratings),
      points: joined.rows.map((row, i) => ({
        interview: row.interview,
        person: joined.persons[i]!,
        rated: input.scale.min + joined.target[i]! * span,
        predicted: input.scale.min + nested.predicted[i]! * span,
      })),
      foldPenalties: nested.folds.map((f) => f.alpha),
      notes,
    },
  };
  return ModelFile.parse(model);
}
