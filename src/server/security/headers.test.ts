import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../pipeline/test-helpers.js';
import { openStore, type Store } from '../../store/index.js';
import { buildApp } from '../app.js';
import { testConfig } from '../app.suite.js';

const data = tempDir('candor-headers-');
let store: Store;
let app: FastifyInstance;
let withCors: FastifyInstance;

beforeAll(async () => {
  store = await openStore({ dataDir: data.dir });
  app = await buildApp({ store, config: testConfig });
  withCors = await buildApp({
    store,
    config: { ...testConfig, security: { ...testConfig.security, corsOrigins: ['https://app.example.com'] } },
  });
});
afterAll(async () => {
  await app.close();
  await withCors.close();
  await store.close();
  data.cleanup();
});

/** The CSP's directives by name: `{ 'script-src': ["'self'"], … }`. */
function csp(header: unknown): Record<string, string[]> {
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('security headers', () => {
  it.each(['/', '/jobs/123', '/api/docs/', '/api/v1/health', '/api/v1/me'])(
    'GET %s: strict CSP without inline script, no framing, nosniff, no referrer',
    async (url) => {
      const res = await app.inject({ method: 'GET', url });
      const policy = csp(res.headers['content-security-policy']);
      expect(policy['script-src']).toEqual(["'self'"]);
      expect(policy['script-src-attr']).toEqual(["'none'"]);
      expect(policy['object-src']).toEqual(["'none'"]);
      expect(policy['frame-ancestors']).toEqual(["'none'"]);
      expect(policy['default-src']).toEqual(["'self'"]);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers).not.toHaveProperty('strict-transport-security');
      // Inline styles only for the Swagger UI page, which sets one at run time.
      expect(policy['style-src']).toEqual(
        url.startsWith('/api/docs') ? ["'self'", "'unsafe-inline'"] : ["'self'"],
      );
    },
  );

  it('sends HSTS only over https (here: behind a proxy saying so, with TRUST_PROXY)', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
  });
});

describe('CORS', () => {
  const preflight = (target: FastifyInstance, origin: string) =>
    target.inject({
      method: 'OPTIONS',
      url: '/api/v1/me',
      headers: { origin, 'access-control-request-method': 'GET' },
    });

  it('is off by default: no origin is allowed to read answers', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: { origin: 'https://app.example.com' },
    });
    expect(res.headers).not.toHaveProperty('access-control-allow-origin');
    expect((await preflight(app, 'https://app.example.com')).headers).not.toHaveProperty(
      'access-control-allow-origin',
    );
  });

  it('allows exactly the origins of CANDOR_CORS_ORIGINS, with credentials', async () => {
    const allowed = await preflight(withCors, 'https://app.example.com');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const other = await preflight(withCors, 'https://evil.example');
    expect(other.headers).not.toHaveProperty('access-control-allow-origin');
  });
});
