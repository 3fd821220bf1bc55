/**
 * The analysis thread's entry point (run by `startWorkerThread` from the compiled
 * `dist/server/worker/thread-entry.js`): opens its own connection to the database and runs the
 * worker loop of `worker.ts`, so parsing, recognising and scoring never block the thread that
 * serves HTTP. Logs and task starts/ends go to the parent as messages (see thread-messages.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { closeSharedDecoder } from '../../analysis/speech/stt/index.js';
import { openStore } from '../../store/index.js';
import { plainError, type FromThread, type ThreadData, type ToThread } from './thread-messages.js';
import { startWorker } from './worker.js';

const port = parentPort;
if (port === null) throw new Error('thread-entry.js runs only as a worker thread');
const data = workerData as ThreadData;
const post = (message: FromThread) => port.postMessage(message);
const log =
  (level: 'info' | 'error') =>
  (details: Record<string, unknown>, message: string): void => {
    const err = details.err;
    post({
      type: 'log',
      level,
      details: err === undefined ? details : { ...details, err: plainError(err) },
      message,
    });
  };

const store = await openStore(data.store);
const worker = startWorker({
  store,
  config: { mediaDir: data.mediaDir },
  workerId: data.workerId,
  logger: { info: log('info'), error: log('error') },
  onTaskStart: (task) => post({ type: 'task-start', taskId: task.id }),
  onTaskEnd: (task, outcome) => post({ type: 'task-end', task, outcome }),
  ...(data.pollMs === undefined ? {} : { pollMs: data.pollMs }),
  ...(data.leaseMs === undefined ? {} : { leaseMs: data.leaseMs }),
  ...(data.retryDelayMs === undefined ? {} : { retryDelayMs: data.retryDelayMs }),
});

port.on('message', (message: ToThread) => {
  if (message.type !== 'stop') return;
  void (async () => {
    await worker.stop();
    await closeSharedDecoder();
    await store.close();
    post({ type: 'stopped' });
    port.close();
  })();
});
