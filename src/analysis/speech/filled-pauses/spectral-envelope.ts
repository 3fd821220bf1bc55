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

/**
 * Upper edge of the low band, Hz: a nasal murmur (the "mm" of a hum) has its first resonance near
 * 250–300 Hz and the nasal antiresonances damp what lies above, so nearly all its energy lies below
 * about 500 Hz (Fujimura 1962, "Analysis of nasal consonants", JASA 34; Stevens 1998, Acoustic
 * Phonetics §6.4), while vowels put much of theirs in F1 (≥ 300–700 Hz) and above.
 */
export const LOW_BAND_HZ = 500;
/** The band where vowels keep F2 and F3 and a nasal murmur is weak, Hz (same sources). */
export const HIGH_BAND_HZ = { low: 1000, high: 4000 } as const;
/** Pitch periods searched for periodicity, Hz: 80–400 Hz spans adult voices (Praat's range is 75–600). */
const PERIOD_HZ = { low: 80, high: 400 } as const;

/** Cepstra per frame: frame `i` is centred at `firstTime + i · step`. */
export interface EnvelopeTrack {
  readonly firstTime: number;
  readonly step: number;
  readonly frames: number;
  /** `frames × CEPSTRA` values, frame after frame; a frame of digital silence is all zeros. */
  readonly cepstra: Float32Array;
  /**
   * Per frame, the energy of the un-emphasised frame in HIGH_BAND_HZ over its energy below
   * LOW_BAND_HZ, dB (0 for digital silence): very negative for a nasal murmur.
   */
  readonly highOverLowDb: Float32Array;
  /**
   * Per frame, the highest normalised autocorrelation at a lag of one pitch period (80–400 Hz),
   * divided by the window's own autocorrelation (Boersma 1993, "Accurate short-term analysis of the
   * fundamental frequency and the harmonics-to-noise ratio", IFA Proceedings 17, eq. 9): about 1 for
   * a periodic (voiced) frame, near 0 for noise. Independent of loudness, unlike Praat's voicing
   * decision, which calls a quiet frame unvoiced when its peak is under 3 % of the recording's.
   */
  readonly periodicity: Float32Array;
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
  /** The raw (un-emphasised) windowed frame, zero-padded for unwrapped lags, and its transforms. */
  private readonly raw: Autocorrelator;
  private readonly rawFrame: Float64Array;
  private readonly rawLags: Float64Array;
  private readonly rawPower: Float64Array;
  /** The Hann window's own normalised autocorrelation, lag by lag (Boersma 1993, eq. 8). */
  private readonly windowLags: Float64Array;
  private readonly lowBins: number;
  private readonly highBins: { low: number; high: number };
  private readonly periodLags: { low: number; high: number };
  private readonly low = new ChunkedFloats();
  private readonly periodic = new ChunkedFloats();

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
    let rawSize = 8;
    while (rawSize < 2 * this.window) rawSize *= 2;
    this.raw = new Autocorrelator(rawSize);
    this.rawFrame = new Float64Array(rawSize);
    this.rawLags = new Float64Array(this.window);
    this.rawPower = new Float64Array(rawSize / 2 + 1);
    this.windowLags = new Float64Array(this.window);
    this.rawFrame.set(this.hann);
    this.raw.compute(this.rawFrame, this.windowLags, this.window);
    const w0 = this.windowLags[0] ?? 1;
    for (let k = 0; k < this.window; k++) this.windowLags[k] = (this.windowLags[k] ?? 0) / w0;
    this.lowBins = Math.round((LOW_BAND_HZ / sampleRate) * rawSize);
    this.highBins = {
      low: Math.round((HIGH_BAND_HZ.low / sampleRate) * rawSize),
      high: Math.min(rawSize / 2, Math.round((HIGH_BAND_HZ.high / sampleRate) * rawSize)),
    };
    this.periodLags = {
      low: Math.ceil(sampleRate / PERIOD_HZ.high),
      high: Math.min(this.window - 1, Math.floor(sampleRate / PERIOD_HZ.low)),
    };
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
      highOverLowDb: this.low.finish(),
      periodicity: this.periodic.finish(),
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
    this.analyseRaw(x, start);
  }

  /** Low-band share and periodicity of the un-emphasised frame. */
  private analyseRaw(x: Float32Array, start: number): void {
    const { rawFrame, rawLags, rawPower, windowLags } = this;
    rawFrame.fill(0);
    for (let i = 0; i < this.window; i++) rawFrame[i] = (x[start + i] ?? 0) * (this.hann[i] ?? 0);
    this.raw.powerSpectrum(rawFrame, rawPower);
    let low = 0;
    let high = 0;
    for (let k = 1; k < rawPower.length; k++) {
      if (k <= this.lowBins) low += rawPower[k] ?? 0;
      else if (k >= this.highBins.low && k <= this.highBins.high) high += rawPower[k] ?? 0;
    }
    this.low.push(low > 1e-12 ? 10 * Math.log10(Math.max(high, 1e-12 * low) / low) : 0);
    this.raw.compute(rawFrame, rawLags, this.window);
    const r0 = rawLags[0] ?? 0;
    let best = 0;
    if (r0 > 1e-12) {
      for (let k = this.periodLags.low; k <= this.periodLags.high; k++) {
        const r = rawLags[k] ?? 0;
        // Only local maxima: the side of the zero-lag peak is not a period.
        if (r < (rawLags[k - 1] ?? 0) || r < (rawLags[k + 1] ?? 0)) continue;
        const w = windowLags[k] ?? 0;
        if (w > 0) best = Math.max(best, r / r0 / w);
      }
    }
    this.periodic.push(Math.min(best, 1));
  }
}

/** A growing list of numbers kept in fixed blocks (no copying as it grows). */
class ChunkedFloats {
  private readonly blocks: Float32Array[] = [];
  private current = new Float32Array(4096);
  private filled = 0;

  push(value: number): void {
    if (this.filled === this.current.length) {
      this.blocks.push(this.current);
      this.current = new Float32Array(this.current.length);
      this.filled = 0;
    }
    this.current[this.filled++] = value;
  }

  finish(): Float32Array {
    const size = this.blocks.length * this.current.length + this.filled;
    const all = new Float32Array(size);
    let at = 0;
    for (const block of [...this.blocks, this.current.subarray(0, this.filled)]) {
      all.set(block, at);
      at += block.length;
    }
    return all;
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
