import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { CandorError } from '../core/index.js';
import type { Store, UserRecord, UserRole } from '../store/index.js';

/** Name of the session cookie; its value is the signed session token. */
export const SESSION_COOKIE = 'candor_session';
/** Header carrying the CSRF token on cookie-authenticated unsafe requests. */
export const CSRF_HEADER = 'x-csrf-token';

/** Who made the request and how they proved it. */
export type AuthContext =
  | {
      readonly via: 'session';
      readonly user: UserRecord;
      readonly sessionToken: string;
      readonly csrfToken: string;
    }
  | { readonly via: 'token'; readonly user: UserRecord };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook; null when the request carries no valid credentials. */
    auth: AuthContext | null;
  }
}

/**
 * The CSRF token of a session: an HMAC of the session token, so it needs no storage and dies with
 * the session. Double-submit pattern: the client reads it from the login or /me body and echoes
 * it in `x-csrf-token`; a cross-site form cannot read it
 * (https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html).
 */
export function csrfTokenFor(secret: string, sessionToken: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionToken}`).digest('base64url');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Adds `request.auth`, resolved before every route from `Authorization: Bearer <api token>` or
 * else the signed session cookie. Resolving never fails a request; `requireAuth` decides.
 *
 * @example installAuth(app, store, config.secret)
 */
export function installAuth(app: FastifyInstance, store: Store, secret: string): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    request.auth = await resolveAuth(request, store, secret);
  });
}

async function resolveAuth(
  request: FastifyRequest,
  store: Store,
  secret: string,
): Promise<AuthContext | null> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (match?.[1] === undefined) return null;
    const found = await store.users.findByToken(match[1]);
    return found === null ? null : { via: 'token', user: found.user };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie === undefined) return null;
  const unsigned = request.unsignCookie(cookie);
  if (!unsigned.valid || unsigned.value === null) return null;
  const found = await store.users.getSession(unsigned.value);
  if (found === null) return null;
  return {
    via: 'session',
    user: found.user,
    sessionToken: unsigned.value,
    csrfToken: csrfTokenFor(secret, unsigned.value),
  };
}

/**
 * Route `onRequest` hook: 401 UNAUTHENTICATED without credentials; for a cookie session and an
 * unsafe method, 403 FORBIDDEN unless `x-csrf-token` matches the session's token. Bearer tokens
 * need no CSRF token: a browser never attaches them on its own. It runs after `installAuth`'s
 * hook and before the body is read or validated, so a caller without credentials (or without the
 * role) learns nothing from validation errors and cannot make the server read an upload.
 */
export const requireAuth: onRequestAsyncHookHandler = function requireAuth(
  request: FastifyRequest,
  _reply: FastifyReply,
) {
  authenticated(request);
  return Promise.resolve();
};

function authenticated(request: FastifyRequest): AuthContext {
  const auth = request.auth;
  if (auth === null) {
    throw new CandorError('UNAUTHENTICATED', 'sign in or send Authorization: Bearer <api token>');
  }
  if (auth.via === 'session' && !SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameSecret(sent, auth.csrfToken)) {
      throw new CandorError('FORBIDDEN', `missing or wrong ${CSRF_HEADER} header`, { header: CSRF_HEADER });
    }
  }
  return auth;
}

/**
 * Route `onRequest` hook allowing only signed-in users with one of the roles (after the
 * `requireAuth` checks), before the body is read or validated.
 * @example app.post('/jobs', { onRequest: requireRole('admin', 'recruiter') }, handler)
 */
export function requireRole(...roles: readonly UserRole[]): onRequestAsyncHookHandler {
  const allowed = new Set(roles);
  return function requireRoleHandler(request: FastifyRequest) {
    const { user } = authenticated(request);
    if (!allowed.has(user.role)) {
      throw new CandorError('FORBIDDEN', `role ${user.role} may not do this; needs ${roles.join(' or ')}`, {
        role: user.role,
        allowed: roles,
      });
    }
    return Promise.resolve();
  };
}

/** The signed-in user of a request that passed `requireAuth`. */
export function currentAuth(request: FastifyRequest): AuthContext {
  return authenticated(request);
}
