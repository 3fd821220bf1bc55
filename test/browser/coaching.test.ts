import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserNeeds, speechWav, startHarness, type Harness, type SpeechFile } from './harness.js';
import { ANALYSIS_TIMEOUT_MS, apiGet, chartDrawn, checkPage, expectAccessible } from './page-checks.js';
import { requires } from '../../src/test-helpers.js';

// The coaching side in real Chromium: a student records an answer with the (fake) microphone and
// gets feedback in seconds, or types one; a career advisor reads the cohort and drills into a student.
const COHORT = 'Business School 2026';

const TYPED_ANSWER =
  'In my internship at a logistics start-up our churn rose to eight percent, so I interviewed ' +
  'twelve customers, found that onboarding was the problem, and rewrote the welcome emails with ' +
  'the support team. Because we measured it weekly, we saw churn fall to five percent within two ' +
  'months, and I learned to check the data before choosing a fix.';

/**
 * Uploads the answer, chooses Analyse and waits for the feedback panel to show scores; returns
 * the milliseconds from the Upload click and from the Analyse click.
 */
async function feedbackLatency(page: Page): Promise<{ fromUpload: number; fromAnalyse: number }> {
  const uploadAt = Date.now();
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await page.getByText('Your answer is uploaded. Choose Analyse to get feedback.').waitFor();
  const analyseAt = Date.now();
  await page.getByRole('button', { name: 'Analyse' }).click();
  await page
    .getByTestId('feedback')
    .getByRole('link', { name: 'See the full scorecard with quotes and measurements' })
    .waitFor({ timeout: ANALYSIS_TIMEOUT_MS });
  const now = Date.now();
  return { fromUpload: now - uploadAt, fromAnalyse: now - analyseAt };
}

async function sessionCount(page: Page): Promise<number> {
  await page.getByTestId('session-list').waitFor();
  return page.getByTestId('session-list').locator('tbody tr').count();
}

/** The scorecard the feedback panel links to, read through the API. */
async function feedbackScorecard(page: Page): Promise<any> {
  const href = await page
    .getByTestId('feedback')
    .getByRole('link', { name: /full scorecard/ })
    .getAttribute('href');
  expect(href).toMatch(/^\/scorecards\/[^/]+$/);
  return apiGet(page, href ?? '');
}

