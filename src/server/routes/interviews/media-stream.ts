import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError, isCandorError } from '../../../core/index.js';
import { resolveMediaPath } from '../../../pipeline/index.js';
import { requireAuth } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { ErrorBody } from '../../errors.js';
import { hidden, scoped } from '../../scope.js';
import { loadInterview } from './access.js';
import { parseRange } from './byte-range.js';
import { IdParams } from './schemas.js';

/**
 * `GET /media/:id`: a recording's bytes for the player, with `Accept-Ranges: bytes` and 206
 * partial content for a `Range` request, so the browser can seek. Whoever may see the interview
 * may play its recordings.
 * @example await api.register(mediaStreamRoutes(deps))
 */
export function mediaStreamRoutes({ store, config }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/media/:id',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['interviews'],
          summary: 'A recording (Range requests answer 206 with Content-Range)',
          params: IdParams,
          response: {
            200: z.any().describe('the whole recording'),
            206: z.any().describe('the requested byte range'),
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
            416: ErrorBody,
          },
        },
      },
      async (request, reply) => {
        const media = await scoped(request, 'media', request.params.id, (i) => store.media.get(i));
        // A recording of an interview the caller may not read is as unknown as the interview.
        await loadInterview(request, store, media.interviewId, 'read').catch((error: unknown) => {
          throw isCandorError(error) && error.code === 'NOT_FOUND' ? hidden('media', media.id) : error;
        });
        const file = resolveMediaPath(config.mediaDir, media.storagePath);
        const size = await stat(file).then(
          (s) => s.size,
          () => {
            throw hidden('media', media.id);
          },
        );
        void reply
          .header('accept-ranges', 'bytes')
          .header('content-type', media.contentType)
          .header('etag', `"${media.sha256}"`)
          .header('cache-control', 'private, max-age=3600')
          .header('x-content-type-options', 'nosniff');
        // If-Range with another version of the file: send it whole (RFC 9110 §13.1.5).
        const ifRange = request.headers['if-range'];
        const range =
          ifRange === undefined || ifRange === `"${media.sha256}"`
            ? parseRange(request.headers.range, size)
            : null;
        if (range === 'unsatisfiable') {
          void reply
            .header('content-range', `bytes */${size}`)
            .header('content-type', 'application/json; charset=utf-8');
          const error = new CandorError(
            'VALIDATION_FAILED',
            `range ${request.headers.range ?? ''} is outside the ${size} bytes of the recording`,
            {
              in: 'headers',
              field: 'range',
              size,
            },
          );
          return reply.code(416).send({ error: error.toJSON() });
        }
        if (range === null) {
          void reply.header('content-length', size);
          return reply.code(200).send(createReadStream(file));
        }
        void reply
          .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
          .header('content-length', range.end - range.start + 1);
        return reply.code(206).send(createReadStream(file, { start: range.start, end: range.end }));
      },
    );
    return Promise.resolve();
  };
}
