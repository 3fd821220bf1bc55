import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { requires } from '../../src/test-helpers.js';
import { browserNeeds, DOCS_DIR, OUT_DIR, startHarness, type Harness } from './harness.js';
import { apiGet, checkPage, DESKTOP_VIEWPORT, expectFitsViewport, PHONE_VIEWPORT } from './page-checks.js';

// The follow-up agent's last web-app pieces in real Chromium against `candor serve --demo`: an
// admin sets an interviewer's calendar (a URL that is no http(s) URL and an unknown zone are
// refused with the API's words next to the field; the stored password is never shown), saves the
// workspace's events line and sees it after a reload; the job page's pulse card says "no answers
// yet", then shows the NPS, the counts and each round from answers stored as the agent stores them.

/** A change through the API with the page's session cookie and its CSRF token. */
async function apiPut(page: Page, url: string, data: unknown): Promise<unknown> {
  const session = (await apiGet(page, '/me')) as { csrfToken: string };
  const response = await page.request.fetch(`/api/v1${url}`, {
    method: 'PUT',
    headers: { 'x-csrf-token': session.csrfToken },
    data,
  });
  expect(response.status(), `PUT ${url}: ${await response.text()}`).toBe(200);
  return response.json();
}

/**
 * A picture of one card (the README's pictures of parts below the fold): `<name>.png` in the
 * browser tests' output, and in docs/screenshots with CANDOR_SCREENSHOTS=docs.
 */
async function cardShot(card: Locator, name: string): Promise<void> {
  await card.scrollIntoViewIfNeeded();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, `${name}.png`);
  await card.screenshot({ path: file });
  if (process.env.CANDOR_SCREENSHOTS === 'docs') fs.copyFileSync(file, path.join(DOCS_DIR, `${name}.png`));
}

const PASSWORD = 'caldav-secret-never-shown-42';

