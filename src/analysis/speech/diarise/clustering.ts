/**
 * Agglomerative clustering of speech segments by ΔBIC (Chen & Gopalakrishnan 1998, §3): every
 * segment starts as its own cluster, each modelled by one full-covariance Gaussian, and the most
 * alike pair is merged, again and again, down to one cluster. "Most alike" is the lowest ΔBIC per
 * frame of the pair: raw ΔBIC grows with the frames involved, so ranked by it a large cluster would
 * swallow every short segment first. The merge order is recorded once; cutting it after the merges
 * ΔBIC still justifies (ΔBIC ≤ 0), or at a known number of speakers, gives the clusters.
 *
 * Cost: O(S²) pair scores for S segments at the start (an S×S table: 32 MB for 2,000 segments),
 * then O(S) new scores and O(S) nearest-partner updates per merge.
 */
import { addFrame, deltaBic, logDetCovariance, statsLength } from './gaussian.js';

export interface Segment {
  /** First frame (inclusive) and last frame (exclusive) in the feature array. */
  readonly from: number;
  readonly to: number;
}

export interface ClusterOptions {
  readonly lambda: number;
  /** Share of frames that are independent observations (see `independentShare`). Default 1. */
  readonly independence?: number;
}

/** The merges of an agglomerative clustering, in order, and how to cut it. */
export interface Dendrogram {
  /** Each merge: the two clusters (by their first segment) and its ΔBIC. */
  readonly merges: readonly { readonly into: number; readonly from: number; readonly deltaBic: number }[];
  /** The cluster of each segment with `k` clusters left, numbered 0, 1, … in order of first appearance. */
  labelsAt(k: number): number[];
  /** The cluster of each segment after every merge with ΔBIC ≤ 0 (the first merge with ΔBIC > 0 stops it). */
  labelsByBic(): number[];
}

/**
 * The lowest ΔBIC between any two of the labelled clusters (+∞ with fewer than two): above 0, every
 * pair of speakers is better told apart than merged.
 * @example closestPairBic(features, 19, labels, 1) // 212.4
 */
export function closestPairBic(
  x: Float32Array,
  d: number,
  labels: Uint16Array,
  lambda: number,
  independence = 1,
): number {
  const present = [...new Set(labels)].sort((a, b) => a - b);
  const len = statsLength(d);
  const stats = new Float64Array(present.length * len);
  const slot = new Map(present.map((l, i) => [l, i]));
  for (let f = 0; f < labels.length; f++) addFrame(stats, slot.get(labels[f]!)! * len, x, f * d, d);
  const work = new Float64Array(d * d);
  const merged = new Float64Array(len);
  const logDet = present.map((_, i) => logDetCovariance(d, work, stats, i * len));
  let lowest = Infinity;
  for (let i = 0; i < present.length; i++) {
    for (let j = i + 1; j < present.length; j++) {
      for (let k = 0; k < len; k++) merged[k] = stats[i * len + k]! + stats[j * len + k]!;
      const score = deltaBic(
        { n: merged[0]!, logDet: logDetCovariance(d, work, merged, 0) },
        { n: stats[i * len]!, logDet: logDet[i]! },
        { n: stats[j * len]!, logDet: logDet[j]! },
        d,
        lambda,
        independence,
      );
      lowest = Math.min(lowest, score);
    }
  }
  return lowest;
}

/**
 * The full merge order of the segments (see the module comment).
 * @example agglomerate(features, 19, segments, { lambda: 1 }).labelsAt(2) // [0, 1, 0, 0, 1]
 */
