import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FrameworkSchema, type Framework } from '../../../assessment/index.js';
import { CandorError } from '../../../core/index.js';
import { requireAuth, requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me } from '../../scope.js';
import { recordActivity } from '../admin/record-activity.js';
import { claimId, frameworkVersions, listFrameworks, type FrameworkVersion } from './catalogue.js';
import { checkSignals } from './framework-signals.js';
import { errorResponses, IdParams } from './schemas.js';

const FrameworkItem = z.object({
  id: z.string(),
  version: z.string(),
  name: z.string(),
  builtIn: z.boolean(),
  competencies: z.array(z.object({ id: z.string(), name: z.string() })),
});

const FrameworkDetail = z
  .object({
    id: z.string(),
    version: z.string(),
    name: z.string(),
    builtIn: z.boolean(),
    definition: z
      .record(z.string(), z.unknown())
      .describe('The framework: the same schema as the POST /frameworks body and frameworks/default.yaml'),
  })
  .meta({ id: 'Framework' });

function detail(framework: FrameworkVersion): z.infer<typeof FrameworkDetail> {
  const { id, version, name, builtIn, definition } = framework;
  return { id, version, name, builtIn, definition: { ...definition } };
}

/**
 * `GET /frameworks`, `GET /frameworks/:id?version=` (any role), `POST /frameworks` (admin, recruiter).
 * @example await app.register(frameworkRoutes({ store, config }))
 */
export function frameworkRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/frameworks',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['frameworks'],
          summary: "Competency frameworks: the built-in ones and the workspace's (newest version of each)",
          response: { 200: z.object({ frameworks: z.array(FrameworkItem) }), ...errorResponses(401) },
        },
      },
      async (request) => {
        const frameworks = await listFrameworks(store, me(request).workspaceId);
        return {
          frameworks: frameworks.map(({ id, version, name, builtIn, definition }) => ({
            id,
            version,
            name,
            builtIn,
            competencies: definition.competencies.map((c) => ({ id: c.id, name: c.name })),
          })),
        };
      },
    );

    app.get(
      '/frameworks/:id',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['frameworks'],
          summary: 'One framework with its definition (the newest version unless ?version= is given)',
          params: IdParams,
          querystring: z.object({ version: z.string().min(1).max(50).optional() }),
          response: { 200: FrameworkDetail, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => {
        const { id } = request.params;
        const { version } = request.query;
        const versions = await frameworkVersions(store, me(request).workspaceId, id);
        const found = version === undefined ? versions.at(-1) : versions.find((v) => v.version === version);
        if (found === undefined) {
          const message =
            version === undefined
              ? `framework ${id} not found`
              : `framework ${id} version ${version} not found`;
          throw new CandorError('NOT_FOUND', message, { entity: 'framework', id, version: version ?? null });
        }
        return detail(found);
      },
    );

    app.post(
      '/frameworks',
      {
        onRequest: requireRole('admin', 'recruiter'),
        schema: {
          tags: ['frameworks'],
          summary:
            "Save a framework version for the workspace (409 if the workspace's own version exists with other content, or the id is a built-in's)",
          body: FrameworkSchema,
          response: { 201: FrameworkDetail, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        const framework = request.body;
        const { workspaceId } = me(request);
        checkSignals(framework);
        await claimId(store, 'framework', framework.id);
        const saved = await store.frameworks.save({
          id: framework.id,
          version: framework.version,
          name: framework.name,
          definition: framework,
          workspaceId,
        });
        await recordActivity(store, request, {
          action: 'framework.version_saved',
          subjectType: 'framework',
          subjectId: saved.id,
          summary: `Saved framework ${saved.id} version ${saved.version}`,
          details: { version: saved.version },
        });
        const body = detail({ ...saved, builtIn: false, definition: saved.definition as Framework });
        return reply.code(201).send(body);
      },
    );
    return Promise.resolve();
  };
}
