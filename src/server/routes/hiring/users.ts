import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError } from '../../../core/index.js';
import { USER_ROLES, type Store, type UserPatch, type UserRecord } from '../../../store/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { hidden, me } from '../../scope.js';
import { recordActivity } from '../admin/record-activity.js';
import { User } from '../auth.js';
import { errorResponses, IdParams } from './schemas.js';

/** NIST SP 800-63B §3.1.1.2: at least 8 characters (the same rule as `candor user create`). */
const MIN_PASSWORD_LENGTH = 8;

const UsersQuery = z.object({ role: z.enum(USER_ROLES).optional() });

/** A user as the admin console lists them: with whether they may still sign in. */
const UserAccount = User.extend({
  active: z.boolean().describe('false once deactivated: no sign-in, sessions ended, API tokens refused'),
}).meta({ id: 'UserAccount' });

const UserPatchBody = z
  .object({ role: z.enum(USER_ROLES).optional(), active: z.boolean().optional() })
  .strict()
  .refine((b) => b.role !== undefined || b.active !== undefined, 'give role, active or both');

const PasswordBody = z
  .object({
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH)
      .max(1024)
      .optional()
      .describe('The new password; leave it out and the server makes a one-time password'),
  })
  .strict();

/** A one-time password an admin hands over: 16 random base64url characters (96 bits). */
function oneTimePassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Refuses a change that would leave the workspace without an active admin: nobody could then
 * manage users or settings without the command line.
 */
async function keepAnAdmin(store: Store, user: UserRecord, patch: UserPatch): Promise<void> {
  const losesAdmin =
    user.role === 'admin' && user.active && (patch.active === false || (patch.role ?? 'admin') !== 'admin');
  if (!losesAdmin) return;
  const admins = (await store.users.listByWorkspace(user.workspaceId, 'admin')).filter((u) => u.active);
  if (admins.length <= 1) {
    throw new CandorError(
      'CONFLICT',
      `${user.name} is the workspace's only active admin: make another user admin first`,
      { entity: 'user', id: user.id, field: patch.active === false ? 'active' : 'role' },
    );
  }
}

/** The user of the caller's workspace with this id, else the 404 of an unknown id. */
async function workspaceUser(store: Store, workspaceId: string, id: string): Promise<UserRecord> {
  const user = (await store.users.getMany(workspaceId, [id])).get(id);
  if (user === undefined) throw hidden('user', id);
  return user;
}

const NewUserBody = z.object({
  email: z.email(),
  name: z.string().trim().min(1).max(200),
  role: z.enum(USER_ROLES),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1024),
});

/**
 * `GET /users?role=` (admin; an advisor may list students only), `POST /users`,
 * `PATCH /users/:id` (role, active), `POST /users/:id/password` (admin). Changes go to /activity.
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
          response: {
            200: z.object({ users: z.array(UserAccount) }),
            ...errorResponses(400, 401, 403),
          },
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
        await recordActivity(store, request, {
          action: 'user.created',
          subjectType: 'user',
          subjectId: created.id,
          summary: `Added ${created.name} <${created.email}> as ${created.role}`,
          details: { role: created.role },
        });
        return reply.code(201).send(created);
      },
    );

    app.patch(
      '/users/:id',
      {
        onRequest: requireRole('admin'),
        schema: {
          tags: ['users'],
          summary:
            "Change a user's role or deactivate / reactivate them (a deactivated user cannot sign in; their sessions end and their API tokens answer 401). 409 for the last active admin",
          params: IdParams,
          body: UserPatchBody,
          response: { 200: UserAccount, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const { workspaceId } = me(request);
        const before = await workspaceUser(store, workspaceId, request.params.id);
        await keepAnAdmin(store, before, request.body);
        const after = await store.users.update(workspaceId, before.id, request.body);
        if (after.role !== before.role) {
          await recordActivity(store, request, {
            action: 'user.role_changed',
            subjectType: 'user',
            subjectId: after.id,
            summary: `Role of ${after.name}: ${before.role} → ${after.role}`,
            details: { from: before.role, to: after.role },
          });
        }
        if (after.active !== before.active) {
          await recordActivity(store, request, {
            action: after.active ? 'user.reactivated' : 'user.deactivated',
            subjectType: 'user',
            subjectId: after.id,
            summary: `${after.active ? 'Reactivated' : 'Deactivated'} ${after.name}`,
          });
        }
        return after;
      },
    );

    app.post(
      '/users/:id/password',
      {
        onRequest: requireRole('admin'),
        schema: {
          tags: ['users'],
          summary:
            "Reset a user's password (ends their sessions); without a password in the body the answer carries a one-time password, shown only here",
          params: IdParams,
          body: PasswordBody,
          response: {
            200: z.object({
              user: UserAccount,
              oneTimePassword: z
                .string()
                .nullable()
                .describe('The password the server made, to hand over once; null when the body gave one'),
            }),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request) => {
        const user = await workspaceUser(store, me(request).workspaceId, request.params.id);
        const made = request.body.password === undefined ? oneTimePassword() : null;
        await store.users.setPassword(user.id, request.body.password ?? made ?? '');
        await recordActivity(store, request, {
          action: 'user.password_reset',
          subjectType: 'user',
          subjectId: user.id,
          summary: `Reset the password of ${user.name}`,
        });
        return { user, oneTimePassword: made };
      },
    );
    return Promise.resolve();
  };
}
