/**
 * One frame of Boersma's (1993) autocorrelation pitch analysis: the candidates (frequency,
 * strength) of a 3-period Hanning-windowed stretch of sound, as Praat's `To Pitch (ac)` computes
 * them with "very accurate" off.
 *
 * Steps (paper §§3–5): subtract the local mean (one longest period to each side); window; take the
 * autocorrelation r_a through the FFT of the zero-padded frame; divide by the window's own
 * autocorrelation r_w (eq. 9: r_x(τ) ≈ r_a(τ) / r_w(τ)); take the local maxima above half the voicing
 * threshold as candidates (parabolic first guess of the lag, strength by sinc interpolation of depth
 * 30), keep the strongest ones favouring high frequencies by the octave cost, then refine each by
 * maximising the sinc interpolant of depth 70 (Brent).
 */
import type { ChunkedFloat64Array } from './chunked-array.js';
import { Autocorrelator } from './fft.js';
import { improveMaximum, interpolateSinc } from './peak-interpolation.js';

export interface PitchSettings {
  /** Seconds between frames; 0 = 0.75 / floor (four frames per 3-period window). */
  readonly timeStep: number;
  /** Pitch floor in Hz: sets the window (3 periods) and the longest lag. */
  readonly floor: number;
  /** Pitch ceiling in Hz: candidates at or above it count as voiceless in the path finder. */
  readonly ceiling: number;
  readonly maxCandidates: number;
  readonly silenceThreshold: number;
  readonly voicingThreshold: number;
  readonly octaveCost: number;
  readonly octaveJumpCost: number;
  readonly voicedUnvoicedCost: number;
}

/** Praat's `To Pitch (ac)...` defaults. */
export const PRAAT_PITCH_DEFAULTS: PitchSettings = {
  timeStep: 0,
  floor: 75,
  ceiling: 600,
  maxCandidates: 15,
  silenceThreshold: 0.03,
  voicingThreshold: 0.45,
  octaveCost: 0.01,
  octaveJumpCost: 0.35,
  voicedUnvoicedCost: 0.14,
};

const PERIODS_PER_WINDOW = 3;
/** Praat's NUM_VALUE_INTERPOLATE_SINC70 / SINC700 and the depth-30 strength estimate. */
const SINC_DEPTH = 70;
const SINC_DEPTH_HIGH = 700;
const STRENGTH_DEPTH = 30;

/** Sizes derived from the settings and the sampling period, in samples unless named otherwise. */
export interface PitchLayout {
  readonly dx: number;
  readonly timeStep: number;
  readonly windowDuration: number;
  readonly windowSamples: number;
  readonly halfWindow: number;
  readonly periodSamples: number;
  readonly halfPeriod: number;
  readonly maximumLag: number;
  readonly fftSize: number;
  /** Largest lag kept for interpolation (half the window). */
  readonly interpolationLags: number;
  readonly maxCandidates: number;
  /** The ceiling, clipped to the Nyquist frequency. */
  readonly ceiling: number;
}

export function pitchLayout(settings: PitchSettings, sampleRate: number): PitchLayout {
  const dx = 1 / sampleRate;
  const maxCandidates = Math.max(settings.maxCandidates, Math.floor(settings.ceiling / settings.floor));
  const timeStep = settings.timeStep > 0 ? settings.timeStep : PERIODS_PER_WINDOW / settings.floor / 4;
  const periodSamples = Math.floor(1 / dx / settings.floor);
  const windowDuration = PERIODS_PER_WINDOW / settings.floor;
  const halfWindow = Math.floor(Math.floor(windowDuration / dx) / 2) - 1;
  const windowSamples = halfWindow * 2;
  let fftSize = 1;
  while (fftSize < windowSamples * 1.5) fftSize *= 2;
  return {
    dx,
    timeStep,
    windowDuration,
    windowSamples,
    halfWindow,
    periodSamples,
    halfPeriod: Math.floor(periodSamples / 2) + 1,
    maximumLag: Math.min(Math.floor(windowSamples / PERIODS_PER_WINDOW) + 2, windowSamples),
    fftSize,
    interpolationLags: Math.floor(windowSamples * 0.5),
    maxCandidates,
    ceiling: Math.min(settings.ceiling, 0.5 / dx),
  };
}

/**
 * Candidates of every analysed frame, in frame order: for frame j, `counts[j]` voiced candidates
 * (the voiceless one is implicit) and the frame's local peak (max |windowed sample| within half a
 * longest period of the centre). Only the global peak is needed besides, so the path can be found
 * once the stream has ended.
 */
export interface CandidateStore {
  readonly counts: ChunkedFloat64Array;
  readonly localPeaks: ChunkedFloat64Array;
  readonly frequencies: ChunkedFloat64Array;
  readonly strengths: ChunkedFloat64Array;
}

export class PitchFrameAnalyzer {
  private readonly layout: PitchLayout;
  private readonly settings: PitchSettings;
  private readonly window: Float64Array;
  private readonly windowR: Float64Array;
  private readonly frame: Float64Array;
  private readonly ac: Float64Array;
  /** r(τ) for τ = −B … B stored at index τ + B (B = interpolationLags). */
  private readonly r: Float64Array;
  private readonly autocorrelator: Autocorrelator;
  private readonly frequency: Float64Array;
  private readonly strength: Float64Array;
  private readonly lagOfCandidate: Int32Array;
  private readonly position = new Float64Array(1);

