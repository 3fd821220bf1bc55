/**
 * Prosody of a recording in one call, or chunk by chunk: pitch (Praat's `To Pitch (ac)` defaults),
 * intensity (`To Intensity` defaults), pauses, syllable nuclei and rates, summarised.
 */
import { CandorError } from '../../../core/index.js';
import { ONE_SHOT_CHUNK, checkSamples, checkSampleRate } from './frame-stream.js';
import type { FrameAlignment } from './frame-grid.js';
import { IntensityAccumulator } from './intensity.js';
import type { PauseOptions } from './pauses.js';
import { PitchAccumulator, type PitchSettings } from './pitch.js';
import { checkWords, summarizeProsody, type ProsodySummary, type TimedWord } from './prosody-summary.js';

/** Below this a recording holds no intensity frame (6.4 / 100 Hz). */
const MIN_SECONDS = 0.064;

/**
 * Voicing for syllable nuclei: De Jong & Wempe's script runs `To Pitch (ac)` with voicing threshold
 * 0.25, voiced/unvoiced cost 0.25 and ceiling 450 Hz. Re-running the path finder with those costs on
 * the candidates already found (instead of a second pitch analysis with their 30 Hz floor) keeps the
 * cost at one pitch analysis; on the LibriVox clips it brings the nucleus count from 89 % to 98 % of
 * the transcripts' syllables, where Praat's stricter default voicing loses creaky and breathy syllables.
 */
const NUCLEI_VOICING = { voicingThreshold: 0.25, voicedUnvoicedCost: 0.25, ceiling: 450 } as const;

export interface ProsodyOptions {
  /** Word timings; when given, rates are words per minute instead of syllable nuclei per minute. */
  readonly words?: readonly TimedWord[];
  /** Override Praat's pitch defaults. */
  readonly pitch?: Partial<PitchSettings>;
  readonly pauses?: PauseOptions;
}

export interface AccumulatorOptions extends Omit<ProsodyOptions, 'words'> {
  /** Samples the stream will deliver, when known: gives Praat's centred frame grid. */
  readonly totalSamples?: number;
  /** Default `centre` when `totalSamples` is known, else `start` (see frame-grid.ts). */
  readonly alignment?: FrameAlignment;
}

/**
 * Prosody over a stream: push chunks of any size (e.g. one second) as they are decoded; memory stays
 * bounded by the frame contours (about 40 bytes per 10 ms), never the samples. Given `totalSamples`,
 * the result is identical to `analyzeProsody` on the whole signal; without it the frame grid is
 * anchored at the start instead of centred (an offset below half a frame step).
 *
 * @example
 * const acc = new ProsodyAccumulator(16000, { totalSamples });
 * for await (const chunk of decoder) acc.push(chunk);
 * const summary = acc.finish();
 */
export class ProsodyAccumulator {
  readonly sampleRate: number;
  private readonly pitch: PitchAccumulator;
  private readonly intensity: IntensityAccumulator;
  /** De Jong & Wempe's syllable-nucleus contour (50 Hz minimum pitch). */
  private readonly nucleiIntensity: IntensityAccumulator;
  private readonly pauseOptions: PauseOptions | undefined;
  private samples = 0;

  constructor(sampleRate: number, options: AccumulatorOptions = {}) {
    checkSampleRate(sampleRate);
    this.sampleRate = sampleRate;
    const stream = { totalSamples: options.totalSamples, alignment: options.alignment };
    this.pitch = new PitchAccumulator(sampleRate, { ...options.pitch, ...stream });
    this.intensity = new IntensityAccumulator(sampleRate, stream);
    this.nucleiIntensity = new IntensityAccumulator(sampleRate, { ...stream, minimumPitch: 50 });
    this.pauseOptions = options.pauses;
  }

  /** Adds the next chunk of mono samples (values as Pascal, ±1 full scale). */
  push(chunk: Float32Array): void {
    checkSamples(chunk, 'chunk');
    this.pitch.push(chunk);
    this.intensity.push(chunk);
    this.nucleiIntensity.push(chunk);
    this.samples += chunk.length;
  }

  /** Ends the stream and summarises it; `words` switch the rates to words per minute. */
  finish(options: { words?: readonly TimedWord[] } = {}): ProsodySummary {
    checkWords(options.words);
    const duration = this.samples / this.sampleRate;
    if (duration < MIN_SECONDS) {
      throw new CandorError(
        'VALIDATION_FAILED',
        `audio lasts ${duration.toFixed(3)} s; prosody needs at least ${MIN_SECONDS} s`,
        { field: 'samples', samples: this.samples },
      );
    }
    const pitch = this.pitch.finish();
    const contours = {
      pitch,
      intensity: this.intensity.finish(),
      nucleiIntensity: this.nucleiIntensity.finish(),
      nucleiPitch: this.pitch.repath(NUCLEI_VOICING),
      durationSeconds: duration,
    };
    return summarizeProsody(contours, { words: options.words, pauses: this.pauseOptions });
  }
}

/**
 * Prosody of a whole recording (16 kHz mono PCM expected, any rate ≥ 1 kHz accepted).
 *
 * @example
 * const summary = analyzeProsody(samples, 16000);
 * summary.pitch.meanHz;            // e.g. 118.2
 * summary.pauses.ratio;            // share of time in pauses ≥ 250 ms
 * summary.speakingRate.perMinute;  // syllable nuclei per minute (words per minute with options.words)
 */
export function analyzeProsody(
  samples: Float32Array,
  sampleRate: number,
  options: ProsodyOptions = {},
): ProsodySummary {
  checkSamples(samples);
  checkWords(options.words);
  const accumulator = new ProsodyAccumulator(sampleRate, {
    totalSamples: samples.length,
    pitch: options.pitch,
    pauses: options.pauses,
  });
  for (let i = 0; i < samples.length; i += ONE_SHOT_CHUNK)
    accumulator.push(samples.subarray(i, i + ONE_SHOT_CHUNK));
  return accumulator.finish({ words: options.words });
}
