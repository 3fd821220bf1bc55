import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  decoderArguments,
  pocketsphinxLibraryCandidates,
  type PocketsphinxModel,
} from './pocketsphinx-config.js';
import { POCKETSPHINX_WORKER_SOURCE } from './pocketsphinx-worker-source.js';
import { RecogniserWorker } from './recogniser-worker.js';

/**
 * Starts a pocketsphinx decoder on its worker thread; words come back as [token, startFrame,
 * endFrame] with inclusive 10 ms frames.
 */
function startDecoder(model: PocketsphinxModel, overrides: readonly string[]): RecogniserWorker {
  const logFile = path.join(tmpdir(), `candor-pocketsphinx-${process.pid}-${Date.now()}.log`);
  return new RecogniserWorker('pocketsphinx', POCKETSPHINX_WORKER_SOURCE, {
    koffiPath: createRequire(import.meta.url).resolve('koffi'),
    libraries: pocketsphinxLibraryCandidates(),
    args: decoderArguments(model, logFile, overrides),
    logFile,
  });
}

let current: { readonly key: string; readonly decoder: Promise<RecogniserWorker> } | undefined;

/**
 * The process's one pocketsphinx decoder, started on first use; utterances from every engine queue
 * on it in order. One, not one per engine: sphinxbase keeps its log file in a process-wide variable
 * that every ps_init closes and reopens, so two decoders on two threads could write to a file the
 * other just closed. Asking for other model files or settings closes the current decoder first.
 *
 * @example const decoder = await sharedDecoder(pocketsphinxModel()); await decoder.ready;
 */
export function sharedDecoder(
  model: PocketsphinxModel,
  overrides: readonly string[] = [],
): Promise<RecogniserWorker> {
  const key = JSON.stringify([model, overrides]);
  const previous = current;
  const decoder = Promise.resolve(previous?.decoder).then(async (old) => {
    if (old && previous?.key === key && !old.failed) return old;
    await old?.close();
    return startDecoder(model, overrides);
  });
  current = { key, decoder };
  return decoder;
}

/** Stops the shared decoder (tests, and a CLI that wants to exit at once). */
export async function closeSharedDecoder(): Promise<void> {
  const last = current;
  current = undefined;
  await (await last?.decoder)?.close();
}
