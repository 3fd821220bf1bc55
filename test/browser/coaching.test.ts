import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserNeeds, speechWav, startHarness, type Harness, type SpeechFile } from './harness.js';
import {
  ANALYSIS_TIMEOUT_MS,
  apiGet,
  chartDrawn,
  checkPage,
  DESKTOP_VIEWPORT,
  expectAccessible,
  expectFitsViewport,
  PHONE_VIEWPORT,
} from './page-checks.js';
import { requires } from '../../src/test-helpers.js';

// The coaching side in real Chromium: a student records an answer with the (fake) microphone and
// gets feedback in seconds, or types one; a career advisor reads the cohort and drills into a student.
const COHORT = 'Business School 2026';

const TYPED_ANSWER =
  'Um, I think in my internship at a logistics start-up our churn rose to eight percent, so I interviewed ' +
  'twelve customers, found that onboarding was the problem, and rewrote the welcome emails with ' +
  'the support team. Because we measured it weekly, we saw churn fall to five percent within two ' +
  'months, and I learned to check the data before choosing a fix.';

/**
 * Waits for the feedback of the answer just recorded or submitted (no Upload or Analyse click:
 * one step) and returns the milliseconds from `since`.
 */
async function feedbackLatency(page: Page, since: number): Promise<number> {
  await page.getByTestId('coached-transcript').waitFor({ timeout: ANALYSIS_TIMEOUT_MS });
  return Date.now() - since;
}

/**
 * Checks the page fits a phone and a desktop window, with a screenshot at each width that starts
 * at `testId` (what comes before it is hidden for the picture, since screenshots are cut at
 * 1,800 px), then shows the page whole again.
 */
