/**
 * Workspace isolation, table-driven: every API route, called by every role of a second
 * workspace with the ids of the first, must answer exactly as it answers for ids that do not
 * exist (same status, same body once the ids are blanked), never succeed, and never mention
 * anything of the first workspace. Then every read of one record, called by every role of the
 * first workspace: a record the role may not read answers 404 exactly like an unknown id, never
 * 403 (the rule of `routes/record-access.ts`). Afterwards the first workspace is unchanged.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { frameworkFor } from '../../cli/context.js';
import { packageRoot } from '../../core/index.js';
import type { FastifyInstance, HTTPMethods, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_ROLES, type Store } from '../../store/index.js';
import { buildApp } from '../app.js';
import { testConfig } from '../app.suite.js';
import {
  seedColleagues,
  seedIntruders,
  seedVictim,
  silentWav,
  type Colleague,
  type Victim,
} from './isolation-fixture.suite.js';

type Ids = Victim['ids'];

/** The shipped reference model, as a model file any workspace may import. */
const REFERENCE_MODEL = JSON.parse(
  readFileSync(path.join(packageRoot(), 'models', 'reference-overall.json'), 'utf8'),
) as Record<string, unknown>;
type Body = { payload: string | Buffer | object; headers?: Record<string, string> } | null;

/**
 * Routes anyone may call, or that only ever concern the caller themselves. The candidate's page
 * (`/take/:token`) needs no account: its token is the key, and invitations.suite.ts checks that a
 * token opens its own interview and nothing else.
 */
const PUBLIC = new Set([
  'GET /api/v1/health',
  'POST /api/v1/auth/login',
  'GET /api/v1/take/:token',
  'POST /api/v1/take/:token/consent',
  'POST /api/v1/take/:token/answers/:position/attempts',
  'PUT /api/v1/take/:token/answers/:position/attempts/:attempt',
  'POST /api/v1/take/:token/answers/:position/attempts/:attempt/finish',
  'POST /api/v1/take/:token/answers/:position/text',
  'POST /api/v1/take/:token/complete',
  'POST /api/v1/take/:token/self-identification',
  'GET /api/v1/take/:token/micro-task',
  'POST /api/v1/take/:token/micro-task/text',
  'POST /api/v1/take/:token/micro-task/recording',
  // Signed by the SMS provider or the inbound-mail forwarder, not by a user (agent.suite.ts).
  'POST /api/v1/agent/inbound/sms',
  'POST /api/v1/agent/inbound/email',
  // The candidate's scheduling link: its token is the key (scheduling-flow.test.ts).
  'GET /api/v1/schedule/:token',
  'POST /api/v1/schedule/:token',
]);

/**
 * Where a candidate gives their own demographics (optional, after the interview): its request
 * schema names the fields; it answers 204 and never sends a value back.
 */
const DEMOGRAPHIC_COLLECTION = new Set(['/api/v1/take/:token/self-identification']);

/** Which fixture record a path parameter names, by the path segment before it. */
const PARAM_SOURCES: Readonly<Record<string, readonly (keyof Ids)[]>> = {
  users: ['student', 'admin'],
  tokens: ['token'],
  frameworks: ['framework'],
  'question-sets': ['questionSet'],
  jobs: ['job'],
  candidates: ['candidate'],
  applications: ['application'],
  interviews: ['interview', 'practice'],
  scorecards: ['scorecard', 'practiceScorecard'],
  media: ['media'],
  tasks: ['task'],
  cohorts: ['cohort'],
  students: ['student'],
  practice: ['practice'],
  models: ['model'],
  alerts: ['alert'],
  invitations: ['invitation'],
  take: ['takeToken'],
  // Any token-shaped key: a take token opens no scheduling link.
  schedule: ['takeToken'],
  messages: ['message'],
  'micro-tasks': ['microTask'],
  topics: ['topic'],
  names: ['trackedName'],
  imports: ['task'],
  retag: ['task'],
  'saved-searches': ['savedSearch'],
};

