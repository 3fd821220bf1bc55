/**
 * Editing frameworks from the admin console: every edit saves a new version (scorecards cite
 * framework id + version, so a saved version never changes), a built-in is duplicated into the
 * workspace before it is edited, and two versions can be compared.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FrameworkSchema, type Framework } from '../../../assessment/index.js';
import { CandorError } from '../../../core/index.js';
import { requireAuth, requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me } from '../../scope.js';
import { recordActivity } from '../admin/record-activity.js';
import { claimId, frameworkVersions, type FrameworkVersion } from './catalogue.js';
import { compareFrameworks, nextVersion } from './framework-diff.js';
import { checkSignals } from './framework-signals.js';
import { errorResponses, IdParams, RECRUITERS } from './schemas.js';

const VersionItem = z.object({
  version: z.string(),
  name: z.string(),
  builtIn: z.boolean(),
});

const Change = z
  .object({
    where: z.string().describe('For people: competency › behaviour › signal › field'),
    path: z.string().describe('The field by ids: competencies.<id>.behaviours.<id>.signals.<signal>.weight'),
    from: z.string().nullable(),
    to: z.string().nullable(),
  })
  .meta({ id: 'FrameworkChange' });

const CompareQuery = z.object({
  from: z.string().min(1).max(50).optional().describe('Default: the version before `to`'),
  to: z.string().min(1).max(50).optional().describe('Default: the newest version'),
});

const DuplicateBody = z
  .object({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, 'lowercase letters, digits and dashes, starting with a letter')
      .max(100),
    name: z.string().trim().min(1).max(200),
    version: z.string().min(1).max(50).optional().describe('The version to copy; default the newest'),
  })
  .strict();

const Saved = z.object({ id: z.string(), version: z.string(), name: z.string(), basedOn: z.string() });

async function versionsOrMissing(
  store: RouteDeps['store'],
  workspaceId: string,
  id: string,
): Promise<FrameworkVersion[]> {
  const versions = await frameworkVersions(store, workspaceId, id);
  if (versions.length === 0) {
    throw new CandorError('NOT_FOUND', `framework ${id} not found`, { entity: 'framework', id });
  }
  return versions;
}

function pick(versions: readonly FrameworkVersion[], id: string, version: string | undefined, field: string) {
  if (version === undefined) return undefined;
  const found = versions.find((v) => v.version === version);
  if (found === undefined) {
    throw new CandorError('NOT_FOUND', `framework ${id} version ${version} not found`, {
      entity: 'framework',
      id,
      version,
      field,
    });
  }
  return found;
}

/**
 * `GET /frameworks/:id/versions`, `GET /frameworks/:id/compare?from=&to=` (any role),
 * `POST /frameworks/:id/versions` (edit → new version), `POST /frameworks/:id/duplicate`
 * (admin, recruiter).
 * @example await app.register(frameworkVersionRoutes({ store, config }))
 */
