import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserNeeds, startHarness, type Harness } from './harness.js';
import { apiGet, checkPage, taskFinished } from './page-checks.js';
import { need, requires, SHARED_DATA } from '../../src/test-helpers.js';

// A whole interview recorded on one track and uploaded as a single file: the server's worker tells
// the interviewer and the candidate apart, the scorecard shows the talk ratio, and every answer's
// quote plays from that one recording.
const SDR = 'Sales Development Representative';
const MEETING = path.join(SHARED_DATA, 'speech', 'meeting-ami', 'sample.wav');

interface Evidence {
  readonly quote: string;
  readonly response: number;
  readonly start: number | null;
}

async function playerTime(page: Page): Promise<number> {
  return page.getByTestId('player').evaluate((el) => (el as unknown as { currentTime: number }).currentTime);
}

requires(
  ...browserNeeds(),
  need.tool('ffmpeg'),
  need.pocketsphinx(),
  need.sharedData('speech/meeting-ami/sample.wav'),
).describe(
  'an interview recorded as one track, in the browser',
  () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    }, 120_000);
    afterAll(async () => {
      await h?.close();
    });

    it('splits the single recording into speakers and shows the talk ratio on the scorecard', async () => {
      const { context, page } = await h.signIn('recruiter@example.com');
      try {
        await page.getByRole('link', { name: SDR, exact: true }).click();
        await page.getByTestId('ranking-row').first().waitFor();
        await page.getByLabel('Name', { exact: true }).fill('Jordan Ames');
        await page.getByRole('button', { name: 'Add candidate' }).click();
        await page.getByText('Jordan Ames was added to this job.').waitFor();
        await page.getByLabel('Candidate', { exact: true }).selectOption({ label: 'Jordan Ames' });
        await page.getByRole('radio', { name: /Answer recordings/ }).check();
        await page.getByLabel('Recording files').setInputFiles(MEETING);
        // One file: how many voices it holds can be said; counted by default.
        expect(await page.getByLabel('Voices on the recording').inputValue()).toBe('auto');
        await page.getByRole('button', { name: 'Upload', exact: true }).click();
        await page
          .getByText('Uploaded. Start the analysis when all answers are in.')
          .waitFor({ timeout: 30_000 });
        const sent = page.waitForRequest((r) => r.url().endsWith('/analyze') && r.method() === 'POST');
        const started = Date.now();
        await page.getByRole('button', { name: 'Analyse' }).click();
        // The default is the server's: no speaker count is sent.
        expect((await sent).postData()).toBeNull();
        const { status, ms } = await taskFinished(page, started);
        expect(status).toBe('done');
        console.info(`one-track interview (AMI sample.wav): analysed in ${ms} ms`);

        await page.getByRole('link', { name: 'Open the scorecard' }).click();
        await page.getByRole('heading', { level: 1, name: 'Jordan Ames — scorecard' }).waitFor();
        const scorecardId = new URL(page.url()).pathname.split('/').pop() ?? '';
        const view: any = await apiGet(page, `/scorecards/${scorecardId}`);
        const input = view.scorecard.body.input;
        expect(input.kind).toBe('live');
        expect(input.speakers.map((s: { label: string }) => s.label).sort()).toEqual([
          'Speaker 1',
          'Speaker 2',
        ]);
        expect(input.talkRatio).toBeGreaterThan(0);
        expect(input.talkRatio).toBeLessThan(1);
        const shown = await page.getByTestId('talk-ratio').innerText();
        console.info(`talk ratio shown: ${shown.replace(/\s+/g, ' ')}`);
        expect(shown).toContain(`candidate ${Math.round(input.talkRatio * 100)}% of the speech`);
        expect(shown).toContain(`${input.candidate} (candidate)`);

        // A quote of a later answer plays from the one recording, at its own time.
        await page.getByTestId('player').waitFor();
        const quotes: Evidence[] = view.scorecard.body.competencies.flatMap((c: { evidence: Evidence[] }) =>
          c.evidence.slice(0, 3),
        );
        const index = quotes.findIndex((e) => e.response >= 1 && e.start !== null && e.start >= 1);
        expect(index, 'a timed quote of the second answer or later').toBeGreaterThanOrEqual(0);
        console.info(`quote of answer ${quotes[index]!.response + 1} at ${quotes[index]!.start} s`);
        const target = quotes[index]!.start!;
        await page.getByTestId('evidence').nth(index).click();
        await expect.poll(() => playerTime(page), { timeout: 10_000 }).toBeGreaterThan(target - 0.5);
        expect(Math.abs((await playerTime(page)) - target)).toBeLessThan(0.5);
        await checkPage(page, 'scorecard-one-track', { docs: false });
      } finally {
        await context.close();
      }
    }, 180_000);
  },
  300_000,
);
