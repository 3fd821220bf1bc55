/**
 * The prosody summary of one recording: observable behaviour only (pitch level and spread,
 * loudness, pauses, rate), each figure with its unit and basis, plus the frame contours as evidence.
 */
import { CandorError } from '../../../core/index.js';
import type { IntensityTrack } from './intensity.js';
import { findPauses, quantile, silenceThreshold, type Pause, type PauseOptions } from './pauses.js';
import type { PitchTrack } from './pitch.js';
import { findSyllableNuclei } from './syllable-nuclei.js';

/** Word timings (seconds), e.g. from a transcript; only their number and span are used. */
export interface TimedWord {
  readonly start: number;
  readonly end: number;
}

export interface Rate {
  /** Units per minute, or null when there is no time to divide by. */
  readonly perMinute: number | null;
  readonly unit: 'words' | 'syllables';
  /** `word timings` when words were given, else `syllable nuclei` (De Jong & Wempe 2009). */
  readonly basis: 'word timings' | 'syllable nuclei';
}

export interface ProsodySummary {
  /** Length of the signal, seconds. */
  readonly durationSeconds: number;
  readonly pitch: {
    /** Mean F0 over voiced frames, Hz. */
    readonly meanHz: number | null;
    readonly medianHz: number | null;
    /** Standard deviation of F0 in semitones (12·log2 F0); the same whatever the reference (100 Hz or the median). */
    readonly sdSemitones: number | null;
    /** 5th and 95th percentiles of F0, Hz. */
    readonly p5Hz: number | null;
    readonly p95Hz: number | null;
    /** 12·log2(p95 / p5): the pitch range without its extreme 10 %, semitones. */
    readonly rangeSemitones: number | null;
  };
  readonly intensity: {
    /** Mean of the dB values over sounding frames (at or above the silence threshold). */
    readonly meanDb: number | null;
    readonly sdDb: number | null;
    /** The silence threshold, dB. */
    readonly silenceThresholdDb: number;
  };
  /** Voiced pitch frames / all pitch frames. */
  readonly voicedShare: number;
  readonly pauses: {
    /** Silent stretches of at least `minimumSeconds`, leading and trailing silence included. */
    readonly list: readonly Pause[];
    readonly count: number;
    readonly minimumSeconds: number;
    readonly totalSeconds: number;
    readonly meanSeconds: number | null;
    readonly longestSeconds: number | null;
    /** Pause time / total duration. */
    readonly ratio: number;
  };
  /** Units per minute of the whole signal. */
  readonly speakingRate: Rate;
  /** Units per minute of phonation time (duration minus pauses). */
  readonly articulationRate: Rate;
  /** Duration minus pause time, seconds. */
  readonly phonationSeconds: number;
  /** Syllable nuclei found (De Jong & Wempe 2009), always computed. */
  readonly syllableNuclei: { readonly count: number; readonly times: readonly number[] };
  /** Frame contours, the evidence behind the figures. */
  readonly frames: {
    readonly pitch: { readonly times: Float64Array; readonly f0: Float32Array };
    readonly intensity: { readonly times: Float64Array; readonly db: Float32Array };
  };
}

export interface SummaryOptions {
  readonly words?: readonly TimedWord[];
  readonly pauses?: PauseOptions;
}

/** Throws a CandorError naming the first word whose times are unusable. */
export function checkWords(words: unknown): asserts words is readonly TimedWord[] | undefined {
  if (words === undefined) return;
  if (!Array.isArray(words)) {
    throw new CandorError('VALIDATION_FAILED', 'words must be an array of { start, end } in seconds', {
      field: 'words',
    });
  }
  words.forEach((word: unknown, i) => {
    const w = word as { start?: unknown; end?: unknown } | null;
    for (const key of ['start', 'end'] as const) {
      const v = w?.[key];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw new CandorError(
          'VALIDATION_FAILED',
          `words[${i}].${key} must be a number of seconds ≥ 0, got ${String(v)}`,
          {
            field: `words[${i}].${key}`,
          },
        );
      }
    }
    if ((w!.end as number) < (w!.start as number)) {
      throw new CandorError('VALIDATION_FAILED', `words[${i}] ends before it starts`, {
        field: `words[${i}].end`,
      });
    }
  });
}

function meanAndSd(values: ArrayLike<number>): { mean: number | null; sd: number | null } {
  const n = values.length;
  if (n === 0) return { mean: null, sd: null };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  if (n < 2) return { mean, sd: null };
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - mean) ** 2;
  return { mean, sd: Math.sqrt(ss / (n - 1)) };
}

