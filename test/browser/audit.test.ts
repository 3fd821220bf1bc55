import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import path from 'node:path';
import { DEMO_PASSWORD, OUT_DIR, browserNeeds, startHarness, type Harness } from './harness.js';
import { apiGet, chartDrawn, checkPage } from './page-checks.js';
import { requires } from '../../src/test-helpers.js';

// The adverse-impact audit in real Chromium against `candor serve --demo`: an admin adds an
// auditor and 40 applicants to the SDR job, advancing 16 of 20 men and 3 of 20 women; the auditor
// records everyone's self-identified demographics and reads the audit with women flagged. A
// recruiter gets 403 from the audit and the demographics, and no page of theirs shows them.
const SDR = 'Sales Development Representative';
const AUDITOR = 'audrey.auditor@example.com';
/** Any demographic value or label in a recruiter's page would match this. */
const DEMOGRAPHIC_TEXT = /\b(female|male|hispanic|latino|asian|40[ _]or[ _]over|under[ _]40)\b/i;

/** A write to the API with the page's session cookie and its CSRF token; returns the JSON. */
async function apiSend(page: Page, method: 'POST' | 'PUT', path: string, data: object): Promise<unknown> {
  const { csrfToken } = (await apiGet(page, '/me')) as { csrfToken: string };
  const response = await page.request.fetch(`/api/v1${path}`, {
    method,
    data,
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(response.status(), `${method} ${path}`).toBeLessThan(300);
  return response.json();
}

interface Seeded {
  readonly jobId: string;
  /** Every SDR applicant's candidate id, with what they said of themself. */
  readonly people: { candidateId: string; sex: 'female' | 'male'; raceEthnicity: string; ageBand: string }[];
}

/** The admin adds the auditor and 40 applicants; 16 of 20 men and 3 of 20 women are advanced. */
async function seedHiring(page: Page): Promise<Seeded> {
  await apiSend(page, 'POST', '/users', {
    email: AUDITOR,
    name: 'Audrey Auditor',
    role: 'auditor',
    password: DEMO_PASSWORD,
  });
  const { jobs } = (await apiGet(page, '/jobs')) as { jobs: { id: string; title: string }[] };
  const jobId = jobs.find((j) => j.title === SDR)!.id;
  const { ranking } = (await apiGet(page, `/jobs/${jobId}/ranking`)) as {
    ranking: { candidateId: string }[];
  };
  const people: Seeded['people'] = ranking.map((r, i) => ({
    candidateId: r.candidateId,
    sex: i % 2 === 0 ? 'male' : 'female',
    raceEthnicity: i % 3 === 0 ? 'asian' : 'hispanic_or_latino',
    ageBand: i % 4 === 0 ? '40_or_over' : 'under_40',
  }));
  for (let i = 0; i < 40; i++) {
    const sex = i < 20 ? 'male' : 'female';
    const candidate = (await apiSend(page, 'POST', '/candidates', {
      name: `Applicant ${String(i + 1).padStart(2, '0')}`,
    })) as { id: string };
    const application = (await apiSend(page, 'POST', '/applications', {
      candidateId: candidate.id,
      jobId,
    })) as { id: string };
    const advanced = sex === 'male' ? i < 16 : i < 23;
    if (advanced) {
      await apiSend(page, 'POST', `/applications/${application.id}/decisions`, {
        decision: 'advance',
        reason: 'strong screen',
      });
    }
    people.push({
      candidateId: candidate.id,
      sex,
      raceEthnicity: i % 2 === 0 ? 'asian' : 'hispanic_or_latino',
      ageBand: i % 5 === 0 ? '40_or_over' : 'under_40',
    });
  }
  return { jobId, people };
}

requires(...browserNeeds()).describe(
  'the adverse-impact audit in the browser',
  () => {
    let h: Harness;
    let seeded: Seeded;
    beforeAll(async () => {
      h = await startHarness();
      const { context, page } = await h.signIn('admin@example.com');
      try {
        seeded = await seedHiring(page);
      } finally {
        await context.close();
      }
    }, 120_000);
    afterAll(async () => {
      await h?.close();
    });

    it('an auditor records demographics, then reads the audit: tables, the flag in colour and words, the chart', async () => {
      const { context, page } = await h.signIn(AUDITOR);
      try {
        expect(new URL(page.url()).pathname).toBe('/audit');
        for (const { candidateId, ...demographics } of seeded.people) {
          await apiSend(page, 'PUT', `/candidates/${candidateId}/demographics`, demographics);
        }
        const nav = page.getByRole('navigation', { name: 'Main' });
        expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Audit']);
        await page.getByLabel('Job').fill(seeded.jobId);
        await page.getByRole('button', { name: 'Run audit' }).click();
        const summary = page.getByTestId('audit-summary');
        await expect.poll(() => summary.innerText()).toContain(`Scope\n${SDR}`);
        const people = seeded.people.length;
        expect(await page.getByTestId('audit-total').innerText()).toMatch(
          new RegExp(`^${people} · \\d+ advanced`),
        );
        expect(await page.getByTestId('audit-unknown').innerText()).toMatch(/^0 with no demographic data/);
        expect(await summary.innerText()).toMatch(/flagged: Sex: Female/);

        const sex = page.locator('[data-testid="audit-category"][data-category="sex"]');
        const female = sex.locator('tr[data-group="female"]');
        const male = sex.locator('tr[data-group="male"]');
        expect(await female.innerText()).toMatch(/Flagged: under 4\/5 and significant/);
        expect(await female.getAttribute('class')).toBe('audit-flagged');
        // Men are the selection reference: the highest selection rate, the ratio 1.00 and no test.
        expect(await male.innerText()).toMatch(/^Male\t23\t69\.6%\t1\.00\tref\.\t/);
        expect(await female.innerText()).toMatch(/^Female\t23\t13\.0%\t0\.19\b/);
        // The flag's colour: the row and its badge are red, not only worded.
        const badge = female.locator('.status-failed');
        expect(
          await badge.evaluate(
            (el) =>
              (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(
                el,
              ).color,
          ),
        ).toBe('rgb(180, 35, 24)');
        expect(await page.getByTestId('audit-table').count()).toBe(4);
        // What drives the gap: the flagged group against its reference, feature by feature.
        const gap = page
          .getByTestId('audit-gap')
          .filter({ hasText: 'What drives the gap: Sex, Female against Male' });
        expect(await gap.count()).toBe(1);
        expect(await gap.innerText()).toMatch(/Mean contribution per member/);
        await gap.scrollIntoViewIfNeeded();
        await gap.screenshot({ path: path.join(OUT_DIR, 'audit-gap.png') });
        expect(await page.getByRole('button', { name: 'Download CSV' }).count()).toBe(1);

        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Download CSV' }).click();
        const file = await (await download).path();
        const { readFileSync } = await import('node:fs');
        const csv = readFileSync(file, 'utf8').split('\r\n');
        expect(csv[0]).toMatch(/^category,group,label,excluded,count,selected,selection_rate/);
        expect(csv.find((l) => l.startsWith('sex,female,'))).toMatch(/,true$/);

        await chartDrawn(page, 'audit-chart');
        await checkPage(page, 'audit');
      } finally {
        await context.close();
      }
    });

    it('a recruiter gets 403 from the audit and the demographics, and no page of theirs shows them', async () => {
      const { context, page } = await h.signIn('recruiter@example.com');
      try {
        const candidateId = seeded.people[0]!.candidateId;
        expect((await page.request.get('/api/v1/audit')).status()).toBe(403);
        expect((await page.request.get(`/api/v1/candidates/${candidateId}/demographics`)).status()).toBe(403);
        const nav = page.getByRole('navigation', { name: 'Main' });
        expect(await nav.getByRole('link', { name: 'Audit' }).count()).toBe(0);
        await page.goto('/audit');
        await page.getByRole('heading', { level: 1 }).waitFor();
        expect(await page.getByTestId('audit-summary').count()).toBe(0);

        await page.goto(`/jobs/${seeded.jobId}`);
        await page.getByTestId('ranking-row').first().waitFor();
        await expect.poll(() => page.getByTestId('ranking-row').count()).toBeGreaterThan(40);
        expect(await page.locator('body').innerText()).not.toMatch(DEMOGRAPHIC_TEXT);
        expect(await page.content()).not.toMatch(DEMOGRAPHIC_TEXT);

        const { ranking } = (await apiGet(page, `/jobs/${seeded.jobId}/ranking`)) as {
          ranking: { scorecardId: string | null }[];
        };
        const scorecardId = ranking.find((r) => r.scorecardId !== null)!.scorecardId!;
        await page.goto(`/scorecards/${scorecardId}`);
        await expect.poll(() => page.getByTestId('overall-score').innerText()).toMatch(/^\d+\s*\/ 100$/);
        expect(await page.locator('body').innerText()).not.toMatch(DEMOGRAPHIC_TEXT);
      } finally {
        await context.close();
      }
    });
  },
  180_000,
);