export function frameworkVersionRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/frameworks/:id/versions',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['frameworks'],
          summary: 'Every version of a framework the workspace can use, oldest first',
          params: IdParams,
          response: {
            200: z.object({ id: z.string(), versions: z.array(VersionItem) }),
            ...errorResponses(400, 401, 404),
          },
        },
      },
      async (request) => {
        const { id } = request.params;
        const versions = await versionsOrMissing(store, me(request).workspaceId, id);
        return { id, versions: versions.map(({ version, name, builtIn }) => ({ version, name, builtIn })) };
      },
    );

    app.get(
      '/frameworks/:id/compare',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['frameworks'],
          summary:
            'What changed between two versions of a framework (default: the newest and the one before)',
          params: IdParams,
          querystring: CompareQuery,
          response: {
            200: z.object({ id: z.string(), from: z.string(), to: z.string(), changes: z.array(Change) }),
            ...errorResponses(400, 401, 404),
          },
        },
      },
      async (request) => {
        const { id } = request.params;
        const versions = await versionsOrMissing(store, me(request).workspaceId, id);
        const to = pick(versions, id, request.query.to, 'to') ?? versions.at(-1)!;
        const from =
          pick(versions, id, request.query.from, 'from') ?? versions[Math.max(0, versions.indexOf(to) - 1)]!;
        return {
          id,
          from: from.version,
          to: to.version,
          changes: compareFrameworks(from.definition, to.definition),
        };
      },
    );

    app.post(
      '/frameworks/:id/versions',
      {
        onRequest: requireRole(...RECRUITERS),
        schema: {
          tags: ['frameworks'],
          summary:
            'Save an edited framework as its next version (minor number up). The body is the framework as edited; its `version` names the version it was based on. Built-ins cannot be edited: duplicate them first (409). Nothing is stored when a field is invalid (400 naming it) or nothing changed (400)',
          params: IdParams,
          body: FrameworkSchema,
          response: { 201: Saved, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const { workspaceId } = me(request);
        const edited: Framework = request.body;
        if (edited.id !== id) {
          throw new CandorError('VALIDATION_FAILED', `body.id: "${edited.id}" is not the framework ${id}`, {
            in: 'body',
            field: 'id',
          });
        }
        const versions = await versionsOrMissing(store, workspaceId, id);
        const basedOn = pick(versions, id, edited.version, 'version')!;
        if (basedOn.builtIn) await claimId(store, 'framework', id);
        const newest = versions.at(-1)!;
        if (newest.version !== basedOn.version) {
          const message = `framework ${id} version ${newest.version} was saved after ${basedOn.version}: edit ${newest.version} instead`;
          throw new CandorError('CONFLICT', message, { entity: 'framework', id, field: 'version' });
        }
        checkSignals(edited);
        if (compareFrameworks(basedOn.definition, edited).length === 0) {
          throw new CandorError(
            'VALIDATION_FAILED',
            `body: nothing changed from version ${basedOn.version}`,
            {
              in: 'body',
              field: '',
            },
          );
        }
        const version = nextVersion(versions.map((v) => v.version));
        const definition = { ...edited, version };
        await store.frameworks.save({ id, version, name: edited.name, definition, workspaceId });
        await recordActivity(store, request, {
          action: 'framework.version_saved',
          subjectType: 'framework',
          subjectId: id,
          summary: `Saved framework ${id} version ${version} (from ${basedOn.version})`,
          details: { version, basedOn: basedOn.version },
        });
        return reply.code(201).send({ id, version, name: edited.name, basedOn: basedOn.version });
      },
    );

    app.post(
      '/frameworks/:id/duplicate',
      {
        onRequest: requireRole(...RECRUITERS),
        schema: {
          tags: ['frameworks'],
          summary:
            'Copy a framework (a built-in too) into the workspace under a new id, as version 1.0.0, to edit it (409 when the id is taken)',
          params: IdParams,
          body: DuplicateBody,
          response: { 201: Saved, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const { workspaceId } = me(request);
        const source = request.params.id;
        const versions = await versionsOrMissing(store, workspaceId, source);
        const copied = pick(versions, source, request.body.version, 'version') ?? versions.at(-1)!;
        const { id, name } = request.body;
        await claimId(store, 'framework', id);
        if ((await frameworkVersions(store, workspaceId, id)).length > 0) {
          throw new CandorError(
            'CONFLICT',
            `framework id "${id}" is taken in this workspace; choose another id`,
            {
              entity: 'framework',
              id,
              field: 'id',
            },
          );
        }
        const version = '1.0.0';
        const definition = { ...copied.definition, id, name, version };
        await store.frameworks.save({ id, version, name, definition, workspaceId });
        await recordActivity(store, request, {
          action: 'framework.version_saved',
          subjectType: 'framework',
          subjectId: id,
          summary: `Duplicated framework ${source} ${copied.version} as ${id} ${version}`,
          details: { version, source, sourceVersion: copied.version },
        });
        return reply.code(201).send({ id, version, name, basedOn: `${source}@${copied.version}` });
      },
    );
    return Promise.resolve();
  };
}