export function agglomerate(
  x: Float32Array,
  d: number,
  segments: readonly Segment[],
  options: ClusterOptions,
): Dendrogram {
  const len = statsLength(d);
  const s = segments.length;
  const stats = new Float64Array(s * len);
  segments.forEach((seg, c) => {
    for (let f = seg.from; f < seg.to; f++) addFrame(stats, c * len, x, f * d, d);
  });
  const work = new Float64Array(d * d);
  const merged = new Float64Array(len);
  const logDet = new Float64Array(s);
  for (let c = 0; c < s; c++) logDet[c] = logDetCovariance(d, work, stats, c * len);
  const alive = new Uint8Array(s).fill(1);
  const cost = new Float64Array(s * s).fill(Infinity);
  /** ΔBIC of merging i and j, and the same per frame (the ranking). */
  const score = (i: number, j: number): number => {
    for (let k = 0; k < len; k++) merged[k] = stats[i * len + k]! + stats[j * len + k]!;
    const union = { n: merged[0]!, logDet: logDetCovariance(d, work, merged, 0) };
    const value = deltaBic(
      union,
      { n: stats[i * len]!, logDet: logDet[i]! },
      { n: stats[j * len]!, logDet: logDet[j]! },
      d,
      options.lambda,
      options.independence ?? 1,
    );
    return value / merged[0]!;
  };
  for (let i = 0; i < s; i++) {
    for (let j = i + 1; j < s; j++) {
      const c = score(i, j);
      cost[i * s + j] = c;
      cost[j * s + i] = c;
    }
  }
  // Each cluster's cheapest partner, so a merge costs O(S) rescans instead of O(S²).
  const nearest = new Int32Array(s).fill(-1);
  const nearestCost = new Float64Array(s).fill(Infinity);
  const rescan = (i: number): void => {
    nearest[i] = -1;
    nearestCost[i] = Infinity;
    for (let j = 0; j < s; j++) {
      if (j !== i && alive[j] && cost[i * s + j]! < nearestCost[i]) {
        nearestCost[i] = cost[i * s + j]!;
        nearest[i] = j;
      }
    }
  };
  for (let i = 0; i < s; i++) rescan(i);
  const merges: { into: number; from: number; deltaBic: number }[] = [];
  for (let count = s; count > 1; count--) {
    let bi = -1;
    for (let i = 0; i < s; i++) {
      if (alive[i] && nearest[i]! >= 0 && (bi < 0 || nearestCost[i]! < nearestCost[bi]!)) bi = i;
    }
    if (bi < 0) break;
    const bj = nearest[bi]!;
    const [into, from] = bi < bj ? [bi, bj] : [bj, bi];
    for (let k = 0; k < len; k++) merged[k] = stats[into * len + k]! + stats[from * len + k]!;
    merges.push({ into, from, deltaBic: nearestCost[bi]! * merged[0]! });
    stats.set(merged, into * len);
    logDet[into] = logDetCovariance(d, work, stats, into * len);
    alive[from] = 0;
    for (let j = 0; j < s; j++) {
      if (!alive[j] || j === into) continue;
      const c = score(Math.min(j, into), Math.max(j, into));
      cost[j * s + into] = c;
      cost[into * s + j] = c;
    }
    rescan(into);
    for (let i = 0; i < s; i++) {
      if (!alive[i] || i === into) continue;
      if (nearest[i] === into || nearest[i] === from) rescan(i);
      else if (cost[i * s + into]! < nearestCost[i]!) {
        nearestCost[i] = cost[i * s + into]!;
        nearest[i] = into;
      }
    }
  }
  const replay = (count: number): number[] => {
    const owner = segments.map((_, i) => i);
    const find = (i: number): number => (owner[i] === i ? i : (owner[i] = find(owner[i]!)));
    for (const m of merges.slice(0, count)) owner[find(m.from)] = find(m.into);
    const numbering = new Map<number, number>();
    return segments.map((_, i) => {
      const root = find(i);
      if (!numbering.has(root)) numbering.set(root, numbering.size);
      return numbering.get(root)!;
    });
  };
  return {
    merges,
    labelsAt: (k) => replay(Math.max(0, Math.min(merges.length, s - k))),
    labelsByBic: () => {
      const stop = merges.findIndex((m) => m.deltaBic > 0);
      return replay(stop < 0 ? merges.length : stop);
    },
  };
}
