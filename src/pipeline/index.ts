/**
 * The analysis pipeline shared by the CLI, the server's worker and the tests: one path from an
 * input (a file, a folder, a recording: `analyzeFile`; a stored interview: `analyzeInterview`)
 * to an analysis, both scoring through `scoreInput`; reading recordings (decode → speech-to-text
 * → prosody), input limits, and storing the result atomically.
 */
export {
  readRecording,
  hashFile,
  type Recogniser,
  type Recording,
  type RecordingProgress,
  type ReadRecordingOptions,
} from './recording.js';
export { analyzeAnswers, type Answer, type AnalysisBasis } from './answers.js';
export { saveAnalysis } from './save-analysis.js';
export {
  interviewFolderPath,
  mediaStoragePath,
  resolveMediaPath,
  incomingFile,
  moveIntoPlace,
  removeFile,
  sweepIncoming,
  writeTranscriptText,
  readTranscriptText,
  writePracticeQuestion,
  readPracticeQuestion,
  writeCandidateSpeaker,
  readCandidateSpeaker,
  type InterviewRef,
  type PracticeQuestionRef,
} from './interview-files.js';
export {
  planInterview,
  findFramework,
  findQuestionSet,
  DEFAULT_FRAMEWORK_ID,
  DEFAULT_QUESTION_SET_ID,
  type InterviewPlan,
  type ResolvedQuestionSet,
} from './interview-plan.js';
export { currentMedia, mediaOffsets } from './media-offsets.js';
export { defaultAnalyzer } from './default-analyzer.js';
export {
  MAX_SPEAKERS,
  parseSpeakerCount,
  SPEAKER_COUNT_RULE,
  speakersToTell,
  whySpeakersDoNotApply,
  type SpeakerCount,
} from './speakers.js';
export { scoreInput, type ReadInput } from './score-input.js';
export { analyzeFile, type AnalyzeFileOptions } from './analyze-file.js';
export {
  analyzeInterview,
  ANALYSIS_STAGES,
  type AnalyzeInterviewOptions,
  type InterviewAnalysis,
} from './analyze-interview.js';
export {
  inputLimitsFromEnv,
  checkTranscriptSize,
  checkTypedAnswer,
  DEFAULT_INPUT_LIMITS,
  DEFAULT_TRANSCRIPT_LIMIT_KB,
  DEFAULT_TYPED_ANSWER_LIMIT_CHARS,
  type InputLimits,
} from './input-limits.js';
export {
  importModel,
  listModels,
  showModel,
  activateModel,
  activeModel,
  requireActiveModel,
  type ModelSummary,
  type ModelDetail,
  type ModelVersion,
} from './model-lifecycle.js';
export { rescoreInterview, rescoreJob, type RescoreResult } from './rescore.js';
export { storedFeatureRows, storedJobFeatureRows, type StoredFeatureRows } from './stored-feature-rows.js';
export { tagInterview, type Tagger, type TaggerContext, type TagInterviewOptions } from './tag-interview.js';
