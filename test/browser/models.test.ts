import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserNeeds, startHarness, type Harness } from './harness.js';
import { apiGet, chartDrawn, checkPage } from './page-checks.js';
import { requires } from '../../src/test-helpers.js';

// Scoring models in real Chromium against `candor serve --demo`: an admin reads the built-in
// reference model's page (validation, predicted against rated, weights), activates it, the SDR job
// is re-scored with it through the API, and a recruiter reads a scorecard with the model's panel.
const SDR = 'Sales Development Representative';

/** POST to the API with the page's session cookie and its CSRF token. */
async function apiPost(page: Page, path: string): Promise<unknown> {
  const session = (await apiGet(page, '/me')) as { csrfToken: string };
  const response = await page.request.post(`/api/v1${path}`, {
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(response.status(), `POST ${path}`).toBe(200);
  return response.json();
}

requires(...browserNeeds()).describe(
  'scoring models in the browser',
  () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    }, 120_000);
    afterAll(async () => {
      await h?.close();
    });

    it("shows a model's validation, predicted against rated and its weights; an admin activates it", async () => {
      const { context, page } = await h.signIn('admin@example.com');
      try {
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Models' }).click();
        await page.getByRole('heading', { level: 1, name: 'Models' }).waitFor();
        const row = page.getByTestId('models-table').getByRole('row').nth(1);
        await expect.poll(() => row.innerText()).toMatch(/reference-overall · built-in/);
        expect(await row.innerText()).toMatch(/does not pass/);
        await checkPage(page, 'models', { docs: false });

        await page.getByRole('link', { name: /Reference: overall interview performance/ }).click();
        await page
          .getByRole('heading', { level: 1, name: /Reference: overall interview performance/ })
          .waitFor();
        await expect.poll(() => page.getByTestId('model-verdict').innerText()).toMatch(/^Does not pass\. /);
        expect(await page.getByTestId('model-verdict').innerText()).toContain(
          'does not pass: cross-validated r = 0.37 (95% CI 0.19 to 0.53) is below 0.6',
        );
        expect(await page.getByTestId('model-population').innerText()).toMatch(
          /^MIT undergraduates in mock job interviews/,
        );
        const validation = await page.getByTestId('model-validation').innerText();
        expect(validation).toMatch(
          /Model, cross-validated\s+0\.37\s+0\.19 to 0\.53\s+0\.39\s+0\.48\s+92\s+46/,
        );
        expect(validation).toMatch(/Model, holdout people\s+0\.43/);
        expect(validation).toMatch(/Baseline: expert framework \(expert:overall, untrained\)\s+0\.17/);
        expect(validation).toMatch(/Baseline: word count alone .*\s+−0\.29/);
        expect(await page.getByTestId('rater-agreement').innerText()).toContain('one rater per interview');
        await chartDrawn(page, 'model-scatter');
        await chartDrawn(page, 'model-weights');
        // 92 interviews, one dot each, and the dashed line of agreement.
        expect(
          await page.locator('[data-testid="model-scatter"] svg path[d]').count(),
        ).toBeGreaterThanOrEqual(92);
        expect(await page.getByTestId('model-features').getByRole('row').count()).toBe(10);
        await checkPage(page, 'model');

        await page.getByRole('button', { name: 'Make version 1 the active model for overall' }).click();
        await expect.poll(() => page.getByText('New analyses record this model').count()).toBe(1);
        const models = (await apiGet(page, '/models')) as {
          models: { id: string; activeVersion: number | null }[];
        };
        expect(models.models.map((m) => [m.id, m.activeVersion])).toEqual([['reference-overall', 1]]);
      } finally {
        await context.close();
      }
    });

    it("shows a re-scored scorecard with the model's prediction and each feature's contribution beside the framework's scores", async () => {
      const { context, page } = await h.signIn('recruiter@example.com');
      try {
        const { jobs } = (await apiGet(page, '/jobs')) as { jobs: { id: string; title: string }[] };
        const job = jobs.find((j) => j.title === SDR)!;
        const result = (await apiPost(page, `/jobs/${job.id}/rescore`)) as {
          rescored: { scorecardId: string; interviewId: string; score: number; onScale: number }[];
        };
        expect(result.rescored.length).toBeGreaterThan(3);
        const view = (await apiGet(page, '/jobs/' + job.id + '/ranking')) as {
          ranking: { candidateName: string; scorecardId: string | null }[];
        };
        const priya = view.ranking.find((r) => r.candidateName === 'Priya Raman')!;
        const rescored = result.rescored.find((r) => r.scorecardId === priya.scorecardId)!;
        expect(rescored).toBeDefined();
        await page.goto(`/scorecards/${priya.scorecardId}`);
        await page.getByTestId('model-panel').waitFor();
        await expect
          .poll(() => page.getByTestId('model-score').innerText())
          .toMatch(new RegExp(`^${rescored.onScale.toFixed(1)}\\s*on 1–7$`));
        const panel = await page.getByTestId('model-panel').innerText();
        expect(panel).toContain("Trained model's prediction");
        expect(panel).toMatch(/Does not pass \(cross-validated r = 0\.37, 95% CI 0\.19 to 0\.53\)/);
        // The framework's own score stays, labelled as the framework's recommendation.
        await expect.poll(() => page.getByTestId('overall-score').innerText()).toMatch(/^\d+\s*\/ 100$/);
        const table = page.getByTestId('model-contribution-table');
        expect(await table.getByRole('row').count()).toBe(10);
        expect(await table.innerText()).toMatch(
          /Filler words\s+[\d.]+ per 100 words\s+4\.08 per 100 words\s+[+−]\d+\.\d pts/,
        );
        await chartDrawn(page, 'model-contributions');
        await page.getByTestId('model-panel').scrollIntoViewIfNeeded();
        await checkPage(page, 'scorecard-model', { docs: false });
      } finally {
        await context.close();
      }
    });
  },
  120_000,
);
