/** Knowledge topics, tracked names and tags (migration 0023) on one database; run by knowledge.test.ts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../core/index.js';
import type { TagDraft } from '../domain/index.js';
import { KNOWLEDGE_TAGS_EVENT, type Store } from './index.js';
import { candorError } from './store-fixtures.suite.js';

/** A tag draft as the tagger makes it, with the fields a test does not care about empty. */
export function draft(fields: Partial<TagDraft> & Pick<TagDraft, 'kind' | 'label'>): TagDraft {
  return {
    refId: null,
    quote: fields.label,
    speaker: null,
    startS: null,
    endS: null,
    segmentPosition: null,
    endPosition: null,
    sentiment: null,
    detail: null,
    ...fields,
  };
}

export function describeKnowledge(name: string, open: () => Promise<Store>): void {
  describe(`knowledge store on ${name}`, () => {
    let store: Store;
    const workspace = async () => (await store.workspaces.ensure({ slug: newId('ws-kb'), name: 'KB' })).id;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('keeps topics with trimmed synonyms, repeats dropped ignoring case, listed by name', async () => {
      const ws = await workspace();
      const t = store.knowledge.topics;
      const pricing = await t.create(ws, {
        name: ' Pricing ',
        synonyms: ['price', ' Cost', 'PRICE', 'budget'],
      });
      expect(pricing).toMatchObject({
        workspaceId: ws,
        name: 'Pricing',
        synonyms: ['price', 'Cost', 'budget'],
      });
      await t.create(ws, { name: 'onboarding' });
      expect((await t.list(ws)).map((x) => x.name)).toEqual(['onboarding', 'Pricing']);
      const renamed = await t.update(pricing.id, { name: 'Price & cost' });
      expect(renamed).toMatchObject({ name: 'Price & cost', synonyms: ['price', 'Cost', 'budget'] });
      expect((await t.update(pricing.id, { synonyms: [] })).synonyms).toEqual([]);
      await t.remove(pricing.id);
      expect((await candorError(t.get(pricing.id))).code).toBe('NOT_FOUND');
      expect((await candorError(t.remove(pricing.id))).code).toBe('NOT_FOUND');
      expect((await t.list(ws)).map((x) => x.name)).toEqual(['onboarding']);
    });

    it('refuses a second topic of the same name ignoring case and accents, naming it; other workspaces may', async () => {
      const ws = await workspace();
      const t = store.knowledge.topics;
      await t.create(ws, { name: 'Résumé' });
      const again = await candorError(t.create(ws, { name: 'RESUME' }));
      expect([again.code, again.message]).toEqual([
        'CONFLICT',
        'topic "RESUME" already exists (names are compared ignoring case and accents)',
      ]);
      const other = await t.create(ws, { name: 'Hiring' });
      expect((await candorError(t.update(other.id, { name: 'resume' }))).code).toBe('CONFLICT');
      await t.create(await workspace(), { name: 'résumé' });
      // Renaming a topic to its own name in another case is no conflict.
      expect((await t.update(other.id, { name: 'HIRING' })).name).toBe('HIRING');
    });

    it('names the field and the place of a bad synonym or name', async () => {
      const ws = await workspace();
      const t = store.knowledge.topics;
      const bad = async (input: Parameters<typeof t.create>[1]) => {
        const error = await candorError(t.create(ws, input));
        return [error.code, error.details.field, error.message];
      };
      expect(await bad({ name: 'x', synonyms: ['a', 'b', '  '] })).toEqual([
        'VALIDATION_FAILED',
        'synonyms[2]',
        'synonyms[2]: expected a non-empty word or phrase',
      ]);
      expect(await bad({ name: 'x', synonyms: ['a', 'y'.repeat(101)] })).toEqual([
        'VALIDATION_FAILED',
        'synonyms[1]',
        'synonyms[1]: expected at most 100 characters, got 101',
      ]);
      expect((await bad({ name: 'x', synonyms: Array.from({ length: 201 }, (_, i) => `w${i}`) }))[1]).toBe(
        'synonyms',
      );
      expect(await bad({ name: '   ' })).toEqual([
        'VALIDATION_FAILED',
        'name',
        'name: expected a non-empty name',
      ]);
      // 200 distinct synonyms are allowed.
      const many = Array.from({ length: 200 }, (_, i) => `w${i}`);
      expect((await t.create(ws, { name: 'many', synonyms: many })).synonyms).toHaveLength(200);
      expect(await t.list(ws)).toHaveLength(1);
    });

    it('seeds the default topics once, also when two seeds run at the same time, and never over existing ones', async () => {
      const defaults = [
        { name: 'Pricing', synonyms: ['price', 'cost'] },
        { name: 'Onboarding', synonyms: ['setup'] },
      ];
      const ws = await workspace();
      const [a, b] = await Promise.all([
        store.knowledge.seedTopics(ws, defaults),
        store.knowledge.seedTopics(ws, defaults),
      ]);
      expect(a.map((x) => x.name)).toEqual(['Onboarding', 'Pricing']);
      expect(b.map((x) => x.id)).toEqual(a.map((x) => x.id));
      await store.knowledge.topics.remove(a[0]!.id);
      // Not empty any more: the removed default stays removed.
      expect((await store.knowledge.seedTopics(ws, defaults)).map((x) => x.name)).toEqual(['Pricing']);
      const own = await workspace();
      await store.knowledge.topics.create(own, { name: 'Churn' });
      expect((await store.knowledge.seedTopics(own, defaults)).map((x) => x.name)).toEqual(['Churn']);
      const error = await candorError(
        store.knowledge.seedTopics(await workspace(), [{ name: 'ok', synonyms: [''] }]),
      );
      expect([error.code, error.details.field]).toEqual(['VALIDATION_FAILED', 'defaults[0].synonyms[0]']);
    });

    it('tracks competitors and products with aliases, one name per workspace across both kinds', async () => {
      const ws = await workspace();
      const n = store.knowledge.names;
      const gong = await n.create(ws, { kind: 'competitor', name: 'Gong', aliases: ['gong.io', 'GONG.IO'] });
      expect(gong).toMatchObject({ kind: 'competitor', name: 'Gong', aliases: ['gong.io'] });
      await n.create(ws, { kind: 'product', name: 'Candor Recorder' });
      expect((await n.list(ws, { kind: 'product' })).map((x) => x.name)).toEqual(['Candor Recorder']);
      expect((await n.list(ws)).map((x) => x.name)).toEqual(['Candor Recorder', 'Gong']);
      const dup = await candorError(n.create(ws, { kind: 'product', name: 'gong' }));
      expect([dup.code, dup.message]).toEqual([
        'CONFLICT',
        'tracked name "gong" already exists (names are compared ignoring case and accents)',
      ]);
      expect((await n.update(gong.id, { kind: 'product', aliases: ['Gong AI'] })).kind).toBe('product');
      const kind = await candorError(n.create(ws, { kind: 'partner' as 'product', name: 'X' }));
      expect([kind.code, kind.details.field]).toEqual(['VALIDATION_FAILED', 'kind']);
      const alias = await candorError(n.update(gong.id, { aliases: ['ok', ''] }));
      expect(alias.details.field).toBe('aliases[1]');
      await n.remove(gong.id);
      expect((await candorError(n.get(gong.id))).code).toBe('NOT_FOUND');
    });

    describe('tags', () => {
      let ws = '';
      let first = '';
      let second = '';
      beforeAll(async () => {
        ws = await workspace();
        const segments = [
          { speaker: 'Maya', start: 0, end: 4, text: 'How is the pricing working for you?' },
          { speaker: 'Tom', start: 4, end: 9, text: 'The price went up and Acme Corp noticed.' },
        ];
        first = (
          await store.interviews.createWithTranscript(
            { workspaceId: ws, kind: 'customer', occurredAt: '2026-03-14T10:00:00.000Z' },
            segments,
          )
        ).id;
        second = (await store.interviews.createWithTranscript({ workspaceId: ws, kind: 'exit' }, segments))
          .id;
      });

      it('stores the drafts with the interview and its time, in transcript order, filtered by kind', async () => {
        const stored = await store.knowledge.replaceTags(first, [
          draft({ kind: 'organisation', label: 'Acme Corp', segmentPosition: 1, startS: 4, endS: 9 }),
          draft({ kind: 'sentiment', label: 'negative', sentiment: -0.4, segmentPosition: 1 }),
          draft({
            kind: 'question',
            label: 'How is the pricing working for you?',
            speaker: 'Maya',
            segmentPosition: 0,
            startS: 0,
            endS: 4,
          }),
          draft({ kind: 'keyphrase', label: 'price', detail: { count: 2, forms: ['price', 'pricing'] } }),
        ]);
        expect(stored).toHaveLength(4);
        const tags = await store.knowledge.tagsOf(first);
        expect(tags.map((t) => [t.segmentPosition, t.kind])).toEqual([
          [0, 'question'],
          [1, 'sentiment'],
          [1, 'organisation'],
          [null, 'keyphrase'],
        ]);
        expect(tags[0]).toMatchObject({
          workspaceId: ws,
          interviewId: first,
          speaker: 'Maya',
          startS: 0,
          endS: 4,
          occurredAt: '2026-03-14T10:00:00.000Z',
        });
        expect(tags[1]?.sentiment).toBe(-0.4);
        expect(tags[3]?.detail).toEqual({ count: 2, forms: ['price', 'pricing'] });
        const some = await store.knowledge.tagsOf(first, { kinds: ['sentiment', 'question'] });
        expect(some.map((t) => t.kind)).toEqual(['question', 'sentiment']);
        expect(await store.knowledge.tagsOf(first, { kinds: [] })).toEqual([]);
      });

      it("replaces an interview's tags whole, dates them by created_at without occurred_at, and leaves others", async () => {
        await store.knowledge.replaceTags(second, [draft({ kind: 'keyphrase', label: 'Price' })]);
        await store.knowledge.replaceTags(second, [draft({ kind: 'keyphrase', label: 'PRICE' })]);
        const tags = await store.knowledge.tagsOf(second);
        expect(tags.map((t) => t.label)).toEqual(['PRICE']);
        expect(tags[0]?.occurredAt).toBe((await store.interviews.get(second)).createdAt);
        expect((await store.knowledge.tagsOf(first)).length).toBeGreaterThan(0);
      });

      it('keeps the old tags and queues nothing when the new ones cannot be stored', async () => {
        const before = await store.knowledge.tagsOf(first);
        const broken = draft({ kind: 'keyphrase', label: 'x', quote: null as unknown as string });
        await expect(
          store.knowledge.replaceTags(first, [draft({ kind: 'keyphrase', label: 'fine' }), broken], {
            webhookUrl: 'http://127.0.0.1:9/hook',
          }),
        ).rejects.toThrow();
        expect(await store.knowledge.tagsOf(first)).toEqual(before);
        expect(await store.fairnessAlerts.deliveries(ws)).toEqual([]);
        const kind = await candorError(
          store.knowledge.replaceTags(first, [draft({ kind: 'mood' as 'topic', label: 'x' })]),
        );
        expect([kind.code, kind.message]).toEqual([
          'VALIDATION_FAILED',
          'drafts[0].kind: unknown tag kind "mood"',
        ]);
        expect((await candorError(store.knowledge.replaceTags('intv_missing', []))).code).toBe('NOT_FOUND');
      });

      it('queues one knowledge.tags delivery of the new tags with the webhook URL', async () => {
        const stored = await store.knowledge.replaceTags(
          first,
          [draft({ kind: 'topic', label: 'Pricing', refId: 'topic_1', segmentPosition: 0 })],
          { webhookUrl: 'https://hooks.example.com/candor' },
        );
        const deliveries = await store.fairnessAlerts.deliveries(ws);
        expect(deliveries).toHaveLength(1);
        expect(deliveries[0]).toMatchObject({
          event: KNOWLEDGE_TAGS_EVENT,
          url: 'https://hooks.example.com/candor',
          status: 'pending',
        });
        expect(JSON.parse(deliveries[0]!.body)).toEqual({
          event: 'knowledge.tags',
          workspaceId: ws,
          interviewId: first,
          occurredAt: '2026-03-14T10:00:00.000Z',
          tags: [
            {
              id: stored[0]!.id,
              kind: 'topic',
              label: 'Pricing',
              refId: 'topic_1',
              quote: 'Pricing',
              speaker: null,
              startS: null,
              endS: null,
              segmentPosition: 0,
              endPosition: null,
              sentiment: null,
              detail: null,
              occurredAt: '2026-03-14T10:00:00.000Z',
              createdAt: stored[0]!.createdAt,
            },
          ],
        });
        const due = await store.fairnessAlerts.dueDeliveries(new Date(Date.now() + 1000).toISOString());
        expect(due.map((d) => d.id)).toContain(deliveries[0]!.id);
        await store.knowledge.replaceTags(first, []);
        expect(await store.fairnessAlerts.deliveries(ws)).toHaveLength(1);
      });

      it('counts the distinct interviews of each keyphrase and organisation, ignoring case, in this workspace', async () => {
        await store.knowledge.replaceTags(first, [
          draft({ kind: 'keyphrase', label: 'price', segmentPosition: 0 }),
          draft({ kind: 'keyphrase', label: 'price', segmentPosition: 1 }),
          draft({ kind: 'keyphrase', label: 'battery life' }),
          draft({ kind: 'organisation', label: 'Acme Corp' }),
        ]);
        await store.knowledge.replaceTags(second, [
          draft({ kind: 'keyphrase', label: 'Price' }),
          draft({ kind: 'organisation', label: 'ACME CORP' }),
        ]);
        const elsewhere = await workspace();
        const other = await store.interviews.createWithTranscript({ workspaceId: elsewhere, kind: 'exit' }, [
          { speaker: 'A', start: 0, end: 1, text: 'price' },
        ]);
        await store.knowledge.replaceTags(other.id, [draft({ kind: 'keyphrase', label: 'price' })]);
        expect(await store.knowledge.keyphraseCounts(ws)).toEqual([
          { label: 'Price', labelKey: 'price', interviews: 2 },
          { label: 'battery life', labelKey: 'battery life', interviews: 1 },
        ]);
        expect(await store.knowledge.organisationCounts(ws)).toEqual([
          { label: 'ACME CORP', labelKey: 'acme corp', interviews: 2 },
        ]);
      });

      it('goes with its interview', async () => {
        await store.interviews.delete(second);
        expect(await store.knowledge.tagsOf(second)).toEqual([]);
        expect((await store.knowledge.keyphraseCounts(ws)).map((c) => [c.labelKey, c.interviews])).toEqual([
          ['battery life', 1],
          ['price', 1],
        ]);
      });
    });
  });
}
