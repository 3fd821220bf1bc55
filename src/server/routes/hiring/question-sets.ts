import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { QuestionSchema } from '../../../domain/index.js';
import { findQuestionSet, type ResolvedQuestionSet } from '../../../pipeline/index.js';
import { requireAuth, requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me } from '../../scope.js';
import { recordActivity } from '../admin/record-activity.js';
import { claimId, listQuestionSets } from './catalogue.js';
import { errorResponses, IdParams } from './schemas.js';

const QuestionSetItem = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  builtIn: z.boolean(),
  questionCount: z.number(),
});

const QuestionView = z.object({
  id: z.string(),
  text: z.string(),
  competencies: z.array(z.string()),
  keyPoints: z.array(z.string()),
  followUp: z.string().nullable(),
});

const QuestionSetDetail = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.string(),
    builtIn: z.boolean(),
    questions: z.array(QuestionView),
  })
  .meta({ id: 'QuestionSet' });

/** The same shape as frameworks/questions/default.yaml. */
const NewQuestionSetBody = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes')
    .max(100),
  name: z.string().trim().min(1).max(200),
  version: z.string().min(1).max(50).default('1'),
  questions: z.array(QuestionSchema).min(1).max(500),
});

function detail(set: ResolvedQuestionSet): z.infer<typeof QuestionSetDetail> {
  return {
    id: set.id,
    name: set.name,
    version: set.version,
    builtIn: set.builtIn,
    questions: set.questions.map((q) => ({
      id: q.id,
      text: q.text,
      competencies: [...q.competencies],
      keyPoints: [...q.keyPoints],
      followUp: q.followUp ?? null,
    })),
  };
}

/**
 * `GET /question-sets`, `GET /question-sets/:id` (any role), `POST /question-sets` (admin,
 * recruiter, advisor).
 * @example await app.register(questionSetRoutes({ store, config }))
 */
export function questionSetRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/question-sets',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['question sets'],
          summary: "Question sets: the built-in ones and the workspace's",
          response: { 200: z.object({ questionSets: z.array(QuestionSetItem) }), ...errorResponses(401) },
        },
      },
      async (request) => ({ questionSets: await listQuestionSets(store, me(request).workspaceId) }),
    );

    app.get(
      '/question-sets/:id',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['question sets'],
          summary: 'One question set with its questions in order',
          params: IdParams,
          response: { 200: QuestionSetDetail, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => {
        const { id } = request.params;
        return detail(await findQuestionSet(store, me(request).workspaceId, id));
      },
    );

    app.post(
      '/question-sets',
      {
        onRequest: requireRole('admin', 'recruiter', 'advisor'),
        schema: {
          tags: ['question sets'],
          summary:
            "Save a question set for the workspace (replaces the workspace's own set of the same id; 409 for a built-in's id)",
          body: NewQuestionSetBody,
          response: { 201: QuestionSetDetail, ...errorResponses(400, 401, 403, 409, 422) },
        },
      },
      async (request, reply) => {
        const { workspaceId } = me(request);
        await claimId(store, 'question set', request.body.id);
        const saved = await store.questionSets.save(request.body, { workspaceId });
        await recordActivity(store, request, {
          action: 'question_set.saved',
          subjectType: 'question_set',
          subjectId: saved.id,
          summary: `Saved question set "${saved.name}" (${saved.questions.length} question${saved.questions.length === 1 ? '' : 's'})`,
        });
        return reply.code(201).send(detail({ ...saved, builtIn: false }));
      },
    );
    return Promise.resolve();
  };
}
