/**
 * Blind validation of a fitting procedure, grouped by person: the penalty is chosen by an inner
 * grouped k-fold inside each outer training part, so no figure is tuned on the people it is
 * measured on (Varma & Simon 2006, "Bias in error estimation when using cross-validation for
 * model selection"; Cawley & Talbot 2010).
 */
import { CandorError } from '../core/index.js';
import {
  bootstrapPearsonInterval,
  groupedHoldout,
  groupedKFold,
  meanAbsoluteError,
  spearman,
  type Split,
} from '../validation/index.js';
import type { AgreementFigures } from './model-file.js';
import {
  alphaGrid,
  fitElasticNet,
  fitPath,
  predictRow,
  type Design,
  type Direction,
  type LinearFit,
} from './solver.js';
import { reweighingWeights } from './reweighing.js';

export interface ProcedureOptions {
  readonly l1Ratio: number;
  readonly directions?: Readonly<Record<string, Direction>>;
  /** Folds of the inner loop that chooses the penalty. */
  readonly innerFolds: number;
  readonly seed: number;
}

export interface PenaltyChoice {
  readonly alpha: number;
  /** Row indices (into the design given) of the inner splits the choice was made on. */
  readonly splits: readonly Split[];
}

/** The rows `rows` of a design, in that order. */
export function subset(design: Design, rows: readonly number[]): Design {
  const weights = design.weights;
  const groups = design.groups;
  return {
    columns: design.columns,
    values: rows.map((i) => design.values[i]!),
    target: rows.map((i) => design.target[i]!),
    ...(weights ? { weights: rows.map((i) => weights[i]!) } : {}),
    ...(groups ? { groups: rows.map((i) => groups[i]!) } : {}),
  };
}

function personCount(persons: readonly string[]): number {
  return new Set(persons).size;
}

/**
 * Chooses the penalty by grouped k-fold on these rows only: the alpha of the grid with the
 * smallest pooled squared error, weighted by the instance weights when there are any (the larger
 * alpha on a tie).
 */
export function choosePenalty(
  design: Design,
  persons: readonly string[],
  options: ProcedureOptions,
): PenaltyChoice {
  const grid = alphaGrid(design, options.l1Ratio);
  const folds = Math.min(options.innerFolds, personCount(persons));
  const splits = groupedKFold(persons, folds, options.seed);
  const errors = new Float64Array(grid.length);
  for (const split of splits) {
    const fits = fitPath(subset(design, split.train), grid, options);
    fits.forEach((fit, a) => {
      for (const i of split.test)
        errors[a]! +=
          (design.weights?.[i] ?? 1) *
          (predictRow(fit, design.columns, design.values[i]!) - design.target[i]!) ** 2;
    });
  }
  let best = 0;
  errors.forEach((e, a) => {
    if (e < errors[best]! - 1e-15) best = a;
  });
  return { alpha: grid[best]!, splits };
}

/**
 * The whole procedure on these rows: re-weighing weights computed on these rows when the design
 * has groups, the penalty chosen by inner grouped CV, then a fit of every row.
 */
export function fitWithChosenPenalty(
  given: Design,
  persons: readonly string[],
  options: ProcedureOptions,
): { fit: LinearFit; choice: PenaltyChoice } {
  const design = given.groups ? { ...given, weights: reweighingWeights(given.groups, given.target) } : given;
  const choice = choosePenalty(design, persons, options);
  return { fit: fitElasticNet(design, { ...options, alpha: choice.alpha }), choice };
}

export interface OuterFold {
  readonly split: Split;
  readonly alpha: number;
  /** The inner splits, as row indices of the whole design (all inside `split.train`). */
  readonly innerSplits: readonly Split[];
}

export interface NestedResult {
  /** One out-of-fold prediction (0–1) per row of the design. */
  readonly predicted: readonly number[];
  readonly folds: readonly OuterFold[];
}

/** Runs the procedure on one training part and predicts its test part. */
function trainAndTest(design: Design, persons: readonly string[], split: Split, options: ProcedureOptions) {
  const { fit, choice } = fitWithChosenPenalty(
    subset(design, split.train),
    split.train.map((i) => persons[i]!),
    options,
  );
  const toWhole = (s: Split): Split => ({
    train: s.train.map((i) => split.train[i]!),
    test: s.test.map((i) => split.train[i]!),
  });
  return {
    fold: { split, alpha: choice.alpha, innerSplits: choice.splits.map(toWhole) },
    predicted: split.test.map((i) => predictRow(fit, design.columns, design.values[i]!)),
  };
}

/**
 * Nested grouped cross-validation: outer grouped k-fold by person; in each outer training part
 * the penalty is chosen by inner grouped k-fold and the model refitted there; the outer test part
 * is predicted by that model only.
 * @example nestedCrossValidation(design, persons, 5, { l1Ratio: 0, innerFolds: 5, seed: 1 }).predicted
 */
export function nestedCrossValidation(
  design: Design,
  persons: readonly string[],
  outerFolds: number,
  options: ProcedureOptions,
): NestedResult {
  const predicted = new Array<number>(design.target.length).fill(Number.NaN);
  const folds = groupedKFold(persons, outerFolds, options.seed).map((split) => {
    const result = trainAndTest(design, persons, split, options);
    split.test.forEach((row, i) => (predicted[row] = result.predicted[i]!));
    return result.fold;
  });
  return { predicted, folds };
}

export interface HoldoutResult extends OuterFold {
  /** Predictions (0–1) for `split.test`, in its order. */
  readonly predicted: readonly number[];
}

/** A holdout by person: everything, the penalty included, fitted on the other people. */
export function holdoutValidation(
  design: Design,
  persons: readonly string[],
  testShare: number,
  options: ProcedureOptions,
): HoldoutResult {
  const split = groupedHoldout(persons, testShare, options.seed);
  const { fold, predicted } = trainAndTest(design, persons, split, options);
  return { ...fold, predicted };
}

/**
 * Pearson r with its 95% bootstrap interval resampled by person, Spearman rho, and MAE on the
 * ratings' scale, from normalised (0–1) predictions and ratings. Throws VALIDATION_FAILED, naming
 * the statistic, where one is undefined.
 */
export function agreementFigures(
  predicted: readonly number[],
  rated: readonly number[],
  persons: readonly string[],
  scale: { readonly min: number; readonly max: number },
  seed: number,
): AgreementFigures {
  const interval = bootstrapPearsonInterval(predicted, rated, { seed, groups: persons });
  const span = scale.max - scale.min;
  return {
    r: interval.r,
    ci: [interval.lower, interval.upper],
    rho: spearman(predicted, rated),
    mae: meanAbsoluteError(
      predicted.map((p) => p * span),
      rated.map((v) => v * span),
    ),
    n: predicted.length,
    people: personCount(persons),
  };
}

/** The reason a statistic could not be computed, from a VALIDATION_FAILED error; other errors travel on. */
export function reasonOf(error: unknown): string {
  if (error instanceof CandorError && error.code === 'VALIDATION_FAILED') return error.message;
  throw error;
}
