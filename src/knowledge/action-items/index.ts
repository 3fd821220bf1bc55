export { classifySentence, findActionItems, type ActionItem, type FindActionItemsOptions } from './find.js';
export { findDue, type Due, type DuePrecision } from './due.js';
export {
  MIN_CONFIDENCE,
  speechActs,
  type ActionKind,
  type OwnerRole,
  type SpeechAct,
} from './speech-acts.js';
