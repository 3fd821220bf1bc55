/**
 * Intensity contour as Praat's `To Intensity...` with its defaults: minimum pitch 100 Hz, time step
 * 0 (= 0.8 / minimum pitch, 8 ms), mean subtracted. Each frame squares the samples in a Kaiser-20
 * window of 6.4 / minimum pitch (64 ms: twice the 3.2 periods needed to hold pitch ripple below
 * ~0.00001 dB, Praat manual "Sound: To Intensity..."), with the window's own mean pressure removed,
 * and reports the weighted mean square in dB re (2·10⁻⁵ Pa)², sample values being taken as Pascal.
 */
import { CandorError } from '../../../core/index.js';
import { ChunkedFloat64Array } from './chunked-array.js';
import { firstSampleTime } from './frame-grid.js';
import {
  FrameStream,
  ONE_SHOT_CHUNK,
  checkSamples,
  checkSampleRate,
  type StreamOptions,
} from './frame-stream.js';

export interface IntensityOptions extends StreamOptions {
  /** Hz; sets the window (6.4 / minimumPitch) and the default step (0.8 / minimumPitch). Default 100. */
  readonly minimumPitch?: number;
  /** Seconds between frames; 0 = automatic. */
  readonly timeStep?: number;
  /** Remove the window's mean pressure (DC) before squaring. Default true. */
  readonly subtractMean?: boolean;
}

/** An intensity contour on a regular frame grid. */
export interface IntensityTrack {
  readonly firstTime: number;
  readonly timeStep: number;
  /** Frame centres in seconds. */
  readonly times: Float64Array;
  /** dB SPL per frame (re 2·10⁻⁵ Pa); −300 for digital silence. */
  readonly db: Float32Array;
}

/** Modified Bessel function of the first kind, order 0, by its power series (converges for all x). */
function besselI0(x: number): number {
  const q = (x * x) / 4;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 500 && term > sum * 1e-17; k++) {
    term *= q / (k * k);
    sum += term;
  }
  return sum;
}

const HEARING_THRESHOLD_PA2 = 2e-5 * 2e-5;

/**
 * Intensity over a stream of chunks, frame by frame, in bounded memory.
 *
 * @example
 * const acc = new IntensityAccumulator(16000);
 * acc.push(firstSecond);
 * acc.push(secondSecond);
 * const { db } = acc.finish(); // dB per 8 ms frame
 */
export class IntensityAccumulator extends FrameStream {
  protected override readonly clipsAtEdges = true;
  private readonly halfWindowSamples: number;
  private readonly window: Float64Array;
  private readonly subtractMean: boolean;
  private readonly x1: number;
  private readonly dx: number;
  private readonly values = new ChunkedFloat64Array();
  private readonly timeStep: number;

  constructor(sampleRate: number, options: IntensityOptions = {}) {
    checkSampleRate(sampleRate);
    const minimumPitch = options.minimumPitch ?? 100;
    const requested = options.timeStep ?? 0;
    if (!Number.isFinite(minimumPitch) || minimumPitch <= 0) {
      throw new CandorError(
        'VALIDATION_FAILED',
        `minimumPitch must be a positive number of Hz, got ${minimumPitch}`,
        {
          field: 'minimumPitch',
        },
      );
    }
    if (!Number.isFinite(requested) || requested < 0) {
      throw new CandorError(
        'VALIDATION_FAILED',
        `timeStep must be 0 (automatic) or positive, got ${requested}`,
        {
          field: 'timeStep',
        },
      );
    }
    const logicalWindow = 3.2 / minimumPitch;
    const timeStep = requested > 0 ? requested : logicalWindow / 4;
    const physicalWindow = 2 * logicalWindow;
    super(sampleRate, physicalWindow, timeStep, options);
    this.timeStep = timeStep;
    this.subtractMean = options.subtractMean ?? true;
    this.dx = 1 / sampleRate;
    this.x1 = firstSampleTime(sampleRate);
    const halfWindowDuration = 0.5 * physicalWindow;
    this.halfWindowSamples = Math.floor(halfWindowDuration / this.dx);
    const n = 2 * this.halfWindowSamples + 1;
    this.window = new Float64Array(n);
    // Kaiser window with β = 2π² + 0.5 (Praat's "Kaiser-20": side lobes about −190 dB).
    for (let i = 0; i < n; i++) {
      const x = ((i - this.halfWindowSamples) * this.dx) / halfWindowDuration;
      const root = Math.sqrt(Math.max(0, 1 - x * x));
      this.window[i] = besselI0((2 * Math.PI * Math.PI + 0.5) * root);
    }
  }

  /** 0-based index of the sample nearest to frame `j`'s centre (Praat's Sampled_xToNearestIndex). */
  private centreSample(j: number): number {
    return Math.floor((this.frameTime(j) - this.x1) / this.dx + 1 + 0.5) - 1;
  }

  protected firstSampleOf(j: number): number {
    return this.centreSample(j) - this.halfWindowSamples;
  }

  protected lastSampleOf(j: number): number {
    return this.centreSample(j) + this.halfWindowSamples;
  }

  protected observe(): void {}

  protected analyzeFrame(j: number, data: Float32Array, offset: number, sampleCount: number): void {
    const centre = this.centreSample(j);
    const half = this.halfWindowSamples;
    const from = Math.max(0, centre - half);
    const to = Math.min(sampleCount - 1, centre + half);
    const w0 = half - centre; // window index of sample 0
    let mean = 0;
    if (this.subtractMean) {
      let sum = 0;
      for (let i = from; i <= to; i++) sum += data[i + offset]!;
      mean = sum / (to - from + 1);
    }
    const window = this.window;
    let sumxw = 0;
    let sumw = 0;
    for (let i = from; i <= to; i++) {
      const x = data[i + offset]! - mean;
      const w = window[i + w0]!;
      sumxw += x * x * w;
      sumw += w;
    }
    const relative = sumxw / sumw / HEARING_THRESHOLD_PA2;
    this.values.push(relative < 1e-30 ? -300 : 10 * Math.log10(relative));
  }

  finish(): IntensityTrack {
    const { frames } = this.finishFrames();
    const times = new Float64Array(frames);
    for (let j = 0; j < frames; j++) times[j] = this.frameTime(j);
    return {
      firstTime: this.grid.firstTime,
      timeStep: this.timeStep,
      times,
      db: this.values.toFloat32Array(),
    };
  }
}

/**
 * Intensity contour of a whole signal, as Praat's `To Intensity...` (defaults: 100 Hz, automatic
 * step, subtract mean) on Praat's centred frame grid.
 *
 * @example
 * const { times, db } = analyzeIntensity(samples, 16000);
 */
export function analyzeIntensity(
  samples: Float32Array,
  sampleRate: number,
  options: IntensityOptions = {},
): IntensityTrack {
  checkSamples(samples);
  const accumulator = new IntensityAccumulator(sampleRate, { totalSamples: samples.length, ...options });
  for (let i = 0; i < samples.length; i += ONE_SHOT_CHUNK)
    accumulator.push(samples.subarray(i, i + ONE_SHOT_CHUNK));
  return accumulator.finish();
}
