/**
 * Mel-frequency cepstral coefficients (Davis & Mermelstein 1980) of 16 kHz mono PCM, streaming: the
 * HTK recipe (Young et al., The HTK Book, §5.4): pre-emphasis 0.97, 25 ms Hamming window every
 * 10 ms, power spectrum (the prosody FFT), triangular filters equally spaced on the mel scale
 * (mel = 2595·log10(1 + f/700)), log filter energies, DCT-II. Coefficient 0 is the log energy of
 * the filter bank; speaker models use 1 … n−1.
 */
import { CandorError } from '../../../core/index.js';
import { Autocorrelator } from '../prosody/fft.js';

export interface MfccOptions {
  /** Seconds per analysis window. Default 0.025. */
  readonly windowSeconds?: number;
  /** Seconds between frames. Default 0.01. */
  readonly stepSeconds?: number;
  /** Triangular mel filters. Default 24. */
  readonly filters?: number;
  /** Coefficients kept per frame, c0 included. Default 20. */
  readonly coefficients?: number;
  /** Lowest and highest filter edge in Hz. Default 64 and 7600 (below the 8 kHz Nyquist of 16 kHz audio). */
  readonly lowHz?: number;
  readonly highHz?: number;
}

/** MFCC frames in one flat array, `coefficients` numbers per frame; frame i is centred at `(i·step + window/2)` s. */
export interface MfccFrames {
  readonly coefficients: number;
  readonly stepSeconds: number;
  readonly windowSeconds: number;
  readonly count: number;
  /** count × coefficients values, frame-major. */
  readonly values: Float32Array;
  /** Frame energy in dB (10·log10 of the mean square of the windowed samples, full scale = 0 dB). */
  readonly energyDb: Float32Array;
}

const mel = (hz: number): number => 2595 * Math.log10(1 + hz / 700);
const hzOfMel = (m: number): number => 700 * (10 ** (m / 2595) - 1);

/** Growable Float32 storage in fixed blocks (no copy on growth). */
class Float32Blocks {
  private readonly blocks: Float32Array[] = [];
  length = 0;
  constructor(private readonly blockSize = 1 << 16) {}
  push(value: number): void {
    const offset = this.length % this.blockSize;
    if (offset === 0) this.blocks.push(new Float32Array(this.blockSize));
    this.blocks[this.blocks.length - 1]![offset] = value;
    this.length++;
  }
  toArray(): Float32Array {
    const out = new Float32Array(this.length);
    for (let b = 0; b < this.blocks.length; b++) {
      const start = b * this.blockSize;
      out.set(this.blocks[b]!.subarray(0, Math.min(this.blockSize, this.length - start)), start);
    }
    return out;
  }
}

/**
 * MFCCs over a stream of sample chunks; memory grows by `coefficients + 1` floats per 10 ms frame
 * (84 bytes with the defaults: 30 MB for an hour).
 *
 * @example
 * const mfcc = new MfccAccumulator(16000);
 * for (const chunk of chunks) mfcc.push(chunk);
 * const { values, count, coefficients } = mfcc.finish();
 */
export class MfccAccumulator {
  private readonly window: Float64Array;
  private readonly hop: number;
  private readonly length: number;
  private readonly fft: Autocorrelator;
  private readonly frame: Float64Array;
  private readonly power: Float64Array;
  /** Per filter: first FFT bin and its weights. */
  private readonly filters: { first: number; weights: Float64Array }[];
  private readonly dct: Float64Array;
  private readonly logEnergies: Float64Array;
  private readonly coefficients: number;
  private readonly stepSeconds: number;
  private readonly windowSeconds: number;
  /** Samples not yet framed (the tail of the last chunk), pre-emphasised. */
  private pending: Float64Array;
  private pendingLength = 0;
  private lastSample = 0;
  private readonly values = new Float32Blocks();
  private readonly energy = new Float32Blocks();

