/**
 * The knowledge routes over HTTP on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL:
 * topics and tracked names (400 naming the field, 404, 409), the suggestions from stored tags,
 * an interview's tags, and who may do what.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TagDraft } from '../../../domain/index.js';
import { tagInterview, type Tagger } from '../../../pipeline/tag-interview.js';
import { openStore, type Store } from '../../../store/index.js';
import { postgresTestSchema } from '../../../store/test-helpers.js';
import { need, requires } from '../../../test-helpers.js';
import { buildApp } from '../../app.js';
import { testConfig } from '../../app.suite.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-knowledge-route-'));

const PHRASES = ['battery life', 'pricing', 'export'];

/**
 * Tags from the real segments: questions (sentences ending in "?"), the phrases above as
 * keyphrases where said, and "<Capitalised> Corp" as an organisation.
 */
const tagger: Tagger = (segments) =>
  segments.flatMap((s, position): TagDraft[] => {
    const base = {
      refId: null,
      speaker: s.speaker,
      startS: s.start,
      endS: s.end,
      segmentPosition: position,
      endPosition: null,
      sentiment: null,
      detail: null,
    };
    const questions = s.text
      .split(/(?<=[.?!])\s+/)
      .filter((x) => x.endsWith('?'))
      .map((q): TagDraft => ({ ...base, kind: 'question', label: q, quote: q }));
    const phrases = PHRASES.filter((p) => s.text.toLowerCase().includes(p)).map((p): TagDraft => ({
      ...base,
      kind: 'keyphrase',
      label: p,
      quote: s.text,
    }));
    const orgs = [...s.text.matchAll(/\b[A-Z][a-z]+ Corp\b/g)].map((m): TagDraft => ({
      ...base,
      kind: 'organisation',
      label: m[0],
      quote: s.text,
    }));
    return [...questions, ...phrases, ...orgs];
  });

