import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { requires } from '../../src/test-helpers.js';
import { browserNeeds, startHarness, type Harness } from './harness.js';
import { apiGet, checkPage } from './page-checks.js';

// The fairness alert banner in real Chromium against `candor serve --demo`: an open alert (stored
// as the monitor stores it) shows on every page of an admin, with a link to the audit; a recruiter
// never sees it; Acknowledge takes it away and records who did.
const MESSAGE =
  'Fairness alert: scoring impact ratio 0.62 for Female over the last 200 candidates (model Overall X v1).';

requires(...browserNeeds()).describe(
  'the fairness alert banner in the browser',
  () => {
    let h: Harness;
    let store: Store;
    let alertId: string;
    beforeAll(async () => {
      h = await startHarness();
      // A second connection to the server's SQLite file, as another process would have.
      store = await openStore({ dataDir: h.dataDir });
      const ws = await store.workspaces.getBySlug('demo');
      const alert = await store.fairnessAlerts.raise({
        workspaceId: ws.id,
        modelId: 'overall-model',
        modelVersion: 1,
        modelName: 'Overall X',
        category: 'sex',
        group: 'female',
        referenceGroup: 'male',
        impactRatio: 0.62,
        members: 84,
        window: 200,
      });
      alertId = alert!.id;
    }, 120_000);
    afterAll(async () => {
      await store?.close();
      await h?.close();
    });

    it('a recruiter sees no banner and gets 403 from the alerts', async () => {
      const { context, page } = await h.signIn('recruiter@example.com');
      try {
        await page.getByRole('heading', { level: 1 }).waitFor();
        expect((await page.request.get('/api/v1/fairness/alerts')).status()).toBe(403);
        await page.waitForTimeout(300);
        expect(await page.getByRole('alert', { name: 'Fairness alerts' }).count()).toBe(0);
      } finally {
        await context.close();
      }
    });

    it('an admin sees the banner on every page, follows it to the audit, and acknowledges it', async () => {
      const { context, page } = await h.signIn('admin@example.com');
      try {
        const banner = page.getByRole('alert', { name: 'Fairness alerts' });
        await expect.poll(() => banner.innerText()).toContain(MESSAGE);
        await checkPage(page, 'fairness-alert');
        await page.goto('/models');
        await expect.poll(() => banner.innerText()).toContain(MESSAGE);
        await banner.getByRole('link', { name: 'Open the audit' }).click();
        await page.waitForURL((u) => u.pathname === '/audit');
        await expect.poll(() => banner.innerText()).toContain(MESSAGE);
        await banner.getByRole('button', { name: 'Acknowledge' }).click();
        await expect.poll(() => banner.count()).toBe(0);
        const me = (await apiGet(page, '/me')) as { user: { id: string } };
        const all = (await apiGet(page, '/fairness/alerts?state=all')) as {
          alerts: { id: string; acknowledgedBy: string | null }[];
        };
        expect(all.alerts).toEqual([expect.objectContaining({ id: alertId, acknowledgedBy: me.user.id })]);
        await page.reload();
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForTimeout(300);
        expect(await banner.count()).toBe(0);
      } finally {
        await context.close();
      }
    });
  },
  180_000,
);
