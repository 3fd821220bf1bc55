/**
 * `GET /api/v1/search` over HTTP on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL:
 * who may search, what a result holds, filters, and the 400 for a query the parser cannot read.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../store/index.js';
import { postgresTestSchema } from '../../../store/test-helpers.js';
import { need, requires } from '../../../test-helpers.js';
import { buildApp } from '../../app.js';
import { testConfig } from '../../app.suite.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-search-route-'));

function describeSearchRoute(name: string, open: () => Promise<Store>): void {
  describe(`GET /search on ${name}`, () => {
    let app: FastifyInstance;
    let store: Store;
    const tokens: Record<string, string> = {};
    let callId = '';
    beforeAll(async () => {
      store = await open();
      const ws = await store.workspaces.ensure({ slug: `kb-${Date.now()}`, name: 'KB' });
      const other = await store.workspaces.ensure({ slug: `kb-other-${Date.now()}`, name: 'Other' });
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
      // Real turns of a customer call (src/ingest/fixtures/customer-call.csv).
      const call = await store.interviews.createWithTranscript(
        {
          workspaceId: ws.id,
          kind: 'customer',
          account: 'Northwind',
          occurredAt: '2026-03-14',
          title: 'Rollout call',
        },
        [
          {
            speaker: 'Maya Chen',
            start: 1,
            end: 6.5,
            text: 'Thanks for joining. How has the rollout gone since March?',
          },
          {
            speaker: 'Tom Okafor',
            start: 7,
            end: 19.25,
            text: 'Honestly, mixed. The reporting is great, but the export to our warehouse breaks every week.',
          },
          { speaker: 'Maya Chen', start: 19.8, end: 31, text: 'When it breaks, what does your team do?' },
        ],
      );
      callId = call.id;
      await store.interviews.createWithTranscript(
        { workspaceId: other.id, kind: 'customer', account: 'Northwind' },
        [{ speaker: 'Ann', start: 0, end: 3, text: 'Our export breaks too, in the other workspace.' }],
      );
      app = await buildApp({ store, config: testConfig });
    });
    afterAll(async () => {
      await app?.close();
      await store?.close();
    });

    const get = (who: string | null, query: string) =>
      app.inject({
        method: 'GET',
        url: `/api/v1/search?${query}`,
        headers: who === null ? {} : { authorization: `Bearer ${tokens[who]}` },
      });

    it('returns the matching interviews of the workspace with their moments, times and marked words', async () => {
      const response = await get('recruiter', `q=${encodeURIComponent('breaks warehouse')}`);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ total: 1, totalIsExact: true, limit: 20, offset: 0 });
      expect(body.interviews[0]).toMatchObject({
        interviewId: callId,
        kind: 'customer',
        account: 'Northwind',
        title: 'Rollout call',
        occurredAt: '2026-03-14T00:00:00.000Z',
        hasRecording: false,
        hitCount: 1,
      });
      expect(body.interviews[0].segments[0]).toMatchObject({ speaker: 'Tom Okafor', startS: 7, endS: 19.25 });
      expect(body.interviews[0].segments[0].snippet).toContain('«warehouse» «breaks»');
    });

    it('applies the filters, and another workspace never sees the call', async () => {
      const ok = await get(
        'recruiter',
        'q=breaks&kind=customer,exit&account=northwind&from=2026-03-01&to=2026-03-31',
      );
      expect(ok.json().total).toBe(1);
      expect((await get('recruiter', 'q=breaks&speaker=Tom%20Okafor')).json().interviews[0].hitCount).toBe(1);
      expect((await get('recruiter', 'q=breaks&from=2026-04-01')).json().total).toBe(0);
      // No tagger has run: no interview has the topic, competitor or sentiment asked for.
      for (const tag of ['topic=Reporting', 'competitor=Globex', 'sentiment=negative'])
        expect([tag, (await get('recruiter', `q=breaks&${tag}`)).json().total]).toEqual([tag, 0]);
      const other = (await get('admin', 'q=breaks')).json();
      expect(other.total).toBe(1);
      expect(other.interviews[0].interviewId).not.toBe(callId);
    });

    it('answers 400 naming the problem for a query or filter it cannot read', async () => {
      const quote = await get('recruiter', `q=${encodeURIComponent('export "to our')}`);
      expect(quote.statusCode).toBe(400);
      expect(quote.json().error.message).toBe('unbalanced quote at character 8');
      const kind = await get('recruiter', 'q=breaks&kind=podcast');
      expect([kind.statusCode, kind.json().error.message]).toEqual([
        400,
        'kinds: "podcast" is not an interview kind',
      ]);
      expect((await get('recruiter', 'q=breaks&to=2026-02-30')).statusCode).toBe(400);
      const sentiment = await get('recruiter', 'q=breaks&sentiment=angry');
      expect([sentiment.statusCode, sentiment.json().error.message]).toEqual([
        400,
        'sentiment: "angry" is not one of positive, neutral, negative',
      ]);
      expect((await get('recruiter', 'q=')).statusCode).toBe(400);
      expect((await get('recruiter', 'q=breaks&limit=500')).statusCode).toBe(400);
    });

    it('is for admins and recruiters only', async () => {
      expect((await get(null, 'q=breaks')).statusCode).toBe(401);
      expect((await get('hiring_manager', 'q=breaks')).statusCode).toBe(403);
    });

    it("keeps students' practice out of a recruiter's search", async () => {
      const practice = await get('recruiter', 'q=breaks&kind=practice');
      expect([practice.statusCode, practice.json().error.message]).toEqual([
        403,
        "role recruiter may not search students' practice",
      ]);
      expect((await get('admin', 'q=breaks&kind=practice')).statusCode).toBe(200);
    });
  });
}

describe('SQLite', () => {
  afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));
  describeSearchRoute('sqlite', () => openStore({ dataDir: tempDir }));
});

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_search_route_test', databaseUrl);

requires(need.database()).describe('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(drop);
  describeSearchRoute('postgres', () => openStore({ dataDir: tempDir, databaseUrl, schema }));
});
