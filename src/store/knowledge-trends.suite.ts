/** Trends, comparisons and exports over knowledge tags on one database; run by knowledge-trends.test.ts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrends } from '../knowledge/trends/index.js';
import { insertTag, seedTrends, type TrendFixture } from '../knowledge/trends/trends-fixture.suite.js';
import { addWeeks } from '../knowledge/trends/weeks.js';
import type { Store, TagExportRow } from './index.js';
import { candorError } from './store-fixtures.suite.js';

/** Thursday noon: the tested week is the one before 2026-03-23's. */
export const TRENDS_NOW = new Date('2026-03-26T12:00:00.000Z');

const mood = (s: number) => (s >= 0.05 ? 'positive' : s <= -0.05 ? 'negative' : 'neutral');

export function describeKnowledgeTrends(name: string, open: () => Promise<Store>): void {
  describe(`knowledge trends (${name})`, () => {
    let store: Store;
    let f: TrendFixture;
    beforeAll(async () => {
      store = await open();
      f = await seedTrends(store, TRENDS_NOW);
      // Another workspace's tags never count.
      const other = await seedTrends(store, TRENDS_NOW);
      expect(other.workspaceId).not.toBe(f.workspaceId);
    });
    afterAll(() => store?.close());

    it('counts mentions per ISO week and label, with interviews and VADER sentiment, from the tags', async () => {
      const weekly = await store.knowledgeTrends.weekly(f.workspaceId);
      const pricing = weekly.filter((w) => w.labelKey === 'pricing');
      expect(pricing.map((w) => [w.week, w.mentions])).toEqual([
        [addWeeks(f.testedWeek, -7), 1],
        [addWeeks(f.testedWeek, -5), 1],
        [addWeeks(f.testedWeek, -3), 1],
        [addWeeks(f.testedWeek, -1), 1],
        [f.testedWeek, 9],
      ]);
      const tested = pricing.at(-1);
      const seeded = f.tags.filter(
        (t) =>
          t.label === 'Pricing' && t.occurredAt >= f.testedWeek && t.occurredAt < addWeeks(f.testedWeek, 1),
      );
      expect(tested).toMatchObject({
        tagKind: 'topic',
        label: 'Pricing',
        interviews: 2,
        negative: seeded.filter((t) => mood(t.sentiment) === 'negative').length,
        positive: 0,
        neutral: 0,
      });
      expect(tested?.negative).toBe(9);
      expect(tested?.meanSentiment).toBeCloseTo(seeded.reduce((a, t) => a + t.sentiment, 0) / 9, 10);
      // Sentiment tags are not a trend label; Nokia is a competitor.
      expect(new Set(weekly.map((w) => w.tagKind))).toEqual(new Set(['topic', 'competitor']));
      expect(weekly.find((w) => w.labelKey === 'nokia')?.tagKind).toBe('competitor');
      // Every week starts on a Monday.
      for (const w of weekly) expect(new Date(`${w.week}T00:00:00Z`).getUTCDay()).toBe(1);
    });

    it('filters by interview kind, label (any case), tag kind and dates', async () => {
      const live = await store.knowledgeTrends.weekly(f.workspaceId, { kinds: ['live'] });
      expect(new Set(live.map((w) => w.labelKey))).toEqual(new Set(['battery', 'buttons']));
      const labels = await store.knowledgeTrends.weekly(f.workspaceId, { labels: ['PRICING', 'nokia'] });
      expect(new Set(labels.map((w) => w.label))).toEqual(new Set(['Pricing', 'Nokia']));
      const competitors = await store.knowledgeTrends.weekly(f.workspaceId, { tagKinds: ['competitor'] });
      expect(new Set(competitors.map((w) => w.labelKey))).toEqual(new Set(['nokia']));
      const range = await store.knowledgeTrends.weekly(f.workspaceId, {
        from: addWeeks(f.testedWeek, -1),
        to: addWeeks(f.testedWeek, 6).slice(0, 10),
      });
      expect(new Set(range.map((w) => w.week))).toEqual(
        new Set([addWeeks(f.testedWeek, -1), f.testedWeek, addWeeks(f.testedWeek, 1)]),
      );
      // A `to` day covers the whole day: the tested week's Sunday keeps its Thursday's tags.
      const toSunday = await store.knowledgeTrends.weekly(f.workspaceId, {
        from: f.testedWeek,
        to: new Date(Date.parse(`${f.testedWeek}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10),
        labels: ['pricing'],
      });
      expect(toSunday.map((w) => w.mentions)).toEqual([9]);
    });

    it('names the filter that is wrong', async () => {
      const kind = await candorError(
        store.knowledgeTrends.weekly(f.workspaceId, { kinds: ['meeting' as 'live'] }),
      );
      expect(kind.code).toBe('VALIDATION_FAILED');
      expect(kind.message).toMatch(/kinds: "meeting" is not an interview kind/);
      const date = await candorError(store.knowledgeTrends.weekly(f.workspaceId, { from: '2026-02-30' }));
      expect(date.message).toMatch(/from: "2026-02-30" is not a date/);
      const order = await candorError(
        store.knowledgeTrends.weekly(f.workspaceId, { from: '2026-03-02', to: '2026-03-01' }),
      );
      expect(order.message).toMatch(/from 2026-03-02 is after to 2026-03-01/);
      const tagKind = await candorError(
        store.knowledgeTrends.weekly(f.workspaceId, { tagKinds: ['mood' as 'topic'] }),
      );
      expect(tagKind.message).toMatch(/tagKinds: "mood" is not a tag kind/);
    });

    it('raises the spike alert for the label that jumped in the last complete week only', async () => {
      const trends = buildTrends(await store.knowledgeTrends.weekly(f.workspaceId), { now: TRENDS_NOW });
      expect(trends.testedWeek).toBe(f.testedWeek);
      expect(trends.alerts.map((a) => [a.label, a.mentions, a.baselineMean])).toEqual([['Pricing', 9, 0.5]]);
      expect(trends.series.map((s) => s.label)).toEqual(['Battery', 'Pricing', 'Buttons', 'Nokia']);
    });

    it('compares groups: share of tagged interviews mentioning each topic, mentions, mean sentiment', async () => {
      const [live, churned] = await store.knowledgeTrends.compare(f.workspaceId, [
        { field: 'kind', value: 'live' },
        { field: 'outcome', value: 'Churned' },
      ]);
      const liveIds = new Set(f.interviews.filter((i) => i.kind === 'live').map((i) => i.id));
      const churnedIds = new Set(f.interviews.filter((i) => i.outcome === 'churned').map((i) => i.id));
      expect(live?.taggedInterviews).toBe(liveIds.size);
      expect(churned?.taggedInterviews).toBe(churnedIds.size);
      const pricingTags = f.tags.filter((t) => t.label === 'Pricing' && churnedIds.has(t.interviewId));
      const pricing = churned?.labels.find((l) => l.labelKey === 'pricing');
      expect(pricing).toMatchObject({
        interviews: new Set(pricingTags.map((t) => t.interviewId)).size,
        mentions: pricingTags.length,
      });
      expect(pricing?.share).toBeCloseTo(
        new Set(pricingTags.map((t) => t.interviewId)).size / churnedIds.size,
        10,
      );
      expect(pricing?.meanSentiment).toBeCloseTo(
        pricingTags.reduce((a, t) => a + t.sentiment, 0) / pricingTags.length,
        10,
      );
      // Candidates never talk about pricing here; one live interview of 11 skips the battery.
      expect(live?.labels.some((l) => l.labelKey === 'pricing')).toBe(false);
      const liveBattery = new Set(
        f.tags.filter((t) => t.label === 'Battery' && liveIds.has(t.interviewId)).map((t) => t.interviewId),
      );
      expect(live?.labels[0]).toMatchObject({ labelKey: 'battery', interviews: liveBattery.size });
      expect(live?.labels[0]?.share).toBeCloseTo(liveBattery.size / liveIds.size, 10);
      expect(live?.labels[0]?.share).toBeLessThan(1);
      expect(await store.knowledgeTrends.groups(f.workspaceId)).toEqual([
        { field: 'kind', value: 'live' },
        { field: 'kind', value: 'customer' },
        { field: 'outcome', value: 'churned' },
        { field: 'outcome', value: 'renewed' },
      ]);
    });

    it('exports every tag once, oldest first, page after page, with its interview', async () => {
      const rows: TagExportRow[] = [];
      for (;;) {
        const last = rows.at(-1);
        const page = await store.knowledgeTrends.exportPage(
          f.workspaceId,
          {},
          {
            limit: 7,
            ...(last === undefined ? {} : { after: { occurredAt: last.occurredAt, tagId: last.tagId } }),
          },
        );
        rows.push(...page);
        if (page.length < 7) break;
      }
      expect(rows).toHaveLength(f.tags.length * 2); // each topic tag and its sentiment tag
      expect(new Set(rows.map((r) => r.tagId)).size).toBe(rows.length);
      const order = rows.map((r) => `${r.occurredAt} ${r.tagId}`);
      expect(order).toEqual([...order].sort());
      const churnedPricing = rows.find((r) => r.label === 'Pricing' && r.outcome === 'churned');
      expect(churnedPricing).toMatchObject({ tagKind: 'topic', interviewKind: 'customer' });
      expect(churnedPricing?.account).toMatch(/^Account \d+$/);
      const sentimentOnly = await store.knowledgeTrends.exportPage(
        f.workspaceId,
        { tagKinds: ['sentiment'], labels: ['negative'] },
        { limit: 5000 },
      );
      expect(sentimentOnly.length).toBe(f.tags.filter((t) => mood(t.sentiment) === 'negative').length);
      await expect(store.knowledgeTrends.exportPage(f.workspaceId, {}, { limit: 0 })).rejects.toThrow(
        /limit/,
      );
    });

    it('counts a tag stored without a sentiment score in no sentiment bucket', async () => {
      const iv = f.interviews[0];
      if (iv === undefined) throw new Error('no interview');
      await insertTag(store, {
        workspaceId: f.workspaceId,
        interviewId: iv.id,
        kind: 'product',
        label: 'Remote Control',
        quote: 'remote control',
        sentiment: null,
        occurredAt: iv.occurredAt,
      });
      const [row] = await store.knowledgeTrends.weekly(f.workspaceId, { labels: ['remote control'] });
      expect(row).toMatchObject({
        tagKind: 'product',
        mentions: 1,
        positive: 0,
        neutral: 0,
        negative: 0,
        meanSentiment: null,
      });
    });
  });
}
