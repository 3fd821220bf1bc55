import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { requires } from '../../src/test-helpers.js';
import { browserNeeds, screenshot, startHarness, type Harness } from './harness.js';
import { apiGet, checkPage, expectAccessible, watchRequests } from './page-checks.js';

// Rating blind in real Chromium against `candor serve --demo`: a recruiter opens the blind form
// from the job ranking, sees what was said and none of Candor's numbers, is told what is wrong
// with a missing or out-of-scale rating, saves, finds the ratings stored and filled in when they
// come back, and reads the raters' agreement on the job page.
const SDR = 'Sales Development Representative';
const CANDIDATE = 'Priya Raman';

interface RankRow {
  readonly candidateName: string;
  readonly interviewId: string | null;
  readonly scorecardId: string | null;
}
interface Given {
  readonly target: string;
  readonly answer: number | null;
  readonly value: number;
  readonly note: string | null;
}
interface Form {
  readonly answers: readonly { readonly turns: readonly { readonly text: string }[] }[];
  readonly targets: readonly { readonly id: string }[];
  readonly given: readonly Given[];
}
interface ScorecardPage {
  readonly scorecard: {
    readonly body: {
      readonly overall: { readonly score: number | null };
      readonly competencies: readonly { readonly score: number | null }[];
    };
  };
}

/** Two crowd raters' earlier ratings of every interview of the job, as a team would import them. */
function crowdCsv(interviews: readonly string[]): string {
  const rows = ['interview,rater,target,score,scale'];
  interviews.forEach((id, i) => {
    rows.push(`${id},crowd-1,overall,${1 + (i % 5)},1-5`);
    rows.push(`${id},crowd-2,overall,${1 + ((i + 1) % 5)},1-5`);
    rows.push(`${id},crowd-1,excited,${10 + 15 * i},0-100`);
    rows.push(`${id},crowd-2,excited,${20 + 12 * i},0-100`);
  });
  return rows.join('\n') + '\n';
}

async function importCsv(page: Page, csv: string): Promise<void> {
  const { csrfToken } = (await apiGet(page, '/me')) as { csrfToken: string };
  const response = await page.request.post('/api/v1/ratings/import?file=crowd.csv', {
    headers: { 'content-type': 'text/csv', 'x-csrf-token': csrfToken },
    data: csv,
  });
  expect(response.status(), await response.text()).toBe(200);
}

const form = async (page: Page, interviewId: string) =>
  (await apiGet(page, `/interviews/${interviewId}/rating-form`)) as Form;

