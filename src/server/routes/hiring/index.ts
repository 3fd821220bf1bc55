import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../deps.js';

/**
 * Hiring and coaching records: users, API tokens, frameworks, question sets, jobs, candidates,
 * applications and decisions, rankings, comparisons, scorecards, cohorts, practice history.
 */
export function hiringRoutes(_deps: RouteDeps): FastifyPluginAsyncZod {
  return () => Promise.resolve();
}