  constructor(settings: PitchSettings, layout: PitchLayout) {
    this.settings = settings;
    this.layout = layout;
    const n = layout.windowSamples;
    this.window = new Float64Array(n);
    // Hanning window of Boersma 1993 eq. 6, sampled at i / (n + 1), i = 1 … n.
    for (let i = 1; i <= n; i++) this.window[i - 1] = 0.5 - 0.5 * Math.cos((i * 2 * Math.PI) / (n + 1));
    this.frame = new Float64Array(layout.fftSize);
    this.ac = new Float64Array(layout.interpolationLags + 1);
    this.autocorrelator = new Autocorrelator(layout.fftSize);
    // The window's normalised autocorrelation r_w(τ), computed the same way as the signal's.
    this.windowR = new Float64Array(layout.interpolationLags + 1);
    this.frame.set(this.window);
    this.autocorrelator.compute(this.frame, this.windowR, layout.interpolationLags + 1);
    const w0 = this.windowR[0]!;
    for (let i = 0; i <= layout.interpolationLags; i++) this.windowR[i] = this.windowR[i]! / w0;
    this.r = new Float64Array(2 * layout.interpolationLags + 1);
    this.frequency = new Float64Array(layout.maxCandidates + 1);
    this.strength = new Float64Array(layout.maxCandidates + 1);
    this.lagOfCandidate = new Int32Array(layout.maxCandidates + 1);
  }

  /**
   * Analyses the frame whose left centre sample is `left` (absolute index; Praat's
   * `Sampled_xToLowIndex` of the frame time, 0-based) in `data`, addressed at `left + offset`,
   * and appends its candidates to `store`.
   */
  analyze(data: Float32Array, offset: number, left: number, store: CandidateStore): void {
    const { layout, window, frame, r } = this;
    const base = left + offset;
    // Local mean over one longest period to both sides of the centre.
    let sum = 0;
    for (let i = base + 1 - layout.periodSamples; i <= base + layout.periodSamples; i++) sum += data[i]!;
    const mean = sum / (2 * layout.periodSamples);
    const start = base - (layout.halfWindow - 1);
    const n = layout.windowSamples;
    for (let j = 0; j < n; j++) frame[j] = (data[start + j]! - mean) * window[j]!;
    frame.fill(0, n);
    let localPeak = 0;
    const peakFrom = Math.max(0, layout.halfWindow - layout.halfPeriod);
    const peakTo = Math.min(n - 1, layout.halfWindow + layout.halfPeriod - 1);
    for (let j = peakFrom; j <= peakTo; j++) {
      const v = Math.abs(frame[j]!);
      if (v > localPeak) localPeak = v;
    }
    store.localPeaks.push(localPeak);
    // Absolute silence is voiceless; nothing more to do.
    if (localPeak === 0) {
      store.counts.push(0);
      return;
    }
    const B = layout.interpolationLags;
    this.autocorrelator.compute(frame, this.ac, B + 1);
    const ac = this.ac;
    const ac0 = ac[0]!;
    r[B] = 1;
    for (let i = 1; i <= B; i++) {
      const v = ac[i]! / (ac0 * this.windowR[i]!);
      r[B + i] = v;
      r[B - i] = v;
    }
    const count = this.findCandidates();
    store.counts.push(count);
    for (let c = 1; c <= count; c++) {
      store.frequencies.push(this.frequency[c]!);
      store.strengths.push(this.strength[c]!);
    }
  }

  /** Candidates into slots 1 … count (slot 0 is the voiceless candidate); returns count. */
  private findCandidates(): number {
    const { layout, settings, r, frequency, strength, lagOfCandidate } = this;
    const B = layout.interpolationLags;
    const size = 2 * B + 1;
    const rate = 1 / layout.dx;
    const halfThreshold = 0.5 * settings.voicingThreshold;
    const minimumPitch = settings.floor;
    const octaveCost = settings.octaveCost;
    let count = 0;
    const lastLag = Math.min(layout.maximumLag, B);
    for (let i = 2; i < lastLag; i++) {
      const ri = r[B + i]!;
      const rPrev = r[B + i - 1]!;
      const rNext = r[B + i + 1]!;
      if (!(ri > halfThreshold && ri > rPrev && ri >= rNext)) continue;
      const dr = 0.5 * (rNext - rPrev);
      const d2r = 2 * ri - rPrev - rNext;
      const f = rate / (i + dr / d2r);
      let s = interpolateSinc(r, size, rate / f + B + 1, STRENGTH_DEPTH);
      // Values above 1, an artefact of short windows, are reflected around 1 (paper §5).
      if (s > 1) s = 1 / s;
      let place = 0;
      if (count + 1 < layout.maxCandidates) {
        place = ++count;
      } else {
        // Replace the weakest candidate, judged with the octave cost that favours high frequencies.
        let weakest = 2;
        for (let c = 1; c <= count; c++) {
          const local = strength[c]! - octaveCost * Math.log2(minimumPitch / frequency[c]!);
          if (local < weakest) {
            weakest = local;
            place = c;
          }
        }
        if (s - octaveCost * Math.log2(minimumPitch / f) <= weakest) place = 0;
      }
      if (place > 0) {
        frequency[place] = f;
        strength[place] = s;
        lagOfCandidate[place] = i;
      }
    }
    // Second pass: refine each maximum of the sinc interpolant (Brent), depth 70 (700 above 0.3 fs).
    for (let c = 1; c <= count; c++) {
      const depth = frequency[c]! > 0.3 / layout.dx ? SINC_DEPTH_HIGH : SINC_DEPTH;
      let y = improveMaximum(r, size, lagOfCandidate[c]! + B + 1, depth, this.position);
      const lag = this.position[0]! - B - 1;
      frequency[c] = rate / lag;
      if (y > 1) y = 1 / y;
      strength[c] = y;
    }
    return count;
  }
}
