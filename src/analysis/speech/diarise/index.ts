/**
 * Speaker diarisation (who spoke when) on one track with no trained model, its MFCC features, and
 * the diarisation error rate that measures it.
 */
export {
  diarise,
  diariseFrames,
  BRIDGE_FIT,
  BRIDGE_SECONDS,
  DiarisationAccumulator,
  type Diarisation,
  type DiarisationOptions,
  type SpeakerTurn,
} from './diarise.js';
export { mfcc, MfccAccumulator, type MfccFrames, type MfccOptions } from './mfcc.js';
export { speechFrames, type SpeechActivityOptions } from './speech-activity.js';
export { diarisationErrorRate, parseRttm, type DerResult, type ReferenceTurn } from './der.js';
export {
  labelSpeakers,
  speakersWithEnoughSpeech,
  MINIMUM_SPEAKER_SECONDS,
  MINIMUM_SPEAKER_SHARE,
} from './label-segments.js';
export { bridgeSameSpeakerGaps, type Turn } from './turns.js';
