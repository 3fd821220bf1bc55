import type { FastifyRequest } from 'fastify';
import { serializerCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRouteSchemaDef } from 'fastify/types/schema.js';
import { z } from 'zod';
import { jsonSerializer } from '../../../domain/json-serializer.js';
import { CandorError } from '../../../core/index.js';
import type { InterviewRecord } from '../../../store/index.js';
import { requireAuth } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { hidden, me } from '../../scope.js';
import { ScorecardBody } from '../../../domain/scorecard.js';
import { mediaListJson } from '../interviews/present.js';
import { Media } from '../interviews/schemas.js';
import { COACHES, errorResponses, HIRING_TEAM, IdParams } from './schemas.js';

const ScorecardHead = z.object({
  id: z.string(),
  interviewId: z.string(),
  createdAt: z.string(),
  overallScore: z.number().nullable(),
});

export const ScorecardPage = z.object({
  scorecard: ScorecardHead.extend({ body: ScorecardBody }),
  interview: z.object({
    id: z.string(),
    kind: z.string(),
    title: z.string().nullable(),
    applicationId: z.string().nullable(),
    userId: z.string().nullable(),
    createdAt: z.string(),
  }),
  candidate: z.object({ id: z.string(), name: z.string() }).nullable(),
  application: z.object({ id: z.string(), stage: z.string(), jobId: z.string() }).nullable(),
  media: z.array(Media),
});

/** The page as the handler hands it to the serializer: the body as the stored bytes. */
interface StoredPage extends Omit<z.output<typeof ScorecardPage>, 'scorecard'> {
  readonly scorecard: z.output<typeof ScorecardHead> & { readonly body: Buffer };
}

const writeHead = jsonSerializer(ScorecardHead);
const writeRest = jsonSerializer(ScorecardPage.omit({ scorecard: true }));

/**
 * The 200 answer's serializer, compiled by fast-json-stringify from the route's response schema:
 * the page around the body is written by the serializer of its own part of the schema; the body
 * is the bytes `scorecardJson` (the body part's serializer) wrote when the scorecard was stored,
 * so it is neither parsed nor written again on each read. Both only ever write the schema's fields.
 */
function writePage(page: StoredPage): Buffer {
  const head = `{"scorecard":${writeHead(page.scorecard).slice(0, -1)},"body":`;
  const tail = `},${writeRest(page).slice(1)}`;
  const { body } = page.scorecard;
  // One allocation, sent as it is: the page is the head, the stored body and the tail.
  const headBytes = Buffer.byteLength(head);
  const out = Buffer.allocUnsafe(headBytes + body.length + Buffer.byteLength(tail));
  out.write(head, 0);
  body.copy(out, headBytes);
  out.write(tail, headBytes + body.length);
  return out;
}

/**
 * `writePage` for the 200 answer (Fastify sends the Buffer it returns as is); zod's serializer
 * for the error answers.
 */
function pageSerializer<S>(route: FastifyRouteSchemaDef<S>): (data: unknown) => string {
  if (route.httpStatus === '200') return writePage as unknown as (data: unknown) => string;
  return serializerCompiler(route as unknown as Parameters<typeof serializerCompiler>[0]);
}

/** The handler's value as the route's declared type: `writePage` is what turns it into JSON. */
function storedPage(page: StoredPage): z.output<typeof ScorecardPage> {
  return page as unknown as z.output<typeof ScorecardPage>;
}

/**
 * Who may read a scorecard: the hiring team for hiring interviews; for practice, the student
 * who practised, and the workspace's advisors and admins. Anyone else gets the 404 of an unknown
 * id, never a hint that the scorecard exists (the rule of `../record-access.ts`).
 */
function checkAccess(request: FastifyRequest, interview: InterviewRecord, scorecardId: string): void {
  const user = me(request);
  const readers = interview.kind === 'practice' ? COACHES : HIRING_TEAM;
  const own = interview.kind === 'practice' && interview.userId === user.id;
  if (!own && !readers.includes(user.role)) throw hidden('scorecard', scorecardId);
}

/**
 * `GET /scorecards/:id`: the scorecard with what the page shows beside it (interview, candidate,
 * application, recordings); the transcript the quotes point into is `GET /interviews/:id/transcript`.
 * Two indexed reads: the scorecard joined to its interview, application and candidate; the media.
 * @example await app.register(scorecardRoutes({ store, config }))
 */
export function scorecardRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/scorecards/:id',
      {
        onRequest: requireAuth,
        serializerCompiler: pageSerializer,
        schema: {
          tags: ['scorecards'],
          summary: 'A scorecard with its evidence, interview, candidate and recordings',
          params: IdParams,
          response: { 200: ScorecardPage, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { id } = request.params;
        const card = await store.scorecards.getInContext(id).catch((error: unknown) => {
          throw error instanceof CandorError && error.code === 'NOT_FOUND' ? hidden('scorecard', id) : error;
        });
        const { interview } = card;
        if (interview.workspaceId !== me(request).workspaceId) throw hidden('scorecard', id);
        checkAccess(request, interview, id);
        const media = await store.media.listByInterview(interview.id);
        return storedPage({
          scorecard: {
            id: card.id,
            interviewId: card.interviewId,
            createdAt: card.createdAt,
            overallScore: card.overallScore,
            body: card.body,
          },
          interview: {
            id: interview.id,
            kind: interview.kind,
            title: interview.title,
            applicationId: interview.applicationId,
            userId: interview.userId,
            createdAt: interview.createdAt,
          },
          candidate: card.candidate,
          application: card.application,
          media: mediaListJson(interview, media),
        });
      },
    );
    return Promise.resolve();
  };
}
