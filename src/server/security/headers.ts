import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
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

/** One header helmet sets, in the order it sets them. */
type HeaderEntry = readonly [name: string, value: string];

/**
 * The headers helmet sets for these options, recorded once from a stand-in response: they depend only on the options, never on the request, so building
 * helmet's middleware on every request (what @fastify/helmet does) is wasted work.
 */
function helmetHeaders(options: HelmetOptions): readonly HeaderEntry[] {
  const headers = new Map<string, string>();
  const res = {
    setHeader: (name: string, value: string) => void headers.set(name, value),
    removeHeader: (name: string) => void headers.delete(name),
  };
  // Helmet 8 throws on bad options rather than passing them to `next`.
  // A stand-in request and response: helmet reads nothing from them but the two calls above.
  type Middleware = ReturnType<typeof helmet>;
  helmet(options)(
    {} as Parameters<Middleware>[0],
    res as unknown as Parameters<Middleware>[1],
    () => undefined,
  );
  return [...headers];
}

/** Helmet's options for Candor: `contentSecurityPolicy` is the one part that differs by page. */
const helmetOptions = (contentSecurityPolicy: object): HelmetOptions => ({
  contentSecurityPolicy,
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  strictTransportSecurity: false,
});

/** The route config key marking the Swagger UI's routes, which get the docs policy. */
const DOCS_HEADERS = 'candorDocsHeaders';
declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by `installSecurityHeaders` on the Swagger UI's routes. */
    readonly candorDocsHeaders?: boolean;
  }
}

/**
 * Security headers on every answer (helmet: CSP, `X-Content-Type-Options: nosniff`,
 * `X-Frame-Options: DENY`, `Referrer-Policy: no-referrer`, cross-origin isolation), HSTS only on
 * https (directly or behind a proxy with TRUST_PROXY), and CORS only for the listed origins.
 * The header values are computed by helmet once, at start-up, and set on each answer before its
 * route runs (so error answers carry them too), as @fastify/helmet's `onRequest` hook did.
 *
 * @example await installSecurityHeaders(app, config.security)
 */
export async function installSecurityHeaders(app: FastifyInstance, security: SecurityConfig): Promise<void> {
  const DOCS_PREFIX = '/api/docs';
  const appHeaders = helmetHeaders(helmetOptions(CONTENT_SECURITY_POLICY));
  const docsHeaders = helmetHeaders(helmetOptions(DOCS_CONTENT_SECURITY_POLICY));
  // Before @fastify/swagger-ui adds its routes, so they get the docs policy.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith(`${DOCS_PREFIX}/`) || route.url === DOCS_PREFIX) {
      route.config = { ...route.config, [DOCS_HEADERS]: true };
    }
  });
  app.addHook('onRequest', (request, reply, done) => {
    const headers = request.routeOptions.config?.[DOCS_HEADERS] === true ? docsHeaders : appHeaders;
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
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
