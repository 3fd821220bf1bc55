/**
 * The chunk-driven loop shared by the short-term analysers: keep the samples the next frames need,
 * analyse every frame whose window has fully arrived, forget what no frame needs any more.
 * Results do not depend on how the stream is cut into chunks.
 */
import { CandorError } from '../../../core/index.js';
import { frameCount, frameGrid, SampleStore, type FrameAlignment, type FrameGrid } from './frame-grid.js';

/** Samples handed to an accumulator at a time by the one-shot functions (1 s at 16 kHz). */
export const ONE_SHOT_CHUNK = 16_000;

export interface StreamOptions {
  /** Total samples the stream will deliver; gives Praat's centred frame grid. */
  readonly totalSamples?: number;
  /** Default: `centre` when `totalSamples` is known, else `start`. */
  readonly alignment?: FrameAlignment;
}

/** Throws a CandorError unless `sampleRate` is a usable sampling frequency. */
export function checkSampleRate(sampleRate: unknown): asserts sampleRate is number {
  if (typeof sampleRate !== 'number' || !Number.isFinite(sampleRate) || sampleRate < 1000) {
    throw new CandorError(
      'VALIDATION_FAILED',
      `sample rate must be a number of Hz ≥ 1000, got ${String(sampleRate)}`,
      {
        field: 'sampleRate',
      },
    );
  }
}

/** Throws a CandorError unless `samples` is a Float32Array. */
export function checkSamples(samples: unknown, field = 'samples'): asserts samples is Float32Array {
  if (!(samples instanceof Float32Array)) {
    const kind =
      samples === null ? 'null' : typeof samples === 'object' ? samples.constructor.name : typeof samples;
    throw new CandorError(
      'VALIDATION_FAILED',
      `${field} must be a Float32Array of PCM samples, got ${kind}`,
      {
        field,
      },
    );
  }
}

export abstract class FrameStream {
  readonly sampleRate: number;
  protected readonly store = new SampleStore();
  /** Index of the next frame to analyse. */
  protected next = 0;
  protected readonly grid: FrameGrid;
  protected readonly alignment: FrameAlignment;
  private readonly totalSamples: number | undefined;
  private readonly expectedFrames: number;
  private readonly marginSamples: number;
  private finished = false;
  protected readonly windowDuration: number;
  /** Whether frames may read past the signal's edges (they are clipped); otherwise frames must fit. */
  protected readonly clipsAtEdges: boolean = false;

  protected constructor(sampleRate: number, windowDuration: number, step: number, options: StreamOptions) {
    checkSampleRate(sampleRate);
    const total = options.totalSamples;
    if (total !== undefined && (!Number.isSafeInteger(total) || total < 0)) {
      throw new CandorError('VALIDATION_FAILED', `totalSamples must be a whole number ≥ 0, got ${total}`, {
        field: 'totalSamples',
      });
    }
    this.sampleRate = sampleRate;
    this.totalSamples = total;
    this.alignment = options.alignment ?? (total === undefined ? 'start' : 'centre');
    this.grid = frameGrid(this.alignment, sampleRate, windowDuration, step, total);
    this.windowDuration = windowDuration;
    this.expectedFrames =
      total === undefined ? Infinity : frameCount(total, sampleRate, windowDuration, step);
    this.marginSamples = Math.ceil(step * sampleRate) + 2;
  }

  /** Absolute index of the first sample frame `j` reads (may be < 0 where the analyser clips). */
  protected abstract firstSampleOf(j: number): number;
  /** Absolute index of the last sample frame `j` reads (may be ≥ the length where it clips). */
  protected abstract lastSampleOf(j: number): number;
  /** Analyses frame `j`; `sampleCount` is the stream length when known, else Infinity. */
  protected abstract analyzeFrame(j: number, data: Float32Array, offset: number, sampleCount: number): void;
  /** Sees every chunk once, in order (running statistics). */
  protected abstract observe(chunk: Float32Array): void;

  /** Time of frame `j`'s centre in seconds. */
  frameTime(j: number): number {
    return this.grid.firstTime + j * this.grid.step;
  }

  /** Adds the next chunk of samples. */
  push(chunk: Float32Array): void {
    checkSamples(chunk, 'chunk');
    if (this.finished) {
      throw new CandorError('CONFLICT', 'cannot add samples after finish()', { field: 'chunk' });
    }
    this.observe(chunk);
    this.store.append(chunk);
    if (this.totalSamples !== undefined && this.store.end > this.totalSamples) {
      throw new CandorError(
        'VALIDATION_FAILED',
        `received ${this.store.end} samples, more than the announced totalSamples ${this.totalSamples}`,
        { field: 'totalSamples' },
      );
    }
    const available = this.store.end - this.marginSamples;
    while (this.next < this.expectedFrames && this.lastSampleOf(this.next) < available)
      this.analyzeNext(Infinity);
    this.store.discardBefore(this.firstSampleOf(this.next));
  }

  /** Analyses the remaining frames; returns the number of frames and samples. */
  protected finishFrames(): { frames: number; samples: number } {
    if (this.finished) throw new CandorError('CONFLICT', 'finish() was already called', {});
    this.finished = true;
    const samples = this.store.end;
    if (this.totalSamples !== undefined && samples !== this.totalSamples) {
      throw new CandorError(
        'VALIDATION_FAILED',
        `received ${samples} samples, but totalSamples announced ${this.totalSamples}`,
        { field: 'totalSamples' },
      );
    }
    let frames = frameCount(samples, this.sampleRate, this.windowDuration, this.grid.step);
    // Rounding in the frame count must never hand an analyser a window past the end.
    while (!this.clipsAtEdges && frames > this.next && this.lastSampleOf(frames - 1) >= samples) frames--;
    while (this.next < frames) this.analyzeNext(samples);
    return { frames, samples };
  }

  private analyzeNext(sampleCount: number): void {
    const { data, offset } = this.store.view();
    this.analyzeFrame(this.next, data, offset, sampleCount);
    this.next++;
  }
}
