/**
 * Pitch (F0) by Boersma's (1993) autocorrelation method with Praat's `To Pitch (ac)...` defaults:
 * time step 0 (= 0.75 / floor, 10 ms), floor 75 Hz, ceiling 600 Hz, 15 candidates, very accurate off
 * (Hanning window of 3 floor periods, 40 ms), silence threshold 0.03, voicing threshold 0.45, octave
 * cost 0.01, octave-jump cost 0.35, voiced/unvoiced cost 0.14.
 *
 * P. Boersma (1993), "Accurate short-term analysis of the fundamental frequency and the
 * harmonics-to-noise ratio of a sampled sound", Proc. Institute of Phonetic Sciences 17: 97–110.
 */
import { CandorError } from '../../../core/index.js';
import { ChunkedFloat64Array } from './chunked-array.js';
import {
  FrameStream,
  ONE_SHOT_CHUNK,
  checkSamples,
  checkSampleRate,
  type StreamOptions,
} from './frame-stream.js';
import { firstSampleTime } from './frame-grid.js';
import {
  PitchFrameAnalyzer,
  PRAAT_PITCH_DEFAULTS,
  pitchLayout,
  type CandidateStore,
  type PitchLayout,
  type PitchSettings,
} from './pitch-frame.js';
import { findPitchPath } from './pitch-path.js';

export { PRAAT_PITCH_DEFAULTS, type PitchSettings } from './pitch-frame.js';

export type PitchOptions = Partial<PitchSettings> & StreamOptions;

/** A pitch contour on a regular frame grid. */
export interface PitchTrack {
  /** Centre of the first frame, seconds from the start of the signal. */
  readonly firstTime: number;
  /** Seconds between frames. */
  readonly timeStep: number;
  /** Frame centres in seconds. */
  readonly times: Float64Array;
  /** F0 in Hz per frame; 0 where the frame is unvoiced. */
  readonly f0: Float32Array;
  /** Normalised autocorrelation of the chosen candidate (0–1); 0 where unvoiced. */
  readonly strength: Float32Array;
  readonly floor: number;
  readonly ceiling: number;
}

function settingsFrom(options: PitchOptions): PitchSettings {
  const settings: PitchSettings = { ...PRAAT_PITCH_DEFAULTS };
  const out = settings as { -readonly [K in keyof PitchSettings]: number };
  for (const key of Object.keys(PRAAT_PITCH_DEFAULTS) as (keyof PitchSettings)[]) {
    const value = options[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new CandorError(
        'VALIDATION_FAILED',
        `pitch option ${key} must be a finite number ≥ 0, got ${String(value)}`,
        {
          field: key,
        },
      );
    }
    out[key] = value;
  }
  if (settings.floor <= 0 || settings.ceiling <= settings.floor) {
    throw new CandorError(
      'VALIDATION_FAILED',
      `pitch floor (${settings.floor} Hz) must be positive and below the ceiling (${settings.ceiling} Hz)`,
      { field: 'floor' },
    );
  }
  if (settings.maxCandidates < 2) {
    throw new CandorError('VALIDATION_FAILED', 'maxCandidates must be at least 2', {
      field: 'maxCandidates',
    });
  }
  return settings;
}

/**
 * Pitch analysis over a stream of sample chunks, in bounded memory: frames are analysed as soon as
 * their window has arrived; only the candidates are kept (a few dozen bytes per 10 ms frame), and the
 * path finder runs in `finish()` because the silence criterion needs the global peak of the whole
 * signal (tracked as running minimum, maximum and sum).
 *
 * @example
 * const acc = new PitchAccumulator(16000, { totalSamples: samples.length });
 * for (let i = 0; i < samples.length; i += 16000) acc.push(samples.subarray(i, i + 16000));
 * const track = acc.finish(); // track.f0[j] in Hz, 0 = unvoiced
 */
export class PitchAccumulator extends FrameStream {
  private readonly settings: PitchSettings;
  private readonly layout: PitchLayout;
  private readonly analyzer: PitchFrameAnalyzer;
  private readonly candidates: CandidateStore = {
    counts: new ChunkedFloat64Array(),
    localPeaks: new ChunkedFloat64Array(),
    frequencies: new ChunkedFloat64Array(),
    strengths: new ChunkedFloat64Array(),
  };
  private readonly x1: number;
  private sum = 0;
  private minimum = Infinity;
  private maximum = -Infinity;

