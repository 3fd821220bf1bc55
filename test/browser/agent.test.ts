import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signBody } from '../../src/server/webhooks/signature.js';
import { requires } from '../../src/test-helpers.js';
import { browserNeeds, startHarness, type Harness } from './harness.js';
import { apiGet, checkPage, DESKTOP_VIEWPORT, expectFitsViewport, PHONE_VIEWPORT } from './page-checks.js';

// The follow-up agent's pages in real Chromium against `candor serve --demo`: a recruiter reads a
// candidate's message timeline (the invitation waiting with its reason, their frustrated reply),
// pauses and resumes the agent for them, answers the reply from the inbox with an edited draft and
// sees the answer queued; an admin edits a template and sees the live preview change, and a
// template with {{unknown}} is refused with the server's words shown and nothing stored.

const INBOUND_SECRET = 'browser-inbound-secret-0123456789';

/** A change through the API with the page's session cookie and its CSRF token. */
async function apiSend(page: Page, method: 'POST' | 'PUT', url: string, data?: unknown): Promise<unknown> {
  const session = (await apiGet(page, '/me')) as { csrfToken: string };
  const response = await page.request.fetch(`/api/v1${url}`, {
    method,
    headers: { 'x-csrf-token': session.csrfToken },
    ...(data === undefined ? {} : { data }),
  });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

requires(...browserNeeds()).describe('the follow-up agent in the browser', () => {
  let h: Harness;
  let candidateId = '';

  beforeAll(async () => {
    // The inbound e-mail route is on with a secret (the harness passes the environment on).
    process.env.CANDOR_INBOUND_EMAIL_SECRET = INBOUND_SECRET;
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    delete process.env.CANDOR_INBOUND_EMAIL_SECRET;
    await h?.close();
  });

  it("shows a candidate's timeline, pauses and resumes the agent for them", async () => {
    const { context, page } = await h.signIn('recruiter@example.com');
    try {
      const { jobs } = (await apiGet(page, '/jobs')) as { jobs: { id: string; title: string }[] };
      const job = jobs[0]!;
      const invited = (await apiSend(page, 'POST', `/jobs/${job.id}/invitations`, {
        candidates: [{ name: 'Ana Díaz', email: 'ana.diaz@example.com' }],
        textAnswers: true,
      })) as { invitations: { candidate: { id: string } }[] };
      candidateId = invited.invitations[0]!.candidate.id;
      // Her reply, as an inbound-parse forwarder posts it (signed).
      const raw = [
        'From: Ana Díaz <ana.diaz@example.com>',
        'To: jobs@acme.test',
        'Subject: Re: Your interview',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'This is the third time I ask and nobody answers. Ridiculous.',
        '',
      ].join('\r\n');
      const inbound = await page.request.fetch('/api/v1/agent/inbound/email', {
        method: 'POST',
        headers: { 'content-type': 'message/rfc822', 'x-candor-signature': signBody(INBOUND_SECRET, raw) },
        data: raw,
      });
      expect(inbound.status(), await inbound.text()).toBe(202);

      // The dispatcher looks at the invitation: with no SMTP (or in quiet hours) it waits, with the reason.
      let reason = '';
      await expect
        .poll(
          async () => {
            const { messages } = (await apiGet(page, `/candidates/${candidateId}/messages`)) as {
              messages: { flow: string; note: string | null }[];
            };
            reason = messages.find((m) => m.flow === 'invitation')?.note ?? '';
            return reason;
          },
          { timeout: 30_000 },
        )
        .not.toBe('');

      // From the job's invitations to the candidate's page.
      await page.goto(`/jobs/${job.id}`);
      await page.getByRole('link', { name: 'Ana Díaz' }).click();
      await page.waitForURL(`**/candidates/${candidateId}`);
      const timeline = page.getByTestId('timeline');
      await timeline.waitFor();
      const items = timeline.locator(':scope > li');
      await expect.poll(() => items.count()).toBe(2);
      await expect.poll(() => items.nth(0).getAttribute('data-flow')).toBe('invitation');
      expect(await items.nth(0).innerText()).toMatch(
        /Invitation to interview[\s\S]*To the candidate · e-mail/,
      );
      expect(await items.nth(0).innerText()).toContain(reason);
      expect(reason).toMatch(/e-mail is not set up \(CANDOR_SMTP_URL\)|quiet hours/);
      const reply = await items.nth(1).innerText();
      expect(reply).toContain('From the candidate');
      expect(reply).toContain('frustrated');
      expect(reply).toContain('waiting for a person');
      expect(reply).toContain('the reply sounds frustrated');
      await items.nth(1).getByText('What they wrote').click();
      expect(await items.nth(1).innerText()).toContain('nobody answers. Ridiculous.');

      const state = page.getByTestId('agent-state');
      expect(await state.innerText()).toMatch(/^Active/);
      await page.getByRole('button', { name: 'Pause the agent for Ana Díaz' }).click();
      await expect.poll(() => state.innerText()).toMatch(/^Paused by Rita Reyes/);
      expect(
        ((await apiGet(page, '/agent/pauses')) as { pauses: { subjectId: string }[] }).pauses.map(
          (p) => p.subjectId,
        ),
      ).toContain(candidateId);

      // The preview fills the candidate's values.
      await page.getByLabel('Message', { exact: true }).selectOption('status');
      await page.getByRole('button', { name: 'Preview' }).click();
      const preview = page.getByTestId('candidate-preview');
      await preview.waitFor();
      expect(await preview.innerText()).toContain('Hi Ana,');
      expect(await preview.innerText()).toContain('your interview link is waiting for you');
      await checkPage(page, 'agent-timeline');

      await page.getByRole('button', { name: 'Resume the agent for Ana Díaz' }).click();
      await expect.poll(() => state.innerText()).toMatch(/^Active/);
      await page.setViewportSize(PHONE_VIEWPORT);
      await expectFitsViewport(page, 'candidate page at 390 px');
      await page.setViewportSize(DESKTOP_VIEWPORT);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('answers an inbox reply with the edited draft and sees it queued', async () => {
    const { context, page } = await h.signIn('recruiter@example.com');
    try {
      await page.getByRole('link', { name: 'Inbox' }).click();
      await page.waitForURL('**/inbox');
      const item = page.getByTestId('inbox-item').filter({ hasText: 'Ana Díaz' });
      await item.waitFor();
      expect(await item.innerText()).toContain('Why a person: the reply sounds frustrated');
      // The timer since arrival ticks.
      const timer = item.getByTestId('waiting');
      const first = await timer.innerText();
      expect(first).toMatch(/^waiting (\d+ min \d\d s|\d+ s)$/);
      await expect.poll(() => timer.innerText(), { timeout: 5_000 }).not.toBe(first);
      const body = item.getByLabel('Message');
      await expect.poll(() => body.inputValue()).toMatch(/^Hi Ana,\n\nI am sorry you have had to wait/);
      expect(await body.inputValue()).toContain('Rita Reyes');
      expect(await item.getByLabel('Subject').inputValue()).toBe('Re: Your interview');
      await checkPage(page, 'agent-inbox');
      await body.fill(
        'Hi Ana,\n\nI am sorry: your interview is with me now and you will hear from me by Friday.\n\nRita Reyes',
      );
      await page.setViewportSize(PHONE_VIEWPORT);
      await expectFitsViewport(page, 'inbox at 390 px');
      await page.setViewportSize(DESKTOP_VIEWPORT);
      await item.getByRole('button', { name: 'Send the answer to Ana Díaz' }).click();
      const queued = item.getByTestId('answer-queued');
      await queued.waitFor();
      expect(await queued.innerText()).toContain('Your answer to ana.diaz@example.com is queued');
      // The answer is in her timeline, and the reply left the inbox.
      const { messages } = (await apiGet(page, `/candidates/${candidateId}/messages`)) as {
        messages: { flow: string; direction: string; body: string; status: string }[];
      };
      const answer = messages.find((m) => m.direction === 'out' && m.flow === 'reply');
      expect(answer?.body).toContain('you will hear from me by Friday');
      const { replies } = (await apiGet(page, '/agent/inbox')) as {
        replies: { candidateName: string | null }[];
      };
      expect(replies.map((r) => r.candidateName)).not.toContain('Ana Díaz');
      await item.getByRole('link', { name: 'See the timeline' }).click();
      const reply = page.getByTestId('timeline').locator(':scope > li[data-flow="reply"]').last();
      await reply.waitFor();
      expect(await reply.innerText()).toContain('Answer from a person');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('edits a template with a live preview; {{unknown}} is refused with the message shown', async () => {
    const { context, page } = await h.signIn('admin@example.com');
    try {
      await page.goto('/admin/users');
      await page.getByRole('link', { name: 'Follow-up agent' }).click();
      await page.waitForURL('**/admin/agent');
      const preview = page.getByTestId('template-preview');
      await preview.waitFor();
      expect(await preview.innerText()).toContain('Hi Ana,');
      const body = page.getByLabel('Message', { exact: true });
      const original = await body.inputValue();
      await body.fill(original.replace('Hi {{firstName}},', 'Hello {{firstName}}, good to hear from you!'));
      await expect.poll(() => preview.innerText()).toContain('Hello Ana, good to hear from you!');

      await body.fill(`${original}\nYour code: {{unknown}}`);
      const problem = page.locator('#template-problem [role="alert"]');
      await problem.waitFor();
      expect(await problem.innerText()).toContain('{{unknown}} is not a variable of invitation');
      expect(await body.getAttribute('aria-invalid')).toBe('true');
      const save = page.getByRole('button', { name: 'Save template' });
      expect(await save.isDisabled()).toBe(true);
      await checkPage(page, 'agent-settings-refused', { docs: false });
      // Nor does the server take it directly.
      const session = (await apiGet(page, '/me')) as { csrfToken: string };
      const refused = await page.request.fetch('/api/v1/agent/templates', {
        method: 'PUT',
        headers: { 'x-csrf-token': session.csrfToken },
        data: { flow: 'invitation', channel: 'email', subject: 'Hi', body: 'Code: {{unknown}}' },
      });
      expect(refused.status()).toBe(400);

      await body.fill(original.replace('Hi {{firstName}},', 'Hello {{firstName}}, good to hear from you!'));
      await expect.poll(() => save.isDisabled()).toBe(false);
      await save.click();
      await page.getByText('Saved: the agent uses this wording from now on.').waitFor();
      const { templates } = (await apiGet(page, '/agent/templates')) as {
        templates: { flow: string; channel: string; custom: boolean; body: string }[];
      };
      const stored = templates.find((t) => t.flow === 'invitation' && t.channel === 'email');
      expect(stored).toMatchObject({ custom: true });
      expect(stored?.body).toContain('Hello {{firstName}}, good to hear from you!');
      expect(stored?.body).not.toContain('{{unknown}}');
      await checkPage(page, 'agent-settings');

      // The cadence: the weekly cap goes to 3.
      await page.getByLabel('Messages per candidate per 7 days').fill('3');
      await page.getByRole('button', { name: 'Save cadence' }).click();
      await page.getByText('Saved.', { exact: true }).waitFor();
      expect(
        ((await apiGet(page, '/agent/cadence')) as { effective: { weeklyCap: number } }).effective.weeklyCap,
      ).toBe(3);
      await page.setViewportSize(PHONE_VIEWPORT);
      await expectFitsViewport(page, 'agent settings at 390 px');
      await page.setViewportSize(DESKTOP_VIEWPORT);
    } finally {
      await context.close();
    }
  }, 120_000);
});
