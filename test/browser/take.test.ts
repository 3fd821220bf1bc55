import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserNeeds, OUT_DIR, speechWav, startHarness, type Harness } from './harness.js';
import {
  ANALYSIS_TIMEOUT_MS,
  apiGet,
  checkPage,
  DESKTOP_VIEWPORT,
  expectAccessible,
  expectFitsViewport,
  PHONE_VIEWPORT,
} from './page-checks.js';
import { requires } from '../../src/test-helpers.js';

// The interview by link in real Chromium: a recruiter invites a candidate from the job page; the
// candidate, on a phone and without an account, reads the notice, checks the microphone, records
// answers that upload while they speak, loses the tab mid-answer and comes back, and finishes.
const SDR = 'Sales Development Representative';
const CANDIDATE = 'Dana Whitfield';

/** A context of the candidate's own: no session cookie, a phone's screen, the fake microphone. */
async function candidateContext(h: Harness): Promise<BrowserContext> {
  const context = await h.browser.newContext({ viewport: PHONE_VIEWPORT, baseURL: h.url });
  await context.grantPermissions(['microphone', 'camera'], { origin: h.url });
  return context;
}

/** The page at the phone width and the desktop width, each checked and photographed. */
async function bothWidths(page: Page, name: string): Promise<void> {
  for (const [viewport, shot] of [
    [PHONE_VIEWPORT, `${name}-phone`],
    [DESKTOP_VIEWPORT, name],
  ] as const) {
    await page.setViewportSize(viewport);
    await expectFitsViewport(page, `${name} at ${viewport.width} px`);
    await checkPage(page, shot);
  }
  await page.setViewportSize(PHONE_VIEWPORT);
}

/** Waits until the take being recorded has at least one chunk saved on the server. */
async function chunkSaved(page: Page): Promise<void> {
  await expect
    .poll(async () => Number(await page.getByTestId('upload-status').getAttribute('data-saved-bytes')), {
      timeout: 15_000,
      interval: 200,
    })
    .toBeGreaterThan(0);
}

/** Records the question on screen for a few seconds (at least one chunk uploaded), stops, waits for the save. */
async function answer(page: Page, question: number, count: number): Promise<void> {
  await page
    .getByTestId('question-count')
    .filter({ hasText: `Question ${question} of ${count}` })
    .waitFor();
  await page.getByRole('button', { name: /^Start (now|recording)$/ }).click();
  await page.getByRole('button', { name: 'Stop', exact: true }).waitFor();
  await chunkSaved(page);
  expect(await page.getByTestId('upload-status').innerText()).toMatch(/^Saved up to 0:0\d/);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await page.getByRole('heading', { name: /^Answer saved \(0:0\d\)$/ }).waitFor({ timeout: 20_000 });
}

