/**
 * Speaker change points by the Bayesian information criterion, with the growing-window search of
 * Chen & Gopalakrishnan (1998): a window starts at the last change; every candidate split inside
 * it is tested with ΔBIC; when the best is positive a change is taken there and the search starts
 * again from it, otherwise the window grows, and past a maximum length slides on.
 *
 * Cost: prefix sums of the window's statistics (d + d(d+1)/2 numbers per frame, kept only for the
 * window) and three Cholesky factorisations per candidate, so time grows linearly with the
 * recording and memory with the window (a few hundred kB), not with the recording.
 */
import { addFrame, deltaBic, logDetCovariance, statsLength } from './gaussian.js';

export interface ChangePointOptions {
  /** BIC penalty weight; 1 is the criterion as published. */
  readonly lambda: number;
  /** Frames in the first window. */
  readonly initialFrames: number;
  /** Frames the window grows by when no change is found. */
  readonly growFrames: number;
  /** Longest window, frames. */
  readonly maximumFrames: number;
  /** Fewest frames on either side of a candidate split. */
  readonly marginFrames: number;
  /** Frames between candidate splits. */
  readonly stepFrames: number;
  /** Share of frames that are independent observations (see `independentShare`). Default 1. */
  readonly independence?: number;
}

/**
 * Indices (into the n frames of `x`, d values each) where a new speaker starts; never 0 or n.
 * @example bicChangePoints(features, 12, frames, { lambda: 1, initialFrames: 200, … }) // [412, 977]
 */
export function bicChangePoints(
  x: Float32Array,
  d: number,
  n: number,
  options: ChangePointOptions,
): number[] {
  const { lambda, initialFrames, growFrames, maximumFrames, marginFrames, stepFrames } = options;
  const len = statsLength(d);
  const prefix = new Float64Array((maximumFrames + 1) * len);
  const work = new Float64Array(d * d);
  const changes: number[] = [];
  let a = 0;
  let b = Math.min(n, a + initialFrames);
  // prefix[k] holds the statistics of frames a … a+k−1; `filled` rows are valid.
  let filled = 0;
  const extend = (to: number): void => {
    if (filled === 0) {
      prefix.fill(0, 0, len);
      filled = 1;
    }
    for (let k = filled; k <= to - a; k++) {
      prefix.copyWithin(k * len, (k - 1) * len, k * len);
      addFrame(prefix, k * len, x, (a + k - 1) * d, d);
    }
    filled = Math.max(filled, to - a + 1);
  };
  while (b - a >= 2 * marginFrames) {
    extend(b);
    const total = b - a;
    const whole = { n: total, logDet: logDetCovariance(d, work, prefix, total * len, prefix, 0) };
    let best = -Infinity;
    let bestAt = -1;
    for (let i = a + marginFrames; i <= b - marginFrames; i += stepFrames) {
      const k = i - a;
      const left = { n: k, logDet: logDetCovariance(d, work, prefix, k * len, prefix, 0) };
      const right = { n: total - k, logDet: logDetCovariance(d, work, prefix, total * len, prefix, k * len) };
      const score = deltaBic(whole, left, right, d, lambda, options.independence ?? 1);
      if (score > best) {
        best = score;
        bestAt = i;
      }
    }
    if (best > 0) {
      changes.push(bestAt);
      a = bestAt;
      b = Math.min(n, a + initialFrames);
      filled = 0;
      continue;
    }
    if (b === n) break;
    b = Math.min(n, b + growFrames);
    if (b - a > maximumFrames) {
      a = b - maximumFrames;
      filled = 0;
    }
  }
  return changes;
}