  constructor(sampleRate: number, options: MfccOptions = {}) {
    if (!Number.isFinite(sampleRate) || sampleRate < 8000) {
      throw new CandorError('VALIDATION_FAILED', `sampleRate must be at least 8000 Hz, got ${sampleRate}`, {
        field: 'sampleRate',
      });
    }
    this.windowSeconds = options.windowSeconds ?? 0.025;
    this.stepSeconds = options.stepSeconds ?? 0.01;
    const filterCount = options.filters ?? 24;
    this.coefficients = Math.min(options.coefficients ?? 20, filterCount);
    const lowHz = options.lowHz ?? 64;
    const highHz = Math.min(options.highHz ?? 7600, sampleRate / 2);
    this.length = Math.round(this.windowSeconds * sampleRate);
    this.hop = Math.round(this.stepSeconds * sampleRate);
    let size = 8;
    while (size < this.length) size *= 2;
    this.fft = new Autocorrelator(size);
    this.frame = new Float64Array(size);
    this.power = new Float64Array(size / 2 + 1);
    this.window = new Float64Array(this.length);
    for (let i = 0; i < this.length; i++) {
      this.window[i] = 0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (this.length - 1));
    }
    const edges: number[] = [];
    for (let m = 0; m < filterCount + 2; m++) {
      edges.push(hzOfMel(mel(lowHz) + ((mel(highHz) - mel(lowHz)) * m) / (filterCount + 1)));
    }
    const binHz = sampleRate / size;
    this.filters = [];
    for (let f = 0; f < filterCount; f++) {
      const [lo, mid, hi] = [edges[f]!, edges[f + 1]!, edges[f + 2]!];
      const first = Math.ceil(lo / binHz);
      const last = Math.min(size / 2, Math.floor(hi / binHz));
      const weights = new Float64Array(Math.max(0, last - first + 1));
      for (let k = first; k <= last; k++) {
        const hz = k * binHz;
        weights[k - first] = hz <= mid ? (hz - lo) / (mid - lo) : (hi - hz) / (hi - mid);
      }
      this.filters.push({ first, weights });
    }
    // Orthonormal DCT-II.
    this.dct = new Float64Array(this.coefficients * filterCount);
    for (let c = 0; c < this.coefficients; c++) {
      const scale = Math.sqrt((c === 0 ? 1 : 2) / filterCount);
      for (let f = 0; f < filterCount; f++) {
        this.dct[c * filterCount + f] = scale * Math.cos((Math.PI * c * (f + 0.5)) / filterCount);
      }
    }
    this.logEnergies = new Float64Array(filterCount);
    this.pending = new Float64Array(Math.max(this.length * 2, 1 << 15));
  }

  /** Adds the next chunk of samples (any length). */
  push(chunk: Float32Array): void {
    if (this.pendingLength + chunk.length > this.pending.length) {
      const grown = new Float64Array(Math.max(this.pending.length * 2, this.pendingLength + chunk.length));
      grown.set(this.pending.subarray(0, this.pendingLength));
      this.pending = grown;
    }
    for (let i = 0; i < chunk.length; i++) {
      const x = chunk[i]!;
      this.pending[this.pendingLength++] = x - 0.97 * this.lastSample;
      this.lastSample = x;
    }
    let start = 0;
    while (start + this.length <= this.pendingLength) {
      this.analyseFrame(start);
      start += this.hop;
    }
    this.pending.copyWithin(0, start, this.pendingLength);
    this.pendingLength -= start;
  }

  /** The frames so far (whole windows only; a last partial window is dropped, as HTK does). */
  finish(): MfccFrames {
    const values = this.values.toArray();
    return {
      coefficients: this.coefficients,
      stepSeconds: this.stepSeconds,
      windowSeconds: this.windowSeconds,
      count: values.length / this.coefficients,
      values,
      energyDb: this.energy.toArray(),
    };
  }

  private analyseFrame(start: number): void {
    const { frame, window, length, power, filters, dct, logEnergies } = this;
    let mean = 0;
    for (let i = 0; i < length; i++) mean += this.pending[start + i]!;
    mean /= length;
    let square = 0;
    for (let i = 0; i < length; i++) {
      const v = (this.pending[start + i]! - mean) * window[i]!;
      frame[i] = v;
      square += v * v;
    }
    frame.fill(0, length);
    this.energy.push(10 * Math.log10(square / length + 1e-12));
    this.fft.powerSpectrum(frame, power);
    for (let f = 0; f < filters.length; f++) {
      const { first, weights } = filters[f]!;
      let sum = 0;
      for (let k = 0; k < weights.length; k++) sum += weights[k]! * power[first + k]!;
      // A floor keeps digital silence finite (−100 dB below full scale per bin).
      logEnergies[f] = Math.log(sum + 1e-10);
    }
    const n = filters.length;
    for (let c = 0; c < this.coefficients; c++) {
      let sum = 0;
      for (let f = 0; f < n; f++) sum += dct[c * n + f]! * logEnergies[f]!;
      this.values.push(sum);
    }
  }
}

/**
 * MFCCs of a whole signal at once.
 * @example mfcc(samples, 16000).count // frames, one per 10 ms
 */
export function mfcc(samples: Float32Array, sampleRate: number, options: MfccOptions = {}): MfccFrames {
  const acc = new MfccAccumulator(sampleRate, options);
  acc.push(samples);
  return acc.finish();
}
