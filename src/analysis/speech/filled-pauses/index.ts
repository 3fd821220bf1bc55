/**
 * Filled pauses heard in the sound (um, uh, er, mm), independent of the recogniser's words: a
 * spectral-envelope track, a detector, and their insertion into a recognised transcript.
 */
export { SpectralEnvelopeAccumulator, type EnvelopeTrack } from './spectral-envelope.js';
export {
  findFilledPauses,
  type FilledPause,
  type FilledPauseInput,
  type FilledPauseOptions,
} from './filled-pauses.js';
export { withFilledPauses, FILLED_PAUSE_WORD } from './transcript-fillers.js';
