import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../deps.js';

/** Interviews, uploads (media and transcripts), analysis tasks and their status stream. */
export function interviewRoutes(_deps: RouteDeps): FastifyPluginAsyncZod {
  return () => Promise.resolve();
}
