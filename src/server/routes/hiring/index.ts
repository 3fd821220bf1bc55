import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../deps.js';
import { applicationRoutes } from './applications.js';
import { candidateRoutes } from './candidates.js';
import { cohortRoutes } from './cohorts.js';
import { decisionRoutes } from './decisions.js';
import { frameworkVersionRoutes } from './framework-versions.js';
import { frameworkRoutes } from './frameworks.js';
import { jobRoutes } from './jobs.js';
import { practiceHistoryRoutes } from './practice-history.js';
import { pulseRoutes } from './pulse.js';
import { questionSetRoutes } from './question-sets.js';
import { rankingRoutes } from './ranking.js';
import { createScorecardSummaries } from './scorecard-summaries.js';
import { scorecardRoutes } from './scorecards.js';
import { tokenRoutes } from './tokens.js';
import { userRoutes } from './users.js';

/**
 * Hiring and coaching records: users, API tokens, frameworks, question sets, jobs, candidates,
 * applications and decisions, rankings, comparisons, scorecards, cohorts, practice history.
 * Every route checks the caller's role and reads and writes only the caller's workspace.
 *
 * @example await api.register(hiringRoutes({ store, config })) // under /api/v1
 */
export function hiringRoutes(deps: RouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // Scorecard summaries (rows written with each scorecard) for practice history and cohorts.
    const summaries = createScorecardSummaries(deps.store);
    await app.register(userRoutes(deps));
    await app.register(tokenRoutes(deps));
    await app.register(frameworkRoutes(deps));
    await app.register(frameworkVersionRoutes(deps));
    await app.register(questionSetRoutes(deps));
    await app.register(jobRoutes(deps));
    await app.register(rankingRoutes(deps));
    await app.register(candidateRoutes(deps));
    await app.register(applicationRoutes(deps));
    await app.register(decisionRoutes(deps));
    await app.register(pulseRoutes(deps));
    await app.register(scorecardRoutes(deps));
    await app.register(practiceHistoryRoutes(deps, summaries));
    await app.register(cohortRoutes(deps, summaries));
  };
}
