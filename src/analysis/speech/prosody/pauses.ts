/**
 * Silent pauses from the intensity contour, and voiced stretches from the pitch contour.
 *
 * Pauses follow Praat's `Intensity: To TextGrid (silences)` (D. Weenink,
 * `Intensity_to_TextGrid_detectSilences`, Praat 6.3) on the default intensity contour (100 Hz
 * minimum pitch): the threshold is the contour's maximum (parabolically interpolated) minus 25 dB,
 * never below its minimum (then nothing is silent), and never below an absolute floor (default
 * 20 dB SPL, about −74 dB re full scale) so that digital silence is silent even when nothing else is.
 * Frames below it are silent. Then, in Praat's order, sounding stretches shorter than 0.1 s (a click
 * inside a pause) become silence first, and only then silent stretches shorter than the minimum pause
 * become speech: Weenink notes that this order "works much better" than the reverse, which lets a
 * click split a real pause into two short ones that are both lost. Silent stretches that remain and
 * last at least the minimum pause (250 ms: the usual lower bound for a perceived silent pause,
 * Goldman-Eisler 1968; De Jong & Bosker 2013) are pauses. The praat-agreement test checks count,
 * total and boundaries against Praat on real recordings.
 *
 * Syllable nuclei keep De Jong & Wempe's (2009) own threshold, the 0.99 quantile minus 25 dB
 * (`silenceThreshold`), which their script uses for intensity peaks.
 */
import type { IntensityTrack } from './intensity.js';
import type { PitchTrack } from './pitch.js';

export interface PauseOptions {
  /** dB below the reference level (the maximum for pauses, the 0.99 quantile for nuclei) that counts as silence. Default 25. */
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

/**
 * De Jong & Wempe's (2009) threshold for syllable nuclei: the 0.99 quantile of the contour minus
 * 25 dB (the quantile so that a burst does not lift it), never below the minimum nor the floor.
 *
 * @example silenceThreshold(analyzeIntensity(samples, 16000, { minimumPitch: 50 }).db) // e.g. 45.9
 */
export function silenceThreshold(db: Float32Array, options: PauseOptions = {}): number {
  const silenceDb = options.silenceDb ?? 25;
  const floorDb = options.floorDb ?? 20;
  if (db.length === 0) return floorDb;
  const sorted = Float64Array.from(db).sort();
  const threshold = Math.max(quantile(sorted, 0.99) - silenceDb, sorted[0]!);
  return Math.max(threshold, floorDb);
}

/**
 * Praat's `Vector_getMaximumAndX` with parabolic interpolation: the largest frame, refined by the
 * parabola through it and its two neighbours.
 *
 * @example interpolatedMaximum(Float32Array.from([0, 1, 1, 0])) // 1.125
 */
export function interpolatedMaximum(values: Float32Array): number {
  let best = 0;
  for (let j = 1; j < values.length; j++) if (values[j]! > values[best]!) best = j;
  const y = values[best]!;
  if (best === 0 || best === values.length - 1) return y;
  const dy = 0.5 * (values[best + 1]! - values[best - 1]!);
  const d2y = 2 * y - values[best - 1]! - values[best + 1]!;
  return d2y > 0 ? y + (0.5 * dy * dy) / d2y : y;
}

/**
 * The pause threshold of a contour (Praat's `To TextGrid (silences)`): maximum minus 25 dB, never
 * below the minimum nor the absolute floor.
 *
 * @example pauseThreshold(analyzeIntensity(samples, 16000).db) // e.g. 49.4 for a 74.4 dB maximum
 */
export function pauseThreshold(db: Float32Array, options: PauseOptions = {}): number {
  const silenceDb = options.silenceDb ?? 25;
  const floorDb = options.floorDb ?? 20;
  if (db.length === 0) return floorDb;
  let minimum = Infinity;
  for (const v of db) minimum = Math.min(minimum, v);
  return Math.max(interpolatedMaximum(db) - silenceDb, minimum, floorDb);
}

interface Run {
  silent: boolean;
  from: number;
  to: number;
}

/** Turns runs of the given kind shorter than `minimum` seconds into the other kind, merging neighbours. */
function absorbShort(runs: Run[], silent: boolean, minimum: number, seconds: (run: Run) => number): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const flip = run.silent === silent && seconds(run) < minimum;
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
  const thresholdDb = pauseThreshold(db, options);
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
  const seconds = (run: Run): number => edge(run.to) - edge(run.from);
  runs = absorbShort(runs, false, minimumSounding, seconds);
  runs = absorbShort(runs, true, minimumPause, seconds);
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
