/**
 * Silent pauses from the intensity contour, and voiced stretches from the pitch contour.
 *
 * Silence threshold (De Jong & Wempe 2009, as in their Praat script): the 0.99 quantile of the
 * intensity minus 25 dB — the quantile rather than the maximum so that a click or a cough does not
 * lift the threshold — but never below the contour's minimum, and never below an absolute floor
 * (default 20 dB SPL, i.e. about −74 dB re full scale), so that digital silence is silent even when
 * nothing else is. Frames below it are silent. As Praat's `To TextGrid (silences)`, silent stretches
 * shorter than the minimum pause are then absorbed into speech, and sounding stretches shorter than
 * 0.1 s (a click inside a pause) into silence. Silent stretches that remain and last at least the
 * minimum pause (250 ms: the usual lower bound for a perceived silent pause, e.g. Goldman-Eisler 1968;
 * De Jong & Wempe use 300 ms) are pauses.
 */
import type { IntensityTrack } from './intensity.js';
import type { PitchTrack } from './pitch.js';

export interface PauseOptions {
  /** dB below the 0.99 intensity quantile that counts as silence. Default 25. */
  readonly silenceDb?: number;
  /** Shortest silence that counts as a pause, seconds. Default 0.25. */
  readonly minimumPause?: number;
  /** Sounding stretches shorter than this inside a silence are ignored, seconds. Default 0.1. */
  readonly minimumSounding?: number;
  /** Absolute floor of the threshold, dB SPL. Default 20. */
  readonly floorDb?: number;
}

export interface Interval {
  /** Seconds from the start of the signal. */
  readonly start: number;
  readonly end: number;
}

export interface Pause extends Interval {
  /** `leading`/`trailing` silences touch the start/end of the signal; `internal` ones lie between speech. */
  readonly position: 'leading' | 'internal' | 'trailing';
}

export interface PauseAnalysis {
  /** Intensity below which a frame is silent, dB. */
  readonly thresholdDb: number;
  readonly pauses: readonly Pause[];
  /** Per intensity frame: 1 when it lies in a pause. */
  readonly silent: Uint8Array;
}

/**
 * Praat's `Get quantile` on a contour: sorted values, linear interpolation at position q·n + ½.
 *
 * @example quantile(Float64Array.from([1, 2, 3, 4]), 0.5) // 2.5
 */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (n === 1) return sorted[0]!;
  const place = q * n + 0.5;
  let left = Math.floor(place);
  if (left < 1) left = 1;
  if (left >= n) left = n - 1;
  return sorted[left - 1]! + (place - left) * (sorted[left]! - sorted[left - 1]!);
}

/** The silence threshold of a contour (see the module comment). */
export function silenceThreshold(db: Float32Array, options: PauseOptions = {}): number {
  const silenceDb = options.silenceDb ?? 25;
  const floorDb = options.floorDb ?? 20;
  if (db.length === 0) return floorDb;
  const sorted = Float64Array.from(db).sort();
  const threshold = Math.max(quantile(sorted, 0.99) - silenceDb, sorted[0]!);
  return Math.max(threshold, floorDb);
}

interface Run {
  silent: boolean;
  from: number;
  to: number;
}

/** Merges runs shorter than `minimum` frames of the given kind into their neighbours. */
function absorbShort(runs: Run[], silent: boolean, minimum: number): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const flip = run.silent === silent && run.to - run.from < minimum;
    const kind = flip ? !silent : run.silent;
    const last = out[out.length - 1];
    if (last && last.silent === kind) last.to = run.to;
    else out.push({ silent: kind, from: run.from, to: run.to });
  }
  return out;
}

/**
 * Silent pauses of at least `minimumPause` seconds in an intensity contour of a signal lasting
 * `duration` seconds.
 *
 * @example
 * const { pauses } = findPauses(analyzeIntensity(samples, 16000), samples.length / 16000);
 * pauses.filter((p) => p.position === 'internal').length;
 */
export function findPauses(
  intensity: IntensityTrack,
  duration: number,
  options: PauseOptions = {},
): PauseAnalysis {
  const { db, timeStep, firstTime } = intensity;
  const n = db.length;
  const thresholdDb = silenceThreshold(db, options);
  const minimumPause = options.minimumPause ?? 0.25;
  const minimumSounding = options.minimumSounding ?? 0.1;
  let runs: Run[] = [];
  for (let j = 0; j < n; j++) {
    const silent = db[j]! < thresholdDb;
    const last = runs[runs.length - 1];
    if (last && last.silent === silent) last.to = j + 1;
    else runs.push({ silent, from: j, to: j + 1 });
  }
  // Frame j stands for [t_j − step/2, t_j + step/2]; the first and last reach to the signal's edges.
  const edge = (j: number): number =>
    j <= 0 ? 0 : j >= n ? duration : Math.min(duration, firstTime + (j - 0.5) * timeStep);
  const frames = (seconds: number): number => seconds / timeStep;
  runs = absorbShort(runs, true, frames(minimumPause));
  runs = absorbShort(runs, false, frames(minimumSounding));
  const silent = new Uint8Array(n);
  const pauses: Pause[] = [];
  for (const run of runs) {
    if (!run.silent) continue;
    const start = edge(run.from);
    const end = edge(run.to);
    if (end - start < minimumPause) continue;
    silent.fill(1, run.from, run.to);
    const position = run.from === 0 ? 'leading' : run.to === n ? 'trailing' : 'internal';
    pauses.push({ start, end, position });
  }
  return { thresholdDb, pauses, silent };
}

/**
 * Stretches of consecutive voiced pitch frames, each frame standing for one time step around its centre.
 *
 * @example voicedIntervals(analyzePitch(samples, 16000)) // [{ start: 0.31, end: 0.52 }, …]
 */
export function voicedIntervals(pitch: PitchTrack): Interval[] {
  const out: Interval[] = [];
  const { f0, times, timeStep } = pitch;
  let from = -1;
  for (let j = 0; j <= f0.length; j++) {
    const voiced = j < f0.length && f0[j]! > 0;
    if (voiced && from < 0) from = j;
    if (!voiced && from >= 0) {
      out.push({ start: times[from]! - timeStep / 2, end: times[j - 1]! + timeStep / 2 });
      from = -1;
    }
  }
  return out;
}
