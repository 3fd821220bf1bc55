/**
 * Transcript ingest: parsers for WebVTT, SubRip, JSON (Candor's format, Whisper, QMSum) and plain
 * text; file reading with size and binary checks; and the split of a transcript into answers.
 */
export { parseVtt } from './vtt.js';
export { parseSrt } from './srt.js';
export { parsePlainText } from './plain-text.js';
export { parseJsonTranscript } from './json-transcript.js';
export { parseCsvTurns, parseTurnTime } from './csv-turns.js';
export {
  JsonTranscriptSchema,
  JsonSegmentSchema,
  JsonWordSchema,
  type JsonTranscript,
  type JsonSegment,
} from './json-schema.js';
export { cleanQmsumContent } from './qmsum.js';
export { parseTranscript, detectTranscriptFormat } from './detect.js';
export { decodeTranscriptBytes } from './decode.js';
export { readTranscriptFile, DEFAULT_MAX_TRANSCRIPT_BYTES, type ReadTranscriptOptions } from './read-file.js';
export type { ParseOptions } from './source-text.js';
export { looksLikeSpeakerName, splitSpeakerPrefix } from './speaker-prefix.js';
export {
  responsesFromAnswers,
  segmentLiveInterview,
  DEFAULT_MIN_MATCH,
  REPEATED_QUESTION_COVERAGE,
  type AnswerInput,
  type LiveSegmentationOptions,
} from './segment-responses.js';
export { chooseCandidateSpeaker, findCandidateSpeaker, type CandidateChoice } from './candidate-speaker.js';
export { bagOfWordsSimilarity, contentWords } from './similarity.js';