function pitchFigures(pitch: PitchTrack): ProsodySummary['pitch'] & { voiced: number } {
  const voiced = pitch.f0.filter((f) => f > 0);
  if (voiced.length === 0) {
    return {
      meanHz: null,
      medianHz: null,
      sdSemitones: null,
      p5Hz: null,
      p95Hz: null,
      rangeSemitones: null,
      voiced: 0,
    };
  }
  const sorted = Float64Array.from(voiced).sort();
  const semitones = Float64Array.from(voiced, (f) => 12 * Math.log2(f / 100));
  const p5 = quantile(sorted, 0.05);
  const p95 = quantile(sorted, 0.95);
  return {
    meanHz: meanAndSd(voiced).mean,
    medianHz: quantile(sorted, 0.5),
    sdSemitones: meanAndSd(semitones).sd,
    p5Hz: p5,
    p95Hz: p95,
    rangeSemitones: 12 * Math.log2(p95 / p5),
    voiced: voiced.length,
  };
}

function rate(count: number, seconds: number, unit: Rate['unit']): Rate {
  return {
    perMinute: seconds > 0 ? (count / seconds) * 60 : null,
    unit,
    basis: unit === 'words' ? 'word timings' : 'syllable nuclei',
  };
}

/** The contours of one signal that a summary is made of. */
export interface ProsodyContours {
  /** Praat's default pitch contour. */
  readonly pitch: PitchTrack;
  /** Praat's default intensity contour (100 Hz minimum pitch). */
  readonly intensity: IntensityTrack;
  /** Intensity with a 50 Hz minimum pitch, for syllable nuclei (De Jong & Wempe 2009). */
  readonly nucleiIntensity: IntensityTrack;
  /** Voicing for syllable nuclei: the path with De Jong & Wempe's lenient costs (see prosody.ts). */
  readonly nucleiPitch: PitchTrack;
  readonly durationSeconds: number;
}

/**
 * Summarises the contours of one signal.
 *
 * @example
 * const summary = summarizeProsody({ pitch, intensity, nucleiIntensity, nucleiPitch, durationSeconds: 7.1 });
 */
export function summarizeProsody(contours: ProsodyContours, options: SummaryOptions = {}): ProsodySummary {
  const { pitch, intensity, nucleiIntensity, nucleiPitch, durationSeconds } = contours;
  checkWords(options.words);
  const pauseAnalysis = findPauses(intensity, durationSeconds, options.pauses);
  const pauseList = pauseAnalysis.pauses;
  const pauseSeconds = pauseList.reduce((s, p) => s + (p.end - p.start), 0);
  const phonationSeconds = Math.max(0, durationSeconds - pauseSeconds);
  const nuclei = findSyllableNuclei(
    nucleiIntensity,
    silenceThreshold(nucleiIntensity.db, options.pauses),
    nucleiPitch,
    pauseAnalysis,
  );
  const sounding = intensity.db.filter((v) => v >= pauseAnalysis.thresholdDb);
  const loudness = meanAndSd(sounding);
  const { voiced, ...pitchSummary } = pitchFigures(pitch);
  const unit = options.words ? 'words' : 'syllables';
  const units = options.words ? options.words.length : nuclei.times.length;
  return {
    durationSeconds,
    pitch: pitchSummary,
    intensity: { meanDb: loudness.mean, sdDb: loudness.sd, silenceThresholdDb: pauseAnalysis.thresholdDb },
    voicedShare: pitch.f0.length === 0 ? 0 : voiced / pitch.f0.length,
    pauses: {
      list: pauseList,
      count: pauseList.length,
      minimumSeconds: options.pauses?.minimumPause ?? 0.25,
      totalSeconds: pauseSeconds,
      meanSeconds: pauseList.length === 0 ? null : pauseSeconds / pauseList.length,
      longestSeconds:
        pauseList.length === 0 ? null : pauseList.reduce((m, p) => Math.max(m, p.end - p.start), 0),
      ratio: durationSeconds > 0 ? pauseSeconds / durationSeconds : 0,
    },
    speakingRate: rate(units, durationSeconds, unit),
    articulationRate: rate(units, phonationSeconds, unit),
    phonationSeconds,
    syllableNuclei: { count: nuclei.times.length, times: nuclei.times },
    frames: {
      pitch: { times: pitch.times, f0: pitch.f0 },
      intensity: { times: intensity.times, db: intensity.db },
    },
  };
}
