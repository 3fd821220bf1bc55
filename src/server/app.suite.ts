/**
 * HTTP cases every database must pass; `app.test.ts` runs them on SQLite and, when
 * TEST_DATABASE_URL is set, on PostgreSQL.
 */
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INPUT_LIMITS } from '../pipeline/input-limits.js';
import { hashToken, type AccountTables, type Store } from '../store/index.js';
import { buildApp } from './app.js';
import type { ServerConfig } from './config.js';
import { DEFAULT_SECURITY } from './security/security-config.js';

export const testConfig: ServerConfig = {
  port: 0,
  host: '127.0.0.1',
  secret: 'test-secret-test-secret-test-secret-0123',
  trustProxy: true,
  sessionTtlMs: 3600_000,
  defaultWorkspace: 'default',
  mediaDir: path.join(os.tmpdir(), 'candor-test-media'),
  uploadLimitBytes: 5 * 1024 * 1024,
  inputLimits: DEFAULT_INPUT_LIMITS,
  runWorker: false,
  logLevel: 'silent',
  logFormat: 'json',
  // Suites sign in many times from one address; security.test.ts sets the real limits.
  security: {
    ...DEFAULT_SECURITY,
    loginPerIpPerMinute: 100_000,
    tokensPerHour: 100_000,
    uploadsPerMinute: 100_000,
  },
};

const PASSWORD = 'correct horse battery staple';

interface Fixture {
  app: FastifyInstance;
  store: Store;
  email: string;
}

function sessionCookie(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'candor_session');
  if (cookie === undefined) throw new Error('no session cookie set');
  return `candor_session=${cookie.value}`;
}

