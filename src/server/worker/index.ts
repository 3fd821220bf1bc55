/**
 * The analysis worker: runs queued `analyze-interview` tasks from the embedded job queue.
 * `candor serve` starts one in-process when `config.runWorker` is true and stops it on close.
 */
export { startWorker, type Worker, type WorkerOptions, type WorkerLogger } from './worker.js';
export { runTask, type RunContext, type RunOutcome } from './run-task.js';
export {
  ANALYZE_INTERVIEW,
  WORKER_TASK_KINDS,
  INTERVIEW_KEY,
  analysisTask,
  interviewIdOf,
} from './task-kinds.js';
export { closeSharedDecoder as closeSpeechRecogniser } from '../../analysis/speech/stt/index.js';
