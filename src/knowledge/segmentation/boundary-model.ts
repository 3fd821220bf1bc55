import { BOUNDARY_FEATURES } from './boundary-features.js';
import type { TopicBoundary } from './text-tiling.js';

/**
 * A logistic model of "a new topic starts at this turn" over `BOUNDARY_FEATURES` (Galley et al.
 * 2003 combine the same kinds of evidence with a decision tree; a linear model is enough for 22
 * features and is easy to read), and how its scores become boundaries.
 */
export interface BoundaryModel {
  /** Mean and standard deviation of each feature on the training turns (for scaling). */
  readonly means: readonly number[];
  readonly sds: readonly number[];
  /** One weight per feature on the scaled values, and the intercept. */
  readonly weights: readonly number[];
  readonly bias: number;
  /** Turns scoring at least this (log-odds, on class-balanced training) may open a section. */
  readonly threshold: number;
  /** Shortest section as a share of the conversation's words, applied to every section. */
  readonly minSectionShare: number;
}

/**
 * Fitted by `node bench/topic-segmentation.mjs --fit` on the dev half of the QMSum meetings only
 * (108 meetings, grouped by meeting series; a turn within 5 of a human section start counts as a
 * boundary, classes balanced, L2 1e-3). Threshold and shortest section were chosen by 2-fold
 * cross-validation over dev meeting groups (mean of Pk and WindowDiff); held-out figures: bench.
 */
export const BOUNDARY_MODEL: BoundaryModel = {
  means: [
    -0.001877, -0.004508, -0.02004, -0.02073, 0.006736, 0.02122, 0.01563, 0.005567, 0.007853, 0.01821, 0.0104,
    0.07035, 0.6428, 2.275, 0.3088, 1.781, 1.782, 0.04271, 0.01003, 0.0031, 7.917, 7.797,
  ],
  sds: [
    0.9993, 0.9947, 0.871, 0.8596, 0.9879, 0.8525, 0.9224, 0.9917, 0.9813, 0.2521, 0.1015, 0.2557, 0.805,
    1.128, 0.462, 1.254, 1.255, 0.2022, 0.09964, 0.05559, 1.148, 1.245,
  ],
  weights: [
    0.1832, 0.1783, 1.345, -0.165, -0.09067, 1.948, -0.1549, -0.2096, -0.05901, -0.02568, 0.1365, 0.04212,
    0.1142, -0.1932, 0.04751, 0.297, 0.2735, 0.05398, 0.1191, 0.06915, -0.3739, -0.1317,
  ],
  bias: -0.3587,
  threshold: 1.75,
  minSectionShare: 0.13,
};

/**
 * Log-odds that each turn opens a section (row 0 is never a boundary: −Infinity).
 * @example boundaryScores(boundaryFeatures(segments, tokens, vectors), BOUNDARY_MODEL)
 */
export function boundaryScores(features: readonly (readonly number[])[], model: BoundaryModel): number[] {
  return features.map((row, i) => {
    if (i === 0) return -Infinity;
    let s = model.bias;
    row.forEach((v, j) => {
      s += ((model.weights[j] ?? 0) * (v - (model.means[j] ?? 0))) / (model.sds[j] || 1);
    });
    return s;
  });
}

/**
 * Highest-scoring turns first, each kept when it scores ≥ the threshold and leaves every section
 * (the first and last too) at least `minSectionShare` of the words. `depth` carries the score's
 * margin over the threshold.
 * @example pickBoundaries(scores, conversation.segmentStart, conversation.tokens.length, BOUNDARY_MODEL)
 */
export function pickBoundaries(
  scores: readonly number[],
  segmentStart: readonly number[],
  totalWords: number,
  model: Pick<BoundaryModel, 'threshold' | 'minSectionShare'>,
): TopicBoundary[] {
  const minWords = model.minSectionShare * totalWords;
  const order = scores
    .map((s, i) => [s, i] as const)
    .filter(([s, i]) => i > 0 && s >= model.threshold)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const chosen: TopicBoundary[] = [];
  for (const [s, i] of order) {
    const at = segmentStart[i] as number;
    if (at < minWords || totalWords - at < minWords) continue;
    if (chosen.some((c) => Math.abs((segmentStart[c.segment] as number) - at) < minWords)) continue;
    chosen.push({ segment: i, depth: s - model.threshold });
  }
  return chosen.sort((a, b) => a.segment - b.segment);
}

