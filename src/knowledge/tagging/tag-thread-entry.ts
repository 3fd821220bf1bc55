/**
 * The tagging thread's entry point (started by `tag-thread.ts` from the compiled
 * `dist/knowledge/tagging/tag-thread-entry.js`): runs `tagTranscript` on what it is sent, so a
 * server's thread that answers requests never spends the half second an hour-long meeting takes.
 */
import { parentPort } from 'node:worker_threads';
import { isCandorError } from '../../core/index.js';
import type { TagRequest, TagResponse } from './tag-thread-messages.js';
import { tagTranscript } from './tag-transcript.js';

const port = parentPort;
if (port === null) throw new Error('tag-thread-entry.js runs only as a worker thread');

port.on('message', (request: TagRequest) => {
  let response: TagResponse;
  try {
    response = { id: request.id, drafts: tagTranscript(request.segments, request.options) };
  } catch (error) {
    response = {
      id: request.id,
      error: isCandorError(error)
        ? { code: error.code, message: error.message, details: error.details }
        : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), details: {} },
    };
  }
  port.postMessage(response);
});