requires(...browserNeeds()).describe(
  'interviews by link in the browser',
  () => {
    let h: Harness;
    let tmp: string;
    const links = new Map<string, string>();
    beforeAll(async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'candor-take-'));
      h = await startHarness({ fakeAudio: speechWav(tmp).file });
    }, 120_000);
    afterAll(async () => {
      await h?.close();
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('lets a recruiter invite candidates on the job page and copy their links', async () => {
      const { context, page } = await h.signIn('recruiter@example.com');
      try {
        await page.getByRole('link', { name: SDR, exact: true }).click();
        await page.getByTestId('invitations-panel').waitFor();
        await page.getByText('Invite candidates', { exact: true }).click();
        await page.getByLabel('Candidate name').fill(CANDIDATE);
        await page.getByLabel('Candidate e-mail').fill('dana@example.com');
        const deadline = await page.getByLabel('Deadline (last day)').inputValue();
        const inDays = (new Date(deadline).getTime() - Date.now()) / 86_400_000;
        expect(inDays).toBeGreaterThan(12);
        expect(inDays).toBeLessThan(15);
        await page.getByLabel('Minutes per answer').fill('0.5');
        await page.getByLabel('Seconds to prepare').fill('0');
        await page.getByLabel('Retakes per question').fill('1');
        await page.getByRole('button', { name: 'Invite', exact: true }).click();
        const link = page.getByTestId('invite-link');
        await link.waitFor();
        const url = await link.getByRole('textbox').inputValue();
        expect(url).toMatch(new RegExp(`^${h.url}/take/[\\w-]+$`));
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.url });
        await link.getByRole('button', { name: /^Copy/ }).click();
        await link.getByRole('button', { name: /^Copied/ }).waitFor();
        expect(await page.evaluate('navigator.clipboard.readText()')).toBe(url);
        links.set(CANDIDATE, url);

        // Several at once from CSV: the good rows are invited, the bad one is named with its reason.
        await page.getByRole('radio', { name: /CSV/ }).check();
        await page
          .getByLabel('CSV with a header row: name,email')
          .fill(
            'name,email\nRiley Withdrawn,riley@example.com\nEli Late,eli@example.com\nNo Mail,not-an-address\n',
          );
        await page.getByRole('button', { name: 'Invite', exact: true }).click();
        await expect.poll(() => page.getByTestId('invite-link').count()).toBe(2);
        for (const row of await page.getByTestId('invite-link').all()) {
          const name = (await row.locator('.invite-link-name').innerText()).trim();
          links.set(name, await row.getByRole('textbox').inputValue());
        }
        expect([...links.keys()].sort()).toEqual([CANDIDATE, 'Eli Late', 'Riley Withdrawn'].sort());
        expect(await page.getByTestId('invite-failures').innerText()).toMatch(
          /Row \d \(No Mail, not-an-address\): /,
        );
        const table = page.getByTestId('invitations-table');
        await table.getByRole('row', { name: /Eli Late/ }).waitFor();
        expect(await table.getByRole('row', { name: new RegExp(CANDIDATE) }).innerText()).toMatch(
          /Invited[\s\S]*0\/5/,
        );

        await page.setViewportSize(PHONE_VIEWPORT);
        await expectFitsViewport(page, 'job page with invitations at 390 px');
        await page.getByTestId('invitations-panel').evaluate((el) => el.scrollIntoView());
        await expectAccessible(page, 'job page with invitations');
        await page
          .getByTestId('invitations-panel')
          .screenshot({ path: path.join(OUT_DIR, 'job-invitations-phone.png') });
      } finally {
        await context.close();
      }
    }, 60_000);

    it('takes a candidate on a phone through the interview, a retake and a dropped tab', async () => {
      const link = links.get(CANDIDATE) ?? '';
      const context = await candidateContext(h);
      try {
        let page = await context.newPage();
        await page.goto(link);
        await page.getByTestId('take-notice').waitFor();
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
          `Hello ${CANDIDATE}, welcome to your interview`,
        );
        const terms = await page.locator('.take-terms').innerText();
        expect(terms).toMatch(/Questions\s*5/);
        expect(terms).toMatch(/Time per answer\s*up to 30 seconds/);
        expect(terms).toMatch(/Retakes\s*1 per question/);
        expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
        await bothWidths(page, 'take-notice');
        const start = page.getByRole('button', { name: 'Start', exact: true });
        expect(await start.isDisabled()).toBe(true);
        await page.getByLabel('I have read this notice and agree').check();
        await start.click();

        // The device check: the meter moves with the (fake) voice; a test recording plays back.
        await page.getByTestId('device-check').waitFor();
        await expect
          .poll(async () => Number(await page.getByTestId('mic-level').getAttribute('data-level')), {
            timeout: 10_000,
          })
          .toBeGreaterThan(0);
        await page.getByRole('button', { name: 'Make a 3-second test recording' }).click();
        await page.getByLabel('Your test recording').waitFor({ timeout: 10_000 });
        await page.getByLabel(/Show a camera preview/).check();
        await page.getByLabel('Camera preview', { exact: true }).waitFor();
        await page.getByLabel(/Show a camera preview/).uncheck();
        await checkPage(page, 'take-device-check-phone', { docs: false });
        await page.getByRole('button', { name: 'Continue to the questions' }).click();

        // Question 1, then one retake of it: the retake replaces it, and none is left after.
        await answer(page, 1, 5);
        await page.getByRole('button', { name: 'Retake (1 left)' }).click();
        await answer(page, 1, 5);
        expect(await page.getByRole('button', { name: /^Retake/ }).count()).toBe(0);
        await page.getByRole('button', { name: 'Next question' }).click();

        // Question 2, photographed while it records.
        await page.getByTestId('question-count').filter({ hasText: 'Question 2 of 5' }).waitFor();
        await page.getByRole('button', { name: 'Start recording' }).click();
        await chunkSaved(page);
        expect(await page.getByRole('timer').getAttribute('aria-live')).toBe('polite');
        await bothWidths(page, 'take-question');
        await page.getByRole('button', { name: 'Stop', exact: true }).click();
        await page.getByRole('heading', { name: /^Answer saved/ }).waitFor({ timeout: 20_000 });
        await page.getByRole('button', { name: 'Next question' }).click();
        await answer(page, 3, 5);
        await page.getByRole('button', { name: 'Next question' }).click();

        // Question 4: the tab closes mid-answer, after a chunk reached the server.
        await page.getByTestId('question-count').filter({ hasText: 'Question 4 of 5' }).waitFor();
        await page.getByRole('button', { name: 'Start recording' }).click();
        await chunkSaved(page);
        await page.waitForTimeout(1500);
        await page.close();

        page = await context.newPage();
        await page.goto(link);
        const note = page.getByTestId('resume-note');
        await note.waitFor();
        expect(await note.innerText()).toMatch(
          /Your connection dropped while you answered question 4; we kept the \d+ seconds? recorded before it/,
        );
        await page.getByRole('heading', { name: /^Answer saved \(0:0\d\)$/ }).waitFor();
        expect(await page.getByRole('button', { name: 'Retake (1 left)' }).count()).toBe(1);
        await checkPage(page, 'take-resume-phone', { docs: false });
        await page.getByRole('button', { name: 'Got it' }).click();
        await page.getByRole('button', { name: 'Next question' }).click();
        await answer(page, 5, 5);
        await page.getByRole('button', { name: 'Finish interview' }).click();

        // The finish page: thanks, the date to hear back by, and the optional self-identification.
        await page.getByTestId('take-finish').waitFor();
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
          `Thank you, ${CANDIDATE}. We got your interview.`,
        );
        expect(await page.getByTestId('respond-by').innerText()).toMatch(
          /^You will hear from .+ by (Mon|Tues|Wednes|Thurs|Fri)day, \d{1,2} [A-Z][a-z]+ 20\d\d\.$/,
        );
        const form = page.getByTestId('self-identification');
        expect(await form.getByLabel('Sex').inputValue()).toBe('declined');
        expect(await form.getByLabel('Race or ethnicity').inputValue()).toBe('declined');
        expect(await form.getByLabel('Age').inputValue()).toBe('declined');
        await bothWidths(page, 'take-finish');
        await form.getByLabel('Age').selectOption({ label: 'Under 40' });
        await form.getByRole('button', { name: 'Send my answers' }).click();
        await page.getByText(/^Thank you\. Your answers to the optional questions were saved/).waitFor();
        expect(await form.count()).toBe(0);
        await page.reload();
        await page.getByTestId('take-finish').waitFor();
        expect(await page.getByTestId('self-identification').count()).toBe(0);
      } finally {
        await context.close();
      }
    }, 180_000);

    it("shows the recruiter the candidate's interview completed and analysed", async () => {
      const { context, page } = await h.signIn('recruiter@example.com');
      try {
        await page.getByRole('link', { name: SDR, exact: true }).click();
        const row = page.getByTestId('invitations-table').getByRole('row', { name: new RegExp(CANDIDATE) });
        await row.waitFor();
        expect(await row.innerText()).toMatch(/Completed[\s\S]*5\/5/);
        const jobId = new URL(page.url()).pathname.split('/')[2] ?? '';
        // The demo server runs the worker in process, so the analysis finishes here.
        let last: { status: string; displayStage: string } | undefined;
        await expect
          .poll(
            async () => {
              const ranking = (await apiGet(page, `/jobs/${jobId}/ranking`)) as {
                ranking: { candidateName: string; status: string; displayStage: string }[];
              };
              last = ranking.ranking.find((r) => r.candidateName === CANDIDATE);
              return last?.status;
            },
            { timeout: ANALYSIS_TIMEOUT_MS * 2, interval: 1000 },
          )
          .toMatch(/^(scored|insufficient evidence)$/);
        console.info(`the candidate's ranking row after the analysis: ${JSON.stringify(last)}`);
        expect(['scored', 'in_progress']).toContain(last?.displayStage);
      } finally {
        await context.close();
      }
    }, 180_000);

    it('explains a withdrawn, an expired and an unknown link', async () => {
      const { context, page } = await h.signIn('recruiter@example.com');
      try {
        await page.getByRole('link', { name: SDR, exact: true }).click();
        page.once('dialog', (dialog) => void dialog.accept());
        await page.getByRole('button', { name: 'Withdraw the link of Riley Withdrawn' }).click();
        await page
          .getByTestId('invitations-table')
          .getByRole('row', { name: /Riley Withdrawn/ })
          .getByText('Withdrawn', { exact: true })
          .waitFor();
      } finally {
        await context.close();
      }
      const db = new Database(path.join(h.dataDir, 'candor.db'));
      try {
        db.prepare(
          `UPDATE invitation SET expires_at = '2020-01-01T00:00:00.000Z'
           WHERE candidate_id IN (SELECT id FROM candidate WHERE name = 'Eli Late')`,
        ).run();
      } finally {
        db.close();
      }
      const candidate = await candidateContext(h);
      try {
        const page = await candidate.newPage();
        for (const [url, reason, title] of [
          [links.get('Riley Withdrawn') ?? '', 'revoked', 'This interview link was withdrawn'],
          [links.get('Eli Late') ?? '', 'expired', 'This interview link has expired'],
          [`${h.url}/take/not-a-real-token`, 'unknown', 'This interview link is not valid'],
        ] as const) {
          await page.goto(url);
          await page.getByTestId(`link-${reason}`).waitFor();
          expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(title);
          expect(await page.getByTestId(`link-${reason}`).innerText()).toMatch(/What to do/);
          await expectFitsViewport(page, `${reason} link at 390 px`);
        }
        await checkPage(page, 'take-link-unknown-phone', { docs: false });
      } finally {
        await candidate.close();
      }
    }, 60_000);
  },
  300_000,
);
