/**
 * `tagTranscript` in a worker thread, for servers: the thread that answers requests hands the
 * transcript over and awaits the tags, instead of spending the time an hour-long meeting takes
 * (about half a second) blocked. One thread per process, started on first use and shared; it
 * does not keep an idle process alive, and one that dies is started again on the next call.
 */
import { Worker } from 'node:worker_threads';
import { CandorError, compiledEntryUrl } from '../../core/index.js';
import type { Segment, TagDraft } from '../../domain/index.js';
import type { TagRequest, TagResponse } from './tag-thread-messages.js';
import type { TagTranscriptOptions } from './tag-transcript.js';

interface Pending {
  readonly resolve: (drafts: TagDraft[]) => void;
  readonly reject: (error: Error) => void;
}

let thread: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 1;

function started(): Worker {
  if (thread !== null) return thread;
  const worker = new Worker(compiledEntryUrl('knowledge/tagging/tag-thread-entry.js'));
  worker.unref();
  worker.on('message', (response: TagResponse) => {
    const waiting = pending.get(response.id);
    if (waiting === undefined) return;
    pending.delete(response.id);
    if (pending.size === 0) worker.unref();
    if ('drafts' in response) waiting.resolve(response.drafts);
    else waiting.reject(new CandorError(response.error.code, response.error.message, response.error.details));
  });
  const fail = (error: Error) => {
    if (thread === worker) thread = null;
    for (const [id, waiting] of pending) {
      pending.delete(id);
      waiting.reject(new CandorError('INTERNAL', `the tagging thread stopped: ${error.message}`));
    }
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
  thread = worker;
  return worker;
}

/**
 * Tags a transcript as `tagTranscript` does (same tags, same errors), in the shared thread, with
 * the thread's own word vectors (`options.embeddings` is not sent).
 * @example const drafts = await tagInThread(segments, { topics, names, meetingDate })
 */
export function tagInThread(
  segments: readonly Segment[],
  options: Omit<TagTranscriptOptions, 'embeddings'>,
): Promise<TagDraft[]> {
  const worker = started();
  const id = nextId++;
  const request: TagRequest = {
    id,
    segments,
    options: { topics: options.topics, names: options.names, meetingDate: options.meetingDate ?? null },
  };
  return new Promise<TagDraft[]>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // Held while it works, so a process with nothing else to do waits for the tags.
    worker.ref();
    worker.postMessage(request);
  });
}

/** Ends the shared thread (a server's shutdown); calls waiting on it fail. */
export async function closeTagThread(): Promise<void> {
  const worker = thread;
  thread = null;
  if (worker !== null) await worker.terminate();
}