function describeKnowledgeRoutes(name: string, open: () => Promise<Store>): void {
  describe(`knowledge routes on ${name}`, () => {
    let app: FastifyInstance;
    let store: Store;
    const tokens: Record<string, string> = {};
    const calls: string[] = [];
    beforeAll(async () => {
      store = await open();
      const ws = await store.workspaces.ensure({ slug: `kt-${Date.now()}`, name: 'KT' });
      const other = await store.workspaces.ensure({ slug: `kt-other-${Date.now()}`, name: 'Other' });
      for (const [role, workspaceId] of [
        ['recruiter', ws.id],
        ['hiring_manager', ws.id],
        ['admin', other.id],
      ] as const) {
        const user = await store.users.create({
          workspaceId,
          email: `${role}.${Date.now()}@example.com`,
          name: role,
          role,
          password: 'correct horse battery staple',
        });
        tokens[role] = (await store.users.createApiToken(user.id, 'tests')).token;
      }
      const transcripts = [
        [
          ['Maya', 'How is the battery life on the new units?'],
          ['Tom', 'Battery life is fine, but pricing went up and Acme Corp complained.'],
        ],
        [
          ['Ann', 'Why did you leave?'],
          [
            'Ben',
            'The battery life of the field kit, and the pricing of the upgrade. Acme Corp offered more.',
          ],
        ],
        [
          ['Lee', 'What would you change first?'],
          ['Sam', 'The export breaks and the battery life is short; pricing is fair. We compared Acme Corp.'],
        ],
      ];
      for (const lines of transcripts) {
        const interview = await store.interviews.createWithTranscript(
          { workspaceId: ws.id, kind: 'customer', occurredAt: '2026-03-14' },
          lines.map(([speaker, text], i) => ({
            speaker: speaker!,
            start: i * 10,
            end: i * 10 + 9,
            text: text!,
          })),
        );
        await tagInterview(store, interview.id, tagger);
        calls.push(interview.id);
      }
      app = await buildApp({ store, config: testConfig });
    });
    afterAll(async () => {
      await app?.close();
      await store?.close();
    });

    const call = (
      who: string | null,
      method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
      url: string,
      payload?: object,
    ) =>
      app.inject({
        method,
        url: `/api/v1${url}`,
        headers: who === null ? {} : { authorization: `Bearer ${tokens[who]}` },
        ...(payload === undefined ? {} : { payload }),
      });

    it('adds, lists, renames and deletes topics, with 409 for a name taken ignoring case and 404 after', async () => {
      const created = await call('recruiter', 'POST', '/knowledge/topics', {
        name: 'Pricing',
        synonyms: ['price', 'cost', 'Price'],
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ name: 'Pricing', synonyms: ['price', 'cost'] });
      const id = created.json().id as string;
      const dup = await call('recruiter', 'POST', '/knowledge/topics', { name: 'PRICING' });
      expect([dup.statusCode, dup.json().error.message]).toEqual([
        409,
        'topic "PRICING" already exists (names are compared ignoring case and accents)',
      ]);
      await call('recruiter', 'POST', '/knowledge/topics', { name: 'Onboarding' });
      const list = await call('recruiter', 'GET', '/knowledge/topics');
      expect(list.json().topics.map((t: { name: string }) => t.name)).toEqual(['Onboarding', 'Pricing']);
      const renamed = await call('recruiter', 'PATCH', `/knowledge/topics/${id}`, { name: 'Price & cost' });
      expect(renamed.json()).toMatchObject({ name: 'Price & cost', synonyms: ['price', 'cost'] });
      expect((await call('admin', 'PATCH', `/knowledge/topics/${id}`, { name: 'x' })).statusCode).toBe(404);
      expect((await call('admin', 'DELETE', `/knowledge/topics/${id}`)).statusCode).toBe(404);
      expect((await call('recruiter', 'DELETE', `/knowledge/topics/${id}`)).statusCode).toBe(204);
      expect((await call('recruiter', 'PATCH', `/knowledge/topics/${id}`, { name: 'x' })).statusCode).toBe(
        404,
      );
      expect((await call('recruiter', 'DELETE', `/knowledge/topics/${id}`)).statusCode).toBe(404);
    });

    it('answers 400 naming the field of a bad topic or name', async () => {
      const synonym = await call('recruiter', 'POST', '/knowledge/topics', {
        name: 'Churn',
        synonyms: ['leave', ' '],
      });
      expect([synonym.statusCode, synonym.json().error.message, synonym.json().error.details.field]).toEqual([
        400,
        'synonyms[1]: expected a non-empty word or phrase',
        'synonyms[1]',
      ]);
      const missing = await call('recruiter', 'POST', '/knowledge/topics', { synonyms: [] });
      expect([missing.statusCode, missing.json().error.details.field]).toEqual([400, 'name']);
      const kind = await call('recruiter', 'POST', '/knowledge/names', { kind: 'partner', name: 'X' });
      expect([kind.statusCode, kind.json().error.details.field]).toEqual([400, 'kind']);
      const long = await call('recruiter', 'POST', '/knowledge/names', {
        kind: 'product',
        name: 'y'.repeat(101),
      });
      expect([long.statusCode, long.json().error.message]).toEqual([
        400,
        'name: expected at most 100 characters, got 101',
      ]);
    });

    it('tracks competitors and products, filtered by kind, one name per workspace', async () => {
      const gong = await call('recruiter', 'POST', '/knowledge/names', {
        kind: 'competitor',
        name: 'Gong',
        aliases: ['gong.io'],
      });
      expect(gong.statusCode, gong.body).toBe(201);
      await call('recruiter', 'POST', '/knowledge/names', { kind: 'product', name: 'Field kit' });
      const competitors = await call('recruiter', 'GET', '/knowledge/names?kind=competitor');
      expect(competitors.json().names.map((n: { name: string }) => n.name)).toEqual(['Gong']);
      expect((await call('recruiter', 'GET', '/knowledge/names')).json().names).toHaveLength(2);
      expect((await call('recruiter', 'GET', '/knowledge/names?kind=partner')).statusCode).toBe(400);
      expect(
        (await call('recruiter', 'POST', '/knowledge/names', { kind: 'product', name: 'GONG' })).statusCode,
      ).toBe(409);
      const id = gong.json().id as string;
      const patched = await call('recruiter', 'PATCH', `/knowledge/names/${id}`, { aliases: ['Gong AI'] });
      expect(patched.json()).toMatchObject({ kind: 'competitor', name: 'Gong', aliases: ['Gong AI'] });
      expect((await call('admin', 'GET', '/knowledge/names')).json().names).toEqual([]);
      expect((await call('recruiter', 'DELETE', `/knowledge/names/${id}`)).statusCode).toBe(204);
    });

    it('suggests keyphrases and organisations of three interviews that are no topic or tracked name yet', async () => {
      const topics = async () =>
        (await call('recruiter', 'GET', '/knowledge/topics/suggested')).json().suggestions;
      await call('recruiter', 'POST', '/knowledge/topics', { name: 'Costs', synonyms: ['Pricing'] });
      // "export" is in one interview only; "pricing" is a synonym already.
      expect(await topics()).toEqual([{ label: 'battery life', interviews: 3 }]);
      const fewer = await call('recruiter', 'GET', '/knowledge/topics/suggested?minInterviews=1');
      expect(fewer.json().suggestions.map((s: { label: string }) => s.label)).toEqual([
        'battery life',
        'export',
      ]);
      await call('recruiter', 'POST', '/knowledge/topics', { name: 'Battery Life' });
      expect(await topics()).toEqual([]);
      const names = async () =>
        (await call('recruiter', 'GET', '/knowledge/names/suggested')).json().suggestions;
      expect(await names()).toEqual([{ label: 'Acme Corp', interviews: 3 }]);
      await call('recruiter', 'POST', '/knowledge/names', {
        kind: 'competitor',
        name: 'Acme',
        aliases: ['acme corp'],
      });
      expect(await names()).toEqual([]);
      expect((await call('admin', 'GET', '/knowledge/names/suggested')).json().suggestions).toEqual([]);
      expect((await call('recruiter', 'GET', '/knowledge/topics/suggested?minInterviews=0')).statusCode).toBe(
        400,
      );
    });

    it("returns an interview's tags in transcript order, filtered by kind, to whoever may read it", async () => {
      const url = `/interviews/${calls[0]}/tags`;
      const all = await call('recruiter', 'GET', url);
      expect(all.statusCode, all.body).toBe(200);
      expect(
        all
          .json()
          .tags.map((t: { segmentPosition: number; kind: string; label: string }) => [
            t.segmentPosition,
            t.kind,
            t.label,
          ]),
      ).toEqual([
        [0, 'question', 'How is the battery life on the new units?'],
        [0, 'keyphrase', 'battery life'],
        [1, 'keyphrase', 'battery life'],
        [1, 'keyphrase', 'pricing'],
        [1, 'organisation', 'Acme Corp'],
      ]);
      expect(all.json().tags[0]).toMatchObject({
        speaker: 'Maya',
        startS: 0,
        endS: 9,
        occurredAt: '2026-03-14T00:00:00.000Z',
      });
      const questions = await call('hiring_manager', 'GET', `${url}?kind=question,organisation`);
      expect(questions.json().tags.map((t: { kind: string }) => t.kind)).toEqual([
        'question',
        'organisation',
      ]);
      const bad = await call('recruiter', 'GET', `${url}?kind=mood`);
      expect([bad.statusCode, bad.json().error.details.field]).toEqual([400, 'kind']);
      expect((await call('admin', 'GET', url)).statusCode).toBe(404);
      expect((await call('recruiter', 'GET', '/interviews/intv_missing/tags')).statusCode).toBe(404);
      expect((await call(null, 'GET', url)).statusCode).toBe(401);
    });

    it('keeps the taxonomy to admins and recruiters', async () => {
      for (const url of [
        '/knowledge/topics',
        '/knowledge/names',
        '/knowledge/topics/suggested',
        '/knowledge/names/suggested',
      ]) {
        expect((await call('hiring_manager', 'GET', url)).statusCode).toBe(403);
        expect((await call(null, 'GET', url)).statusCode).toBe(401);
      }
      expect((await call('hiring_manager', 'POST', '/knowledge/topics', { name: 'x' })).statusCode).toBe(403);
    });
  });
}

describe('SQLite', () => {
  afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));
  describeKnowledgeRoutes('sqlite', () => openStore({ dataDir: tempDir }));
});

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_knowledge_route_test', databaseUrl);

requires(need.database()).describe('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(drop);
  describeKnowledgeRoutes('postgres', () => openStore({ dataDir: tempDir, databaseUrl, schema }));
});
