import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/index.js';
import { requires } from '../../src/test-helpers.js';
import { browserNeeds, startHarness, type Harness } from './harness.js';
import {
  ANALYSIS_TIMEOUT_MS,
  apiGet,
  checkPage,
  DESKTOP_VIEWPORT,
  expectFitsViewport,
  PHONE_VIEWPORT,
} from './page-checks.js';

// The admin console in real Chromium against `candor serve --demo`: an admin invites a user, edits
// a framework (a weight of −1 is refused naming the field; a good edit is a new version, and a
// scorecard scored with the old version still cites it), issues and revokes an API token (which
// then answers 401), and every page of the console passes axe and fits at 390 px and 1280 px.

/** A change through the API with the page's session cookie and its CSRF token. */
async function apiSend(page: Page, method: 'POST' | 'PATCH', url: string, data?: unknown): Promise<unknown> {
  const session = (await apiGet(page, '/me')) as { csrfToken: string };
  const response = await page.request.fetch(`/api/v1${url}`, {
    method,
    headers: { 'x-csrf-token': session.csrfToken },
    ...(data === undefined ? {} : { data }),
  });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

/** Axe, the picture and the width check at 1280 px, then the same at 390 px (`<name>-phone`). */
async function checkBothWidths(page: Page, name: string): Promise<void> {
  await page.setViewportSize(DESKTOP_VIEWPORT);
  await expectFitsViewport(page, `${name} at 1280 px`);
  await checkPage(page, name);
  await page.setViewportSize(PHONE_VIEWPORT);
  await expectFitsViewport(page, `${name} at 390 px`);
  await checkPage(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP_VIEWPORT);
}

/** A scorecard of a new job's interview scored with `frameworkId` as it is now. */
async function scorecardWith(page: Page, frameworkId: string): Promise<string> {
  const job = (await apiSend(page, 'POST', '/jobs', {
    title: 'Account executive',
    description: 'Runs discovery calls and closes mid-market deals.',
    frameworkId,
  })) as { id: string };
  const candidate = (await apiSend(page, 'POST', '/candidates', { name: 'Priya Raman' })) as { id: string };
  const application = (await apiSend(page, 'POST', '/applications', {
    candidateId: candidate.id,
    jobId: job.id,
  })) as { id: string };
  const interview = (await apiSend(page, 'POST', '/interviews', {
    applicationId: application.id,
    kind: 'live',
  })) as { id: string };
  const content = fs.readFileSync(
    path.join(packageRoot(), 'examples', 'interviews', 'priya-strong.vtt'),
    'utf8',
  );
  await apiSend(page, 'POST', `/interviews/${interview.id}/transcript`, { content, fileName: 'priya.vtt' });
  await apiSend(page, 'POST', `/interviews/${interview.id}/analyze`);
  let scorecardId: string | null = null;
  await expect
    .poll(
      async () => {
        scorecardId = ((await apiGet(page, `/interviews/${interview.id}`)) as { scorecardId: string | null })
          .scorecardId;
        return scorecardId;
      },
      { timeout: ANALYSIS_TIMEOUT_MS, interval: 500 },
    )
    .not.toBeNull();
  return scorecardId!;
}

async function citedFramework(page: Page, scorecardId: string): Promise<{ id: string; version: string }> {
  const view = (await apiGet(page, `/scorecards/${scorecardId}`)) as {
    scorecard: { body: { framework: { id: string; version: string } } };
  };
  const { id, version } = view.scorecard.body.framework;
  return { id, version };
}

requires(...browserNeeds()).describe(
  'the admin console in the browser',
  () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    }, 120_000);
    afterAll(async () => {
      await h?.close();
    });

    it('invites a user, who can then sign in; /users and /settings lead to the console', async () => {
      const { context, page } = await h.signIn('admin@example.com');
      try {
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
        await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/admin/users');
        await page.getByLabel('Name').fill('Nia Newhire');
        await page.getByLabel('Email').fill('nia@example.com');
        await page.getByLabel('Role', { exact: true }).selectOption('hiring_manager');
        await page.getByRole('button', { name: 'Invite' }).click();
        const secret = page.getByTestId('once-secret');
        await secret.waitFor();
        const password = (await secret.innerText()).trim();
        const row = page.getByTestId('user-row').filter({ hasText: 'nia@example.com' });
        await expect.poll(() => row.count()).toBe(1);
        expect(await row.getByRole('combobox').inputValue()).toBe('hiring_manager');
        const login = await fetch(`${h.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'nia@example.com', password }),
        });
        expect(login.status).toBe(200);
        await checkBothWidths(page, 'admin-users');

        await page.goto('/users');
        await page.waitForURL('**/admin/users');
        await page.goto('/settings');
        await page.waitForURL('**/admin/settings');
        await page.getByRole('heading', { level: 1, name: 'Workspace settings' }).waitFor();
        await page.getByLabel('Response target (business days)').fill('7');
        await page.getByRole('button', { name: 'Save settings' }).click();
        await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
        expect(await apiGet(page, '/settings')).toMatchObject({ responseTargetDays: 7, scoreVoice: false });
        await checkBothWidths(page, 'admin-settings');
      } finally {
        await context.close();
      }
    });

    it('edits a framework: −1 is refused naming the field, a good edit is a new version, an old scorecard keeps the old one', async () => {
      const { context, page } = await h.signIn('admin@example.com');
      try {
        await page.goto('/admin/frameworks');
        await page.getByTestId('frameworks-table').waitFor();
        await checkBothWidths(page, 'admin-frameworks');
        await page.getByLabel('New id').fill('acme-skills');
        await page.getByLabel('Name', { exact: true }).fill('Acme skills');
        await page.getByRole('button', { name: 'Duplicate' }).click();
        await page.waitForURL('**/admin/frameworks/acme-skills');

        const scorecardId = await scorecardWith(page, 'acme-skills');
        expect(await citedFramework(page, scorecardId)).toEqual({ id: 'acme-skills', version: '1.0.0' });

        await page.reload();
        const weight = page.getByLabel('Clarity & coherence weight', { exact: true });
        await weight.fill('-1');
        await page.getByRole('button', { name: 'Save as a new version' }).click();
        const alert = page.getByRole('alert');
        await expect
          .poll(() => alert.innerText())
          .toBe('Clarity & coherence › weight: a weight must be above 0');
        expect(await weight.getAttribute('aria-invalid')).toBe('true');
        expect(await apiGet(page, '/frameworks/acme-skills/versions')).toMatchObject({
          versions: [{ version: '1.0.0' }],
        });

        await weight.fill('3');
        await page.getByRole('button', { name: 'Save as a new version' }).click();
        await page.waitForURL('**/admin/frameworks/acme-skills?version=1.1.0');
        await page.getByRole('heading', { level: 1, name: 'Acme skills 1.1.0' }).waitFor();
        await expect
          .poll(() => page.getByTestId('framework-versions').innerText())
          .toMatch(/1\.0\.0\s+1\.1\.0/);
        const changes = page.getByTestId('framework-changes');
        await expect.poll(() => changes.innerText()).toMatch(/Clarity & coherence › weight\s+1\s+3/);
        expect(await changes.getByRole('row').count()).toBe(2);
        // The scorecard scored before the edit still cites version 1.0.0.
        expect(await citedFramework(page, scorecardId)).toEqual({ id: 'acme-skills', version: '1.0.0' });
        await checkBothWidths(page, 'admin-framework');
      } finally {
        await context.close();
      }
    });

    it('issues an API token shown once, then revokes it and it answers 401', async () => {
      const { context, page } = await h.signIn('admin@example.com');
      page.on('dialog', (dialog) => void dialog.accept());
      try {
        await page.goto('/admin/tokens');
        await page.getByLabel('Name').fill('ATS sync');
        await page.getByRole('button', { name: 'Issue token' }).click();
        const token = (await page.getByTestId('once-secret').innerText()).trim();
        expect(token).toMatch(/^candor_/);
        const me = () => fetch(`${h.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
        expect((await me()).status).toBe(200);
        const row = page.getByTestId('token-row').filter({ hasText: 'ATS sync' });
        await expect.poll(() => row.count()).toBe(1);
        expect(await row.innerText()).toContain('Avery Admin');
        await checkBothWidths(page, 'admin-tokens');

        await row.getByRole('button', { name: 'Revoke ATS sync' }).click();
        await expect.poll(() => row.count()).toBe(0);
        expect((await me()).status).toBe(401);
      } finally {
        await context.close();
      }
    });

    it('creates a question set with key points and a follow-up, and lists who did what in the activity log', async () => {
      const { context, page } = await h.signIn('admin@example.com');
      try {
        await page.goto('/admin/question-sets');
        await page.getByTestId('question-sets-table').waitFor();
        await checkBothWidths(page, 'admin-question-sets');
        await page.getByRole('link', { name: 'New question set' }).click();
        await page.getByLabel('Id', { exact: true }).fill('acme-sales');
        await page.getByLabel('Name', { exact: true }).fill('Acme sales');
        await page
          .getByLabel('Question', { exact: true })
          .fill('Tell me about a deal you lost and what you learned.');
        await page.getByLabel('Key points (one per line)').fill('the cause\na lesson applied later');
        await page.getByLabel('Follow-up (optional)').fill('What would you do differently?');
        await page.getByRole('button', { name: 'Save question set' }).click();
        await page.waitForURL('**/admin/question-sets/acme-sales');
        const saved = (await apiGet(page, '/question-sets/acme-sales')) as {
          questions: { keyPoints: string[]; followUp: string | null }[];
        };
        expect(saved.questions).toMatchObject([
          { keyPoints: ['the cause', 'a lesson applied later'], followUp: 'What would you do differently?' },
        ]);
        await page.getByRole('heading', { level: 1, name: 'Acme sales' }).waitFor();
        await checkBothWidths(page, 'admin-question-set');

        await page.goto('/admin/activity');
        const log = page.getByTestId('activity-list');
        await log.waitFor();
        const text = await log.innerText();
        for (const words of [
          'Saved question set "Acme sales"',
          'Revoked API token "ATS sync" of Avery Admin',
          'Saved framework acme-skills version 1.1.0 (from 1.0.0)',
          'Settings: response target 5 → 7 business days',
          'Added Nia Newhire <nia@example.com> as hiring_manager',
        ]) {
          expect(text).toContain(words);
        }
        await checkBothWidths(page, 'admin-activity');
      } finally {
        await context.close();
      }
    });

    it('refuses the console to a recruiter', async () => {
      const { context, page } = await h.signIn('recruiter@example.com');
      try {
        const nav = page.getByRole('navigation', { name: 'Main' });
        await nav.getByRole('link', { name: 'Jobs' }).waitFor();
        expect(await nav.getByRole('link', { name: 'Admin' }).count()).toBe(0);
        const res = await page.request.get('/api/v1/activity');
        expect(res.status()).toBe(403);
      } finally {
        await context.close();
      }
    });
  },
  300_000,
);
