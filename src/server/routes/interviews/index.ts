import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../deps.js';
import { interviewRecordRoutes } from './interviews.js';
import { mediaStreamRoutes } from './media-stream.js';
import { mediaUploadRoutes } from './media-upload.js';
import { practiceCoachingRoutes } from './practice-coaching.js';
import { practiceStartRoutes } from './practice-start.js';
import { taskEventRoutes } from './task-events.js';
import { taskRoutes } from './tasks.js';
import { transcriptReadRoutes } from './transcript-read.js';
import { transcriptUploadRoutes } from './transcript-upload.js';
import { drainUnreadBody } from './upload-stream.js';

export { Interview, InterviewTranscript, Media, Task } from './schemas.js';
export { interviewJson, mediaListJson, taskJson } from './present.js';
export { checkInterviewAccess, loadInterview } from './access.js';

/** Form fields besides the file: `questionId` and `position`, each short. */
const FORM_LIMITS = { fields: 8, fieldSize: 1024, fieldNameSize: 100, parts: 10, headerPairs: 100 };
/** What a form may carry besides the file: its fields, part headers and boundaries (generously). */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * Interviews, uploads (media and transcripts), analysis tasks and their status stream.
 * Multipart parsing is registered here only, with the upload limit of the configuration.
 * @example await api.register(interviewRoutes({ store, config }))
 */
export function interviewRoutes(deps: RouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { ...FORM_LIMITS, fileSize: deps.config.uploadLimitBytes } });
    // An upload refused before its body is read must not hold up the next request on its connection.
    app.addHook('onSend', drainUnreadBody(deps.config.uploadLimitBytes + FORM_OVERHEAD_BYTES));
    await app.register(interviewRecordRoutes(deps));
    await app.register(practiceStartRoutes(deps));
    await app.register(practiceCoachingRoutes(deps));
    await app.register(mediaUploadRoutes(deps));
    await app.register(mediaStreamRoutes(deps));
    await app.register(transcriptUploadRoutes(deps));
    await app.register(transcriptReadRoutes(deps));
    await app.register(taskRoutes(deps));
    await app.register(taskEventRoutes(deps));
  };
}
