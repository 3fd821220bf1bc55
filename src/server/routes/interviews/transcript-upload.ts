import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError } from '../../../core/index.js';
import { ACCEPTED_FILES } from '../../../ingest/file-kind.js';
import { parseTranscript } from '../../../ingest/index.js';
import {
  checkTranscriptSize,
  checkTypedAnswer,
  writeCandidateSpeaker,
  writeTranscriptText,
} from '../../../pipeline/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { ErrorBody } from '../../errors.js';
import { loadInterview } from './access.js';
import { candidateSpeakerOf } from './candidate-choice.js';
import { interviewJson } from './present.js';
import { IdParams, Interview, TranscriptBody } from './schemas.js';

/** Name recorded for a transcript sent without one (typed answers). */
const TYPED_NAME = 'typed-answer.txt';

/**
 * `POST /interviews/:id/transcript` (admin, recruiter; a student on their own practice):
 * `{ content, fileName? }`, a WebVTT, SubRip, JSON or plain-text transcript, or typed answers.
 * It is parsed before anything is kept, so a malformed one (422 TRANSCRIPT_INVALID naming the
 * line) leaves the previous transcript in place; a good one replaces it. Input over its limit
 * (a typed answer, sent without a file name or to a practice interview, by characters; any other
 * transcript by bytes; docs/limits.md) is refused with 413 FILE_TOO_LARGE, also before anything
 * is kept. A file that is not a transcript (a PDF, an image, an archive, a recording, a table,
 * binary data) is refused with 422 TRANSCRIPT_INVALID saying what it is (`details.fileType`). A
 * hiring transcript whose speakers do not include the candidate's name is answered 422
 * SPEAKER_CHOICE_NEEDED with the speakers and their word counts, and kept only when sent again
 * with `candidateSpeaker`.
 * @example await api.register(transcriptUploadRoutes(deps))
 */
export function transcriptUploadRoutes({ store, config }: RouteDeps): FastifyPluginAsyncZod {
  const limits = config.inputLimits;
  // A typed answer of n characters is at most 4n bytes of UTF-8.
  const maxBytes = Math.max(limits.transcriptBytes, limits.typedAnswerChars * 4);
  return (app) => {
    app.post(
      '/interviews/:id/transcript',
      {
        onRequest: requireRole('admin', 'recruiter', 'candidate'),
        // JSON escaping can double a transcript's size; the content itself is checked below.
        bodyLimit: maxBytes * 2 + 64 * 1024,
        schema: {
          tags: ['interviews'],
          summary: 'Upload a transcript or typed answers (replaces the one before only if it parses)',
          description:
            'A file that is not a transcript is refused with 422 TRANSCRIPT_INVALID saying what it is ' +
            '(`details.fileType`). A hiring transcript whose speakers do not include the candidate is ' +
            'answered 422 SPEAKER_CHOICE_NEEDED (`details.speakers`: each speaker and their words; ' +
            '`details.suggested`); send it again with `candidateSpeaker` to complete the upload.',
          params: IdParams,
          body: TranscriptBody,
          response: {
            201: z.object({ interview: Interview }),
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
            413: ErrorBody,
            422: ErrorBody,
          },
        },
      },
      async (request, reply) => {
        const interview = await loadInterview(request, store, request.params.id, 'write');
        const { content, fileName, candidateSpeaker } = request.body;
        const name = (fileName ?? TYPED_NAME).split(/[\\/]/).pop() || TYPED_NAME;
        if (content.trim() === '') {
          throw new CandorError(
            'TRANSCRIPT_INVALID',
            fileName === undefined ? 'the answer is empty' : `${name} is empty: ${ACCEPTED_FILES}`,
            { file: name, fileType: 'empty' },
          );
        }
        if (fileName === undefined || interview.kind === 'practice') checkTypedAnswer(content, limits);
        else checkTranscriptSize(name, Buffer.byteLength(content, 'utf8'), limits);
        const transcript = parseTranscript(content, { file: name });
        const speaker = await candidateSpeakerOf(store, interview, transcript, name, candidateSpeaker);
        await writeTranscriptText(config.mediaDir, interview, content);
        await writeCandidateSpeaker(config.mediaDir, interview, speaker);
        const updated = await store.interviews.setSource(interview.id, {
          sourceFile: name,
          format: transcript.format,
        });
        return reply.code(201).send({ interview: interviewJson(updated) });
      },
    );
    return Promise.resolve();
  };
}