/** Training examples: the feature rows of one conversation and the turns where sections start. */
export interface BoundaryExamples {
  readonly features: readonly (readonly number[])[];
  readonly starts: readonly number[];
}

/**
 * Fits weights by class-balanced logistic regression (Adam, 300 full-batch steps, L2 `l2`). A turn
 * counts as a boundary when a section starts within `tolerance` turns of it (human boundaries in
 * conversation are fuzzy by a few turns). Threshold and shortest section are left to the caller.
 * @example fitBoundaryModel(devMeetings.map((m) => ({ features: m.features, starts: m.starts })))
 */
export function fitBoundaryModel(
  examples: readonly BoundaryExamples[],
  { tolerance = 5, l2 = 1e-3, steps = 300 }: { tolerance?: number; l2?: number; steps?: number } = {},
): BoundaryModel {
  const d = BOUNDARY_FEATURES.length;
  const xs: (readonly number[])[] = [];
  const ys: number[] = [];
  for (const e of examples) {
    e.features.forEach((row, i) => {
      if (i === 0) return;
      if (row.length !== d) throw new RangeError(`feature row ${i} has ${row.length} values, expected ${d}`);
      xs.push(row);
      ys.push(e.starts.some((s) => s > 0 && Math.abs(s - i) <= tolerance) ? 1 : 0);
    });
  }
  const positives = ys.reduce((a, b) => a + b, 0);
  if (positives === 0 || positives === ys.length)
    throw new RangeError('training needs both boundary and other turns');
  const means = Array.from({ length: d }, (_, j) => xs.reduce((s, x) => s + (x[j] as number), 0) / xs.length);
  const sds = Array.from(
    { length: d },
    (_, j) =>
      Math.sqrt(xs.reduce((s, x) => s + ((x[j] as number) - (means[j] as number)) ** 2, 0) / xs.length) || 1,
  );
  const z = xs.map((x) => x.map((v, j) => (v - (means[j] as number)) / (sds[j] as number)));
  const positiveWeight = (ys.length - positives) / positives;
  const w = new Float64Array(d + 1); // last = bias
  const m1 = new Float64Array(d + 1);
  const m2 = new Float64Array(d + 1);
  for (let t = 1; t <= steps; t++) {
    const g = new Float64Array(d + 1);
    let mass = 0;
    z.forEach((x, i) => {
      let s = w[d] as number;
      for (let j = 0; j < d; j++) s += (w[j] as number) * (x[j] as number);
      const y = ys[i] as number;
      const weight = y === 1 ? positiveWeight : 1;
      const e = (1 / (1 + Math.exp(-s)) - y) * weight;
      mass += weight;
      for (let j = 0; j < d; j++) g[j] = (g[j] as number) + e * (x[j] as number);
      g[d] = (g[d] as number) + e;
    });
    for (let j = 0; j <= d; j++) {
      const gj = (g[j] as number) / mass + (j < d ? l2 * (w[j] as number) : 0);
      m1[j] = 0.9 * (m1[j] as number) + 0.1 * gj;
      m2[j] = 0.999 * (m2[j] as number) + 0.001 * gj * gj;
      const step =
        (0.05 * ((m1[j] as number) / (1 - 0.9 ** t))) /
        (Math.sqrt((m2[j] as number) / (1 - 0.999 ** t)) + 1e-8);
      w[j] = (w[j] as number) - step;
    }
  }
  return {
    means,
    sds,
    weights: Array.from(w.subarray(0, d)),
    bias: w[d] as number,
    threshold: BOUNDARY_MODEL.threshold,
    minSectionShare: BOUNDARY_MODEL.minSectionShare,
  };
}
