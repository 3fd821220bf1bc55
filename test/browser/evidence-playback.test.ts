import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { answerRecordings, browserNeeds, startHarness, type Harness, type SpeechFile } from './harness.js';
import { apiGet, checkPage, taskFinished } from './page-checks.js';
import { requires } from '../../src/test-helpers.js';

// Evidence you can hear: answer recordings uploaded in the browser are analysed by the server's
// worker, and a quote on the scorecard moves the player to the moment it was said.
const SDR = 'Sales Development Representative';

interface Evidence {
  readonly quote: string;
  readonly response: number;
  readonly start: number | null;
}

/** The time the player of `quote`'s answer must show after a click: its start in that recording. */
function targetTime(evidence: Evidence, media: readonly { position: number; offsetSeconds: number }[]) {
  const recording = media.find((m) => m.position === evidence.response);
  return recording && evidence.start !== null ? evidence.start - recording.offsetSeconds : null;
}

async function playerTime(page: Page): Promise<number> {
  return page.getByTestId('player').evaluate((el) => (el as unknown as { currentTime: number }).currentTime);
}

async function playerSource(page: Page): Promise<string> {
  return page.getByTestId('player').evaluate((el) => (el as unknown as { currentSrc: string }).currentSrc);
}

requires(...browserNeeds()).describe(
  'evidence playback in the browser',
  () => {
    let h: Harness;
    let tmp: string;
    let answers: SpeechFile[];
    beforeAll(async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-answers-'));
      answers = answerRecordings(tmp);
      h = await startHarness();
    }, 120_000);
    afterAll(async () => {
      await h?.close();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('seeks the recording to a clicked quote and highlights its transcript line', async () => {
      const { context, page } = await h.signIn('recruiter@example.com');
      try {
        await page.getByRole('link', { name: SDR, exact: true }).click();
        await page.getByTestId('ranking-row').first().waitFor();
        await page.getByLabel('Name', { exact: true }).fill('Riley Chen');
        await page.getByRole('button', { name: 'Add candidate' }).click();
        await page.getByText('Riley Chen was added to this job.').waitFor();

        await page.getByLabel('Candidate', { exact: true }).selectOption({ label: 'Riley Chen' });
        await page.getByRole('radio', { name: /Answer recordings/ }).check();
        await page.getByLabel('Recording files').setInputFiles(answers.map((a) => a.file));
        const listed = await page.getByTestId('file-states').locator('.file-name').allInnerTexts();
        expect(listed).toEqual(answers.map((a) => path.basename(a.file)));
        await page.getByRole('button', { name: 'Upload', exact: true }).click();
        await page
          .getByText('Uploaded. Start the analysis when all answers are in.')
          .waitFor({ timeout: 30_000 });
        const started = Date.now();
        await page.getByRole('button', { name: 'Analyse' }).click();
        const { status, ms } = await taskFinished(page, started);
        expect(status).toBe('done');
        console.info(`recordings (${answers.map((a) => a.source).join(' + ')}): analysed in ${ms} ms`);

        await page.getByRole('link', { name: 'Open the scorecard' }).click();
        await page.getByRole('heading', { level: 1, name: 'Riley Chen — scorecard' }).waitFor();
        const scorecardId = new URL(page.url()).pathname.split('/').pop() ?? '';
        const view: any = await apiGet(page, `/scorecards/${scorecardId}`);
        const { transcript }: any = await apiGet(page, `/interviews/${view.interview.id}/transcript`);
        expect(view.media).toHaveLength(2);
        expect(view.media.map((m: { contentType: string }) => m.contentType)).toEqual(
          answers.map((a) => (a.file.endsWith('.flac') ? 'audio/flac' : 'audio/wav')),
        );
        await page.getByTestId('player').waitFor();
        // How well the answers were recognised, and the scorecard's warnings, in words.
        const body = view.scorecard.body;
        await expect
          .poll(() => page.getByTestId('recognition').innerText())
          .toContain(body.input.recognition.quality);
        const warnings = (body.warnings ?? []).filter((w: string) => w !== body.overall.reason);
        console.info(
          `recognition ${body.input.recognition.quality}; warnings shown: ${warnings.join(' | ')}`,
        );
        expect(await page.getByTestId('scorecard-warning').allInnerTexts()).toEqual(
          warnings.map((w: string) => `Warning: ${w}`),
        );
        expect(await page.getByTestId('transcript-segment').count()).toBeGreaterThan(0);
        expect(await page.locator('[data-testid="transcript-segment"][aria-current="true"]').count()).toBe(0);

        // The quote buttons in page order: each competency's first three.
        const shown: Evidence[] = view.scorecard.body.competencies.flatMap((c: { evidence: Evidence[] }) =>
          c.evidence.slice(0, 3),
        );
        expect(await page.getByTestId('evidence').count()).toBe(shown.length);
        const timed = shown
          .map((evidence, index) => ({ evidence, index, target: targetTime(evidence, view.media) }))
          .filter((x): x is typeof x & { target: number } => x.target !== null && x.target >= 1);
        // One quote in each answer, latest first: the second answer's recording must be loaded
        // before it can seek, then the first's again.
        const picks = [1, 0].flatMap((answer) => {
          const inAnswer = timed.filter((x) => x.evidence.response === answer);
          return inAnswer.sort((a, b) => b.target - a.target).slice(0, 1);
        });
        expect(picks.length, 'quotes with a time of at least 1 s in both answers').toBe(2);

        for (const pick of picks) {
          await page.getByTestId('evidence').nth(pick.index).click();
          const media = view.media.find((m: { position: number }) => m.position === pick.evidence.response);
          await expect.poll(() => playerSource(page)).toContain(media.url);
          await expect.poll(() => playerTime(page), { timeout: 10_000 }).toBeGreaterThan(pick.target - 0.5);
          console.info(
            `quote in answer ${pick.evidence.response + 1} at ${pick.target} s: player at ${await playerTime(page)} s`,
          );
          expect(Math.abs((await playerTime(page)) - pick.target)).toBeLessThan(0.5);
          const current = page.locator('[data-testid="transcript-segment"][aria-current="true"]');
          await expect.poll(() => current.count()).toBe(1);
          expect(await page.getByTestId('evidence').nth(pick.index).getAttribute('class')).toContain(
            'active',
          );
          // The highlighted line is the one of that answer whose time span holds the quote; a quote
          // in the gap between two lines (a pause) highlights the line before it.
          const id = await current.getAttribute('data-segment');
          const segment = transcript.find((s: { id: string }) => s.id === id);
          const at = pick.evidence.start ?? 0;
          const lines = transcript.filter(
            (s: { responsePosition: number }) => s.responsePosition === pick.evidence.response,
          );
          const holding = lines.find(
            (s: { start: number; end: number }) => s.start <= at + 0.05 && at <= s.end,
          );
          const before = lines.filter((s: { start: number }) => s.start <= at).at(-1);
          expect(segment.responsePosition).toBe(pick.evidence.response);
          expect(segment.id).toBe((holding ?? before).id);
          expect(segment.start).toBeLessThanOrEqual(at + 0.05);
          if (!holding) expect(segment.end).toBeLessThan(at);
          expect(await current.innerText()).toContain(segment.text);
        }
        await checkPage(page, 'scorecard-recording', { docs: false });
      } finally {
        await context.close();
      }
    }, 120_000);
  },
  240_000,
);
