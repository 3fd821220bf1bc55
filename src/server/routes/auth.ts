import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError } from '../../core/index.js';
import { USER_ROLES, type Store } from '../../store/index.js';
import { csrfTokenFor, currentAuth, requireAuth, SESSION_COOKIE } from '../auth.js';
import type { ServerConfig } from '../config.js';
import { ErrorBody } from '../errors.js';
import { createLoginGuard } from '../security/index.js';

export const User = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(USER_ROLES),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

const LoginBody = z.object({
  email: z.email(),
  password: z.string().min(1).max(1024),
  /** Workspace slug; the server's default workspace when absent. */
  workspace: z.string().min(1).optional(),
});

const Session = z.object({
  user: User,
  /** Echo in `x-csrf-token` on cookie-authenticated POST/PUT/PATCH/DELETE. */
  csrfToken: z.string().optional(),
});

/** The same words for an unknown email and a wrong password: no hint about who has an account. */
const BAD_LOGIN = 'email or password is incorrect';

/**
 * `POST /auth/login` (per-account lockout and one password check at a time: security/login-guard.ts),
 * `POST /auth/logout`, `GET /me`.
 * @example await app.register(authRoutes(store, config), { prefix: '/api/v1' })
 */
export function authRoutes(store: Store, config: ServerConfig): FastifyPluginAsyncZod {
  const guard = createLoginGuard(store, config.security);
  return (app) => {
    app.post(
      '/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign in with email and password; sets the session cookie',
          body: LoginBody,
          response: { 200: Session, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
        },
      },
      async (request, reply) => {
        const { email, password, workspace } = request.body;
        const slug = workspace ?? config.defaultWorkspace;
        const ws = await store.workspaces.getBySlug(slug).catch(() => null);
        const user = await guard.signIn(slug, email, () =>
          store.users.verifyPassword(ws?.id ?? '', email, password),
        );
        if (user === null) throw new CandorError('UNAUTHENTICATED', BAD_LOGIN);
        const { token } = await store.users.createSession(user.id, config.sessionTtlMs);
        void reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          // request.protocol honours X-Forwarded-Proto only when trustProxy is on.
          secure: request.protocol === 'https',
          signed: true,
          maxAge: Math.floor(config.sessionTtlMs / 1000),
        });
        return { user, csrfToken: csrfTokenFor(config.secret, token) };
      },
    );

    app.post(
      '/auth/logout',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['auth'],
          summary: 'End the current session (cookie sessions need x-csrf-token)',
          response: { 204: z.null(), 401: ErrorBody, 403: ErrorBody },
        },
      },
      async (request, reply) => {
        const auth = currentAuth(request);
        if (auth.via === 'session') await store.users.deleteSession(auth.sessionToken);
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/me',
      {
        onRequest: requireAuth,
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user (and the CSRF token for cookie sessions)',
          response: { 200: Session, 401: ErrorBody },
        },
      },
      (request) => {
        const auth = currentAuth(request);
        return auth.via === 'session' ? { user: auth.user, csrfToken: auth.csrfToken } : { user: auth.user };
      },
    );
    return Promise.resolve();
  };
}
