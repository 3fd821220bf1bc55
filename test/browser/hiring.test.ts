import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserNeeds, DEMO_PASSWORD, seriousViolations, startHarness, type Harness } from './harness.js';
import {
  chartDrawn,
  checkPage,
  DESKTOP_VIEWPORT,
  expectFitsViewport,
  PHONE_VIEWPORT,
  rankingOrder,
  taskFinished,
  watchRequests,
} from './page-checks.js';
import { requires } from '../../src/test-helpers.js';

// The hiring side in real Chromium against `candor serve --demo`: a recruiter creates a job, reads
// a ranking, uploads a transcript and follows its analysis; candidates are compared; a hiring
// manager records decisions with reasons.
const root = path.resolve(import.meta.dirname, '..', '..');
const SDR = 'Sales Development Representative';
const DEMO_ORDER = ['Priya Raman', 'Sam Okafor', 'Marcus Lee', 'Alex Kim', 'Jordan Reyes', 'Too Short'];

/** From the jobs list to a job's ranking, as a user clicks there. */
async function openJob(page: Page, title: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByTestId('ranking-row').first().waitFor();
  return new URL(page.url()).pathname;
}

requires(...browserNeeds()).describe(
  'hiring in the browser',
  () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    }, 120_000);
    afterAll(async () => {
      await h?.close();
    });

    it('has accessibility checks that catch a real violation', async () => {
      const page = await h.browser.newPage();
      try {
        await page.setContent(
          '<html lang="en"><title>t</title><main><button></button><img src="x.png"></main>',
        );
        const found = await seriousViolations(page);
        expect(found.map((v) => v.id)).toEqual(expect.arrayContaining(['button-name', 'image-alt']));
        expect(found.find((v) => v.id === 'button-name')?.nodes).toEqual(['["button"]']);
      } finally {
        await page.close();
      }
    });

    it('signs a recruiter in from the login page to the jobs list', async () => {
      const context = await h.browser.newContext({ viewport: { width: 1280, height: 860 }, baseURL: h.url });
      try {
        const page = await context.newPage();
        await page.goto('/jobs');
        await page.waitForURL('**/login?next=%2Fjobs');
        await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
        await checkPage(page, 'login');
        await page.getByLabel('Email').fill('recruiter@example.com');
        await page.getByLabel('Password').fill('not the password');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/\S/);
        expect(new URL(page.url()).pathname).toBe('/login');
        await page.getByLabel('Password').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL('**/jobs');
        await expect
          .poll(() => page.locator('.account-name').textContent())
          .toMatch(/^Rita Reyes\s*Recruiter$/);
      } finally {
        await context.close();
      }
    });

    it('creates a job, reads the demo ranking, and follows a transcript to its scorecard', async () => {
      const { context, page } = await h.signIn('recruiter@example.com');
      try {
        expect(new URL(page.url()).pathname).toBe('/jobs');
        await page.getByRole('link', { name: SDR, exact: true }).waitFor();
        await checkPage(page, 'jobs');

        await page.getByLabel('Title').fill('Account Executive');
        await page.getByLabel('Description').fill('Run discovery calls and close mid-market deals.');
        await page.getByLabel('Skills').fill('negotiation, discovery, forecasting');
        await page.getByLabel('Competency framework').selectOption({ index: 1 });
        await page.getByLabel('Question set').selectOption({ index: 1 });
        await page.getByRole('button', { name: 'Create job' }).click();
        await page.getByRole('heading', { level: 1, name: 'Account Executive' }).waitFor();
        expect(new URL(page.url()).pathname).toMatch(/^\/jobs\/[^/]+$/);
        await expect
          .poll(() => page.getByRole('list', { name: 'Skills' }).innerText())
          .toContain('negotiation');
        await page.getByText('No candidates yet').waitFor();

        await openJob(page, SDR);
        expect(await rankingOrder(page)).toEqual(DEMO_ORDER);
        await checkPage(page, 'job-ranking');

        await page.getByLabel('Name', { exact: true }).fill('Dana Moreau');
        await page.getByLabel('Email (optional)').fill('dana.moreau@example.com');
        await page.getByRole('button', { name: 'Add candidate' }).click();
        await page.getByText('Dana Moreau was added to this job.').waitFor();
        await expect.poll(() => rankingOrder(page)).toContain('Dana Moreau');

        const tasks = watchRequests(page, /^\/api\/v1\/tasks\//);
        await page.getByLabel('Candidate', { exact: true }).selectOption({ label: 'Dana Moreau' });
        await page.getByRole('radio', { name: /transcript/i }).check();
        await page.getByLabel('Interview kind').selectOption('live');
        await page
          .getByLabel('Transcript file')
          .setInputFiles(path.join(root, 'examples', 'interviews', 'marcus-average.vtt'));
        await page.getByRole('button', { name: 'Upload', exact: true }).click();
        // The transcript's speakers are Tom Brennan and Marcus Lee: the page asks which is Dana Moreau.
        await page.getByRole('radio', { name: /^Marcus Lee \(\d+ words\)$/ }).check();
        await page.getByRole('button', { name: 'Use this speaker' }).click();
        await page.getByText('Uploaded. Start the analysis when all answers are in.').waitFor();
        const started = Date.now();
        await page.getByRole('button', { name: 'Analyse' }).click();
        const { status, ms } = await taskFinished(page, started);
        expect(status).toBe('done');
        console.info(`transcript analysis: done ${ms} ms after Analyse`);
        // Pushed: one event stream for the task, no fallback polling of GET /tasks/:id.
        expect(tasks).toHaveLength(1);
        expect(tasks[0]).toMatch(/^GET \/api\/v1\/tasks\/[^/]+\/events$/);

        await page.getByRole('link', { name: 'Open the scorecard' }).click();
        await page.getByRole('heading', { level: 1, name: 'Dana Moreau — scorecard' }).waitFor();
        expect(await page.getByTestId('overall-score').innerText()).toMatch(/^\d+\s*\/ 100$/);
        await chartDrawn(page, 'competency-chart');
        expect(await page.getByTestId('competency').count()).toBeGreaterThanOrEqual(5);
        expect(await page.getByTestId('evidence').count()).toBeGreaterThan(0);
        expect(await page.getByTestId('transcript-segment').count()).toBeGreaterThan(10);
        await checkPage(page, 'scorecard');

        // The new candidate is now ranked on the job, with a score.
        await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: SDR }).click();
        await expect.poll(() => rankingOrder(page)).toHaveLength(DEMO_ORDER.length + 1);
        const dana = page.getByTestId('ranking-row').filter({ hasText: 'Dana Moreau' });
        expect(await dana.innerText()).toMatch(/Scored/);
      } finally {
        await context.close();
      }
    }, 120_000);

    it('filters the ranking by stage, searches it by name, exports it as CSV, and opens a scorecard with its questions and the decision in view', async () => {
      const { context, page } = await h.signIn('manager@example.com');
      try {
        await openJob(page, SDR);
        // The demo's candidates and the one the journey above added, best first.
        const everyone = await rankingOrder(page);
        await page.getByLabel('Search by name').fill('raman');
        await expect.poll(() => rankingOrder(page)).toEqual(['Priya Raman']);
        await page.getByLabel('Search by name').fill('');
        await expect.poll(() => rankingOrder(page)).toEqual(everyone);

        await page.getByLabel('Stage').selectOption({ label: 'Scored' });
        await expect
          .poll(() => page.getByTestId('ranking-count').innerText())
          .toMatch(/^Showing 1–\d+ of \d+/);
        const scored = await rankingOrder(page);
        const badges = await page.getByTestId('ranking-row').locator('.badge').allInnerTexts();
        expect(badges.every((b) => b === 'Scored')).toBe(true);
        expect(scored.length).toBe(badges.length);

        // The CSV holds what the filter shows, in the same order.
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: 'Export CSV' }).click(),
        ]);
        expect(download.suggestedFilename()).toBe('sales-development-representative-ranking.csv');
        const file = await download.path();
        const lines = (await import('node:fs')).readFileSync(file, 'utf8').trimEnd().split('\r\n');
        expect(lines[0]).toMatch(/^rank,candidate,stage,status,overall_score,confidence,strengths,gaps,/);
        expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(scored);
        expect(lines.slice(1).every((line) => line.split(',')[2] === 'scored')).toBe(true);

        // Sorting by a column header, on the server.
        await page.getByLabel('Stage').selectOption({ label: 'All stages' });
        await page.getByRole('button', { name: 'Candidate' }).click();
        await expect.poll(() => rankingOrder(page)).toEqual([...everyone].sort((a, b) => a.localeCompare(b)));

        for (const [suffix, viewport] of [
          ['', DESKTOP_VIEWPORT],
          ['-phone', PHONE_VIEWPORT],
        ] as const) {
          await page.setViewportSize(viewport);
          await page.getByLabel('Sort by').selectOption({ label: 'Overall fit, best first' });
          await expect.poll(() => rankingOrder(page)).toEqual(everyone);
          await checkPage(page, `job-ranking${suffix}`);
          await expectFitsViewport(page, `job ranking at ${viewport.width} px`);
        }

        await page.setViewportSize(DESKTOP_VIEWPORT);
        await page.getByRole('link', { name: 'Priya Raman', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: 'Priya Raman — scorecard' }).waitFor();
        await chartDrawn(page, 'competency-chart');
        // Within the first screen: the questions (what was asked, an extract, the competencies) and the decision.
        const inFirstScreen = async (testOrHeading: string) => {
          const box = await page.getByRole('heading', { name: testOrHeading, exact: true }).boundingBox();
          return box !== null && box.y + box.height <= DESKTOP_VIEWPORT.height;
        };
        expect(await inFirstScreen('Question by question')).toBe(true);
        expect(await inFirstScreen('Decision')).toBe(true);
        const first = page.getByTestId('question-summary').getByRole('listitem').first();
        expect(await first.getByRole('heading').innerText()).toMatch(/\?$/);
        expect(await first.locator('.answer-extract').innerText()).toMatch(/^“.+/);
        expect(await first.getByRole('list', { name: 'Competencies this answer showed' }).count()).toBe(1);
        // Far down the page the decision is still in reach: the side column stays in view.
        await page.evaluate('window.scrollTo(0, 6000)');
        const decision = await page.getByRole('button', { name: 'Advance', exact: true }).boundingBox();
        expect(decision !== null && decision.y >= 0 && decision.y < DESKTOP_VIEWPORT.height).toBe(true);
        await page.getByText('What “confidence” means').click();
        await page.getByText(/share of that competency’s signals/).waitFor();
        await page.getByText('What “confidence” means').click();
        await checkPage(page, 'scorecard');
        await page.setViewportSize(PHONE_VIEWPORT);
        await expectFitsViewport(page, 'scorecard at 390 px');
        await checkPage(page, 'scorecard-phone');
      } finally {
        await context.close();
      }
    }, 120_000);

    it('compares three candidates side by side', async () => {
      const { context, page } = await h.signIn('recruiter@example.com');
      try {
        const jobPath = await openJob(page, SDR);
        const picked = ['Priya Raman', 'Sam Okafor', 'Marcus Lee'];
        for (const name of picked) await page.getByLabel(`Select ${name} to compare`).check();
        await page.getByRole('button', { name: 'Compare' }).click();
        await page.waitForURL((url) => url.pathname === `${jobPath}/compare`);
        expect(new URL(page.url()).searchParams.get('applications')?.split(',')).toHaveLength(3);
        await page.getByRole('heading', { level: 1, name: `Compare candidates — ${SDR}` }).waitFor();
        await chartDrawn(page, 'compare-chart');
        const chart = page.getByTestId('compare-chart');
        const legend = await chart.locator('svg text').allTextContents();
        const heads = await page.locator('table.compare thead th').allInnerTexts();
        for (const name of picked) {
          expect(legend).toContain(name);
          expect(await chart.getAttribute('aria-label')).toContain(name);
          expect(heads.some((head) => head.startsWith(name))).toBe(true);
        }
        await checkPage(page, 'compare');
      } finally {
        await context.close();
      }
    }, 60_000);

    it('lets a hiring manager hold, then advance, a candidate with reasons on the record', async () => {
      const { context, page } = await h.signIn('manager@example.com');
      try {
        expect(new URL(page.url()).pathname).toBe('/jobs');
        await openJob(page, SDR);
        // Hiring managers read and decide; they do not add candidates or interviews.
        expect(await page.getByRole('button', { name: 'Add candidate' }).count()).toBe(0);
        await page.getByRole('link', { name: 'Sam Okafor', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: 'Sam Okafor — scorecard' }).waitFor();
        const stage = page.getByTestId('stage');
        const before = await stage.innerText();
        expect(before).not.toBe('On hold');
        await page.getByText('No decision yet').waitFor();

        // No reason, no decision.
        await page.getByRole('button', { name: 'Hold', exact: true }).click();
        await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/reason/i);
        expect(await page.getByLabel('Reason').getAttribute('aria-invalid')).toBe('true');
        expect(await page.getByTestId('decision-history').count()).toBe(0);

        const holdReason = 'Strong discovery questions; waiting for the second interview before deciding.';
        await page.getByLabel('Reason').fill(holdReason);
        await page.getByRole('button', { name: 'Hold', exact: true }).click();
        await page.getByText('Decision recorded: Sam Okafor is now “On hold”.').waitFor();
        await expect.poll(() => stage.innerText()).toBe('On hold');

        const advanceReason = 'Second interviewer confirmed the objection handling; move to the final round.';
        await page.getByLabel('Reason').fill(advanceReason);
        await page.getByRole('button', { name: 'Advance', exact: true }).click();
        await page.getByText('Decision recorded: Sam Okafor is now “Advanced”.').waitFor();
        await expect.poll(() => stage.innerText()).toBe('Advanced');

        const entries = page.getByTestId('decision-history').getByRole('listitem');
        await expect.poll(() => entries.count()).toBe(2);
        const [newest, oldest] = await entries.allInnerTexts();
        expect(newest).toMatch(/^Advanced\s+by Hugo Hale · /);
        expect(newest).toContain(advanceReason);
        expect(newest).toContain('Previous stage: On hold');
        expect(oldest).toMatch(/^Put on hold\s+by Hugo Hale · /);
        expect(oldest).toContain(holdReason);
        expect(oldest).toContain(`Previous stage: ${before}`);

        // Stored, not just shown: a fresh load has both, and the ranking shows the new stage.
        await page.reload();
        await expect.poll(() => entries.count()).toBe(2);
        expect(await stage.innerText()).toBe('Advanced');
        await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: SDR }).click();
        const sam = page.getByTestId('ranking-row').filter({ hasText: 'Sam Okafor' });
        await expect.poll(() => sam.locator('.badge').innerText()).toBe('Advanced');
      } finally {
        await context.close();
      }
    }, 60_000);
  },
  240_000,
);
