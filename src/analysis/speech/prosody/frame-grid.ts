/**
 * Where short-term analysis frames sit, and the rolling sample store that lets the analysers run
 * on a stream of chunks.
 *
 * Praat (`Sampled_shortTermAnalysis`) fits as many windows as possible into the sound and centres
 * the whole grid on the sound's midpoint, so the first frame's time depends on the total length
 * (it lies between half a window and half a window plus half a step from the start). A stream
 * whose length is known in advance can use that grid exactly; a live stream cannot, and anchors
 * the grid at the start instead (first frame at half a window). Both put the same number of frames
 * in the same length; only the offset (< half a step) differs.
 */
import { CandorError } from '../../../core/index.js';

/** `centre`: Praat's grid (needs the total length); `start`: first frame at half a window. */
export type FrameAlignment = 'centre' | 'start';

export interface FrameGrid {
  /** Time of the first frame's centre, in seconds (samples sit at (k + ½) / sampleRate). */
  readonly firstTime: number;
  /** Seconds between frames. */
  readonly step: number;
}

/** Time of sample 0 in Praat's convention: samples are the centres of their sampling periods. */
export function firstSampleTime(sampleRate: number): number {
  return 0.5 / sampleRate;
}

/** Frames that fit into `sampleCount` samples (Praat: floor((duration − window) / step) + 1). */
export function frameCount(
  sampleCount: number,
  sampleRate: number,
  windowDuration: number,
  step: number,
): number {
  const duration = (1 / sampleRate) * sampleCount;
  if (windowDuration > duration) return 0;
  return Math.floor((duration - windowDuration) / step) + 1;
}

/** The frame grid for a signal of `sampleCount` samples, or for an unknown length (start-anchored). */
export function frameGrid(
  alignment: FrameAlignment,
  sampleRate: number,
  windowDuration: number,
  step: number,
  sampleCount?: number,
): FrameGrid {
  if (alignment === 'start') return { firstTime: 0.5 * windowDuration, step };
  if (sampleCount === undefined) {
    throw new CandorError('VALIDATION_FAILED', 'a centred frame grid needs the total number of samples', {
      field: 'totalSamples',
    });
  }
  const dx = 1 / sampleRate;
  const duration = dx * sampleCount;
  const n = Math.max(1, frameCount(sampleCount, sampleRate, windowDuration, step));
  const x1 = firstSampleTime(sampleRate);
  const midTime = x1 - 0.5 * dx + 0.5 * duration;
  return { firstTime: midTime - 0.5 * (n * step) + 0.5 * step, step };
}

/**
 * Samples received so far, minus those no pending frame needs any more. Indices are absolute
 * (0 = first sample of the stream); memory stays bounded by the largest window plus one chunk.
 */
export class SampleStore {
  private data = new Float32Array(4096);
  /** Absolute index of `data[0]`. */
  private origin = 0;
  private length = 0;

  /** Absolute index one past the last sample received. */
  get end(): number {
    return this.origin + this.length;
  }

  /** Absolute index of the oldest sample still held. */
  get start(): number {
    return this.origin;
  }

  append(chunk: Float32Array): void {
    const needed = this.length + chunk.length;
    if (needed > this.data.length) {
      const grown = new Float32Array(Math.max(needed, this.data.length * 2));
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    this.data.set(chunk, this.length);
    this.length = needed;
  }

  /** Forgets samples before absolute index `index`. */
  discardBefore(index: number): void {
    const drop = Math.min(this.length, index - this.origin);
    if (drop <= 0) return;
    this.data.copyWithin(0, drop, this.length);
    this.length -= drop;
    this.origin += drop;
  }

  /** The backing array and the offset to add to an absolute index to address it. */
  view(): { data: Float32Array; offset: number } {
    return { data: this.data, offset: -this.origin };
  }
}