requires(...browserNeeds()).describe('calendar settings, events line and pulse in the browser', () => {
  let h: Harness;
  let store: Store;

  beforeAll(async () => {
    h = await startHarness();
    // A second connection to the server's SQLite file, as another process would have.
    store = await openStore({ dataDir: h.dataDir });
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await h?.close();
  });

  it("sets an interviewer's calendar: a bad URL and zone are refused next to the field", async () => {
    const { context, page } = await h.signIn('admin@example.com');
    try {
      const { users } = (await apiGet(page, '/users')) as { users: { id: string; name: string }[] };
      const hugo = users.find((u) => u.name === 'Hugo Hale')!;
      // A password stored earlier (verify off: no CalDAV server here).
      const stored = (await apiPut(page, `/users/${hugo.id}/calendar`, {
        caldavUrl: 'https://cal.example.org/hugo/interviews/',
        username: 'hugo',
        password: PASSWORD,
        timeZone: 'Europe/London',
        verify: false,
      })) as { hasPassword: boolean };
      expect(stored.hasPassword).toBe(true);

      await page.goto('/admin/users');
      await page.getByRole('button', { name: 'Interview calendar of Hugo Hale' }).click();
      const panel = page.getByTestId('calendar-panel');
      const url = panel.getByLabel('CalDAV calendar URL');
      await expect.poll(() => url.inputValue()).toBe('https://cal.example.org/hugo/interviews/');
      expect(await panel.getByLabel('Username').inputValue()).toBe('hugo');
      const password = panel.getByLabel('Password', { exact: true });
      expect(await password.inputValue()).toBe('');
      expect(await panel.getByTestId('password-state').innerText()).toContain('A password is stored');
      expect(await panel.getByLabel('Monday').isChecked()).toBe(true);
      expect(await panel.getByLabel('Saturday').isChecked()).toBe(false);

      // No scheme: the API's 400 shows under the URL field, which is marked invalid.
      await url.fill('cal.example.org/hugo');
      await panel.getByRole('button', { name: 'Save calendar' }).click();
      const urlError = panel.locator('#cal-caldavUrl-error');
      await urlError.waitFor();
      expect(await urlError.innerText()).toBe(
        'not an http(s) URL of a CalDAV calendar, e.g. https://cal.example.org/dana/interviews/',
      );
      expect(await url.getAttribute('aria-invalid')).toBe('true');
      expect(await url.getAttribute('aria-describedby')).toContain('cal-caldavUrl-error');
      expect(await page.content()).not.toContain(PASSWORD);
      await checkPage(page, 'admin-users-calendar', { docs: false });
      await cardShot(panel, 'agent-calendar');

      // An unknown zone: the error moves to the zone field.
      await url.fill('');
      await panel.getByLabel('Time zone').fill('Mars/Olympus');
      await panel.getByRole('button', { name: 'Save calendar' }).click();
      const zoneError = panel.locator('#cal-timeZone-error');
      await zoneError.waitFor();
      expect(await zoneError.innerText()).toBe('not an IANA time zone, e.g. Europe/London');
      expect(await urlError.count()).toBe(0);

      // Hours that end before they start: under "Until".
      await panel.getByLabel('Time zone').fill('America/New_York');
      await panel.getByLabel('From').fill('16:00');
      await panel.getByLabel('Until').fill('10:00');
      await panel.getByRole('button', { name: 'Save calendar' }).click();
      await expect.poll(() => panel.locator('#cal-end-error').innerText()).toBe('start must be before end');

      // A good one: no URL (working hours and Candor's bookings only), Monday to Thursday 10–16, 3 a day.
      await panel.getByLabel('From').fill('10:00');
      await panel.getByLabel('Until').fill('16:00');
      await panel.getByLabel('Friday').uncheck();
      await panel.getByLabel('Most interviews a day').fill('3');
      await panel.getByRole('button', { name: 'Save calendar' }).click();
      await panel.getByText('Saved.', { exact: true }).waitFor();
      expect(await panel.locator('.field-error').count()).toBe(0);
      const saved = (await apiGet(page, `/users/${hugo.id}/calendar`)) as Record<string, unknown>;
      expect(saved).toMatchObject({
        caldavUrl: null,
        timeZone: 'America/New_York',
        workingHours: { days: [1, 2, 3, 4], start: '10:00', end: '16:00' },
        dailyCap: 3,
        // Without a calendar there is nothing to sign in to: the password goes with the URL.
        hasPassword: false,
      });
      await page.setViewportSize(PHONE_VIEWPORT);
      await expectFitsViewport(page, 'calendar settings at 390 px');
      await page.setViewportSize(DESKTOP_VIEWPORT);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('saves the events line with the workspace settings and shows it after a reload', async () => {
    const { context, page } = await h.signIn('admin@example.com');
    try {
      await page.goto('/admin/settings');
      const line = page.getByLabel('Events line in declines');
      await line.waitFor();
      expect(await line.inputValue()).toBe('');
      const text = 'Meet our team at the Leeds careers fair on 12 March, stand 14.';
      await line.fill(text);
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Saved.', { exact: true }).waitFor();
      await page.reload();
      await expect.poll(() => page.getByLabel('Events line in declines').inputValue()).toBe(text);
      expect(((await apiGet(page, '/settings')) as { eventsLine: string | null }).eventsLine).toBe(text);

      // Blank removes it.
      await page.getByLabel('Events line in declines').fill('   ');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Saved.', { exact: true }).waitFor();
      expect(((await apiGet(page, '/settings')) as { eventsLine: string | null }).eventsLine).toBeNull();
      await page.getByLabel('Events line in declines').fill(text);
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Saved.', { exact: true }).waitFor();
    } finally {
      await context.close();
    }
  }, 120_000);

  it("shows the job's candidate pulse: no answers yet, then NPS, counts and rounds", async () => {
    const { context, page } = await h.signIn('recruiter@example.com');
    try {
      const { jobs } = (await apiGet(page, '/jobs')) as { jobs: { id: string }[] };
      const jobId = jobs[0]!.id;
      await page.goto(`/jobs/${jobId}`);
      const card = page.getByTestId('pulse');
      await card.getByTestId('pulse-empty').waitFor();
      expect(await card.innerText()).toContain('No answers yet');

      // Answers as the agent stores them from replies to the survey.
      const job = await store.jobs.get(jobId);
      const applications = await store.applications.listByJob(jobId);
      expect(applications.length).toBeGreaterThan(0);
      const answers: [string, number][] = [
        ['online_interview', 10],
        ['online_interview', 9],
        ['online_interview', 9],
        ['online_interview', 8],
        ['online_interview', 3],
        ['scheduled_interview', 6],
        ['scheduled_interview', 10],
      ];
      for (const [i, [stage, score]] of answers.entries()) {
        const application = applications[i % applications.length]!;
        await store.pulse.record({
          workspaceId: job.workspaceId,
          jobId,
          stage,
          candidateId: application.candidateId,
          applicationId: application.id,
          surveyMessageId: `browser-survey-${i}`,
          score,
          comment: null,
          channel: 'email',
        });
      }

      await page.reload();
      const nps = card.getByTestId('pulse-nps');
      await nps.waitFor();
      // 4 promoters, 1 passive, 2 detractors of 7: (4 − 2) / 7 = 28.6.
      expect(await nps.innerText()).toMatch(/^\+28\.6\s+NPS from 7 answers$/);
      expect(await card.getByTestId('pulse-counts').innerText()).toMatch(
        /4 promoters\s+1 passive\s+2 detractors/,
      );
      const rounds = card.getByTestId('pulse-rounds');
      // Online: 3 promoters, 1 passive, 1 detractor of 5 = +40; scheduled: 1 and 1 of 2 = 0.
      expect(await rounds.locator('tr[data-stage="online_interview"]').innerText()).toMatch(
        /Online interview\s+\+40\s+5\s+3\s+1\s+1/,
      );
      expect(await rounds.locator('tr[data-stage="scheduled_interview"]').innerText()).toMatch(
        /Scheduled interview\s+0\s+2\s+1\s+0\s+1/,
      );
      expect(await card.getByRole('img', { name: /^All rounds:/ }).getAttribute('aria-label')).toBe(
        'All rounds: 4 promoters, 1 passive, 2 detractors',
      );
      await checkPage(page, 'job-with-pulse', { docs: false });
      // The README's picture is of the card itself: it sits below the ranking and the forms.
      await cardShot(card, 'job-pulse');
      await page.setViewportSize(PHONE_VIEWPORT);
      await expectFitsViewport(page, 'job page with the pulse at 390 px');
      await page.setViewportSize(DESKTOP_VIEWPORT);
    } finally {
      await context.close();
    }
  }, 120_000);
});
