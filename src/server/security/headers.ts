import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { SecurityConfig } from './security-config.js';

/**
 * The web app's Content-Security-Policy: scripts, styles and connections only from this origin, no
 * inline script (the built app and the Swagger UI load theirs from files), no plugins, and no page
 * may frame Candor. `data:` images are the favicon; `blob:` media is a recording being previewed.
 * `upgrade-insecure-requests` is left out: a server on a LAN address over http would break.
 */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    mediaSrc: ["'self'", 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/**
 * The Swagger UI page at /api/docs sets one inline style at run time; it gets `'unsafe-inline'`
 * for styles only (scripts stay `'self'`). The web app needs no such exception.
 */
export const DOCS_CONTENT_SECURITY_POLICY = {
  ...CONTENT_SECURITY_POLICY,
  directives: { ...CONTENT_SECURITY_POLICY.directives, styleSrc: ["'self'", "'unsafe-inline'"] },
};

/** HSTS for two years once a browser has reached Candor over https (RFC 6797 §7.2: never over http). */
export const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * Security headers on every answer (helmet: CSP, `X-Content-Type-Options: nosniff`,
 * `X-Frame-Options: DENY`, `Referrer-Policy: no-referrer`, cross-origin isolation), HSTS only on
 * https (directly or behind a proxy with TRUST_PROXY), and CORS only for the listed origins.
 *
 * @example await installSecurityHeaders(app, config.security)
 */
export async function installSecurityHeaders(app: FastifyInstance, security: SecurityConfig): Promise<void> {
  const DOCS_PREFIX = '/api/docs';
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  });
  // Before @fastify/swagger-ui adds its routes, so they get the docs policy.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith(`${DOCS_PREFIX}/`) || route.url === DOCS_PREFIX) {
      const helmetConfig = { contentSecurityPolicy: DOCS_CONTENT_SECURITY_POLICY };
      route.config = { ...(route.config as object), helmet: helmetConfig } as typeof route.config;
    }
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS);
    done(null, payload);
  });
  // Off unless origins are listed: the web app is served from the API's own origin.
  if (security.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: [...security.corsOrigins],
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['content-type', 'authorization', 'x-csrf-token', 'range'],
      maxAge: 600,
    });
  }
}