  constructor(sampleRate: number, options: PitchOptions = {}) {
    checkSampleRate(sampleRate);
    const settings = settingsFrom(options);
    const layout = pitchLayout(settings, sampleRate);
    super(sampleRate, layout.windowDuration, layout.timeStep, options);
    this.settings = settings;
    this.layout = layout;
    this.analyzer = new PitchFrameAnalyzer(settings, layout);
    this.x1 = firstSampleTime(sampleRate);
  }

  /** 0-based index of the sample at or before frame `j`'s centre (Praat's Sampled_xToLowIndex). */
  private leftSample(j: number): number {
    return Math.floor((this.frameTime(j) - this.x1) / this.layout.dx + 1) - 1;
  }

  protected firstSampleOf(j: number): number {
    return this.leftSample(j) - (this.layout.halfWindow - 1);
  }

  protected lastSampleOf(j: number): number {
    return this.leftSample(j) + this.layout.halfWindow;
  }

  protected observe(chunk: Float32Array): void {
    let { sum, minimum, maximum } = this;
    for (let i = 0; i < chunk.length; i++) {
      const v = chunk[i]!;
      sum += v;
      if (v < minimum) minimum = v;
      if (v > maximum) maximum = v;
      if (v !== v) {
        throw new CandorError('VALIDATION_FAILED', `sample ${this.store.end + i} is not a number`, {
          field: 'samples',
          index: this.store.end + i,
        });
      }
    }
    this.sum = sum;
    this.minimum = minimum;
    this.maximum = maximum;
  }

  protected analyzeFrame(j: number, data: Float32Array, offset: number): void {
    this.analyzer.analyze(data, offset, this.leftSample(j), this.candidates);
  }

  private frames = -1;
  private globalPeak = 0;

  /** Runs the path finder and returns the contour. */
  finish(): PitchTrack {
    const { frames, samples } = this.finishFrames();
    // Praat: the global peak is max |x − mean| over the whole sound; with a running min/max that is
    // max(max − mean, mean − min), exact without keeping the samples.
    const mean = samples > 0 ? this.sum / samples : 0;
    this.globalPeak = samples > 0 ? Math.max(this.maximum - mean, mean - this.minimum) : 0;
    this.frames = frames;
    return this.path(this.settings);
  }

  /**
   * After `finish()`: the path through the same candidates under other path-finder costs (e.g. a
   * more lenient voicing threshold). Candidates were collected with the original settings, so only
   * maxima above half the original voicing threshold exist.
   *
   * @example const lenient = acc.repath({ voicingThreshold: 0.25, voicedUnvoicedCost: 0.25 });
   */
  repath(
    costs: Partial<
      Pick<
        PitchSettings,
        | 'silenceThreshold'
        | 'voicingThreshold'
        | 'octaveCost'
        | 'octaveJumpCost'
        | 'voicedUnvoicedCost'
        | 'ceiling'
      >
    >,
  ): PitchTrack {
    if (this.frames < 0) throw new CandorError('CONFLICT', 'repath() needs finish() first', {});
    return this.path(settingsFrom({ ...this.settings, ...costs }));
  }

  private path(settings: PitchSettings): PitchTrack {
    const frames = this.frames;
    const ceiling = Math.min(settings.ceiling, this.layout.ceiling);
    const { f0, strength } = findPitchPath({
      store: this.candidates,
      frameCount: frames,
      globalPeak: this.globalPeak,
      timeStep: this.layout.timeStep,
      maxCandidates: this.layout.maxCandidates,
      ceiling,
      settings,
    });
    const times = new Float64Array(frames);
    for (let j = 0; j < frames; j++) times[j] = this.frameTime(j);
    return {
      firstTime: this.grid.firstTime,
      timeStep: this.layout.timeStep,
      times,
      f0: Float32Array.from(f0),
      strength: Float32Array.from(strength),
      floor: settings.floor,
      ceiling,
    };
  }
}

/**
 * Pitch contour of a whole signal, identical to Praat's `To Pitch (ac)...` with its defaults (frames
 * on Praat's centred grid). Options override Praat's parameters.
 *
 * @example
 * const track = analyzePitch(samples, 16000);
 * const voiced = track.f0.filter((f) => f > 0); // Hz
 */
export function analyzePitch(
  samples: Float32Array,
  sampleRate: number,
  options: PitchOptions = {},
): PitchTrack {
  checkSamples(samples);
  const accumulator = new PitchAccumulator(sampleRate, { totalSamples: samples.length, ...options });
  for (let i = 0; i < samples.length; i += ONE_SHOT_CHUNK) {
    accumulator.push(samples.subarray(i, i + ONE_SHOT_CHUNK));
  }
  return accumulator.finish();
}
