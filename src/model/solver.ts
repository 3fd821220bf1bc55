/**
 * The linear model's fitter: elastic net by cyclic coordinate descent on standardised features
 * (Friedman, Hastie & Tibshirani 2010, "Regularization Paths for Generalized Linear Models via
 * Coordinate Descent", with the covariance updates of section 2.2), with box constraints from the
 * framework's directions. Pure and deterministic: the same rows give the same weights.
 *
 * Objective, with z the standardised features, y the centred target and v the instance weights
 * (all 1 unless given; V = Σ v):
 *   (1 / 2V) Σ v (y − z·w)² + alpha · (l1Ratio · Σ|w| + (1 − l1Ratio) / 2 · Σ w²)
 * subject to w ≥ 0 for a 'higher' feature and w ≤ 0 for a 'lower' one. l1Ratio 0 is ridge.
 */
import { CandorError } from '../core/index.js';
import type { ModelFeature } from './model-file.js';

export type Direction = 'higher' | 'lower';

/** A feature left out of a fit, and why (constant or never measured in the training rows). */
export interface DroppedFeature {
  readonly signal: string;
  readonly reason: string;
}

/** Training data: one row per rated interview, `values[i][j]` is column j of row i (null = not measured). */
export interface Design {
  readonly columns: readonly string[];
  readonly values: readonly (readonly (number | null)[])[];
  /** The target, normalised to 0–1. */
  readonly target: readonly number[];
  /**
   * Instance weights, one per row (e.g. re-weighing, Kamiran & Calders 2012); every row weighs 1
   * when absent. Means, sds, the Gram matrix and the intercept are weighted sums over the weights'
   * total, so weights of 1 give exactly the unweighted fit.
   */
  readonly weights?: readonly number[] | undefined;
  /**
   * Each row's group on the attribute re-weighing balances (null: unknown, weight 1); the weights
   * are then computed on the rows being fitted (see reweighing.ts), never on rows held out.
   */
  readonly groups?: readonly (string | null)[] | undefined;
}

export interface PenaltyOptions {
  readonly alpha: number;
  readonly l1Ratio: number;
  readonly directions?: Readonly<Record<string, Direction>>;
}

export interface LinearFit {
  /** Mean of the training target: the prediction when every feature is at its mean. */
  readonly intercept: number;
  readonly features: readonly ModelFeature[];
  readonly dropped: readonly DroppedFeature[];
}

/** A design standardised on its own rows: mean 0, sd 1 (population sd), missing values at 0 (the mean). */
interface Standardised {
  readonly features: readonly { signal: string; mean: number; sd: number; column: number }[];
  readonly dropped: readonly DroppedFeature[];
  /** Gram matrix zᵀz / n (p × p, row-major; symmetric) and zᵀy / n of the kept features, y centred. */
  readonly gram: Float64Array;
  readonly xy: Float64Array;
  readonly intercept: number;
  readonly rows: number;
}

function standardise(design: Design): Standardised {
  const n = design.target.length;
  const weight = design.weights ?? Array<number>(n).fill(1);
  if (weight.length !== n || weight.some((w) => !(w >= 0 && Number.isFinite(w)))) {
    throw new CandorError('MODEL_INVALID', `instance weights: expected ${n} finite weights ≥ 0`, {});
  }
  const total = weight.reduce((s, w) => s + w, 0);
  if (!(total > 0)) throw new CandorError('MODEL_INVALID', 'instance weights: every weight is 0', {});
  const features: { signal: string; mean: number; sd: number; column: number }[] = [];
  const dropped: DroppedFeature[] = [];
  design.columns.forEach((signal, column) => {
    let sum = 0;
    let present = 0;
    design.values.forEach((row, i) => {
      const v = row[column];
      if (Number.isFinite(v)) {
        sum += weight[i]! * (v as number);
        present += weight[i]!;
      }
    });
    if (present === 0) {
      dropped.push({ signal, reason: 'never measured in the training rows' });
      return;
    }
    const mean = sum / present;
    // Missing values sit at the mean, so they add nothing to the spread: divide by all rows' weight.
    let spread = 0;
    design.values.forEach((row, i) => {
      const v = row[column];
      if (Number.isFinite(v)) spread += weight[i]! * ((v as number) - mean) ** 2;
    });
    const sd = Math.sqrt(spread / total);
    if (!(sd > 1e-12 * Math.max(1, Math.abs(mean)))) {
      dropped.push({ signal, reason: 'the same value in every training row' });
      return;
    }
    features.push({ signal, mean, sd, column });
  });
  const intercept = design.target.reduce((s, v, i) => s + weight[i]! * v, 0) / total;
  const z = features.map(({ mean, sd, column }) =>
    Float64Array.from(design.values, (row) => {
      const v = row[column];
      return Number.isFinite(v) ? ((v as number) - mean) / sd : 0;
    }),
  );
  const y = design.target.map((v) => v - intercept);
  const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += weight[i]! * a[i]! * b[i]!;
    return s / total;
  };
  const p = z.length;
  const gram = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    for (let k = j; k < p; k++) gram[j * p + k] = gram[k * p + j] = dot(z[j]!, z[k]!);
  }
  const xy = Float64Array.from(z, (zj) => dot(zj, y));
  return { features, dropped, gram, xy, intercept, rows: n };
}

