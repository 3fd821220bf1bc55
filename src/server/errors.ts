import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError, HTTP_STATUS, type CandorErrorCode } from '../core/index.js';

/** The one error body of the API: `{ "error": { "code", "message", "details" } }`. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorBodyType = z.infer<typeof ErrorBody>;

/** Codes for Fastify's own 4xx errors (bad JSON, wrong content type, body too large). */
const STATUS_CODE: Readonly<Record<number, CandorErrorCode>> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'FILE_TOO_LARGE',
};

function body(code: CandorErrorCode, message: string, details: Record<string, unknown> = {}) {
  return { error: { code, message, details } };
}

/**
 * Installs the error and not-found handlers that give every failure the same body:
 * CandorError → its HTTP_STATUS; request validation → 400 VALIDATION_FAILED naming the field;
 * unknown route → 404 NOT_FOUND; anything else → 500 INTERNAL, logged but never shown.
 *
 * @example installErrorHandlers(app)
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(body('NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`, {})),
  );
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message ?? 'invalid',
      }));
      const first = issues[0];
      const where = error.validationContext ?? 'request';
      const message = first?.field
        ? `${where}.${first.field}: ${first.message}`
        : `${where}: ${first?.message ?? 'invalid'}`;
      return reply
        .code(400)
        .send(body('VALIDATION_FAILED', message, { in: where, field: first?.field ?? '', issues }));
    }
    if (error instanceof CandorError) {
      const status = HTTP_STATUS[error.code];
      if (status >= 500) request.log.error({ err: error }, error.message);
      const message = status >= 500 ? 'internal error' : error.message;
      return reply.code(status).send(body(error.code, message, status >= 500 ? {} : { ...error.details }));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = STATUS_CODE[status] ?? 'VALIDATION_FAILED';
      return reply.code(status).send(body(code, error.message, { fastifyCode: error.code }));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(body('INTERNAL', 'internal error'));
  });
}
