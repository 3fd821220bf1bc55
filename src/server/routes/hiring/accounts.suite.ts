/** Users and API tokens. */
import { describe, expect, it } from 'vitest';
import type { SuiteContext } from './hiring.suite.js';
import { send } from './test-helpers.js';

export function accountCases(f: () => SuiteContext): void {
  describe('users', () => {
    it('lists the workspace’s users, filtered by role, never another workspace’s', async () => {
      const { app, users, other } = f().fx;
      const all = await send(app, users.admin, 'GET', '/users');
      expect(all.statusCode).toBe(200);
      const ids = all.json().users.map((u: { id: string }) => u.id);
      expect(ids).toEqual(expect.arrayContaining(Object.values(users).map((m) => m.user.id)));
      expect(ids).not.toContain(other.admin.user.id);
      expect(all.json().users[0]).not.toHaveProperty('passwordHash');

      const students = await send(app, users.admin, 'GET', '/users?role=candidate');
      expect(
        students
          .json()
          .users.map((u: { id: string }) => u.id)
          .sort(),
      ).toEqual([users.student.user.id, users.student2.user.id].sort());
    });

    it('lets an advisor list students, and only students', async () => {
      const { app, users } = f().fx;
      const students = await send(app, users.advisor, 'GET', '/users?role=candidate');
      expect(students.statusCode).toBe(200);
      expect(students.json().users.every((u: { role: string }) => u.role === 'candidate')).toBe(true);
      for (const url of ['/users', '/users?role=recruiter']) {
        const res = await send(app, users.advisor, 'GET', url);
        expect(res.statusCode).toBe(403);
        expect(res.json().error.message).toMatch(/role=candidate/);
      }
    });

    it('rejects an unknown role filter with 400 naming the query field', async () => {
      const res = await send(f().fx.app, f().fx.users.admin, 'GET', '/users?role=owner');
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'role' } });
    });

    it('creates a user who can then sign in; a taken email is 409', async () => {
      const { app, users, workspaceId } = f().fx;
      const body = {
        email: 'New.Recruiter@Example.com',
        name: 'Nia',
        role: 'recruiter',
        password: 'long enough pw',
      };
      const res = await send(app, users.admin, 'POST', '/users', body);
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        email: 'new.recruiter@example.com',
        role: 'recruiter',
        workspaceId,
      });
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: body.email, password: body.password },
      });
      expect(login.statusCode).toBe(200);
      expect((await send(app, users.admin, 'POST', '/users', body)).statusCode).toBe(409);
    });

    it('validates a new user: short password, bad email, unknown role', async () => {
      const { app, users } = f().fx;
      const base = { email: 'v@example.com', name: 'V', role: 'advisor', password: 'long enough pw' };
      for (const [patch, field] of [
        [{ password: 'short' }, 'password'],
        [{ email: 'not-an-email' }, 'email'],
        [{ role: 'owner' }, 'role'],
      ] as const) {
        const res = await send(app, users.admin, 'POST', '/users', { ...base, ...patch });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.details.field).toBe(field);
      }
    });
  });

  describe('tokens', () => {
    it('issues a token shown once, lists it without the secret, and revokes it', async () => {
      const { app, users } = f().fx;
      const created = await send(app, users.manager, 'POST', '/tokens', { name: 'laptop' });
      expect(created.statusCode).toBe(201);
      const { token, apiToken } = created.json();
      expect(token).toMatch(/^candor_/);
      expect(apiToken).toMatchObject({ name: 'laptop', lastUsedAt: null });

      const me = await app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(me.json().user.id).toBe(users.manager.user.id);

      const list = await send(app, users.manager, 'GET', '/tokens');
      expect(list.statusCode).toBe(200);
      const listed = list.json().tokens.find((t: { id: string }) => t.id === apiToken.id);
      expect(listed.lastUsedAt).not.toBeNull();
      expect(JSON.stringify(list.json())).not.toContain(token);
      // Another user's token list does not show it.
      const theirs = await send(app, users.recruiter, 'GET', '/tokens');
      expect(theirs.json().tokens.map((t: { id: string }) => t.id)).not.toContain(apiToken.id);

      const revoked = await send(app, users.manager, 'DELETE', `/tokens/${apiToken.id}`);
      expect(revoked.statusCode).toBe(204);
      const after = await app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(after.statusCode).toBe(401);
    });

    it('cannot revoke someone else’s token: 404 like an unknown id, and the token still works', async () => {
      const { app, users, other } = f().fx;
      const { token, record } = await f().fx.store.users.createApiToken(other.admin.user.id, 'theirs');
      for (const id of [record.id, 'tok_unknown']) {
        const res = await send(app, users.admin, 'DELETE', `/tokens/${id}`);
        expect(res.statusCode).toBe(404);
        expect(res.json().error.message).toBe(`api token ${id} not found`);
      }
      const still = await app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(still.statusCode).toBe(200);
    });

    it('validates the token name', async () => {
      const res = await send(f().fx.app, f().fx.users.student, 'POST', '/tokens', { name: '   ' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.field).toBe('name');
    });
  });
}