function multipart(fields: Record<string, string>, file: Buffer): Body {
  const boundary = `----candor${randomBytes(8).toString('hex')}`;
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const head = Buffer.from(
    parts.join('') +
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="answer.wav"\r\ncontent-type: audio/wav\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/**
 * Request bodies for every unsafe route, filled with the victim's ids (or unknown ones), so the
 * request passes validation and reaches the workspace check. A route missing here fails the test.
 */
const BODIES: Readonly<Record<string, (ids: Ids) => Body>> = {
  'POST /api/v1/auth/logout': () => null,
  'POST /api/v1/micro-tasks/:id/revoke': () => null,
  'PUT /api/v1/micro-tasks/switch': (ids) => ({ payload: { jobId: ids.job, enabled: false } }),
  'POST /api/v1/users': () => ({
    payload: {
      email: `new${Date.now()}@intruder.test`,
      name: 'New',
      role: 'recruiter',
      password: 'long-enough-1',
    },
  }),
  'POST /api/v1/tokens': () => ({ payload: { name: 'intruder token' } }),
  'DELETE /api/v1/tokens/:id': () => null,
  'PATCH /api/v1/users/:id': () => ({ payload: { role: 'recruiter', active: false } }),
  'POST /api/v1/users/:id/password': () => ({ payload: { password: 'intruder-chosen-1' } }),
  'DELETE /api/v1/workspace/tokens/:id': () => null,
  'PUT /api/v1/settings': () => ({ payload: { name: 'Renamed by intruder', responseTargetDays: 9 } }),
  'POST /api/v1/frameworks/:id/versions': (ids) => ({
    payload: { ...frameworkFor('default'), id: ids.framework, version: '1.0.0', name: 'Intruder edit' },
  }),
  'POST /api/v1/frameworks/:id/duplicate': () => ({
    payload: { id: 'intruder-copy', name: 'Intruder copy' },
  }),
  'POST /api/v1/frameworks': () => null,
  'POST /api/v1/question-sets': () => null,
  'POST /api/v1/jobs': () => ({ payload: { title: 'Intruder job', description: 'Ours' } }),
  'PATCH /api/v1/jobs/:id': () => ({ payload: { title: 'Renamed by intruder' } }),
  'POST /api/v1/candidates': () => ({ payload: { name: 'Intruder candidate' } }),
  'PATCH /api/v1/candidates/:id': () => ({ payload: { name: 'Renamed by intruder' } }),
  'POST /api/v1/applications': (ids) => ({ payload: { candidateId: ids.candidate, jobId: ids.job } }),
  'POST /api/v1/applications/:id/decisions': () => ({
    payload: { decision: 'reject', reason: 'intruder says no' },
  }),
  'POST /api/v1/cohorts': () => ({ payload: { name: 'Intruder cohort' } }),
  'POST /api/v1/cohorts/:id/members': (ids) => ({ payload: { userIds: [ids.student] } }),
  'POST /api/v1/interviews': (ids) => ({ payload: { applicationId: ids.application, kind: 'live' } }),
  'POST /api/v1/practice': (ids) => ({
    payload: { questionSetId: ids.questionSet, questionId: 'conflict-remote' },
  }),
  'POST /api/v1/interviews/:id/media': () => multipart({ position: '0' }, silentWav()),
  'POST /api/v1/interviews/:id/transcript': () => ({
    payload: { content: 'Interviewer: Hello?\nCandidate: Hi, I led a team of five.', fileName: 'x.txt' },
  }),
  'POST /api/v1/interviews/:id/analyze': () => null,
  'POST /api/v1/interviews/:id/ratings': () => ({
    payload: { scale: { min: 1, max: 5 }, ratings: [{ target: 'overall', score: 1 }] },
  }),
  'POST /api/v1/models': () => ({ payload: { ...REFERENCE_MODEL, id: 'intruder-model' } }),
  'POST /api/v1/models/:id/activate': () => null,
  'POST /api/v1/fairness/alerts/:id/acknowledge': () => null,
  'POST /api/v1/interviews/:id/rescore': () => null,
  'POST /api/v1/jobs/:id/rescore': () => null,
  'PUT /api/v1/candidates/:id/demographics': () => ({
    payload: { sex: 'male', raceEthnicity: 'white', ageBand: 'under_40' },
  }),
  'POST /api/v1/jobs/:id/invitations': () => ({
    payload: { candidates: [{ name: 'Intruder', email: 'intruder@intruder.test' }] },
  }),
  'POST /api/v1/invitations/:id/revoke': () => null,
  'POST /api/v1/messages/:id/handled': () => null,
  'POST /api/v1/agent/pause': (ids) => ({ payload: { candidateId: ids.candidate } }),
  'POST /api/v1/agent/resume': (ids) => ({ payload: { candidateId: ids.candidate } }),
  // The workspace's own agent settings: an intruder changes only their own (oversight.ts).
  'PUT /api/v1/agent/templates': () => ({
    payload: { flow: 'withdrawal', channel: 'sms', body: 'Withdrawn, {{firstName}}.' },
  }),
  'POST /api/v1/agent/templates/reset': () => ({ payload: { flow: 'withdrawal', channel: 'sms' } }),
  'POST /api/v1/agent/templates/preview': () => ({
    payload: { flow: 'withdrawal', channel: 'sms', body: 'Withdrawn, {{firstName}}.' },
  }),
  'PUT /api/v1/agent/cadence': () => ({ payload: { weeklyCap: 2 } }),
  'POST /api/v1/messages/:id/reply': () => ({ payload: { body: 'An answer from an intruder.' } }),
  'POST /api/v1/invitations/:id/link': () => ({ payload: {} }),
  'PUT /api/v1/users/:id/calendar': () => ({
    payload: { caldavUrl: 'http://127.0.0.1:9/intruder/', timeZone: 'Europe/London', dailyCap: 1 },
  }),
  'POST /api/v1/applications/:id/scheduling': (ids) => ({
    payload: { interviewerIds: [ids.admin], durationMinutes: 30 },
  }),
  'POST /api/v1/applications/:id/scheduling/cancel': () => ({ payload: {} }),
  'POST /api/v1/knowledge/topics': () => ({ payload: { name: 'Intruder topic' } }),
  'PATCH /api/v1/knowledge/topics/:id': () => ({ payload: { name: 'Renamed by intruder' } }),
  'DELETE /api/v1/knowledge/topics/:id': () => null,
  'POST /api/v1/knowledge/names': () => ({ payload: { kind: 'product', name: 'Intruder product' } }),
  'PATCH /api/v1/knowledge/names/:id': () => ({ payload: { name: 'Renamed by intruder' } }),
  'DELETE /api/v1/knowledge/names/:id': () => null,
  'POST /api/v1/knowledge/imports': () => {
    const boundary = `----candor${randomBytes(8).toString('hex')}`;
    return {
      payload:
        `--${boundary}\r\ncontent-disposition: form-data; name="kind"\r\n\r\ncustomer\r\n` +
        `--${boundary}\r\ncontent-disposition: form-data; name="files"; filename="intruder.txt"\r\n\r\n` +
        `Ann: intruder words ${randomBytes(4).toString('hex')}\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    };
  },
  'POST /api/v1/knowledge/saved-searches': () => ({
    payload: { name: `Intruder ${randomBytes(4).toString('hex')}`, query: 'secret' },
  }),
  'DELETE /api/v1/knowledge/saved-searches/:id': () => null,
  // Another workspace's interview named: refused like an unknown one.
  'POST /api/v1/knowledge/retag': (ids) => ({ payload: { interviewIds: [ids.interview] } }),
  'POST /api/v1/ratings/import': (ids) => ({
    payload: `interview,rater,target,score,scale\n${ids.interview},intruder,overall,1,1-5\n${ids.practice},intruder,overall,1,1-5\n`,
    headers: { 'content-type': 'text/csv' },
  }),
};

/**
 * Reads only one role may make, whatever the record: every other role gets the same 403 for any
 * id, real or unknown, so the refusal hints at nothing (routes/record-access.ts, third rule).
 */
const ROLE_ONLY_READS = new Set([
  '/api/v1/candidates/:id/demographics',
  '/api/v1/practice/:id/coaching',
  // Admins' and recruiters' only: any other role gets the same 403 before an id is read.
  '/api/v1/knowledge/imports/:id',
  '/api/v1/knowledge/retag/:id',
]);

/**
 * The auditor's routes: the only ones that may answer with a demographic field or value. The
 * fairness alerts (admins and auditors) name a group and a category, never a person's values.
 */
const AUDITOR_ROUTES = new Set([
  '/api/v1/candidates/:id/demographics',
  '/api/v1/audit',
  '/api/v1/fairness/alerts',
  '/api/v1/fairness/alerts/:id/acknowledge',
]);

/** Names and values of demographic fields; none may appear outside the auditor's routes. */
const DEMOGRAPHIC_MARKERS = [
  'raceEthnicity',
  'race_ethnicity',
  'ageBand',
  'age_band',
  'demographics',
  'native_hawaiian_or_pacific_islander',
  '40_or_over',
  '"sex"',
];

/** Bodies that carry ids that the intruder's own records could never have. */
const BODY_NEEDS_VICTIM_IDS = new Set([
  'POST /api/v1/agent/pause',
  'POST /api/v1/agent/resume',
  'PUT /api/v1/micro-tasks/switch',
  'POST /api/v1/applications',
  'POST /api/v1/interviews',
  'POST /api/v1/practice',
  'POST /api/v1/cohorts/:id/members',
  'POST /api/v1/ratings/import',
]);

function unknownIds(ids: Ids): Ids {
  const fresh = (id: string) =>
    id.replace(/[0-9a-f]{8,}$/i, (m) => randomBytes(m.length).toString('hex').slice(0, m.length));
  return Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, fresh(v)])) as unknown as Ids;
}

interface Case {
  readonly method: HTTPMethods;
  readonly route: string;
  readonly variant: number;
}

function fillPath(route: string, ids: Ids, variant: number): string {
  const segments = route.split('/');
  return segments
    .map((seg, i) => {
      if (!seg.startsWith(':')) return seg;
      const sources = PARAM_SOURCES[segments[i - 1] ?? ''];
      if (sources === undefined) throw new Error(`no fixture for ${seg} in ${route}`);
      return ids[sources[Math.min(variant, sources.length - 1)]!];
    })
    .join('/');
}

function variants(route: string): number {
  const segments = route.split('/');
  let n = 1;
  segments.forEach((seg, i) => {
    if (seg.startsWith(':')) n = Math.max(n, PARAM_SOURCES[segments[i - 1] ?? '']?.length ?? 1);
  });
  return n;
}

function blank(text: string, ids: Ids): string {
  let out = text;
  for (const id of Object.values(ids).sort((a, b) => b.length - a.length)) out = out.split(id).join('<id>');
  return out;
}

/** @example describeIsolation('sqlite', () => openStore({ dataDir })) */
export function describeIsolation(name: string, open: () => Promise<Store>, mediaDir: string): void {
  describe(`workspace isolation on ${name}`, () => {
    let app: FastifyInstance;
    let store: Store;
    let victim: Victim;
    let intruders: Awaited<ReturnType<typeof seedIntruders>>;
    let colleagues: Record<Colleague, string>;
    const routes: { method: HTTPMethods; url: string }[] = [];

    beforeAll(async () => {
      store = await open();
      victim = await seedVictim(store, mediaDir);
      intruders = await seedIntruders(store);
      colleagues = await seedColleagues(store, victim);
      const collect = (route: RouteOptions) => {
        const methods = Array.isArray(route.method) ? route.method : [route.method];
        for (const method of methods) {
          if (method === 'HEAD' || method === 'OPTIONS') continue;
          if (route.url.startsWith('/api/v1/')) routes.push({ method, url: route.url });
        }
      };
      app = await buildApp({ store, config: { ...testConfig, mediaDir }, onRoute: collect });
    }, 60_000);
    afterAll(async () => {
      await app.close();
      await store.close();
    });

    it('walks every route as every role of another workspace: nothing read, written or hinted', async () => {
      const cases: Case[] = routes
        .filter((r) => !PUBLIC.has(`${r.method} ${r.url}`))
        .flatMap((r) =>
          Array.from({ length: variants(r.url) }, (_, variant) => ({
            method: r.method,
            route: r.url,
            variant,
          })),
        );
      expect(cases.length).toBeGreaterThan(30);
      const unknown = unknownIds(victim.ids);
      const failures: string[] = [];
      for (const c of cases) {
        const key = `${c.method} ${c.route}`;
        const template = BODIES[key];
        if (c.method !== 'GET' && template === undefined) {
          failures.push(`${key}: no request body template in isolation.suite.ts`);
          continue;
        }
        const touchesVictim = c.route.includes(':') || BODY_NEEDS_VICTIM_IDS.has(key);
        for (const role of USER_ROLES) {
          const call = (ids: Ids) => {
            const body = template?.(ids) ?? null;
            return app.inject({
              method: c.method,
              url: fillPath(c.route, ids, c.variant),
              headers: { authorization: `Bearer ${intruders[role]}`, ...(body?.headers ?? {}) },
              ...(body === null ? {} : { payload: body.payload }),
            });
          };
          const [real, fake] = [await call(victim.ids), await call(unknown)];
          const where = `${role} ${key} (variant ${c.variant})`;
          if (touchesVictim && real.statusCode < 400) {
            failures.push(`${where}: answered ${real.statusCode} for another workspace's record`);
          }
          if (
            touchesVictim &&
            (real.statusCode !== fake.statusCode ||
              blank(real.body, victim.ids) !== blank(fake.body, unknown))
          ) {
            failures.push(
              `${where}: answers differ for a real and an unknown id: ${real.statusCode} ${real.body.slice(0, 200)} vs ${fake.statusCode} ${fake.body.slice(0, 200)}`,
            );
          }
          const leaked = victim.secrets.filter((s) => blank(real.body, victim.ids).includes(s));
          if (leaked.length > 0) failures.push(`${where}: body mentions ${leaked.join(', ')}`);
        }
      }
      expect(failures).toEqual([]);
    }, 120_000);

    it('walks every read of one record as every role of the same workspace: 404 like an unknown id, or the record', async () => {
      const reads = routes.filter((r) => r.method === 'GET' && r.url.includes(':'));
      expect(reads.length).toBeGreaterThan(10);
      const unknown = unknownIds(victim.ids);
      const failures: string[] = [];
      let denied = 0;
      for (const r of reads) {
        for (let variant = 0; variant < variants(r.url); variant++) {
          for (const [who, token] of Object.entries(colleagues)) {
            const call = (ids: Ids, url = r.url) =>
              app.inject({
                method: 'GET',
                url: fillPath(url, ids, variant),
                headers: { authorization: `Bearer ${token}` },
              });
            // A status stream stays open while its task is queued: whoever may read the task
            // itself may read its stream (both go through loadTask), so only refusals are walked.
            if (r.url.endsWith('/events') && (await call(victim.ids, '/api/v1/tasks/:id')).statusCode < 400) {
              continue;
            }
            const [real, fake] = [await call(victim.ids), await call(unknown)];
            if (real.statusCode < 400) continue;
            if (real.statusCode === 404) denied += 1;
            const where = `${who} GET ${r.url} (variant ${variant})`;
            // A refusal that names no record (400 for a missing query) is the same for any id.
            const roleRefusal = real.statusCode === 403 && ROLE_ONLY_READS.has(r.url);
            if ((real.statusCode === 403 && !roleRefusal) || real.statusCode !== fake.statusCode) {
              failures.push(
                `${where}: ${real.statusCode} for a record, ${fake.statusCode} for an unknown id`,
              );
            } else if (blank(real.body, victim.ids) !== blank(fake.body, unknown)) {
              failures.push(
                `${where}: bodies differ: ${real.body.slice(0, 200)} vs ${fake.body.slice(0, 200)}`,
              );
            }
          }
        }
      }
      expect(failures).toEqual([]);
      // Students, advisors and hiring managers are refused something: the walk is not vacuous.
      expect(denied).toBeGreaterThan(20);
    }, 120_000);

    it("answers no demographic field on any route but the auditor's, to any role, nor in the OpenAPI document", async () => {
      const reads = routes.filter((r) => r.method === 'GET' && !AUDITOR_ROUTES.has(r.url));
      expect(reads.length).toBeGreaterThan(20);
      const failures: string[] = [];
      let answered = 0;
      for (const r of reads) {
        for (let variant = 0; variant < variants(r.url); variant++) {
          if (r.url.endsWith('/events')) continue; // a task's status stream stays open while queued
          for (const [who, token] of Object.entries(colleagues)) {
            const res = await app.inject({
              method: 'GET',
              url: fillPath(r.url, victim.ids, variant),
              headers: { authorization: `Bearer ${token}` },
            });
            if (res.statusCode < 400) answered += 1;
            const found = DEMOGRAPHIC_MARKERS.filter((m) => res.body.includes(m));
            if (found.length > 0) failures.push(`${who} GET ${r.url}: body mentions ${found.join(', ')}`);
          }
        }
      }
      const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
        paths: Record<string, unknown>;
      }>();
      for (const [route, spec] of Object.entries(doc.paths)) {
        const path = route.replace(/\{(\w+)\}/g, ':$1');
        if (AUDITOR_ROUTES.has(path) || DEMOGRAPHIC_COLLECTION.has(path)) continue;
        const found = DEMOGRAPHIC_MARKERS.filter((m) => JSON.stringify(spec).includes(m.replaceAll('"', '')));
        if (found.length > 0) failures.push(`OpenAPI ${route} mentions ${found.join(', ')}`);
      }
      expect(failures).toEqual([]);
      // The walk read real records (the admin reads nearly everything), so it is not vacuous.
      expect(answered).toBeGreaterThan(30);
    }, 120_000);

    it("leaves the victim's records as they were", async () => {
      const ids = victim.ids;
      expect((await store.applications.get(ids.application)).stage).toBe('interview');
      expect(await store.cohorts.members(ids.cohort)).toEqual([ids.student]);
      expect((await store.jobs.get(ids.job)).title).toBe('Victim Secret Job');
      expect((await store.candidates.get(ids.candidate)).name).toBe('Victoria Secretname');
      expect((await store.jobs.listByWorkspace(victim.workspaceId)).length).toBe(1);
      expect((await store.candidates.listByWorkspace(victim.workspaceId)).length).toBe(1);
      expect(await store.media.listByInterview(ids.interview)).toHaveLength(1);
      expect((await store.queue.get(ids.task)).status).toBe('queued');
      expect((await store.microTasks.get(ids.microTask)).status).toBe('open');
      expect(await store.microTasks.switches(victim.workspaceId, ids.job)).toEqual({
        workspace: null,
        job: null,
      });
      const events = await store.pipelineEvents.listByApplication(ids.application);
      expect(events.filter((e) => e.kind === 'decision')).toEqual([]);
      const me = await app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${victim.adminToken}` },
      });
      expect(me.json()).toMatchObject({ user: { id: ids.admin } });
      expect((await store.models.list(victim.workspaceId)).map((m) => [m.id, m.version, m.active])).toEqual([
        [ids.model, 1, true],
      ]);
      expect(await store.scorecards.listForInterview(ids.interview)).toHaveLength(1);
      expect(
        (await store.fairnessAlerts.list(victim.workspaceId)).map((a) => [a.id, a.acknowledgedAt]),
      ).toEqual([[ids.alert, null]]);
      expect((await store.users.get(ids.admin)).active).toBe(true);
      expect((await store.users.get(ids.student)).role).toBe('candidate');
      expect(await store.frameworks.versions(ids.framework, victim.workspaceId)).toEqual(['1.0.0']);
      expect((await store.workspaces.get(victim.workspaceId)).name).toBe('Victim Corp');
      expect((await store.workspaces.settings(victim.workspaceId)).responseTargetDays).toBe(5);
      expect((await store.activity.list(victim.workspaceId, { limit: 10, offset: 0 })).total).toBe(0);
      expect((await store.knowledge.topics.list(victim.workspaceId)).map((t) => [t.id, t.name])).toEqual([
        [ids.topic, 'Victim Secret topic'],
      ]);
      expect((await store.knowledge.names.list(victim.workspaceId)).map((n) => [n.id, n.name])).toEqual([
        [ids.trackedName, 'Victim Secret rival'],
      ]);
      expect(await store.knowledge.tagsOf(ids.interview)).toHaveLength(1);
    });
  });
}
