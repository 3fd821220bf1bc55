import type { RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyRequest, RouteOptions } from 'fastify';
import type { Store } from '../../store/index.js';
import { checkUploadQuota } from './quotas.js';
import type { SecurityConfig } from './security-config.js';

/** Who a limit counts: the signed-in user, or the client address before sign-in. */
const byUser = (request: FastifyRequest): string => request.auth?.user.id ?? `ip:${request.ip}`;
const byIp = (request: FastifyRequest): string => request.ip;

interface RoutePolicy {
  readonly method: string;
  /** Path under the API prefix, as the route declares it. */
  readonly path: string;
  readonly rateLimit: (security: SecurityConfig) => RateLimitOptions;
  /** Checks the upload quota before the body is read. */
  readonly uploadQuota?: true;
}

/**
 * The routes an attacker would repeat: signing in (per client address; the per-account lockout is
 * in login-guard.ts), issuing API tokens and uploading (per user; recordings and transcripts each
 * have their own count). Applied by URL so the routes' own files stay about their work.
 */
export const ROUTE_POLICIES: readonly RoutePolicy[] = [
  {
    method: 'POST',
    path: '/auth/login',
    rateLimit: (s) => ({ max: s.loginPerIpPerMinute, timeWindow: 60_000, keyGenerator: byIp }),
  },
  {
    method: 'POST',
    path: '/tokens',
    rateLimit: (s) => ({ max: s.tokensPerHour, timeWindow: 3_600_000, keyGenerator: byUser }),
  },
  {
    method: 'POST',
    path: '/interviews/:id/media',
    rateLimit: (s) => ({ max: s.uploadsPerMinute, timeWindow: 60_000, keyGenerator: byUser }),
    uploadQuota: true,
  },
  {
    method: 'POST',
    path: '/interviews/:id/transcript',
    rateLimit: (s) => ({ max: s.uploadsPerMinute, timeWindow: 60_000, keyGenerator: byUser }),
  },
];

function methods(route: RouteOptions): readonly string[] {
  return Array.isArray(route.method) ? route.method : [route.method];
}

/**
 * An `onRoute` hook giving each route of ROUTE_POLICIES its rate limit (read by @fastify/rate-limit,
 * which must be registered after this hook) and, for uploads, the quota check.
 *
 * @example app.addHook('onRoute', routePolicyHook('/api/v1', store, config.security))
 */
export function routePolicyHook(apiPrefix: string, store: Store, security: SecurityConfig) {
  return (route: RouteOptions): void => {
    const policy = ROUTE_POLICIES.find(
      (p) => route.url === `${apiPrefix}${p.path}` && methods(route).includes(p.method),
    );
    if (policy === undefined) return;
    route.config = { ...(route.config as object), rateLimit: policy.rateLimit(security) };
    if (policy.uploadQuota) {
      const existing = route.preHandler === undefined ? [] : [route.preHandler].flat();
      route.preHandler = [
        ...existing,
        async (request: FastifyRequest) => {
          const userId = request.auth?.user.id;
          if (userId === undefined) return;
          const incoming = Number(request.headers['content-length'] ?? 0) || 0;
          await checkUploadQuota(store, security, userId, incoming);
        },
      ];
    }
  };
}
