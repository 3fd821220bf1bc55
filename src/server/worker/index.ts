/**
 * The analysis worker: runs queued `analyze-interview` tasks from the embedded job queue.
 * `candor serve` starts one in a worker thread (`startWorkerThread`) when `config.runWorker` is
 * true, so analysis never runs on the thread serving HTTP, and stops it on close.
 */
export { startWorker, type Worker, type WorkerOptions, type WorkerLogger } from './worker.js';
export {
  startWorkerThread,
  threadEntryUrl,
  type WorkerThread,
  type WorkerThreadOptions,
} from './worker-thread.js';
export { runTask, type RunContext, type RunOutcome } from './run-task.js';
export {
  ANALYZE_INTERVIEW,
  WORKER_TASK_KINDS,
  INTERVIEW_KEY,
  analysisTask,
  interviewIdOf,
  speakersOf,
} from './task-kinds.js';
export { closeSharedDecoder as closeSpeechRecogniser } from '../../analysis/speech/stt/index.js';
