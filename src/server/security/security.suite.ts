/**
 * The security controls through the real app: lockout, rate limits with Retry-After, quotas,
 * headers and CORS. `security.test.ts` runs it on SQLite and, with TEST_DATABASE_URL, PostgreSQL.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/index.js';
import { buildApp } from '../app.js';
import { testConfig } from '../app.suite.js';
import type { ServerConfig } from '../config.js';
import { multipart, routeFixture, toneWav, type RouteFixture } from '../routes/interviews/test-fixture.js';
import { DEFAULT_SECURITY, type SecurityConfig } from './security-config.js';

const PASSWORD = 'correct horse battery staple';

/** A clock the test moves, shared by the store (lockout times) and nothing else. */
export interface TestClock {
  now: () => Date;
  advance(ms: number): void;
}

export function testClock(): TestClock {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms) => void (offset += ms) };
}

const strict = (overrides: Partial<SecurityConfig>): ServerConfig => ({
  ...testConfig,
  security: { ...DEFAULT_SECURITY, ...overrides },
});

function expectRateLimited(res: LightMyRequestResponse): void {
  expect(res.statusCode).toBe(429);
  expect(res.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

/** @example describeSecurity('sqlite', (now) => openStore({ dataDir, now })) */
export function describeSecurity(name: string, open: (now: () => Date) => Promise<Store>): void {
  describe(`sign-in lockout and per-IP limit on ${name}`, () => {
    const clock = testClock();
    let store: Store;
    let app: FastifyInstance;
    const slug = `sec-${process.pid}-${Date.now()}`;
    const email = `ana.${slug}@example.com`;
    let ip = 0;
    /** Each test signs in from its own address, so the per-IP limit only meets the test about it. */
    const nextIp = () => `198.51.100.${++ip}`;
    const login = (target: FastifyInstance, from: string, body: Record<string, string>) =>
      target.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-for': from },
        payload: { workspace: slug, ...body },
      });

    beforeAll(async () => {
      store = await open(clock.now);
      const ws = await store.workspaces.ensure({ slug });
      await store.users.create({
        workspaceId: ws.id,
        email,
        name: 'Ana',
        role: 'recruiter',
        password: PASSWORD,
      });
      app = await buildApp({
        store,
        config: strict({ loginMaxFailures: 3, loginLockoutMs: 15 * 60_000, loginPerIpPerMinute: 6 }),
      });
    });
    afterAll(async () => {
      await app.close();
      await store.close();
    });

    it('locks an account after 3 wrong passwords, even for the right one, across a restart; it unlocks after 15 minutes', async () => {
      const from = nextIp();
      for (let i = 0; i < 3; i++) {
        expect((await login(app, from, { email, password: `guess ${i}` })).statusCode).toBe(401);
      }
      const locked = await login(app, nextIp(), { email, password: PASSWORD });
      expectRateLimited(locked);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
      expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
      expect(locked.cookies).toEqual([]);

      // A restarted server (a new app on the same database) still refuses.
      const restarted = await buildApp({ store, config: strict({ loginMaxFailures: 3 }) });
      try {
        expectRateLimited(await login(restarted, nextIp(), { email, password: PASSWORD }));
      } finally {
        await restarted.close();
      }

      clock.advance(15 * 60_000 + 1000);
      const after = await login(app, nextIp(), { email, password: PASSWORD });
      expect(after.statusCode).toBe(200);
      // The count starts afresh: two more failures do not lock.
      for (let i = 0; i < 2; i++) {
        expect((await login(app, nextIp(), { email, password: 'wrong' })).statusCode).toBe(401);
      }
      expect((await login(app, nextIp(), { email, password: PASSWORD })).statusCode).toBe(200);
    });

    it('locks an unknown email the same way, so the lockout tells nobody who has an account', async () => {
      const nobody = `nobody.${slug}@example.com`;
      const other = `ben.${slug}@example.com`;
      for (let i = 0; i < 3; i++) {
        await login(app, nextIp(), { email: nobody, password: 'x' });
        await login(app, nextIp(), { email: other, password: 'x' });
      }
      const a = await login(app, nextIp(), { email: nobody, password: 'x' });
      const b = await login(app, nextIp(), { email: other, password: 'x' });
      expectRateLimited(a);
      expect(a.json()).toEqual(b.json());
    });

    it('limits sign-in attempts per client address with Retry-After, and counts other addresses apart', async () => {
      const from = nextIp();
      const answers = [];
      for (let i = 0; i < 7; i++) {
        answers.push(await login(app, from, { email: `x${i}.${slug}@example.com`, password: 'x' }));
      }
      expect(answers.slice(0, 6).map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401, 401]);
      expectRateLimited(answers[6]!);
      expect(Number(answers[6]!.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect((await login(app, nextIp(), { email, password: PASSWORD })).statusCode).toBe(200);
    });
  });

  describe(`token, upload and practice limits on ${name}`, () => {
    let fx: RouteFixture;
    let practiceId: string;
    beforeAll(async () => {
      fx = await routeFixture(() => open(() => new Date()), 'security', {
        security: {
          ...DEFAULT_SECURITY,
          tokensPerHour: 2,
          uploadsPerMinute: 3,
          practiceQuota: 2,
          uploadQuotaBytes: 50_000,
        },
      });
      const started = await startPractice();
      expect(started.statusCode).toBe(201);
      practiceId = started.json<{ id: string }>().id;
    });
    afterAll(() => fx.close());

    function startPractice() {
      return fx.as('candidate', {
        method: 'POST',
        url: '/api/v1/practice',
        payload: { questionSetId: 'default', questionId: 'conflict-remote' },
      });
    }
    const upload = (data: Buffer) =>
      fx.as('candidate', {
        method: 'POST',
        url: `/api/v1/interviews/${practiceId}/media`,
        ...multipart([{ name: 'file', filename: 'answer.wav', contentType: 'audio/wav', data }]),
      });

    it('limits API tokens created per user per hour, with Retry-After', async () => {
      const create = (caller: 'recruiter' | 'advisor') =>
        fx.as(caller, { method: 'POST', url: '/api/v1/tokens', payload: { name: 'script' } });
      expect((await create('recruiter')).statusCode).toBe(201);
      expect((await create('recruiter')).statusCode).toBe(201);
      const third = await create('recruiter');
      expectRateLimited(third);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(3000);
      expect((await create('advisor')).statusCode).toBe(201);
    });

    it('refuses a practice interview past the quota with 403 QUOTA_EXCEEDED', async () => {
      expect((await startPractice()).statusCode).toBe(201);
      const third = await startPractice();
      expect(third.statusCode).toBe(403);
      expect(third.json()).toMatchObject({
        error: { code: 'QUOTA_EXCEEDED', details: { quota: 'practice', limit: 2, used: 2 } },
      });
      expect(third.json<{ error: { message: string } }>().error.message).toMatch(/most allowed \(2\)/);
    });

    it('refuses an upload that would pass the upload quota, before reading it', async () => {
      const first = await upload(toneWav(1)); // 32 kB of 50 kB
      expect(first.statusCode).toBe(201);
      const second = await upload(toneWav(1));
      expect(second.statusCode).toBe(403);
      expect(second.json()).toMatchObject({
        error: { code: 'QUOTA_EXCEEDED', details: { quota: 'upload', limitBytes: 50_000 } },
      });
      expect(second.json<{ error: { message: string } }>().error.message).toMatch(/past your quota/);
    });

    it('limits uploads per user per minute, with Retry-After', async () => {
      // The quota test above used two of the three uploads this minute.
      const third = await upload(Buffer.from('not a recording'));
      expect(third.statusCode).not.toBe(429);
      expectRateLimited(await upload(Buffer.from('not a recording')));
      const transcript = (caller: 'candidate' | 'student2') =>
        fx.as(caller, {
          method: 'POST',
          url: `/api/v1/interviews/${practiceId}/transcript`,
          payload: { content: 'hello' },
        });
      // Transcripts are counted apart from recordings, with the same limit.
      for (let i = 0; i < 3; i++) expect((await transcript('candidate')).statusCode).not.toBe(429);
      expectRateLimited(await transcript('candidate'));
      expect((await transcript('student2')).statusCode).not.toBe(429);
    });
  });
}
