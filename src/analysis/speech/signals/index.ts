import {
  articulationRate,
  intensitySpreadDb,
  pitchMeanHz,
  pitchRangeSemitones,
  pitchSpreadSemitones,
  syllableRate,
} from './voice.js';
import { longestPauseSeconds, meanPauseSeconds, pauseRatio, responseLatencySeconds } from './timing.js';
import type { SpeechSignal } from './speech-signal.js';

/** Timing and voice signals, in catalogue order. */
export const SPEECH_SIGNALS: readonly SpeechSignal[] = [
  pauseRatio,
  meanPauseSeconds,
  longestPauseSeconds,
  responseLatencySeconds,
  syllableRate,
  articulationRate,
  pitchMeanHz,
  pitchRangeSemitones,
  pitchSpreadSemitones,
  intensitySpreadDb,
];

export type { SpeechSignal, SpeechContext } from './speech-signal.js';
export type { VoiceTrack, Pause } from './voice-track.js';
export { answerPauses, MIN_PAUSE_SECONDS } from './timing.js';
