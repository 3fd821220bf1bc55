/** tagInterview on SQLite and, when TEST_DATABASE_URL is set, PostgreSQL, with a small honest tagger. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TagDraft } from '../domain/index.js';
import { openStore, type Store } from '../store/index.js';
import { postgresTestSchema } from '../store/test-helpers.js';
import { need, requires } from '../test-helpers.js';
import { tagInterview, type Tagger, type TaggerContext } from './tag-interview.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Tags from the real segments: each sentence ending in "?" as a question, and each topic whose
 * name or synonym occurs as a whole word. Records what it was told.
 */
function simpleTagger(told: TaggerContext[] = []): Tagger {
  return (segments, context) => {
    told.push(context);
    return segments.flatMap((s, position): TagDraft[] => {
      const at = { speaker: s.speaker, startS: s.start, endS: s.end, segmentPosition: position };
      const none = { refId: null, endPosition: null, sentiment: null, detail: null };
      const questions = s.text
        .split(/(?<=[.?!])\s+/)
        .filter((sentence) => sentence.endsWith('?'))
        .map((q): TagDraft => ({ kind: 'question', label: q, quote: q, ...at, ...none }));
      const topics = context.topics
        .filter((t) =>
          [t.name, ...t.synonyms].some((w) => new RegExp(`\\b${escape(w)}\\b`, 'i').test(s.text)),
        )
        .map((t): TagDraft => ({ kind: 'topic', label: t.name, quote: s.text, ...at, ...none, refId: t.id }));
      return [...topics, ...questions];
    });
  };
}

const DEFAULTS = [
  { name: 'Pricing', synonyms: ['price', 'cost', 'expensive'] },
  { name: 'Support', synonyms: ['help desk'] },
];

function describeTagInterview(name: string, open: () => Promise<Store>): void {
  describe(`tagInterview on ${name}`, () => {
    let store: Store;
    let interviewId = '';
    let workspaceId = '';
    beforeAll(async () => {
      store = await open();
      workspaceId = (await store.workspaces.ensure({ slug: `tag-${Date.now()}`, name: 'Tag' })).id;
      const interview = await store.interviews.createWithTranscript(
        { workspaceId, kind: 'customer', account: 'Northwind', occurredAt: '2026-03-14T09:30:00.000Z' },
        [
          { speaker: 'Maya', start: 1, end: 6, text: 'Thanks for joining. Is the price still a concern?' },
          {
            speaker: 'Tom',
            start: 7,
            end: 15,
            text: 'It is expensive, and the help desk is slow. Can you fix that?',
          },
          { speaker: 'Maya', start: 16, end: 20, text: 'We will look into it.' },
        ],
      );
      interviewId = interview.id;
    });
    afterAll(async () => {
      await store?.close();
    });

    it("seeds the default topics, tells the tagger the workspace's taxonomy and the date, and stores its tags", async () => {
      const competitor = await store.knowledge.names.create(workspaceId, {
        kind: 'competitor',
        name: 'Gong',
      });
      const told: TaggerContext[] = [];
      const tags = await tagInterview(store, interviewId, simpleTagger(told), { defaultTopics: DEFAULTS });
      expect(told).toHaveLength(1);
      expect(told[0]?.meetingDate).toBe('2026-03-14T09:30:00.000Z');
      expect(told[0]?.topics.map((t) => t.name)).toEqual(['Pricing', 'Support']);
      expect(told[0]?.names).toEqual([{ id: competitor.id, kind: 'competitor', name: 'Gong', aliases: [] }]);
      expect(tags).toHaveLength(5);
      const stored = await store.knowledge.tagsOf(interviewId);
      expect(stored.map((t) => [t.segmentPosition, t.kind, t.label])).toEqual([
        [0, 'topic', 'Pricing'],
        [0, 'question', 'Is the price still a concern?'],
        [1, 'topic', 'Pricing'],
        [1, 'topic', 'Support'],
        [1, 'question', 'Can you fix that?'],
      ]);
      const pricing = (await store.knowledge.topics.list(workspaceId)).find((t) => t.name === 'Pricing');
      expect(stored[0]).toMatchObject({ refId: pricing?.id, speaker: 'Maya', startS: 1, endS: 6 });
      expect(stored[0]?.occurredAt).toBe('2026-03-14T09:30:00.000Z');
    });

    it("tags again with the workspace's edited topics, replacing the earlier tags, and queues the webhook", async () => {
      const support = (await store.knowledge.topics.list(workspaceId)).find((t) => t.name === 'Support');
      await store.knowledge.topics.remove(support!.id);
      await tagInterview(store, interviewId, simpleTagger(), {
        defaultTopics: DEFAULTS,
        webhookUrl: 'https://hooks.example.com/knowledge',
      });
      const labels = (await store.knowledge.tagsOf(interviewId, { kinds: ['topic'] })).map((t) => t.label);
      expect(labels).toEqual(['Pricing', 'Pricing']);
      const [delivery] = await store.fairnessAlerts.deliveries(workspaceId);
      expect(delivery).toMatchObject({ event: 'knowledge.tags', url: 'https://hooks.example.com/knowledge' });
      expect(JSON.parse(delivery!.body).tags).toHaveLength(4);
    });
  });
}

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-tag-interview-'));
describe('SQLite', () => {
  afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));
  describeTagInterview('sqlite', () => openStore({ dataDir: tempDir }));
});

const databaseUrl = process.env.TEST_DATABASE_URL;
const { schema, drop } = postgresTestSchema('candor_tag_interview', databaseUrl);
requires(need.database()).describe('PostgreSQL (TEST_DATABASE_URL)', () => {
  afterAll(drop);
  describeTagInterview('postgres', () => openStore({ dataDir: tempDir, databaseUrl, schema }));
});
