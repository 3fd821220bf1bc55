import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { LightMyRequestResponse } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserNeeds, DEMO_PASSWORD, DOCS_DIR, screenshot, startHarness, type Harness } from './harness.js';
import { expectAccessible, expectFitsViewport, PHONE_VIEWPORT } from './page-checks.js';
import { requires } from '../../src/test-helpers.js';

// Picking an interview time by link in real Chromium, on a phone and without an account: the
// recruiter proposes times (through the API, as the agent's scheduling does); the candidate opens
// the link from the message, sees the times in their zone, picks one and gets the confirmation;
// the same link then says it was used; an unknown link and one whose times have all passed say so.
const SDR = 'Sales Development Representative';

requires(...browserNeeds()).describe('picking an interview time by link', () => {
  let h: Harness;
  let bearer = '';
  let recruiterId = '';
  const api = async (
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
  ): Promise<LightMyRequestResponse> =>
    h.server.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { authorization: `Bearer ${bearer}` },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    h = await startHarness();
    const login = await h.server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'recruiter@example.com', password: DEMO_PASSWORD },
    });
    const cookie = login.headers['set-cookie'];
    const made = await h.server.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: {
        cookie: (Array.isArray(cookie) ? cookie : [cookie ?? '']).map((c) => c.split(';')[0]).join('; '),
        'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken,
      },
      payload: { name: 'schedule test' },
    });
    expect(made.statusCode, made.body).toBe(201);
    bearer = made.json<{ token: string }>().token;
    recruiterId = (await api('GET', '/me')).json<{ user: { id: string } }>().user.id;
  }, 60_000);
  afterAll(async () => h?.close());

  /** Invites a candidate to the demo job and proposes three 45-minute times; returns the link. */
  const propose = async (
    name: string,
    email: string,
  ): Promise<{ link: string; proposalId: string; applicationId: string }> => {
    const { jobs } = (await api('GET', '/jobs')).json<{ jobs: { id: string; title: string }[] }>();
    const job = jobs.find((j) => j.title === SDR)!;
    const invited = await api('POST', `/jobs/${job.id}/invitations`, { candidates: [{ name, email }] });
    expect(invited.statusCode, invited.body).toBe(201);
    const applicationId = invited.json<{ invitations: { applicationId: string }[] }>().invitations[0]!
      .applicationId;
    const started = await api('POST', `/applications/${applicationId}/scheduling`, {
      interviewerIds: [recruiterId],
      durationMinutes: 45,
      count: 3,
      location: 'https://meet.example.com/interview',
    });
    expect(started.statusCode, started.body).toBe(201);
    const body = started.json<{ link: string; proposal: { id: string } }>();
    return { link: body.link, proposalId: body.proposal.id, applicationId };
  };

  const phone = async (): Promise<Page> => {
    const context = await h.browser.newContext({
      viewport: PHONE_VIEWPORT,
      baseURL: h.url,
      timezoneId: 'America/New_York',
    });
    return context.newPage();
  };

  it('lists the times, books the one picked, confirms it, and then says the link was used', async () => {
    const { link, applicationId } = await propose('Mara Quinn', 'mara.quinn@example.com');
    expect(link).toMatch(/\/schedule\/[\w-]+$/);
    const page = await phone();
    try {
      await page.goto(new URL(link).pathname);
      await page.getByRole('heading', { name: 'Pick a time for your interview, Mara' }).waitFor();
      const slots = page.getByTestId('slot');
      expect(await slots.count()).toBe(3);
      const zone = (await page.locator('legend').innerText()).replace('Times in ', '');
      expect(await page.getByTestId('zone-note').innerText()).toBe(
        `Your device is set to America/New_York; these times are in ${zone}.`,
      );
      const submit = page.getByRole('button', { name: 'Pick a time above' });
      expect(await submit.isDisabled()).toBe(true);
      const label = (await slots.nth(1).innerText()).trim();
      await slots.nth(1).click();
      await expectFitsViewport(page, 'schedule pick at 390 px');
      await expectAccessible(page, 'schedule pick');
      await page.evaluate('document.fonts.ready');
      const shot = await screenshot(page, 'schedule-pick');
      fs.mkdirSync(DOCS_DIR, { recursive: true });
      fs.copyFileSync(shot, path.join(DOCS_DIR, 'schedule-pick.png'));
      await page.getByRole('button', { name: 'Book this time' }).click();
      await page.getByRole('heading', { name: 'Your interview is booked' }).waitFor();
      expect(await page.locator('.schedule-when').innerText()).toBe(label);
      expect(await page.getByTestId('schedule-picked-booked').innerText()).toContain(
        'The calendar invitation is on its way to you.',
      );
      // The server booked exactly that time.
      const offers = (await api('GET', `/applications/${applicationId}/scheduling`)).json<{
        bookings: { status: string; startsAt: string }[];
      }>();
      expect(offers.bookings.filter((b) => b.status === 'confirmed')).toHaveLength(1);
      await expectAccessible(page, 'schedule booked');
      await screenshot(page, 'schedule-booked');
      // The same link again: used.
      await page.reload();
      await page.getByRole('heading', { name: 'This link was already used' }).waitFor();
      await expectAccessible(page, 'schedule used');
    } finally {
      await page.context().close();
    }
  });

  it('says plainly when a link is unknown, or every time it offered has passed', async () => {
    const { link, proposalId } = await propose('Theo Late', 'theo.late@example.com');
    const db = new Database(path.join(h.dataDir, 'candor.db'));
    try {
      const row = db.prepare('SELECT slots FROM schedule_proposal WHERE id = ?').get(proposalId) as {
        slots: string;
      };
      const past = (JSON.parse(row.slots) as { start: string; end: string }[]).map((s, i) => ({
        ...s,
        start: new Date(Date.UTC(2020, 0, 6 + i, 14)).toISOString(),
        end: new Date(Date.UTC(2020, 0, 6 + i, 15)).toISOString(),
      }));
      db.prepare('UPDATE schedule_proposal SET slots = ? WHERE id = ?').run(JSON.stringify(past), proposalId);
    } finally {
      db.close();
    }
    const page = await phone();
    try {
      await page.goto(new URL(link).pathname);
      await page.getByRole('heading', { name: 'This scheduling link has expired' }).waitFor();
      expect(await page.getByTestId('schedule-expired').innerText()).toContain('ask for new times');
      await expectFitsViewport(page, 'schedule expired at 390 px');
      await expectAccessible(page, 'schedule expired');
      await screenshot(page, 'schedule-expired');
      await page.goto('/schedule/not-a-real-link-token');
      await page.getByRole('heading', { name: 'This scheduling link is not valid' }).waitFor();
      await expectAccessible(page, 'schedule unknown');
      // The server serves the app for any /schedule/… path, not a 404.
      const res = await page.request.get(`${h.url}/schedule/anything-at-all`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toContain('text/html');
    } finally {
      await page.context().close();
    }
  });
});