requires(...browserNeeds()).describe(
  'rating blind in the browser',
  () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    }, 120_000);
    afterAll(async () => {
      await h?.close();
    });

    it('rates an interview blind from the ranking and stores the ratings', async () => {
      const { context, page } = await h.signIn('recruiter@example.com');
      try {
        const { jobs } = (await apiGet(page, '/jobs')) as { jobs: { id: string; title: string }[] };
        const job = jobs.find((j) => j.title === SDR);
        expect(job, SDR).toBeDefined();
        const jobId = job?.id ?? '';
        const { ranking } = (await apiGet(page, `/jobs/${jobId}/ranking`)) as { ranking: RankRow[] };
        const row = ranking.find((r) => r.candidateName === CANDIDATE);
        const interviewId = row?.interviewId ?? '';
        expect(interviewId).not.toBe('');
        await importCsv(page, crowdCsv(ranking.flatMap((r) => (r.interviewId ? [r.interviewId] : []))));
        const card = (await apiGet(page, `/scorecards/${row?.scorecardId ?? ''}`)) as ScorecardPage;
        const candorNumbers = [
          card.scorecard.body.overall.score,
          ...card.scorecard.body.competencies.map((c) => c.score),
        ]
          .filter((s): s is number => s !== null)
          .map((s) => String(Math.round(s)));
        expect(candorNumbers.length).toBeGreaterThan(3);

        // From the job's ranking, as a recruiter clicks there.
        await page.goto(`/jobs/${jobId}`);
        await page.getByTestId('ranking-row').first().waitFor();
        const requests = watchRequests(page, /^\/api\/v1\//);
        await page.getByRole('link', { name: `Rate blind: ${CANDIDATE}` }).click();
        await page.waitForURL((u) => u.pathname === `/interviews/${interviewId}/rate`);
        await page.getByRole('heading', { level: 1, name: /^Rate blind/ }).waitFor();
        await page.getByTestId('rate-target').first().waitFor();

        // Blind: the page asks for the blind form only, and shows none of the scorecard's numbers.
        expect(requests).toEqual([`GET /api/v1/interviews/${interviewId}/rating-form`]);
        const blind = await form(page, interviewId);
        const said = await page.getByTestId('rate-answers').innerText();
        for (const answer of blind.answers)
          for (const turn of answer.turns) expect(said).toContain(turn.text.trim());
        const outside = (await page.locator('main').innerText()).replace(said, '');
        const shown = new Set(outside.match(/\d+/g) ?? []);
        const scaleEnds = new Set(['0', '1', '2', '3', '4', '5', '100']);
        for (const n of candorNumbers.filter((x) => !scaleEnds.has(x))) {
          expect(shown.has(n), `Candor's score ${n} on the blind form`).toBe(false);
        }
        // ("Confidence & pacing" is a competency to rate, so the word itself may appear.)
        expect(outside).not.toMatch(/\/ 100|overall fit|strengths|gaps|\d+ ?%/i);
        expect(await page.getByTestId('rate-target').count()).toBe(blind.targets.length);
        expect(blind.targets.map((t) => t.id)).toEqual(expect.arrayContaining(['overall', 'excited']));

        // Nothing rated: the required overall rating is named, and nothing is stored.
        await page.getByRole('button', { name: 'Save my ratings' }).click();
        const problems = page.getByTestId('rate-problems');
        await expect
          .poll(() => problems.innerText())
          .toMatch(/Rate Overall: choose 1 \(poor\) to 5 \(excellent\)/);
        const overall = page.getByRole('radiogroup', { name: /^Overall/ });
        expect(await overall.getAttribute('aria-invalid')).toBe('true');
        await expectAccessible(page, 'rating form with a missing rating');

        // Out of its scale: said so, and still nothing stored.
        const excited = page.getByLabel(/^excited/);
        await excited.fill('150');
        await page.getByRole('button', { name: 'Save my ratings' }).click();
        await expect
          .poll(() => problems.innerText())
          .toMatch(/excited: 150 is outside the scale; give 0 \(poor\) to 100 \(excellent\)/);
        expect(await excited.getAttribute('aria-invalid')).toBe('true');
        expect((await form(page, interviewId)).given).toEqual([]);

        // By keyboard: Space chooses the first point of Overall, arrows move to 4.
        await overall.getByRole('radio').first().focus();
        await page.keyboard.press('Space');
        for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
        expect(await overall.getByRole('radio', { name: '4' }).isChecked()).toBe(true);
        const competency = blind.targets.find((t) => t.id !== 'overall' && t.id !== 'excited')?.id ?? '';
        await page.locator(`[data-target="${competency}"]`).getByRole('radio', { name: '3' }).click();
        await excited.fill('70');
        const comment = 'Clear examples with numbers; the second answer wandered.';
        await page.getByLabel('Comment (optional)').fill(comment);
        await page.getByRole('button', { name: 'Save my ratings' }).click();
        await expect
          .poll(() => page.getByTestId('rate-saved').innerText())
          .toMatch(/saved under your name \(3 added\)/);
        expect(await problems.count()).toBe(0);
        await checkPage(page, 'rating-form');

        // Stored under the recruiter, as given.
        const stored = (await form(page, interviewId)).given;
        expect(stored).toEqual(
          expect.arrayContaining([
            { target: 'overall', answer: null, value: 4, note: comment },
            { target: competency, answer: null, value: 3, note: null },
            { target: 'excited', answer: null, value: 70, note: null },
          ]),
        );
        expect(stored).toHaveLength(3);

        // Coming back: what they gave is filled in, to update.
        await page.reload();
        await page.getByTestId('rated-before').waitFor();
        expect(
          await page
            .getByRole('radiogroup', { name: /^Overall/ })
            .getByRole('radio', { name: '4' })
            .isChecked(),
        ).toBe(true);
        expect(await page.getByLabel(/^excited/).inputValue()).toBe('70');
        expect(await page.getByLabel('Comment (optional)').inputValue()).toBe(comment);
        await page.getByRole('button', { name: 'Update my ratings' }).waitFor();

        // On a phone: one column, nothing wider than the screen.
        await page.setViewportSize({ width: 375, height: 800 });
        await page.waitForTimeout(200);
        expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
        await expectAccessible(page, 'rating form on a phone');
        await screenshot(page, 'rating-form-phone', { docs: false });
        await page.setViewportSize({ width: 1280, height: 860 });

        // The job page reports the raters' agreement per target.
        await page.getByRole('link', { name: 'Back to the job' }).click();
        const agreement = page.getByTestId('agreement');
        const overallRow = agreement.getByTestId('agreement-row').filter({ hasText: /^Overall/ });
        await overallRow.waitFor();
        const cells = await overallRow.locator('td').allInnerTexts();
        expect(cells[0]).toBe('3');
        expect(cells[1]).toBe(String(ranking.filter((r) => r.interviewId).length));
        expect(cells[2]).toMatch(/^-?\d\.\d\d$/);
        expect(cells[3]).toMatch(/^-?\d\.\d\d$/);
        await checkPage(page, 'job-agreement', { docs: false });
      } finally {
        await context.close();
      }
    }, 120_000);
  },
  180_000,
);
