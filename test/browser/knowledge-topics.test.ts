import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TagDraft } from '../../src/domain/index.js';
import { tagInterview, type Tagger } from '../../src/pipeline/tag-interview.js';
import { openStore, type Store } from '../../src/store/index.js';
import { requires } from '../../src/test-helpers.js';
import { browserNeeds, startHarness, type Harness } from './harness.js';
import { apiGet, checkPage, expectFitsViewport, PHONE_VIEWPORT } from './page-checks.js';

// The knowledge taxonomy page in real Chromium against `candor serve --demo`: a recruiter adds,
// edits and deletes topics, tracks a competitor, and takes up the suggestions that three tagged
// conversations (tagged from their own words by a small tagger) give, then re-tags the stored
// conversations with the edited topics and follows the task to its result.

const PHRASES = ['battery life', 'pricing'];
const tagger: Tagger = (segments) =>
  segments.flatMap((s, position): TagDraft[] => {
    const at = {
      refId: null,
      speaker: s.speaker,
      startS: s.start,
      endS: s.end,
      segmentPosition: position,
      endPosition: null,
      sentiment: null,
      detail: null,
    };
    const phrases = PHRASES.filter((p) => s.text.toLowerCase().includes(p)).map((p): TagDraft => ({
      ...at,
      kind: 'keyphrase',
      label: p,
      quote: s.text,
    }));
    const orgs = [...s.text.matchAll(/\b[A-Z][a-z]+ Corp\b/g)].map((m): TagDraft => ({
      ...at,
      kind: 'organisation',
      label: m[0],
      quote: s.text,
    }));
    return [...phrases, ...orgs];
  });

const CALLS = [
  'Battery life is fine, but pricing went up and Acme Corp complained.',
  'The battery life of the field kit, and the pricing of the upgrade. Acme Corp offered more.',
  'The export breaks and the battery life is short; pricing is fair. We compared Acme Corp.',
];

requires(...browserNeeds()).describe(
  'the knowledge topics page in the browser',
  () => {
    let h: Harness;
    let store: Store;
    const callIds: string[] = [];
    beforeAll(async () => {
      h = await startHarness();
      // A second connection to the server's SQLite file, as the worker would tag.
      store = await openStore({ dataDir: h.dataDir });
      const ws = await store.workspaces.getBySlug('demo');
      for (const text of CALLS) {
        const call = await store.interviews.createWithTranscript({ workspaceId: ws.id, kind: 'customer' }, [
          { speaker: 'Customer', start: 0, end: 8, text },
        ]);
        await tagInterview(store, call.id, tagger);
        callIds.push(call.id);
      }
    }, 120_000);
    afterAll(async () => {
      await store?.close();
      await h?.close();
    });

    it('a recruiter edits the topics and tracked names and takes up the suggestions', async () => {
      const { context, page } = await h.signIn('recruiter@example.com');
      page.on('dialog', (dialog) => void dialog.accept());
      try {
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Knowledge' }).click();
        await page
          .getByRole('navigation', { name: 'Knowledge' })
          .getByRole('link', { name: 'Topics' })
          .click();
        await page.getByRole('heading', { level: 1, name: 'Knowledge topics' }).waitFor();
        const topics = page.getByTestId('topic-table');
        const suggestions = page.getByTestId('topic-suggestions');
        await expect.poll(() => suggestions.innerText()).toContain('battery life');
        expect(await suggestions.innerText()).toContain('pricing');

        const addTopic = page
          .locator('form')
          .filter({ has: page.getByRole('button', { name: 'Add topic' }) });
        await addTopic.getByLabel('Name').fill('Pricing');
        await addTopic.getByLabel('Synonyms').fill('price, cost, Price');
        await addTopic.getByRole('button', { name: 'Add topic' }).click();
        await expect.poll(() => topics.innerText()).toContain('Pricing');
        expect(await page.getByRole('list', { name: 'Synonyms of Pricing' }).innerText()).toBe('price\ncost');
        // "pricing" is now the topic's name: no longer suggested.
        await expect.poll(() => suggestions.innerText()).not.toContain('pricing');

        await addTopic.getByLabel('Name').fill('PRICING');
        await addTopic.getByRole('button', { name: 'Add topic' }).click();
        await expect
          .poll(() => page.getByRole('alert').first().innerText())
          .toContain('topic "PRICING" already exists');

        await page.getByRole('button', { name: 'Add as topic: battery life' }).click();
        await expect.poll(() => topics.innerText()).toContain('battery life');
        await expect.poll(() => page.getByText('Nothing to suggest').count()).toBe(1);

        await page.getByRole('button', { name: 'Edit Pricing' }).click();
        const edit = page.locator('form').filter({ has: page.getByRole('button', { name: 'Save' }) });
        await edit.getByLabel('Name').fill('Pricing and cost');
        await edit.getByLabel('Synonyms').fill('price, cost, budget');
        await edit.getByRole('button', { name: 'Save' }).click();
        await expect.poll(() => topics.innerText()).toContain('Pricing and cost');
        expect(await page.getByRole('list', { name: 'Synonyms of Pricing and cost' }).innerText()).toBe(
          'price\ncost\nbudget',
        );

        await page.getByRole('button', { name: 'Track as competitor: Acme Corp' }).click();
        const names = page.getByTestId('name-table');
        await expect.poll(() => names.innerText()).toContain('Acme Corp');
        expect(await names.innerText()).toContain('competitor');

        await page.getByRole('button', { name: 'Delete battery life' }).click();
        await expect.poll(() => topics.innerText()).not.toContain('battery life');
        await checkPage(page, 'knowledge-topics');

        const stored = (await apiGet(page, '/knowledge/topics')) as {
          topics: { name: string; synonyms: string[] }[];
        };
        expect(stored.topics).toEqual([
          expect.objectContaining({ name: 'Pricing and cost', synonyms: ['price', 'cost', 'budget'] }),
        ]);
        const tracked = (await apiGet(page, '/knowledge/names')) as {
          names: { name: string; kind: string }[];
        };
        expect(tracked.names).toEqual([expect.objectContaining({ name: 'Acme Corp', kind: 'competitor' })]);

        // The edits reach the stored conversations once re-tagged (the real tagger, in its thread).
        const retag = page.getByRole('button', { name: 'Re-tag stored conversations' });
        expect(await page.getByTestId('retag-panel').innerText()).toContain('You changed the topics');
        await retag.click();
        await page.getByLabel('Re-tagging progress').waitFor();
        const summary = page.getByTestId('retag-summary');
        await summary.waitFor({ timeout: 60_000 });
        expect(await summary.innerText()).toMatch(/^\d+ conversations re-tagged\.$/);
        await checkPage(page, 'knowledge-topics-retagged', { docs: false });
        for (const id of callIds) {
          const labels = (await store.knowledge.tagsOf(id, { kinds: ['topic'] })).map((t) => t.label);
          expect(labels).toContain('Pricing and cost');
        }
      } finally {
        await context.close();
      }
    });

    it('fits a phone for an admin, whose navigation has the most links', async () => {
      const { context, page } = await h.signIn('admin@example.com');
      try {
        await page.setViewportSize(PHONE_VIEWPORT);
        await page.goto('/knowledge/topics');
        await page.getByRole('heading', { level: 1, name: 'Knowledge topics' }).waitFor();
        await page.getByRole('button', { name: 'Add name' }).waitFor();
        await checkPage(page, 'knowledge-topics-phone', { docs: false });
        await expectFitsViewport(page, 'knowledge topics at 390 px');
      } finally {
        await context.close();
      }
    });
  },
  180_000,
);
