/**
 * `GET /api/v1/knowledge/trends|compare|export` over HTTP on SQLite and, when TEST_DATABASE_URL is
 * set, on PostgreSQL: who may read them, the spike alert, groups side by side, the files exported.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTrends, type TrendFixture } from '../../../knowledge/trends/trends-fixture.suite.js';
import { openStore, type Store } from '../../../store/index.js';
import { postgresTestSchema } from '../../../store/test-helpers.js';
import { need, requires } from '../../../test-helpers.js';
import { buildApp } from '../../app.js';
import { testConfig } from '../../app.suite.js';

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-trends-route-'));

function describeTrendRoutes(name: string, open: () => Promise<Store>): void {
  describe(`GET /knowledge/* on ${name}`, () => {
    let app: FastifyInstance;
    let store: Store;
    let f: TrendFixture;
    const tokens: Record<string, string> = {};
    beforeAll(async () => {
      store = await open();
      f = await seedTrends(store, new Date());
      const other = await store.workspaces.ensure({ slug: `trends-other-${Date.now()}`, name: 'Other' });
      for (const [role, workspaceId] of [
        ['recruiter', f.workspaceId],
        ['hiring_manager', f.workspaceId],
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
      await store.interviews.createWithTranscript(
        {
          workspaceId: f.workspaceId,
          kind: 'customer',
          account: 'Northwind',
          occurredAt: '2026-03-14',
          title: 'Call',
        },
        [
          {
            speaker: 'Tom Okafor',
            start: 7,
            end: 19.25,
            text: 'The batteries die, and "replacing" them costs too much.',
          },
        ],
      );
      app = await buildApp({ store, config: testConfig });
    });
    afterAll(async () => {
      await app?.close();
      await store?.close();
    });

    const get = (who: string | null, url: string) =>
      app.inject({
        method: 'GET',
        url: `/api/v1/knowledge/${url}`,
        headers: who === null ? {} : { authorization: `Bearer ${tokens[who]}` },
      });

    it('returns weekly series per label and the Pricing spike of the last complete week', async () => {
      const response = await get('recruiter', 'trends');
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expect(body.testedWeek).toBe(f.testedWeek);
      expect(body.alerts).toEqual([
        expect.objectContaining({
          label: 'Pricing',
          week: f.testedWeek,
          mentions: 9,
          baselineMean: 0.5,
          baselineWeeks: 8,
        }),
      ]);
      expect(body.rule).toEqual({
        baselineWeeks: 8,
        minBaselineWeeks: 4,
        pValue: 0.01,
        minMentions: 5,
        falseDiscoveryRate: 0.05,
      });
      const pricing = body.series.find((s: { label: string }) => s.label === 'Pricing');
      expect(pricing.points).toHaveLength(body.weeks.length);
      expect(pricing.points.find((p: { week: string }) => p.week === f.testedWeek)).toMatchObject({
        mentions: 9,
        negative: 9,
        interviews: 2,
      });
      const competitors = (await get('recruiter', 'trends?tagKind=competitor')).json();
      expect(competitors.series.map((s: { label: string }) => s.label)).toEqual(['Nokia']);
      // Another workspace's admin sees none of it.
      expect((await get('admin', 'trends')).json().series).toEqual([]);
    });

    it('compares the groups asked for, and offers the kinds and outcomes that have tags', async () => {
      const body = (await get('recruiter', 'compare?groups=kind:live,outcome:churned')).json();
      expect(body.groups.map((g: { group: unknown }) => g.group)).toEqual([
        { field: 'kind', value: 'live' },
        { field: 'outcome', value: 'churned' },
      ]);
      const churnedPricing = body.groups[1].labels.find((l: { label: string }) => l.label === 'Pricing');
      expect(churnedPricing.mentions).toBeGreaterThanOrEqual(9);
      expect(churnedPricing.share).toBeGreaterThan(0);
      expect(body.groups[0].labels.some((l: { label: string }) => l.label === 'Pricing')).toBe(false);
      expect(body.available).toContainEqual({ field: 'outcome', value: 'renewed' });
      const bad = await get('recruiter', 'compare?groups=team:sales');
      expect([bad.statusCode, bad.json().error.message]).toEqual([
        400,
        expect.stringContaining('groups: "team:sales" is not kind:'),
      ]);
    });

    it('exports tags as a CSV or NDJSON file, and search results', async () => {
      const csv = await get('recruiter', 'export?format=csv&what=tags&tagKind=topic&label=pricing');
      expect(csv.statusCode, csv.body).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toMatch(
        /^attachment; filename="candor-tags-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const pricingTags = f.tags.filter((t) => t.label === 'Pricing').length;
      expect(csv.body.startsWith('tag_id,tag_kind,label,quote,')).toBe(true);
      expect(csv.body.endsWith('\r\n')).toBe(true);
      expect(csv.body.match(/,topic,Pricing,/g)).toHaveLength(pricingTags);
      const ndjson = await get('recruiter', 'export?format=ndjson&kind=live');
      expect(ndjson.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
      const rows = ndjson.body
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(new Set(rows.map((r) => r.interview_kind))).toEqual(new Set(['live']));
      const search = await get(
        'recruiter',
        `export?what=search&format=ndjson&q=${encodeURIComponent('batteries')}`,
      );
      expect(search.statusCode, search.body).toBe(200);
      expect(search.headers['content-disposition']).toMatch(/candor-search-.*\.ndjson"$/);
      const [hit] = search.body
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(hit).toMatchObject({ account: 'Northwind', speaker: 'Tom Okafor', start_s: 7 });
      expect(hit.snippet).toContain('«batteries»');
    });

    it('answers 400 before the file starts for an export it cannot make', async () => {
      const noQuery = await get('recruiter', 'export?what=search');
      expect([noQuery.statusCode, noQuery.json().error.message]).toEqual([
        400,
        'query: a search export needs a query',
      ]);
      const kind = await get('recruiter', 'export?kind=podcast');
      expect(kind.statusCode).toBe(400);
      expect(kind.headers['content-disposition']).toBeUndefined();
      expect((await get('recruiter', 'export?format=xlsx')).statusCode).toBe(400);
      expect((await get('recruiter', 'trends?from=2026-02-30')).json().error.message).toMatch(
        /from: "2026-02-30" is not a date/,
      );
    });

    it('is for admins and recruiters only', async () => {
      for (const url of ['trends', 'compare', 'export']) {
        expect((await get(null, url)).statusCode).toBe(401);
        expect((await get('hiring_manager', url)).statusCode).toBe(403);
      }
    });
  });
}

requires(need.sharedData('meetings-qmsum/Product')).describe('SQLite', () => {
  afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));
  describeTrendRoutes('sqlite', () => openStore({ dataDir: tempDir }));
});

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_trends_route_test', databaseUrl);

requires(need.database(), need.sharedData('meetings-qmsum/Product')).describe(
  'PostgreSQL (TEST_DATABASE_URL)',
  () => {
    afterAll(drop);
    describeTrendRoutes('postgres', () => openStore({ dataDir: tempDir, databaseUrl, schema }));
  },
);