async function atBothWidths(page: Page, name: string, testId: string): Promise<void> {
  for (const [viewport, shot] of [
    [PHONE_VIEWPORT, `${name}-phone`],
    [DESKTOP_VIEWPORT, name],
  ] as const) {
    await page.setViewportSize(viewport);
    await expectFitsViewport(page, `${name} at ${viewport.width} px`);
    await page.evaluate(`(() => {
      let el = document.querySelector('[data-testid="${testId}"]');
      while (el && !el.classList.contains('page')) {
        for (let s = el.previousElementSibling; s; s = s.previousElementSibling) s.setAttribute('data-shot-hidden', '');
        el = el.parentElement;
      }
      for (const h of document.querySelectorAll('[data-shot-hidden]')) h.style.display = 'none';
    })()`);
    await checkPage(page, shot);
    await page.evaluate(`(() => {
      for (const h of document.querySelectorAll('[data-shot-hidden]')) { h.style.display = ''; h.removeAttribute('data-shot-hidden'); }
    })()`);
  }
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
        const stoppedAt = Date.now();
        await page.getByRole('button', { name: 'Stop', exact: true }).click();
        await page.getByLabel('Your recorded answer').waitFor();
        expect(await page.getByTestId('timer').innerText()).toMatch(/^0:0[4-6]\s*\/ 5:00$/);
        // Stopping sends the answer for feedback: there is no Upload or Analyse button to press.
        expect(await page.getByRole('button', { name: /^(Upload|Analyse)$/ }).count()).toBe(0);
        const latency = await feedbackLatency(page, stoppedAt);
        expect(await page.getByTestId('feedback').innerText()).toMatch(/Overall/);
        const recorded = await feedbackScorecard(page);
        console.info(
          `recorded answer (${mic.source} speech, ~4 s, ${recorded.scorecard.body.input.words} words): ` +
            `feedback ${latency} ms after Stop`,
        );
        expect(recorded.interview.kind).toBe('practice');
        expect(recorded.interview.title).toContain(question.slice(0, 40));
        expect(recorded.media).toHaveLength(1);
        expect(recorded.media[0].contentType).toMatch(/^audio\/(webm|ogg)/);
        expect(recorded.scorecard.body.input.durationSeconds).toBeGreaterThan(3);
        expect(recorded.scorecard.body.input.durationSeconds).toBeLessThan(7);
        if (mic.source !== 'tone') expect(recorded.scorecard.body.input.words).toBeGreaterThan(0);
        await expect.poll(() => sessionCount(page)).toBe(before + 1);
        await chartDrawn(page, 'progress-chart');
        await expectAccessible(page, 'practice (recorded answer)');

        // Try again on the same question, typed this time, and compare the two attempts.
        await page.getByRole('button', { name: 'Try again' }).click();
        expect(await page.getByTestId('coached-transcript').count()).toBe(0);
        await page.getByRole('button', { name: 'Type your answer instead' }).click();
        await page.getByLabel('Your answer').fill(TYPED_ANSWER);
        const typedAt = Date.now();
        await page.getByRole('button', { name: 'Get feedback' }).click();
        console.info(`typed answer: feedback ${await feedbackLatency(page, typedAt)} ms after Get feedback`);
        const typed = await feedbackScorecard(page);
        expect(typed.media).toHaveLength(0);
        expect(typed.interview.title).toBe(recorded.interview.title);
        expect(typed.scorecard.body.input.words).toBeGreaterThanOrEqual(60);
        expect(await page.getByTestId('feedback').innerText()).toMatch(/Overall\s*\d+/);

        // The student's own words, with the filler and the hedge marked.
        const marked = page.getByTestId('coached-transcript');
        expect(await marked.locator('mark[data-kind="filler"]').first().innerText()).toMatch(/^Um/);
        expect(await marked.locator('mark[data-kind="hedge"]').allInnerTexts()).toContainEqual(
          expect.stringMatching(/^I think/),
        );
        expect(await marked.innerText()).toContain('twelve customers');

        // Side by side: overall, each competency and the main measures, with the change.
        const comparison = page.getByTestId('attempt-comparison');
        const rows = await comparison.locator('tbody th').allInnerTexts();
        expect(rows).toEqual(
          expect.arrayContaining([
            'Overall',
            'Filler words per 100 words',
            'Long pauses (1 s or more)',
            'Words per minute',
          ]),
        );
        for (const c of typed.scorecard.body.competencies as { name: string }[])
          expect(rows).toContain(c.name);
        const overallRow = comparison.locator('tbody tr').filter({ hasText: 'Overall' });
        expect(await overallRow.locator('td').nth(1).innerText()).toBe(
          String(Math.round(typed.scorecard.body.overall.score)),
        );
        await expect.poll(() => sessionCount(page)).toBe(before + 2);

        // The chart: overall always, competencies picked by the student, single answers apart.
        await chartDrawn(page, 'progress-chart');
        expect(await page.getByRole('radio', { name: /^Single answers/ }).isChecked()).toBe(true);
        // The recorded answer (a few words) may be too short to score; the typed one scores.
        const singles = [recorded, typed].filter((v) => v.scorecard.body.overall.score !== null).length;
        expect(await page.getByTestId('progress-chart').getAttribute('aria-label')).toMatch(
          new RegExp(`overall score over ${singles} single answers`),
        );
        await page.getByTestId('competency-picker').locator('summary').click();
        const first = typed.scorecard.body.competencies[0].name as string;
        await page.getByTestId('competency-picker').getByRole('checkbox', { name: first }).check();
        await expect
          .poll(() => page.getByTestId('progress-chart').getAttribute('aria-label'))
          .toContain(`with ${first}`);
        await page.getByRole('radio', { name: /^Mock interviews/ }).check();
        await expect
          .poll(() => page.getByTestId('progress-chart').getAttribute('aria-label'))
          .toMatch(/over 4 mock interviews/);
        await page.getByRole('radio', { name: /^Single answers/ }).check();

        // Pictures: the feedback with the marked answer, and the marked answer with the comparison.
        await atBothWidths(page, 'practice-feedback', 'feedback');
        await atBothWidths(page, 'practice-comparison', 'coached-transcript');
        await page.setViewportSize(DESKTOP_VIEWPORT);
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
