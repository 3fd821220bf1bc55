/**
 * The spectral envelope of speech, frame by frame, as LPC cepstra: a 25 ms Hann window every 10 ms,
 * pre-emphasis 0.97, autocorrelation (through prosody's FFT), Levinson–Durbin to an order-16
 * predictor (the usual order for 16 kHz speech: sample rate in kHz + 2 formant pole pairs' margin,
 * Rabiner & Schafer 2010 §9), and its first 12 cepstral coefficients (Rabiner & Juang 1993,
 * eq. 3.83). Distances between cepstra are distances between log spectral envelopes, so a small
 * distance over a stretch means the vocal tract holds still: a lengthened vowel or a hum.
 */
import { Autocorrelator } from '../prosody/fft.js';

/** Seconds between frames. */
export const ENVELOPE_STEP = 0.01;
const WINDOW_SECONDS = 0.025;
const ORDER = 16;
/** Cepstral coefficients kept per frame (c1…c12; c0, the loudness, is left out). */
export const CEPSTRA = 12;

/** Cepstra per frame: frame `i` is centred at `firstTime + i · step`. */
export interface EnvelopeTrack {
  readonly firstTime: number;
  readonly step: number;
  readonly frames: number;
  /** `frames × CEPSTRA` values, frame after frame; a frame of digital silence is all zeros. */
  readonly cepstra: Float32Array;
}

/**
 * LPC cepstra of a stream of mono samples: push chunks of any size, then `finish()`. Keeps 48 bytes
 * per 10 ms frame and never the samples.
 * @example const env = new SpectralEnvelopeAccumulator(16000); env.push(samples); env.finish().frames
 */
export class SpectralEnvelopeAccumulator {
  private readonly window: number;
  private readonly hop: number;
  private readonly hann: Float64Array;
  private readonly correlator: Autocorrelator;
  private readonly frame: Float64Array;
  private readonly lags = new Float64Array(ORDER + 1);
  private readonly predictor = new Float64Array(ORDER + 1);
  private readonly previous = new Float64Array(ORDER + 1);
  private readonly cepstrum = new Float64Array(CEPSTRA + 1);
  /** Samples not yet consumed by a frame, with the one before them for pre-emphasis. */
  private pending = new Float32Array(0);
  private before = 0;
  private out: Float32Array[] = [];
  private current = new Float32Array(4096 * CEPSTRA);
  private filled = 0;
  private count = 0;

  constructor(readonly sampleRate: number) {
    this.window = Math.round(WINDOW_SECONDS * sampleRate);
    this.hop = Math.round(ENVELOPE_STEP * sampleRate);
    let size = 8;
    while (size < this.window + ORDER + 1) size *= 2;
    this.correlator = new Autocorrelator(size);
    this.frame = new Float64Array(size);
    this.hann = Float64Array.from(
      { length: this.window },
      (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (this.window - 1)),
    );
  }

  push(chunk: Float32Array): void {
    const all = new Float32Array(this.pending.length + chunk.length);
    all.set(this.pending);
    all.set(chunk, this.pending.length);
    let start = 0;
    for (; start + this.window <= all.length; start += this.hop) {
      this.analyse(all, start, start > 0 ? (all[start - 1] ?? 0) : this.before);
    }
    this.before = start > 0 ? (all[start - 1] ?? 0) : this.before;
    this.pending = all.slice(start);
  }

  finish(): EnvelopeTrack {
    const cepstra = new Float32Array(this.count * CEPSTRA);
    let at = 0;
    for (const block of [...this.out, this.current.subarray(0, this.filled)]) {
      cepstra.set(block, at);
      at += block.length;
    }
    return {
      firstTime: this.window / 2 / this.sampleRate,
      step: this.hop / this.sampleRate,
      frames: this.count,
      cepstra,
    };
  }

  private analyse(x: Float32Array, start: number, before: number): void {
    const { frame, lags, predictor: a, previous, cepstrum: c } = this;
    frame.fill(0);
    let last = before;
    for (let i = 0; i < this.window; i++) {
      const v = x[start + i] ?? 0;
      frame[i] = (v - 0.97 * last) * (this.hann[i] ?? 0);
      last = v;
    }
    this.correlator.compute(frame, lags, ORDER + 1);
    c.fill(0);
    if ((lags[0] ?? 0) > 1e-12) {
      levinson(lags, a, previous);
      // c_m = −a_m − Σ_{k<m} (k/m) c_k a_{m−k}, with A(z) = 1 + Σ a_k z^−k.
      for (let m = 1; m <= CEPSTRA; m++) {
        let sum = -(a[m] ?? 0);
        for (let k = 1; k < m; k++) sum -= (k / m) * (c[k] ?? 0) * (a[m - k] ?? 0);
        c[m] = sum;
      }
    }
    if (this.filled === this.current.length) {
      this.out.push(this.current);
      this.current = new Float32Array(this.current.length);
      this.filled = 0;
    }
    for (let m = 1; m <= CEPSTRA; m++) this.current[this.filled++] = c[m] ?? 0;
    this.count++;
  }
}

/** Levinson–Durbin: the predictor `a` (a[0] = 1) from autocorrelation lags 0…ORDER. */
function levinson(r: Float64Array, a: Float64Array, previous: Float64Array): void {
  a.fill(0);
  a[0] = 1;
  // A tiny white-noise floor (−90 dB) keeps the recursion stable on near-singular frames.
  let error = (r[0] ?? 0) * (1 + 1e-9);
  for (let i = 1; i <= ORDER; i++) {
    let acc = r[i] ?? 0;
    for (let j = 1; j < i; j++) acc += (a[j] ?? 0) * (r[i - j] ?? 0);
    const k = -acc / error;
    previous.set(a);
    for (let j = 1; j < i; j++) a[j] = (previous[j] ?? 0) + k * (previous[i - j] ?? 0);
    a[i] = k;
    error *= 1 - k * k;
    if (!(error > 0)) return;
  }
}

/**
 * How fast the envelope moves at frame `i`: the Euclidean distance between the cepstra `span`
 * frames before and after it (a symmetric difference over 2·span·10 ms).
 */
export function envelopeChange(track: EnvelopeTrack, i: number, span: number): number {
  const a = (i - span) * CEPSTRA;
  const b = (i + span) * CEPSTRA;
  let sum = 0;
  for (let k = 0; k < CEPSTRA; k++) {
    const d = (track.cepstra[b + k] ?? 0) - (track.cepstra[a + k] ?? 0);
    sum += d * d;
  }
  return Math.sqrt(sum);
}