/** @example describeApp('sqlite', () => openStore({ dataDir })) */
export function describeApp(name: string, open: () => Promise<Store>): void {
  describe(`HTTP API on ${name}`, () => {
    let fx: Fixture | undefined;
    const f = (): Fixture => {
      if (fx === undefined) throw new Error('app did not start');
      return fx;
    };
    beforeAll(async () => {
      const store = await open();
      const ws = await store.workspaces.ensure({ slug: 'default' });
      const email = `ana.${Date.now()}@example.com`;
      await store.users.create({
        workspaceId: ws.id,
        email,
        name: 'Ana',
        role: 'recruiter',
        password: PASSWORD,
      });
      fx = { app: await buildApp({ store, config: testConfig }), store, email };
    });
    afterAll(async () => {
      await fx?.app.close();
      await fx?.store.close();
    });

    const login = (body: unknown, headers: Record<string, string> = {}) =>
      f().app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body as object, headers });

    it('answers health without credentials', async () => {
      const res = await f().app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'ok', database: name });
    });

    it('answers an unknown route with the one error body', async () => {
      const res = await f().app.inject({ method: 'GET', url: '/api/v1/nope?x=1' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({
        error: { code: 'NOT_FOUND', message: 'no route GET /api/v1/nope', details: {} },
      });
    });

    it('signs in: httpOnly SameSite=Lax cookie, Secure over https, user and CSRF token in the body', async () => {
      const res = await login({ email: f().email.toUpperCase(), password: PASSWORD });
      expect(res.statusCode).toBe(200);
      const body = res.json<{ user: { email: string; role: string }; csrfToken: string }>();
      expect(body.user).toMatchObject({ email: f().email, role: 'recruiter' });
      expect(body.user).not.toHaveProperty('passwordHash');
      expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
      const cookie = res.cookies.find((c) => c.name === 'candor_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie?.secure).toBeFalsy();
      const proxied = await login({ email: f().email, password: PASSWORD }, { 'x-forwarded-proto': 'https' });
      expect(proxied.cookies.find((c) => c.name === 'candor_session')?.secure).toBe(true);
    });

    it('refuses a wrong password and an unknown email with the same 401 body', async () => {
      const wrong = await login({ email: f().email, password: 'nope' });
      const unknown = await login({ email: 'nobody@example.com', password: 'nope' });
      const otherWorkspace = await login({ email: f().email, password: PASSWORD, workspace: 'missing' });
      for (const res of [wrong, unknown, otherWorkspace]) {
        expect(res.statusCode).toBe(401);
        expect(res.cookies).toEqual([]);
      }
      expect(wrong.json()).toEqual(unknown.json());
      expect(wrong.json()).toEqual({
        error: { code: 'UNAUTHENTICATED', message: 'email or password is incorrect', details: {} },
      });
    });

    it('rejects a malformed login body with 400 naming the field', async () => {
      const res = await login({ email: 'not-an-email', password: PASSWORD });
      expect(res.statusCode).toBe(400);
      const { error } = res.json<{ error: { code: string; message: string; details: { field: string } } }>();
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details.field).toBe('email');
      expect(error.message).toMatch(/^body\.email: /);
      const missing = await login({ email: f().email });
      expect(missing.json()).toMatchObject({ error: { details: { field: 'password' } } });
      const notJson = await f().app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"email":',
      });
      expect(notJson.statusCode).toBe(400);
      expect(notJson.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    });

    it('GET /me: 401 without credentials, the user with a cookie or a bearer token', async () => {
      const anonymous = await f().app.inject({ method: 'GET', url: '/api/v1/me' });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });

      const signedIn = await login({ email: f().email, password: PASSWORD });
      const { csrfToken } = signedIn.json<{ csrfToken: string }>();
      const viaCookie = await f().app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: sessionCookie(signedIn) },
      });
      expect(viaCookie.statusCode).toBe(200);
      expect(viaCookie.json()).toMatchObject({ user: { email: f().email }, csrfToken });

      const user = await f().store.users.findByEmail(
        (await f().store.workspaces.getBySlug('default')).id,
        f().email,
      );
      const { token } = await f().store.users.createApiToken(user!.id, 'ci');
      const viaToken = await f().app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(viaToken.statusCode).toBe(200);
      // Everything of the account but `active`, which is always true for someone signed in.
      const { active, ...shown } = user!;
      expect(active).toBe(true);
      expect(viaToken.json()).toEqual({ user: shown });

      const badToken = await f().app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: 'Bearer candor_forged' },
      });
      expect(badToken.statusCode).toBe(401);
      const forgedCookie = await f().app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: `candor_session=${'x'.repeat(43)}.forged` },
      });
      expect(forgedCookie.statusCode).toBe(401);
    });

    it('requires the CSRF header for cookie POSTs, and logout ends the session', async () => {
      const signedIn = await login({ email: f().email, password: PASSWORD });
      const cookie = sessionCookie(signedIn);
      const { csrfToken } = signedIn.json<{ csrfToken: string }>();
      const logout = (headers: Record<string, string>) =>
        f().app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });

      const noHeader = await logout({ cookie });
      expect(noHeader.statusCode).toBe(403);
      expect(noHeader.json()).toMatchObject({
        error: { code: 'FORBIDDEN', details: { header: 'x-csrf-token' } },
      });
      expect((await logout({ cookie, 'x-csrf-token': 'wrong' })).statusCode).toBe(403);

      const ok = await logout({ cookie, 'x-csrf-token': csrfToken });
      expect(ok.statusCode).toBe(204);
      const after = await f().app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
      expect(after.statusCode).toBe(401);
    });

    it('needs no CSRF header with a bearer token', async () => {
      const ws = await f().store.workspaces.getBySlug('default');
      const user = await f().store.users.findByEmail(ws.id, f().email);
      const { token } = await f().store.users.createApiToken(user!.id, 'script');
      const res = await f().app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.statusCode).toBe(204);
    });

    it('stores only hashes of session and API tokens, and drops expired sessions', async () => {
      const { store } = f();
      const user = await store.users.findByEmail((await store.workspaces.getBySlug('default')).id, f().email);
      const { token } = await store.users.createApiToken(user!.id, 'hash-check');
      const { token: expiring } = await store.users.createSession(user!.id, -1000);
      const db = store.db.withTables<Pick<AccountTables, keyof AccountTables>>();
      const tokens = await db.selectFrom('api_token').select('token_hash').execute();
      expect(tokens.map((t) => t.token_hash)).toContain(hashToken(token));
      expect(JSON.stringify(tokens)).not.toContain(token);
      expect(await store.users.getSession(expiring)).toBeNull();
      const left = await db
        .selectFrom('session')
        .select('id')
        .where('id', '=', hashToken(expiring))
        .execute();
      expect(left).toEqual([]);
      const row = await db
        .selectFrom('app_user')
        .select('password_hash')
        .where('id', '=', user!.id)
        .executeTakeFirst();
      expect(row?.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(row?.password_hash).not.toContain(PASSWORD);
    });

    it('publishes an OpenAPI document listing the routes, and the docs page', async () => {
      const res = await f().app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
      expect(doc.openapi).toMatch(/^3\./);
      const paths = Object.keys(doc.paths);
      for (const p of [
        '/api/v1/auth/login',
        '/api/v1/me',
        '/api/v1/jobs/{id}/ranking',
        '/api/v1/jobs/{id}/compare',
        '/api/v1/scorecards/{id}',
        '/api/v1/applications/{id}/decisions',
        '/api/v1/interviews/{id}/media',
        '/api/v1/tasks/{id}/events',
        '/api/v1/cohorts/{id}',
        '/api/v1/practice',
      ]) {
        expect(paths).toContain(p);
      }
      // Every operation is described for the person reading /api/docs.
      const operations = Object.entries(doc.paths).flatMap(([p, ops]) =>
        Object.entries(ops).map(([method, op]) => ({ at: `${method} ${p}`, op: op as { summary?: string } })),
      );
      expect(operations.filter((o) => !o.op.summary).map((o) => o.at)).toEqual([]);
      expect(doc.paths['/api/v1/auth/login']).toHaveProperty('post');
      const docs = await f().app.inject({ method: 'GET', url: '/api/docs/' });
      expect(docs.statusCode).toBe(200);
      expect(docs.headers['content-type']).toMatch(/text\/html/);
    });
  });
}
