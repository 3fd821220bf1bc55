/**
 * The candidate pulse per job (issue 14, flow 6): how likely candidates are to recommend applying,
 * as a net promoter score over every answer and per round.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../../deps.js';
import { scoped } from '../../scope.js';
import { readableBy } from '../record-access.js';
import { errorResponses, HIRING_TEAM, IdParams } from './schemas.js';

const Figures = {
  responses: z.number().int(),
  promoters: z.number().int().describe('Answers of 9 or 10'),
  passives: z.number().int().describe('Answers of 7 or 8'),
  detractors: z.number().int().describe('Answers from 0 to 6'),
  nps: z
    .number()
    .nullable()
    .describe('% promoters minus % detractors, −100 to 100, one decimal; null without answers'),
};

const PulseView = z
  .object({
    jobId: z.string(),
    ...Figures,
    stages: z.array(
      z.object({
        stage: z.string().describe('The round the survey followed: online_interview or scheduled_interview'),
        ...Figures,
      }),
    ),
  })
  .meta({ id: 'JobPulse' });

/**
 * `GET /jobs/:id/pulse` (admin, recruiter, hiring manager).
 * @example await app.register(pulseRoutes({ store, config }))
 */
export function pulseRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/jobs/:id/pulse',
      {
        onRequest: readableBy('job', ...HIRING_TEAM),
        schema: {
          tags: ['jobs'],
          summary:
            "The candidate pulse of a job: NPS of 'how likely are you to recommend applying here?', overall and per round",
          params: IdParams,
          response: { 200: PulseView, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const job = await scoped(request, 'job', request.params.id, (i) => store.jobs.get(i));
        const { overall, stages } = await store.pulse.npsForJob(job.id);
        return { jobId: job.id, ...overall, stages };
      },
    );
    return Promise.resolve();
  };
}
