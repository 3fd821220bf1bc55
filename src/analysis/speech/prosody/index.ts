/**
 * Prosody: pitch, intensity, pauses, syllable nuclei, speaking and articulation rate, from 16 kHz
 * mono PCM. Pitch and intensity reproduce Praat's `To Pitch (ac)...` and `To Intensity...` with
 * their defaults, frame for frame. Pure functions: samples in, data out.
 */
export {
  analyzeProsody,
  ProsodyAccumulator,
  type ProsodyOptions,
  type AccumulatorOptions,
} from './prosody.js';
export type { ProsodyContours, ProsodySummary, Rate, TimedWord } from './prosody-summary.js';
export { summarizeProsody } from './prosody-summary.js';
export {
  analyzePitch,
  PitchAccumulator,
  PRAAT_PITCH_DEFAULTS,
  type PitchOptions,
  type PitchSettings,
  type PitchTrack,
} from './pitch.js';
export {
  analyzeIntensity,
  IntensityAccumulator,
  type IntensityOptions,
  type IntensityTrack,
} from './intensity.js';
export {
  findPauses,
  voicedIntervals,
  silenceThreshold,
  pauseThreshold,
  quantile,
  type Interval,
  type Pause,
  type PauseAnalysis,
  type PauseOptions,
} from './pauses.js';
export { findSyllableNuclei, type NucleiOptions, type SyllableNuclei } from './syllable-nuclei.js';
export type { FrameAlignment } from './frame-grid.js';
export type { StreamOptions } from './frame-stream.js';
