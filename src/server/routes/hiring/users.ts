import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError } from '../../../core/index.js';
import { USER_ROLES } from '../../../store/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { me } from '../../scope.js';
import { User } from '../auth.js';
import { errorResponses } from './schemas.js';

/** NIST SP 800-63B §3.1.1.2: at least 8 characters (the same rule as `candor user create`). */
const MIN_PASSWORD_LENGTH = 8;

const UsersQuery = z.object({ role: z.enum(USER_ROLES).optional() });

const NewUserBody = z.object({
  email: z.email(),
  name: z.string().trim().min(1).max(200),
  role: z.enum(USER_ROLES),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1024),
});

/**
 * `GET /users?role=` (admin; an advisor may list students only), `POST /users` (admin).
 * @example await app.register(userRoutes({ store, config }))
 */
export function userRoutes({ store }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/users',
      {
        onRequest: requireRole('admin', 'advisor'),
        schema: {
          tags: ['users'],
          summary: "The workspace's users, optionally of one role (advisors: role=candidate only)",
          querystring: UsersQuery,
          response: { 200: z.object({ users: z.array(User) }), ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const user = me(request);
        const { role } = request.query;
        if (user.role === 'advisor' && role !== 'candidate') {
          throw new CandorError('FORBIDDEN', 'advisors may list students only: add ?role=candidate', {
            role: user.role,
            query: 'role',
          });
        }
        return { users: await store.users.listByWorkspace(user.workspaceId, role) };
      },
    );

    app.post(
      '/users',
      {
        onRequest: requireRole('admin'),
        schema: {
          tags: ['users'],
          summary: 'Add a user to the workspace (409 when the email is taken)',
          body: NewUserBody,
          response: { 201: User, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        const created = await store.users.create({ ...request.body, workspaceId: me(request).workspaceId });
        return reply.code(201).send(created);
      },
    );
    return Promise.resolve();
  };
}
