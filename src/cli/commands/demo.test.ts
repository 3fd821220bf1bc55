import { afterAll, describe, expect, it } from 'vitest';
import { findQuestionSet } from '../../pipeline/index.js';
import { tempDir } from '../../pipeline/test-helpers.js';
import { openStore } from '../../store/index.js';
import { DEMO_WORKSPACE, seedDemo } from './demo.js';

describe('seedDemo', () => {
  const data = tempDir('candor-demo-seed-');
  afterAll(data.cleanup);

  it('stores the example question set as the demo’s own and no built-in as a row', async () => {
    const store = await openStore({ dataDir: data.dir });
    try {
      const summaries = await seedDemo(store, () => undefined);
      expect(summaries.map((s) => s.failed)).toEqual([[], []]);
      const demo = await store.workspaces.getBySlug(DEMO_WORKSPACE);
      const rows = await store.questionSets.listVisible(demo.id);
      expect(rows.map((r) => [r.id, r.workspaceId])).toEqual([['sdr', demo.id]]);
      expect(await store.frameworks.listLatest(demo.id)).toEqual([]);

      // Another workspace sees the built-in `default`, not a demo row.
      const other = await store.workspaces.ensure({ slug: 'after-the-demo' });
      expect(await findQuestionSet(store, other.id, 'default')).toMatchObject({
        id: 'default',
        builtIn: true,
      });
      await expect(findQuestionSet(store, other.id, 'sdr')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await store.close();
    }
  }, 120_000);
});