function softThreshold(value: number, threshold: number): number {
  if (value > threshold) return value - threshold;
  if (value < -threshold) return value + threshold;
  return 0;
}

/**
 * Coordinate descent from `start` (a warm start along a path), in place. Each update is the exact
 * minimiser of the objective in one weight, clipped to that weight's box, so the constraint holds
 * exactly and the objective never rises.
 */
function descend(
  s: Standardised,
  w: Float64Array,
  alpha: number,
  l1Ratio: number,
  bounds: readonly (Direction | undefined)[],
): void {
  const p = w.length;
  const g = s.gram;
  // gw[j] = (zᵀz w / n)[j], kept up to date as weights move.
  const gw = new Float64Array(p);
  for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) gw[j]! += g[j * p + k]! * w[k]!;
  const l1 = alpha * l1Ratio;
  const l2 = alpha * (1 - l1Ratio);
  // Sweeps alternate: a full one, then sweeps over the non-zero weights only until they settle,
  // then a full one again; done when a full sweep moves nothing (glmnet's active-set cycling).
  let full = true;
  for (let sweep = 0; sweep < 20_000; sweep++) {
    let largest = 0;
    for (let j = 0; j < p; j++) {
      if (!full && w[j] === 0) continue;
      const diag = g[j * p + j]!;
      const wj = w[j]!;
      const rho = s.xy[j]! - gw[j]! + diag * wj;
      let next = softThreshold(rho, l1) / (diag + l2);
      if (bounds[j] === 'higher') next = Math.max(0, next);
      else if (bounds[j] === 'lower') next = Math.min(0, next);
      const change = next - wj;
      if (change !== 0) {
        // The Gram matrix is symmetric: row j is column j.
        const row = j * p;
        for (let k = 0; k < p; k++) gw[k]! += g[row + k]! * change;
        w[j] = next;
        if (Math.abs(change) > largest) largest = Math.abs(change);
      }
    }
    if (largest < 1e-7) {
      if (full) return;
      full = true;
    } else full = false;
  }
}

function boundsOf(s: Standardised, directions: PenaltyOptions['directions']): (Direction | undefined)[] {
  return s.features.map((f) => directions?.[f.signal]);
}

function toFit(s: Standardised, w: Float64Array, directions: PenaltyOptions['directions']): LinearFit {
  return {
    intercept: s.intercept,
    features: s.features.map((f, j) => ({
      signal: f.signal,
      // A clipped 0 may be −0; write it as 0.
      weight: w[j]! === 0 ? 0 : w[j]!,
      mean: f.mean,
      sd: f.sd,
      ...(directions?.[f.signal] ? { direction: directions[f.signal] } : {}),
    })),
    dropped: s.dropped,
  };
}

/**
 * Fits one penalty. Standardisation (means, sds) comes from these rows only.
 * @example fitElasticNet({ columns: ['a'], values: [[1], [2], [3]], target: [0.1, 0.5, 0.9] }, { alpha: 0.01, l1Ratio: 0 })
 */
export function fitElasticNet(design: Design, options: PenaltyOptions): LinearFit {
  const s = standardise(design);
  const w = new Float64Array(s.features.length);
  descend(s, w, options.alpha, options.l1Ratio, boundsOf(s, options.directions));
  return toFit(s, w, options.directions);
}

/**
 * Fits every penalty of a grid, largest first, each warm-started from the one before.
 * Returns fits in the grid's order.
 */
export function fitPath(
  design: Design,
  alphas: readonly number[],
  options: Omit<PenaltyOptions, 'alpha'>,
): LinearFit[] {
  const s = standardise(design);
  const bounds = boundsOf(s, options.directions);
  const w = new Float64Array(s.features.length);
  const order = alphas.map((alpha, i) => ({ alpha, i })).sort((a, b) => b.alpha - a.alpha);
  const fits: LinearFit[] = new Array<LinearFit>(alphas.length);
  for (const { alpha, i } of order) {
    descend(s, w, alpha, options.l1Ratio, bounds);
    fits[i] = toFit(s, w, options.directions);
  }
  return fits;
}

/**
 * A log-spaced grid of penalties from the smallest alpha that zeroes every weight (for elastic
 * net; for ridge, l1Ratio is taken as 0.001 as glmnet does, which shrinks every weight ~1000-fold)
 * down to 1/1,000 of it for elastic net (below that the lasso part barely selects and converges
 * slowly on correlated features) and to 1/1,000,000 for ridge, whose smallest penalty must leave
 * strong weights nearly unshrunk.
 */
export function alphaGrid(design: Design, l1Ratio: number, size = 30): number[] {
  const s = standardise(design);
  const largest = Math.max(...Array.from(s.xy, Math.abs), 1e-6) / Math.max(l1Ratio, 1e-3);
  const ratio = l1Ratio > 0 ? 1e-3 : 1e-6;
  return Array.from({ length: size }, (_, i) => largest * ratio ** (i / (size - 1)));
}

/** The fitted model's normalised (0–1, clipped) prediction for one row of raw values, as `predict` in model-file.ts. */
export function predictRow(
  fit: LinearFit,
  columns: readonly string[],
  row: readonly (number | null)[],
): number {
  let total = fit.intercept;
  for (const f of fit.features) {
    const v = row[columns.indexOf(f.signal)];
    if (Number.isFinite(v)) total += (f.weight * ((v as number) - f.mean)) / f.sd;
  }
  return Math.min(1, Math.max(0, total));
}