requires(...browserNeeds()).describe(
  'coaching in the browser',
  () => {
    let h: Harness;
    let tmp: string;
    let mic: SpeechFile;
    beforeAll(async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-mic-'));
      mic = speechWav(tmp);
      h = await startHarness({ fakeAudio: mic.file });
    }, 120_000);
    afterAll(async () => {
      await h?.close();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('gives a student feedback on a recorded answer within seconds, and on a typed one', async () => {
      const { context, page } = await h.signIn('student@example.com');
      try {
        expect(new URL(page.url()).pathname).toBe('/practice');
        await chartDrawn(page, 'progress-chart');
        const before = await sessionCount(page);
        expect(before).toBe(4);
        await page.getByLabel('Question set').selectOption({ index: 0 });
        await page.getByLabel('Question', { exact: true }).selectOption({ index: 1 });
        const question = await page.getByTestId('question').locator('p').first().innerText();

        await page.getByRole('button', { name: 'Record', exact: true }).click();
        await page.getByRole('button', { name: 'Stop', exact: true }).waitFor();
        // The timer runs while recording (m:ss of 5:00).
        await expect
          .poll(() => page.getByTestId('timer').innerText(), { timeout: 10_000, interval: 200 })
          .toMatch(/^0:0[4-9]/);
        await page.getByRole('button', { name: 'Stop', exact: true }).click();
        await page.getByLabel('Your recorded answer').waitFor();
        expect(await page.getByTestId('timer').innerText()).toMatch(/^0:0[4-6]\s*\/ 5:00$/);
        const latency = await feedbackLatency(page);
        expect(latency.fromUpload).toBeLessThan(ANALYSIS_TIMEOUT_MS);
        expect(await page.getByTestId('feedback').innerText()).toMatch(/Overall/);
        const recorded = await feedbackScorecard(page);
        console.info(
          `recorded answer (${mic.source} speech, ~4 s, ${recorded.scorecard.body.input.words} words): ` +
            `feedback ${latency.fromAnalyse} ms after Analyse, ${latency.fromUpload} ms after Upload`,
        );
        expect(recorded.interview.kind).toBe('practice');
        expect(recorded.interview.title).toContain(question.slice(0, 40));
        expect(recorded.media).toHaveLength(1);
        expect(recorded.media[0].contentType).toMatch(/^audio\/(webm|ogg)/);
        // About the four seconds recorded, as the analysis measured them.
        expect(recorded.scorecard.body.input.durationSeconds).toBeGreaterThan(3);
        expect(recorded.scorecard.body.input.durationSeconds).toBeLessThan(7);
        // The fake microphone's speech reached the recogniser: the answer has words.
        if (mic.source !== 'tone') expect(recorded.scorecard.body.input.words).toBeGreaterThan(0);
        await expect.poll(() => sessionCount(page)).toBe(before + 1);
        await chartDrawn(page, 'progress-chart');
        await expectAccessible(page, 'practice (recorded answer)');

        await page.getByRole('button', { name: 'Type your answer instead' }).click();
        expect(await page.getByTestId('feedback').count()).toBe(0);
        await page.getByLabel('Your answer').fill(TYPED_ANSWER);
        const typedLatency = await feedbackLatency(page);
        console.info(
          `typed answer: feedback ${typedLatency.fromAnalyse} ms after Analyse, ${typedLatency.fromUpload} ms after Upload`,
        );
        const typed = await feedbackScorecard(page);
        expect(typed.media).toHaveLength(0);
        expect(typed.scorecard.body.input.words).toBeGreaterThanOrEqual(60);
        expect(typed.scorecard.body.overall.score).toEqual(expect.any(Number));
        expect(await page.getByTestId('feedback').innerText()).toMatch(/Overall\s*\d+/);
        await expect.poll(() => sessionCount(page)).toBe(before + 2);
        await chartDrawn(page, 'progress-chart');
        await checkPage(page, 'practice-feedback');
      } finally {
        await context.close();
      }
    }, 120_000);

    it('shows an advisor what the cohort lacks most and one student’s progress', async () => {
      const { context, page } = await h.signIn('advisor@example.com');
      try {
        expect(new URL(page.url()).pathname).toBe('/cohorts');
        await page.getByRole('link', { name: COHORT }).click();
        await page.getByRole('heading', { level: 1, name: COHORT }).waitFor();
        await chartDrawn(page, 'cohort-chart');
        await chartDrawn(page, 'trend-chart');
        const cohortId = new URL(page.url()).pathname.split('/').pop() ?? '';
        const detail: any = await apiGet(page, `/cohorts/${cohortId}`);

        // Lacks most: competencies by name, weakest median first.
        const lacks = page.getByTestId('lacks-most').getByRole('listitem');
        expect(await lacks.count()).toBeGreaterThan(0);
        const names = await lacks.locator('strong').allInnerTexts();
        const known = detail.competencies.map((c: { name: string }) => c.name);
        for (const name of names) expect(known).toContain(name);
        const medians = (await lacks.allInnerTexts()).map((text) => Number(/median (\d+)/.exec(text)?.[1]));
        expect(medians.every((m) => Number.isFinite(m))).toBe(true);
        expect([...medians].sort((a, b) => a - b)).toEqual(medians);
        const chartLabel = (await page.getByTestId('cohort-chart').getAttribute('aria-label')) ?? '';
        for (const name of names) expect(chartLabel).toContain(name);
        await checkPage(page, 'cohort');

        const students = page.getByRole('table').filter({ hasText: 'Latest overall' });
        await students.getByRole('link', { name: 'Lena Park' }).click();
        await page.getByRole('heading', { level: 1, name: 'Lena Park' }).waitFor();
        expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/cohorts/${cohortId}/students/[^/]+$`));
        await page.getByText('student@example.com').waitFor();
        await chartDrawn(page, 'progress-chart');
        // The four seeded sessions, plus the two from the practice journey when it ran first.
        expect(await sessionCount(page)).toBeGreaterThanOrEqual(4);
        await checkPage(page, 'student');
      } finally {
        await context.close();
      }
    }, 60_000);
  },
  240_000,
);
