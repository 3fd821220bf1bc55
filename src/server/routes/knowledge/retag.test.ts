/**
 * Re-tagging stored conversations over HTTP (`POST /knowledge/retag`) on SQLite and, when
 * TEST_DATABASE_URL is set, on PostgreSQL, with the real tagger in its thread: a topic added after
 * the import is found on the stored interviews once the task is done, a broken interview is
 * reported while the others are tagged, 400/404/409, and who may start and follow one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tagStoredInterview, type Tagger } from '../../../pipeline/index.js';
import { openStore, type Store } from '../../../store/index.js';
import { postgresTestSchema } from '../../../store/test-helpers.js';
import { need, requires } from '../../../test-helpers.js';
import { buildApp } from '../../app.js';
import { testConfig } from '../../app.suite.js';
import { KNOWLEDGE_RETAG, RETAG_KEY, retagInterviews } from './retag-runner.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-knowledge-retag-'));

const lines = (...said: readonly (readonly [string, string])[]) =>
  said.map(([speaker, text], i) => ({ speaker, start: i * 10, end: i * 10 + 9, text }));

function describeRetag(name: string, open: () => Promise<Store>): void {
  describe(`knowledge retag on ${name}`, () => {
    let app: FastifyInstance;
    let store: Store;
    let workspaceId = '';
    const tokens: Record<string, string> = {};
    const ids: Record<'first' | 'second' | 'practice' | 'broken' | 'foreign', string> = {
      first: '',
      second: '',
      practice: '',
      broken: '',
      foreign: '',
    };

    beforeAll(async () => {
      store = await open();
      const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
      const ws = await store.workspaces.ensure({ slug: `kr-${stamp}`, name: 'KR' });
      const other = await store.workspaces.ensure({ slug: `kr-other-${stamp}`, name: 'Other' });
      workspaceId = ws.id;
      let recruiterId = '';
      for (const role of ['admin', 'recruiter', 'hiring_manager'] as const) {
        const user = await store.users.create({
          workspaceId: ws.id,
          email: `${role}.${stamp}@example.com`,
          name: role,
          role,
          password: 'correct horse battery staple',
        });
        if (role === 'recruiter') recruiterId = user.id;
        tokens[role] = (await store.users.createApiToken(user.id, 'tests')).token;
      }
      const customer = { workspaceId: ws.id, kind: 'customer' as const, occurredAt: '2026-03-14' };
      const first = await store.interviews.createWithTranscript(
        customer,
        lines(
          ['Maya', 'What slowed the rollout down?'],
          ['Tom', 'The zeppelin integration. Every zeppelin sync failed twice last week.'],
        ),
      );
      const second = await store.interviews.createWithTranscript(
        customer,
        lines(
          ['Ann', 'Anything else?'],
          ['Ben', 'Our airship dashboard never loads, the airship team gave up.'],
        ),
      );
      const practice = await store.interviews.createWithTranscript(
        { workspaceId: ws.id, kind: 'practice', userId: recruiterId },
        lines(['Coach', 'Tell me about the zeppelin project.'], ['Me', 'The zeppelin project shipped late.']),
      );
      const broken = await store.interviews.createWithTranscript(
        customer,
        lines(['Lee', 'How is the zeppelin?'], ['Sam', 'The zeppelin is fine.']),
      );
      // A segment whose stored words are not JSON: reading its transcript throws.
      await store.db
        .updateTable('transcript_segment')
        .set({ words: '{not json' })
        .where('interview_id', '=', broken.id)
        .execute();
      const foreign = await store.interviews.createWithTranscript(
        { workspaceId: other.id, kind: 'customer' },
        lines(['X', 'The zeppelin again.']),
      );
      Object.assign(ids, {
        first: first.id,
        second: second.id,
        practice: practice.id,
        broken: broken.id,
        foreign: foreign.id,
      });
      // Tagged once at import, before the topic existed.
      for (const id of [first.id, second.id]) await tagStoredInterview(store, id);
      app = await buildApp({
        store,
        config: { ...testConfig, mediaDir: path.join(tempDir, `media-${name}`) },
      });
    });
    afterAll(async () => {
      await app?.close();
      await store?.close();
    });

    const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { authorization: `Bearer ${tokens[who]}` },
        ...(payload === undefined ? {} : { payload }),
      });

    async function finished(id: string) {
      for (;;) {
        const response = await call('recruiter', 'GET', `/knowledge/retag/${id}`);
        expect(response.statusCode, response.body).toBe(200);
        const body = response.json();
        if (body.task.status === 'done' || body.task.status === 'failed') return body;
        await new Promise((r) => setTimeout(r, 25));
      }
    }

    const topicLabels = async (id: string) =>
      (await store.knowledge.tagsOf(id, { kinds: ['topic'] })).map((t) => t.label);

    it('finds a topic added after the import on the stored interviews once the task is done', async () => {
      expect(await topicLabels(ids.first)).not.toContain('Zeppelin');
      const topic = await call('admin', 'POST', '/knowledge/topics', {
        name: 'Zeppelin',
        synonyms: ['airship'],
      });
      expect(topic.statusCode, topic.body).toBe(201);

      const started = await call('recruiter', 'POST', '/knowledge/retag', {
        interviewIds: [ids.first, ids.second, ids.practice, ids.first],
      });
      expect(started.statusCode, started.body).toBe(202);
      const { task, summary } = started.json();
      expect(task.kind).toBe(KNOWLEDGE_RETAG);
      expect(summary).toBeNull();
      // The recruiter follows it the way the page does.
      expect((await call('recruiter', 'GET', `/tasks/${task.id}`)).statusCode).toBe(200);

      const done = await finished(task.id);
      expect(done.task.status).toBe('done');
      // Duplicates dropped; the practice interview (a student's own) is skipped, not tagged.
      expect(done.summary).toEqual({ interviews: 3, tagged: 2, failed: 0, skipped: 1, failures: [] });
      expect(await topicLabels(ids.first)).toContain('Zeppelin');
      expect(await topicLabels(ids.second)).toContain('Zeppelin');
      expect(await store.knowledge.tagsOf(ids.practice)).toEqual([]);
      // The search route's topic filter finds them too, and not the broken one that says "zeppelin".
      const found = await call(
        'recruiter',
        'GET',
        `/search?q=${encodeURIComponent('zeppelin OR airship')}&topic=zeppelin`,
      );
      expect(found.statusCode, found.body).toBe(200);
      const hits = (found.json().interviews as { interviewId: string }[]).map((h) => h.interviewId);
      expect(hits.sort()).toEqual([ids.first, ids.second].sort());
    });

    it('with no body re-tags every non-practice interview; a broken one is reported, the others tagged', async () => {
      const started = await call('admin', 'POST', '/knowledge/retag');
      expect(started.statusCode, started.body).toBe(202);
      const done = await finished(started.json().task.id);
      expect(done.task.status).toBe('done');
      expect(done.summary).toMatchObject({ interviews: 3, tagged: 2, failed: 1, skipped: 0 });
      expect(done.summary.failures).toEqual([
        {
          interviewId: ids.broken,
          code: 'INTERNAL',
          error: expect.stringContaining('words is not valid JSON'),
        },
      ]);
      expect(await topicLabels(ids.broken)).toEqual([]);
    });

    it('reports progress as n of N interviews and goes on past an interview whose tagging throws', async () => {
      const seen: string[] = [];
      const failing: Tagger = (segments) => {
        if (segments.some((s) => s.text.includes('airship'))) throw new Error('tagger broke on purpose');
        return [];
      };
      const summary = await retagInterviews(store, [ids.first, ids.second, ids.practice], {
        webhookUrl: null,
        tagger: failing,
        report: (done, total) => {
          seen.push(`${done} of ${total}`);
          return Promise.resolve(true);
        },
      });
      expect(seen).toEqual(['1 of 3', '2 of 3', '3 of 3']);
      expect(summary).toEqual({
        interviews: 3,
        tagged: 1,
        failed: 1,
        skipped: 1,
        failures: [{ interviewId: ids.second, code: 'INTERNAL', error: 'tagger broke on purpose' }],
      });
      // Stops when the task is no longer this server's.
      expect(
        await retagInterviews(store, [ids.first, ids.second], {
          webhookUrl: null,
          tagger: () => [],
          report: () => Promise.resolve(false),
        }),
      ).toBeNull();
    });

    it('answers 400 for an empty list or an unknown field, 404 naming an unknown or foreign id', async () => {
      const empty = await call('admin', 'POST', '/knowledge/retag', { interviewIds: [] });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.message).toContain('name at least one interview');
      expect((await call('admin', 'POST', '/knowledge/retag', { ids: [ids.first] })).statusCode).toBe(400);
      for (const id of ['intv_nope', ids.foreign]) {
        const missing = await call('admin', 'POST', '/knowledge/retag', { interviewIds: [ids.first, id] });
        expect(missing.statusCode).toBe(404);
        expect(missing.json().error.message).toBe(`interview ${id} not found`);
      }
    });

    it('answers 409 naming the re-tag queued or running, and takes one again once it is done', async () => {
      // Queued without a kick, so it stays queued until claimed below.
      const waiting = await store.queue.enqueue({
        workspaceId,
        kind: KNOWLEDGE_RETAG,
        payload: { [RETAG_KEY]: workspaceId, interviewIds: [ids.first], userId: 'u' },
        maxAttempts: 1,
      });
      const queued = await call('recruiter', 'POST', '/knowledge/retag', { interviewIds: [ids.first] });
      expect(queued.statusCode).toBe(409);
      expect(queued.json().error.message).toContain(`already queued: task ${waiting.id}`);
      expect(queued.json().error.details).toMatchObject({ entity: 'task', id: waiting.id });
      const claimed = await store.queue.claim('test-worker', [KNOWLEDGE_RETAG], 60_000);
      expect(claimed?.id).toBe(waiting.id);
      const running = await call('admin', 'POST', '/knowledge/retag');
      expect(running.statusCode).toBe(409);
      expect(running.json().error.message).toContain(`already running: task ${waiting.id}`);
      await store.queue.complete(waiting.id, 'test-worker', null);
      const again = await call('admin', 'POST', '/knowledge/retag', { interviewIds: [ids.first] });
      expect(again.statusCode, again.body).toBe(202);
      expect((await finished(again.json().task.id)).task.status).toBe('done');
    });

    it('is for admins and recruiters only; the result is the 404 of an unknown re-tag for other tasks', async () => {
      expect((await call('hiring_manager', 'POST', '/knowledge/retag')).statusCode).toBe(403);
      const started = await call('admin', 'POST', '/knowledge/retag', { interviewIds: [ids.second] });
      expect(started.statusCode).toBe(202);
      const id = started.json().task.id as string;
      expect((await call('hiring_manager', 'GET', `/knowledge/retag/${id}`)).statusCode).toBe(403);
      expect((await call('hiring_manager', 'GET', `/tasks/${id}`)).statusCode).toBe(404);
      await finished(id);
      const unknown = await call('admin', 'GET', '/knowledge/retag/task_nope');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.message).toBe('retag task_nope not found');
    });
  });
}

describe('SQLite', () => {
  afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));
  describeRetag('sqlite', () => openStore({ dataDir: path.join(tempDir, 'sqlite') }));
});

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_knowledge_retag_test', databaseUrl);

requires(need.database()).describe('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(drop);
  describeRetag('postgres', () => openStore({ dataDir: tempDir, databaseUrl, schema }));
});
