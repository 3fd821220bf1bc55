import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store, UserRecord } from '../store/index.js';
import { installAuth, requireRole } from './auth.js';
import { installErrorHandlers } from './errors.js';

const advisor: UserRecord = {
  id: 'user_1',
  workspaceId: 'ws_1',
  email: 'a@example.com',
  name: 'A',
  role: 'advisor',
  createdAt: '2025-01-01T00:00:00.000Z',
  active: true,
};

// Only findByToken is reached with a bearer header; the rest of the store is not needed here.
const store = {
  users: {
    findByToken: (token: string) =>
      Promise.resolve(token === 'good' ? { user: advisor, token: { id: 'tok_1' } } : null),
  },
} as unknown as Store;

describe('requireRole', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    installErrorHandlers(app);
    await app.register(cookie, { secret: 'x'.repeat(32) });
    installAuth(app, store, 'x'.repeat(32));
    app.get('/advice', { onRequest: requireRole('advisor', 'admin') }, () => ({ ok: true }));
    app.get('/admin', { onRequest: requireRole('admin') }, () => ({ ok: true }));
    await app.ready();
  });
  afterAll(() => app.close());

  it('lets a listed role through, refuses others with 403 and strangers with 401', async () => {
    const as = (url: string, token?: string) =>
      app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect((await as('/advice', 'good')).json()).toEqual({ ok: true });
    const forbidden = await as('/admin', 'good');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ error: { code: 'FORBIDDEN', details: { role: 'advisor' } } });
    expect((await as('/admin')).statusCode).toBe(401);
    expect((await as('/admin', 'bad')).statusCode).toBe(401);
  });

  it('hides the message of an unexpected error behind 500 INTERNAL', async () => {
    const broken = Fastify();
    installErrorHandlers(broken);
    broken.get('/boom', () => {
      throw new Error('secret stack detail');
    });
    const res = await broken.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: 'internal error', details: {} } });
    await broken.close();
  });
});
