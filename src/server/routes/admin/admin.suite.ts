/**
 * HTTP cases of the admin console's routes that every database must pass; `admin.test.ts` runs
 * them on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store, UserRecord, UserRole } from '../../../store/index.js';
import { buildApp } from '../../app.js';
import { testConfig } from '../../app.suite.js';

const PASSWORD = 'correct horse battery staple';

interface Member {
  readonly user: UserRecord;
  readonly token: string;
}

interface Fixture {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly slug: string;
  readonly workspaceId: string;
  readonly admin: Member;
  readonly recruiter: Member;
  readonly otherAdmin: Member;
}

let serial = 0;

async function member(store: Store, workspaceId: string, role: UserRole, name: string): Promise<Member> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${++serial}@example.com`;
  const user = await store.users.create({ workspaceId, email, name, role, password: PASSWORD });
  const { token } = await store.users.createApiToken(user.id, 'tests');
  return { user, token };
}

function send(
  app: FastifyInstance,
  who: Member | string | null,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  const token = typeof who === 'string' ? who : who?.token;
  return app.inject({
    method,
    url: `/api/v1${url}`,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** @example describeAdmin('sqlite', () => openStore({ dataDir })) */
export function describeAdmin(name: string, open: () => Promise<Store>): void {
  describe(`admin console routes on ${name}`, () => {
    let fx: Fixture;
    beforeAll(async () => {
      const store = await open();
      const slug = `acme-${Date.now()}`;
      const ws = await store.workspaces.ensure({ slug, name: 'Acme' });
      const other = await store.workspaces.ensure({ slug: `other-${Date.now()}`, name: 'Other' });
      fx = {
        app: await buildApp({ store, config: testConfig }),
        store,
        slug,
        workspaceId: ws.id,
        admin: await member(store, ws.id, 'admin', 'Ada Admin'),
        recruiter: await member(store, ws.id, 'recruiter', 'Rita Recruiter'),
        otherAdmin: await member(store, other.id, 'admin', 'Otto Other'),
      };
    });
    afterAll(async () => {
      await fx.app.close();
      await fx.store.close();
    });

    const login = (email: string, password: string) =>
      fx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password, workspace: fx.slug },
      });

    describe('workspace settings', () => {
      it('answers the defaults until an admin changes them; the repository answers the same', async () => {
        const res = await send(fx.app, fx.recruiter, 'GET', '/settings');
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({
          name: 'Acme',
          responseTargetDays: 5,
          retentionDays: null,
          scoreVoice: false,
          updatedBy: null,
        });
        expect(await fx.store.workspaces.settings(fx.workspaceId)).toMatchObject({
          responseTargetDays: 5,
          scoreVoice: false,
        });
      });

      it('lets only an admin change them; the change is stored and logged', async () => {
        const body = { name: 'Acme Hiring', responseTargetDays: 7, retentionDays: 365, scoreVoice: true };
        expect((await send(fx.app, fx.recruiter, 'PUT', '/settings', body)).statusCode).toBe(403);
        const res = await send(fx.app, fx.admin, 'PUT', '/settings', body);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ ...body, updatedBy: 'Ada Admin' });
        expect(await fx.store.workspaces.settings(fx.workspaceId)).toMatchObject({
          responseTargetDays: 7,
          retentionDays: 365,
          scoreVoice: true,
        });
        // Another workspace keeps its defaults.
        expect((await send(fx.app, fx.otherAdmin, 'GET', '/settings')).json()).toMatchObject({
          name: 'Other',
          responseTargetDays: 5,
          scoreVoice: false,
        });
        const log = (await send(fx.app, fx.admin, 'GET', '/activity')).json();
        expect(log.activity[0]).toMatchObject({
          action: 'settings.changed',
          actorName: 'Ada Admin',
          summary: expect.stringContaining('response target 5 → 7 business days'),
        });
      });

      it('refuses a response target of 0 or an unknown field with 400 naming it, storing nothing', async () => {
        const zero = await send(fx.app, fx.admin, 'PUT', '/settings', { responseTargetDays: 0 });
        expect(zero.statusCode).toBe(400);
        expect(zero.json().error).toMatchObject({
          code: 'VALIDATION_FAILED',
          details: { field: 'responseTargetDays' },
        });
        const unknown = await send(fx.app, fx.admin, 'PUT', '/settings', { colour: 'red' });
        expect(unknown.statusCode).toBe(400);
        expect((await fx.store.workspaces.settings(fx.workspaceId)).responseTargetDays).toBe(7);
      });
    });

    describe('users', () => {
      it('invites a user with a role; a taken email is 409', async () => {
        const body = {
          email: 'nia@example.com',
          name: 'Nia New',
          role: 'hiring_manager',
          password: 'one-time-pass-1',
        };
        const res = await send(fx.app, fx.admin, 'POST', '/users', body);
        expect(res.statusCode).toBe(201);
        expect((await login('nia@example.com', 'one-time-pass-1')).statusCode).toBe(200);
        const again = await send(fx.app, fx.admin, 'POST', '/users', { ...body, email: 'NIA@example.com' });
        expect(again.statusCode).toBe(409);
        const list = (await send(fx.app, fx.admin, 'GET', '/users')).json();
        expect(list.users.find((u: { email: string }) => u.email === 'nia@example.com')).toMatchObject({
          role: 'hiring_manager',
          active: true,
        });
      });

      it('changes a role; an unknown id or another workspace’s user is 404; a recruiter is refused', async () => {
        const nia = (await fx.store.users.findByEmail(fx.workspaceId, 'nia@example.com'))!;
        const res = await send(fx.app, fx.admin, 'PATCH', `/users/${nia.id}`, { role: 'recruiter' });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ id: nia.id, role: 'recruiter', active: true });
        const unknown = await send(fx.app, fx.admin, 'PATCH', '/users/user_doesnotexist', { role: 'admin' });
        expect(unknown.statusCode).toBe(404);
        expect(unknown.json().error.message).toBe('user user_doesnotexist not found');
        const theirs = await send(fx.app, fx.otherAdmin, 'PATCH', `/users/${nia.id}`, { role: 'admin' });
        expect(theirs.statusCode).toBe(404);
        expect((await fx.store.users.get(nia.id)).role).toBe('recruiter');
        expect(
          (await send(fx.app, fx.recruiter, 'PATCH', `/users/${nia.id}`, { role: 'admin' })).statusCode,
        ).toBe(403);
        const bad = await send(fx.app, fx.admin, 'PATCH', `/users/${nia.id}`, { role: 'owner' });
        expect(bad.statusCode).toBe(400);
        expect(bad.json().error.details.field).toBe('role');
      });

      it('deactivates a user: no sign-in, their session and token answer 401; reactivating lets them back', async () => {
        const dee = await member(fx.store, fx.workspaceId, 'recruiter', 'Dee Parted');
        const signedIn = await login(dee.user.email, PASSWORD);
        const cookie = signedIn.cookies.find((c) => c.name === 'candor_session')!;
        const withCookie = () =>
          fx.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { candor_session: cookie.value } });
        expect((await withCookie()).statusCode).toBe(200);

        const off = await send(fx.app, fx.admin, 'PATCH', `/users/${dee.user.id}`, { active: false });
        expect(off.statusCode).toBe(200);
        expect(off.json().active).toBe(false);
        expect((await login(dee.user.email, PASSWORD)).statusCode).toBe(401);
        expect((await withCookie()).statusCode).toBe(401);
        expect((await send(fx.app, dee, 'GET', '/me')).statusCode).toBe(401);

        await send(fx.app, fx.admin, 'PATCH', `/users/${dee.user.id}`, { active: true });
        expect((await send(fx.app, dee, 'GET', '/me')).statusCode).toBe(200);
        expect((await login(dee.user.email, PASSWORD)).statusCode).toBe(200);
        const actions = (await send(fx.app, fx.admin, 'GET', '/activity?limit=5'))
          .json()
          .activity.map((a: { action: string }) => a.action);
        expect(actions.slice(0, 2)).toEqual(['user.reactivated', 'user.deactivated']);
      });

      it('keeps an active admin: the last one cannot be demoted or deactivated (409)', async () => {
        const demote = await send(fx.app, fx.admin, 'PATCH', `/users/${fx.admin.user.id}`, {
          role: 'recruiter',
        });
        expect(demote.statusCode).toBe(409);
        expect(demote.json().error.message).toMatch(/only active admin/);
        const off = await send(fx.app, fx.admin, 'PATCH', `/users/${fx.admin.user.id}`, { active: false });
        expect(off.statusCode).toBe(409);
        expect((await fx.store.users.get(fx.admin.user.id)).role).toBe('admin');
      });

      it('resets a password to a one-time password shown once; the old one stops working', async () => {
        const pat = await member(fx.store, fx.workspaceId, 'recruiter', 'Pat Forgot');
        const res = await send(fx.app, fx.admin, 'POST', `/users/${pat.user.id}/password`, {});
        expect(res.statusCode).toBe(200);
        const { oneTimePassword } = res.json<{ oneTimePassword: string }>();
        expect(oneTimePassword).toMatch(/^[\w-]{16}$/);
        expect((await login(pat.user.email, PASSWORD)).statusCode).toBe(401);
        expect((await login(pat.user.email, oneTimePassword)).statusCode).toBe(200);
        const short = await send(fx.app, fx.admin, 'POST', `/users/${pat.user.id}/password`, {
          password: 'short',
        });
        expect(short.statusCode).toBe(400);
        expect(short.json().error.details.field).toBe('password');
        const unknown = await send(fx.app, fx.admin, 'POST', '/users/user_nobody/password', {});
        expect(unknown.statusCode).toBe(404);
        const log = JSON.stringify((await send(fx.app, fx.admin, 'GET', '/activity')).json());
        expect(log).toContain('Reset the password of Pat Forgot');
        expect(log).not.toContain(oneTimePassword);
      });
    });

    describe('API tokens', () => {
      it('lists every token of the workspace with its owner; a revoked token then answers 401', async () => {
        const created = await send(fx.app, fx.admin, 'POST', '/tokens', { name: 'CI pipeline' });
        expect(created.statusCode).toBe(201);
        const { token, apiToken } = created.json<{ token: string; apiToken: { id: string } }>();
        expect((await send(fx.app, token, 'GET', '/me')).statusCode).toBe(200);

        const list = await send(fx.app, fx.admin, 'GET', '/workspace/tokens');
        expect(list.statusCode).toBe(200);
        const tokens = list.json().tokens as { id: string; name: string; userName: string }[];
        expect(tokens.find((t) => t.id === apiToken.id)).toMatchObject({
          name: 'CI pipeline',
          userName: 'Ada Admin',
        });
        expect(tokens.some((t) => t.userName === 'Rita Recruiter')).toBe(true);
        expect(tokens.some((t) => t.userName === 'Otto Other')).toBe(false);
        expect(list.body).not.toContain(token);

        expect(
          (await send(fx.app, fx.otherAdmin, 'DELETE', `/workspace/tokens/${apiToken.id}`)).statusCode,
        ).toBe(404);
        const revoked = await send(fx.app, fx.admin, 'DELETE', `/workspace/tokens/${apiToken.id}`);
        expect(revoked.statusCode).toBe(204);
        expect((await send(fx.app, token, 'GET', '/me')).statusCode).toBe(401);
        const again = await send(fx.app, fx.admin, 'DELETE', `/workspace/tokens/${apiToken.id}`);
        expect(again.statusCode).toBe(404);
        expect(again.json().error.message).toBe(`api token ${apiToken.id} not found`);
        const log = (await send(fx.app, fx.admin, 'GET', '/activity?limit=2')).json().activity;
        expect(log.map((a: { action: string }) => a.action)).toEqual(['token.revoked', 'token.created']);
      });

      it('refuses the workspace’s tokens to a recruiter (403)', async () => {
        expect((await send(fx.app, fx.recruiter, 'GET', '/workspace/tokens')).statusCode).toBe(403);
        expect((await send(fx.app, fx.recruiter, 'DELETE', '/workspace/tokens/tok_x')).statusCode).toBe(403);
      });
    });

    describe('frameworks', () => {
      let definition: Record<string, unknown> & { competencies: Record<string, unknown>[] };

      it('duplicates the built-in framework into the workspace as version 1.0.0', async () => {
        const res = await send(fx.app, fx.admin, 'POST', '/frameworks/default/duplicate', {
          id: 'acme-skills',
          name: 'Acme skills',
        });
        expect(res.statusCode).toBe(201);
        expect(res.json()).toMatchObject({ id: 'acme-skills', version: '1.0.0', basedOn: 'default@1.1.0' });
        const taken = await send(fx.app, fx.admin, 'POST', '/frameworks/default/duplicate', {
          id: 'acme-skills',
          name: 'Again',
        });
        expect(taken.statusCode).toBe(409);
        definition = (await send(fx.app, fx.admin, 'GET', '/frameworks/acme-skills')).json().definition;
        expect(definition).toMatchObject({ id: 'acme-skills', version: '1.0.0', name: 'Acme skills' });
      });

      it('refuses a weight of −1 with a message naming the field, and stores nothing', async () => {
        const bad = structuredClone(definition);
        bad.competencies[0]!.weight = -1;
        const res = await send(fx.app, fx.admin, 'POST', '/frameworks/acme-skills/versions', bad);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.message).toBe('body.competencies.0.weight: a weight must be above 0');
        expect(res.json().error.details.field).toBe('competencies.0.weight');
        const versions = (await send(fx.app, fx.admin, 'GET', '/frameworks/acme-skills/versions')).json();
        expect(versions.versions.map((v: { version: string }) => v.version)).toEqual(['1.0.0']);
      });

      it('saves an edit as a new version and compares the two; the old version stays as it was', async () => {
        const edited = structuredClone(definition);
        edited.competencies[0]!.weight = 3;
        const res = await send(fx.app, fx.admin, 'POST', '/frameworks/acme-skills/versions', edited);
        expect(res.statusCode).toBe(201);
        expect(res.json()).toMatchObject({ version: '1.1.0', basedOn: '1.0.0' });
        const versions = (await send(fx.app, fx.recruiter, 'GET', '/frameworks/acme-skills/versions')).json();
        expect(versions.versions.map((v: { version: string }) => v.version)).toEqual(['1.0.0', '1.1.0']);
        const old = (await send(fx.app, fx.admin, 'GET', '/frameworks/acme-skills?version=1.0.0')).json();
        expect(old.definition.competencies[0].weight).toBe(1);
        const compare = await send(fx.app, fx.recruiter, 'GET', '/frameworks/acme-skills/compare');
        expect(compare.json()).toEqual({
          id: 'acme-skills',
          from: '1.0.0',
          to: '1.1.0',
          changes: [
            {
              where: 'Clarity & coherence › weight',
              path: 'competencies.clarity-coherence.weight',
              from: '1',
              to: '3',
            },
          ],
        });
        const log = (await send(fx.app, fx.admin, 'GET', '/activity?limit=1')).json().activity[0];
        expect(log).toMatchObject({ action: 'framework.version_saved', subjectId: 'acme-skills' });
      });

      it('refuses an edit of an old version, of a built-in, or with no change', async () => {
        const stale = structuredClone(definition);
        stale.competencies[0]!.weight = 2;
        const res = await send(fx.app, fx.admin, 'POST', '/frameworks/acme-skills/versions', stale);
        expect(res.statusCode).toBe(409);
        expect(res.json().error.message).toMatch(/1\.1\.0 was saved after 1\.0\.0/);
        const builtIn = (await send(fx.app, fx.admin, 'GET', '/frameworks/default')).json().definition;
        builtIn.competencies[0].weight = 2;
        expect(
          (await send(fx.app, fx.admin, 'POST', '/frameworks/default/versions', builtIn)).statusCode,
        ).toBe(409);
        const same = (await send(fx.app, fx.admin, 'GET', '/frameworks/acme-skills')).json().definition;
        const unchanged = await send(fx.app, fx.admin, 'POST', '/frameworks/acme-skills/versions', same);
        expect(unchanged.statusCode).toBe(400);
        expect(unchanged.json().error.message).toMatch(/nothing changed/);
      });

      it('hides a workspace’s framework versions from another workspace (404)', async () => {
        for (const url of ['/frameworks/acme-skills/versions', '/frameworks/acme-skills/compare']) {
          const res = await send(fx.app, fx.otherAdmin, 'GET', url);
          expect(res.statusCode).toBe(404);
          expect(res.json().error.message).toBe('framework acme-skills not found');
        }
        const unknown = await send(fx.app, fx.admin, 'GET', '/frameworks/acme-skills/compare?from=9.9.9');
        expect(unknown.statusCode).toBe(404);
      });
    });

    describe('question sets and the activity log', () => {
      it('creates a question set, then edits its questions, key points and follow-ups', async () => {
        const set = {
          id: 'acme-sales',
          name: 'Acme sales',
          questions: [{ id: 'q1', text: 'Tell me about a deal you lost.', keyPoints: ['what you learned'] }],
        };
        expect((await send(fx.app, fx.admin, 'POST', '/question-sets', set)).statusCode).toBe(201);
        const edited = {
          ...set,
          questions: [
            {
              ...set.questions[0],
              followUp: 'What would you do differently?',
              keyPoints: ['the cause', 'a lesson'],
            },
            { id: 'q2', text: 'How do you plan your week?', competencies: ['goals'] },
          ],
        };
        expect((await send(fx.app, fx.admin, 'POST', '/question-sets', edited)).statusCode).toBe(201);
        const read = (await send(fx.app, fx.recruiter, 'GET', '/question-sets/acme-sales')).json();
        expect(read.questions).toEqual([
          {
            id: 'q1',
            text: 'Tell me about a deal you lost.',
            competencies: [],
            keyPoints: ['the cause', 'a lesson'],
            followUp: 'What would you do differently?',
          },
          {
            id: 'q2',
            text: 'How do you plan your week?',
            competencies: ['goals'],
            keyPoints: [],
            followUp: null,
          },
        ]);
      });

      it('pages the log newest first, with hiring decisions, and shows nothing of another workspace', async () => {
        const job = await fx.store.jobs.create({
          workspaceId: fx.workspaceId,
          title: 'SDR',
          description: 'x',
        });
        const candidate = await fx.store.candidates.create({ workspaceId: fx.workspaceId, name: 'Cara' });
        const { application } = await fx.store.applications.findOrCreate({
          candidateId: candidate.id,
          jobId: job.id,
        });
        await send(fx.app, fx.admin, 'POST', `/applications/${application.id}/decisions`, {
          decision: 'advance',
          reason: 'clear examples',
        });
        const first = (await send(fx.app, fx.admin, 'GET', '/activity?limit=3')).json();
        expect(first.activity[0]).toMatchObject({
          action: 'decision.recorded',
          actorName: 'Ada Admin',
          subjectType: 'application',
          summary: expect.stringMatching(/^Decision: advance \(was \w+\) — clear examples$/),
        });
        expect(first.activity[1]).toMatchObject({ action: 'question_set.saved' });
        const second = (await send(fx.app, fx.admin, 'GET', '/activity?limit=3&offset=3')).json();
        expect(second.total).toBe(first.total);
        const ids = [...first.activity, ...second.activity].map((a: { id: string }) => a.id);
        expect(new Set(ids).size).toBe(6);
        const times = [...first.activity, ...second.activity].map(
          (a: { occurredAt: string }) => a.occurredAt,
        );
        expect([...times].sort().reverse()).toEqual(times);

        const theirs = (await send(fx.app, fx.otherAdmin, 'GET', '/activity')).json();
        expect(theirs.activity).toEqual([]);
        expect((await send(fx.app, fx.recruiter, 'GET', '/activity')).statusCode).toBe(403);
        expect((await send(fx.app, fx.admin, 'GET', '/activity?limit=0')).statusCode).toBe(400);
      });
    });
  });
}
