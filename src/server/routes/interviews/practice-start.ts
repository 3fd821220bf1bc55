import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CandorError } from '../../../core/index.js';
import { findQuestionSet, writePracticeQuestion } from '../../../pipeline/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { ErrorBody } from '../../errors.js';
import { me } from '../../scope.js';
import { checkPracticeQuota } from '../../security/index.js';
import { interviewJson } from './present.js';
import { Interview, NewPracticeBody } from './schemas.js';

/**
 * `POST /practice` (candidate): starts a practice interview on one question of a question set the
 * workspace can use; the student owns it, and its title is the question.
 * @example await api.register(practiceStartRoutes(deps))
 */
export function practiceStartRoutes({ store, config }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.post(
      '/practice',
      {
        onRequest: requireRole('candidate'),
        schema: {
          tags: ['practice'],
          summary: 'Start practising one question (the answer is uploaded or typed next)',
          body: NewPracticeBody,
          response: { 201: Interview, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const user = me(request);
        await checkPracticeQuota(store, config.security, user.id);
        const { questionSetId, questionId } = request.body;
        const set = await findQuestionSet(store, user.workspaceId, questionSetId);
        const question = set.questions.find((q) => q.id === questionId);
        if (question === undefined) {
          throw new CandorError(
            'VALIDATION_FAILED',
            `body.questionId: no question "${questionId}" in question set ${set.id}`,
            {
              in: 'body',
              field: 'questionId',
              questionIds: set.questions.map((q) => q.id),
            },
          );
        }
        const interview = await store.interviews.create({
          workspaceId: user.workspaceId,
          kind: 'practice',
          userId: user.id,
          title: question.text,
        });
        try {
          await writePracticeQuestion(config.mediaDir, interview, {
            questionSetId: set.id,
            questionId: question.id,
          });
        } catch (error) {
          await store.interviews.delete(interview.id);
          throw error;
        }
        return reply.code(201).send(interviewJson(interview));
      },
    );
    return Promise.resolve();
  };
}
