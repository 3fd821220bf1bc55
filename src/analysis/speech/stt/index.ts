// Speech-to-text: engines behind one interface (SpeechToText), chosen by configuration.
export {
  STT_SAMPLE_RATE,
  STT_TRANSCRIPT_FORMAT,
  type EngineCheck,
  type SpeechToText,
  type TranscribeOptions,
} from './speech-to-text.js';
export {
  selectEngine,
  checkEngines,
  createEngine,
  ENGINE_NAMES,
  type EngineName,
  type EngineStatus,
  type SelectOptions,
} from './select-engine.js';
export { PocketsphinxEngine, type PocketsphinxOptions } from './pocketsphinx-engine.js';
export { closeSharedDecoder } from './pocketsphinx-decoder.js';
export {
  pocketsphinxModel,
  missingModelFiles,
  DECODER_SETTINGS,
  DEFAULT_MODEL_DIR,
  locatePocketsphinx,
  type PocketsphinxLibraries,
  type PocketsphinxModel,
} from './pocketsphinx-config.js';
export { WhisperEngine, WHISPER_PACKAGE, type WhisperEngineOptions } from './whisper-engine.js';
export { OpenAiEngine, type OpenAiEngineOptions } from './openai-engine.js';
export { UtteranceSplitter, type SplitterOptions, type Utterance } from './utterance-splitter.js';
export { findSharedLibrary, parseLdconfig, type FoundLibrary } from './shared-library.js';
export { audioParts, type AudioPart } from './audio-parts.js';
export { wordErrorRate, normaliseWords, alignedCorrect, type WordErrorRate } from './wer.js';
export { encodeWav, toInt16 } from './pcm.js';
