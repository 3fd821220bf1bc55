/**
 * Re-segmentation: one full-covariance Gaussian per speaker, trained on the frames clustering gave
 * them, then a Viterbi pass over the speech frames where changing speaker costs a fixed log
 * penalty (an ergodic HMM with one state per speaker, as in the re-segmentation step of the LIUM
 * and Barras et al. 2006 broadcast diarisation systems). Boundaries move to where the voices
 * change, frame by frame, instead of where the BIC windows happened to put them. Repeated a few
 * times, it converges; a speaker left with almost no frames is dropped.
 *
 * Cost: O(frames × speakers × d²) per pass; memory one back-pointer byte per frame and speaker.
 */
import { choleskyLogDet } from './gaussian.js';

interface Model {
  readonly mean: Float64Array;
  /** Lower Cholesky factor of the covariance, row-major d×d. */
  readonly chol: Float64Array;
  readonly logDet: number;
}

function fit(x: Float32Array, d: number, labels: Uint16Array, speaker: number): Model | null {
  const mean = new Float64Array(d);
  const cov = new Float64Array(d * d);
  let n = 0;
  for (let f = 0; f < labels.length; f++) {
    if (labels[f] !== speaker) continue;
    n++;
    for (let i = 0; i < d; i++) mean[i] = mean[i]! + x[f * d + i]!;
  }
  if (n <= d) return null;
  for (let i = 0; i < d; i++) mean[i] = mean[i]! / n;
  for (let f = 0; f < labels.length; f++) {
    if (labels[f] !== speaker) continue;
    for (let i = 0; i < d; i++) {
      const a = x[f * d + i]! - mean[i]!;
      for (let j = 0; j <= i; j++) cov[i * d + j] = cov[i * d + j]! + a * (x[f * d + j]! - mean[j]!);
    }
  }
  let trace = 0;
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      cov[i * d + j] = cov[i * d + j]! / n;
      cov[j * d + i] = cov[i * d + j]!;
    }
    trace += cov[i * d + i]!;
  }
  for (let i = 0; i < d; i++) cov[i * d + i] = cov[i * d + i]! + 1e-6 * (trace / d);
  const logDet = choleskyLogDet(cov, d);
  return { mean, chol: cov, logDet };
}

/** log N(x_f; μ, Σ) up to the constant −d/2·log 2π, which every speaker shares. */
function logLikelihood(model: Model, x: Float32Array, f: number, d: number, y: Float64Array): number {
  const { mean, chol } = model;
  let q = 0;
  for (let i = 0; i < d; i++) {
    let v = x[f * d + i]! - mean[i]!;
    for (let k = 0; k < i; k++) v -= chol[i * d + k]! * y[k]!;
    v /= chol[i * d + i]!;
    y[i] = v;
    q += v * v;
  }
  return -0.5 * (model.logDet + q);
}

export interface ResegmentOptions {
  /** Log-likelihood cost of a change of speaker. */
  readonly switchPenalty: number;
  /** Passes of fit + Viterbi. */
  readonly iterations: number;
}

/**
 * New labels for the frames (speaker numbers as given; a dropped speaker's number no longer occurs).
 * @example resegment(features, 12, labels, 2, { switchPenalty: 50, iterations: 3 })
 */
export function resegment(
  x: Float32Array,
  d: number,
  initial: Uint16Array,
  speakers: number,
  options: ResegmentOptions,
): Uint16Array {
  let labels = initial;
  const n = labels.length;
  const y = new Float64Array(d);
  for (let pass = 0; pass < options.iterations; pass++) {
    const models = Array.from({ length: speakers }, (_, s) => fit(x, d, labels, s));
    const live = models.map((m, s) => (m ? s : -1)).filter((s) => s >= 0);
    if (live.length < 2) return labels;
    const k = live.length;
    const penalty = options.switchPenalty;
    const back = new Uint8Array(n * k);
    let score = new Float64Array(k);
    let next = new Float64Array(k);
    for (let f = 0; f < n; f++) {
      let bestPrev = 0;
      for (let s = 1; s < k; s++) if (score[s]! > score[bestPrev]!) bestPrev = s;
      for (let s = 0; s < k; s++) {
        const stay = score[s]!;
        const move = score[bestPrev]! - penalty;
        const from = f > 0 && move > stay ? bestPrev : s;
        back[f * k + s] = from;
        next[s] = (from === s ? stay : move) + logLikelihood(models[live[s]!]!, x, f, d, y);
      }
      [score, next] = [next, score];
    }
    const out = new Uint16Array(n);
    let state = 0;
    for (let s = 1; s < k; s++) if (score[s]! > score[state]!) state = s;
    for (let f = n - 1; f >= 0; f--) {
      out[f] = live[state]!;
      state = back[f * k + state]!;
    }
    let changed = 0;
    for (let f = 0; f < n; f++) if (out[f] !== labels[f]) changed++;
    labels = out;
    if (changed === 0) break;
  }
  return labels;
}
