import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { CandorError, isCandorError } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { installSecurityHeaders } from './headers.js';
import { routePolicyHook } from './route-policy.js';
import type { SecurityConfig } from './security-config.js';

export { createLoginGuard, type LoginGuard } from './login-guard.js';
export { checkPracticeQuota, checkUploadQuota } from './quotas.js';
export { DEFAULT_SECURITY, loadSecurityConfig, type SecurityConfig } from './security-config.js';

/**
 * Installs the security controls before any route is added: security headers and CORS, rate limits
 * and quotas on the routes of ROUTE_POLICIES, and `Retry-After` on every 429 (RATE_LIMITED).
 *
 * @example await installSecurity(app, { store, security: config.security, apiPrefix: '/api/v1' })
 */
export async function installSecurity(
  app: FastifyInstance,
  options: { store: Store; security: SecurityConfig; apiPrefix: string },
): Promise<void> {
  const { store, security, apiPrefix } = options;
  await installSecurityHeaders(app, security);
  // Before the rate-limit plugin's own onRoute hook, which reads `config.rateLimit`.
  app.addHook('onRoute', routePolicyHook(apiPrefix, store, security));
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new CandorError('RATE_LIMITED', `too many requests; try again in ${context.after}`, {
        limit: context.max,
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  });
  // The rate-limit plugin sets Retry-After itself; the lockout and the password line say how long in details.
  app.addHook('onError', (_request, reply, error, done) => {
    if (isCandorError(error) && error.code === 'RATE_LIMITED' && !reply.hasHeader('retry-after')) {
      const seconds = Number(error.details.retryAfterSeconds);
      void reply.header('retry-after', String(Number.isFinite(seconds) && seconds > 0 ? seconds : 1));
    }
    done();
  });
}
