import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedTrends, type TrendFixture } from '../../src/knowledge/trends/trends-fixture.suite.js';
import { DEMO_WORKSPACE } from '../../src/cli/commands/demo.js';
import { openStore } from '../../src/store/index.js';
import { need, requires } from '../../src/test-helpers.js';
import { browserNeeds, startHarness, type Harness } from './harness.js';
import {
  chartDrawn,
  checkPage,
  DESKTOP_VIEWPORT,
  expectFitsViewport,
  PHONE_VIEWPORT,
} from './page-checks.js';

// The knowledge trends page in real Chromium against `candor serve --demo`, with ten weeks of tags
// built from real meeting sentences (QMSum) in the demo workspace: a recruiter opens Knowledge,
// sees the weekly lines drawn, the Pricing spike of last week, the sentiment bars, and compares
// live interviews with churned customers; a hiring manager has no Knowledge link.
requires(...browserNeeds(), need.sharedData('meetings-qmsum/Product')).describe(
  'knowledge trends in the browser',
  () => {
    let h: Harness;
    let f: TrendFixture;
    beforeAll(async () => {
      h = await startHarness();
      // A second connection to the server's SQLite file (WAL): the tags as the tagger would write them.
      const store = await openStore({ dataDir: h.dataDir });
      try {
        f = await seedTrends(store, new Date(), DEMO_WORKSPACE);
      } finally {
        await store.close();
      }
    }, 120_000);
    afterAll(async () => {
      await h?.close();
    });

    it('draws weekly mentions per label, flags the Pricing spike and compares groups', async () => {
      const { context, page } = await h.signIn('recruiter@example.com');
      try {
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Knowledge' }).click();
        await page
          .getByRole('navigation', { name: 'Knowledge' })
          .getByRole('link', { name: 'Trends' })
          .click();
        await page.getByRole('heading', { level: 1, name: 'Knowledge trends' }).waitFor();
        await chartDrawn(page, 'mentions-chart');
        // One line per label (Battery, Pricing, Buttons, Nokia), each a path through every week.
        await expect
          .poll(() => page.locator('[data-testid="mentions-chart"] svg path').count())
          .toBeGreaterThanOrEqual(4);
        const legend = await page.getByTestId('mentions-chart').locator('svg text').allTextContents();
        expect(legend.join(' ')).toMatch(/Battery[\s\S]*Pricing[\s\S]*Buttons[\s\S]*Nokia \(competitor\)/);
        const alerts = await page.getByTestId('spike-alerts').innerText();
        expect(alerts).toMatch(
          /^Pricing \(topic\): 9 mentions, against 0\.5 a week over the previous 8 weeks/,
        );
        expect(
          await page.getByRole('heading', { name: `Spikes in the week of ${f.testedWeek}` }).count(),
        ).toBe(1);
        // The sentiment chart opens on the spiking label, its mentions split by VADER band.
        await chartDrawn(page, 'sentiment-chart');
        const pricing = f.tags.filter((t) => t.label === 'Pricing');
        const band = (test: (s: number) => boolean) => pricing.filter((t) => test(t.sentiment)).length;
        expect(await page.getByTestId('sentiment-chart').getAttribute('aria-label')).toBe(
          `Pricing: ${band((s) => s >= 0.05)} positive, ${band((s) => s > -0.05 && s < 0.05)} neutral and ` +
            `${band((s) => s <= -0.05)} negative mentions, by week.`,
        );

        await page.getByRole('checkbox', { name: 'outcome: churned' }).check();
        await expect
          .poll(() => page.getByTestId('compare-table').locator('thead').innerText())
          .toMatch(/churned/i);
        await chartDrawn(page, 'compare-chart');
        const pricingRow = await page
          .getByTestId('compare-table')
          .getByRole('row', { name: /^Pricing/ })
          .innerText();
        // Live interviews never mention pricing; churned customers do, in negative words.
        expect(pricingRow).toMatch(
          /^Pricing\s+—\s+\d+% · \d+ mentions · -0\.\d\d\s+\d+% · \d+ mentions · -0\.\d\d$/,
        );
        await checkPage(page, 'knowledge-trends');
        await page.setViewportSize(PHONE_VIEWPORT);
        await expectFitsViewport(page, 'knowledge trends at 390 px');
        await page.setViewportSize(DESKTOP_VIEWPORT);
        const exportHref = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
        const response = await page.request.get(exportHref ?? '');
        expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
        expect((await response.text()).split('\r\n')[0]).toMatch(/^tag_id,tag_kind,label,quote,/);
      } finally {
        await context.close();
      }
    });

    it('has no Knowledge link for a hiring manager, and the page says it is not theirs', async () => {
      const { context, page } = await h.signIn('manager@example.com');
      try {
        const nav = page.getByRole('navigation', { name: 'Main' });
        await nav.getByRole('link').first().waitFor();
        expect(await nav.getByRole('link', { name: 'Knowledge' }).count()).toBe(0);
        const response = await page.request.get('/api/v1/knowledge/trends');
        expect(response.status()).toBe(403);
      } finally {
        await context.close();
      }
    });
  },
  120_000,
);
