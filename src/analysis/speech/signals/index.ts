import {
  articulationRate,
  intensitySpreadDb,
  pitchRangeSemitones,
  pitchSpreadSemitones,
  syllableRate,
} from './voice.js';
import { longestPauseSeconds, pauseRatio, responseLatencySeconds } from './timing.js';
import type { SpeechSignal } from './speech-signal.js';

/** Timing and voice signals, in catalogue order. */
export const SPEECH_SIGNALS: readonly SpeechSignal[] = [
  pauseRatio,
  longestPauseSeconds,
  responseLatencySeconds,
  syllableRate,
  articulationRate,
  pitchRangeSemitones,
  pitchSpreadSemitones,
  intensitySpreadDb,
];

export type { SpeechSignal, SpeechContext } from './speech-signal.js';
export type { VoiceTrack, Pause } from './voice-track.js';
export { answerPauses, MIN_PAUSE_SECONDS } from './timing.js';
