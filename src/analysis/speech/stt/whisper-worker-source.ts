/**
 * The worker thread that runs whisper.cpp through `@napi-rs/whisper` (Brooooooklyn/whisper-node).
 * UNTESTED HERE: the package is not installed in this environment. Written against its published
 * index.d.ts and src/lib.rs / src/full_params.rs:
 *   new Whisper(model: Uint8Array | string, params?: WhisperContextParams)
 *   new WhisperFullParams(WhisperSamplingStrategy.Greedy); .language, .tokenTimestamps,
 *     .splitOnWord, .maxLen (1 = one segment per word, whisper.cpp's `-ml 1`), .nThreads,
 *     .onNewSegment = (segment: { text, start, end }) => void   (start/end: whisper t0/t1, 10 ms units)
 *   whisper.full(params, samples: Float32Array of 16 kHz mono): string   (synchronous)
 * onNewSegment is a non-blocking thread-safe function: its calls arrive on this thread's event loop
 * after `full` returns, so the worker waits for them to stop arriving before answering.
 * `full` blocks the thread it runs on for as long as recognition takes, hence a worker.
 *
 * Messages in:  { type: 'decode', id, samples: Float32Array } | { type: 'close' }
 * Messages out: { type: 'ready' } | { type: 'failed', message }
 *             | { type: 'words', id, words: [text, startCs, endCs][] } | { type: 'error', id, message }
 */
export const WHISPER_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');

let whisper;
let binding;
try {
  binding = require(workerData.packagePath);
  whisper = new binding.Whisper(fs.readFileSync(workerData.modelPath), { useGpu: false });
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  parentPort.postMessage({ type: 'failed', message: String(error && error.message || error) });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

async function decode(samples) {
  const words = [];
  const params = new binding.WhisperFullParams(binding.WhisperSamplingStrategy.Greedy);
  params.language = workerData.language;
  params.tokenTimestamps = true;
  params.splitOnWord = true;
  params.maxLen = 1;
  if (workerData.threads > 0) params.nThreads = workerData.threads;
  params.onNewSegment = (segment) => words.push([segment.text, segment.start, segment.end]);
  whisper.full(params, samples);
  // Let the queued segment callbacks run: wait until two quiet 20 ms turns pass in a row.
  for (let seen = -1, quiet = 0; quiet < 2; ) {
    await settle();
    if (words.length === seen) quiet++;
    else { seen = words.length; quiet = 0; }
  }
  return words;
}

if (whisper) {
  let queue = Promise.resolve();
  parentPort.on('message', (message) => {
    if (message.type === 'close') { parentPort.close(); return; }
    queue = queue.then(async () => {
      try {
        parentPort.postMessage({ type: 'words', id: message.id, words: await decode(message.samples) });
      } catch (error) {
        parentPort.postMessage({ type: 'error', id: message.id, message: String(error && error.message || error) });
      }
    });
  });
}
`;
