/**
 * The analysis pipeline shared by the CLI and the server's worker: reading recordings (decode →
 * speech-to-text → prosody), scoring answers and transcripts, and storing the result atomically.
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
export {
  analyzeInterview,
  defaultAnalyzer,
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
