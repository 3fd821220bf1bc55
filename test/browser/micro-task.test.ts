import path from 'node:path';
import Database from 'better-sqlite3';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserNeeds, DEMO_PASSWORD, OUT_DIR, screenshot, startHarness, type Harness } from './harness.js';
import { ANALYSIS_TIMEOUT_MS, expectAccessible, PHONE_VIEWPORT } from './page-checks.js';
import { requires } from '../../src/test-helpers.js';

// The micro-task in real Chromium: a candidate completes an interview by link with answers too
// short to score; the server's analysis stores a scorecard and queues one extra question; the
// candidate opens the link from that message, sees the question under their finished interview,
// types an answer; the recruiter's scorecard page then shows both versions, before and after.
const SDR = 'Sales Development Representative';

requires(...browserNeeds()).describe('a micro-task after the interview', () => {
  let h: Harness;
  let bearer = '';
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
      payload: { name: 'micro-task test' },
    });
    expect(made.statusCode, made.body).toBe(201);
    bearer = made.json<{ token: string }>().token;
  }, 60_000);
  afterAll(async () => h?.close());

  it('shows the extra question on the interview page, and both scorecard versions to the recruiter', async () => {
    const { jobs } = (await api('GET', '/jobs')).json<{ jobs: { id: string; title: string }[] }>();
    const job = jobs.find((j) => j.title === SDR)!;
    const invited = await api('POST', `/jobs/${job.id}/invitations`, {
      candidates: [{ name: 'Mina Park', email: 'mina.park@example.com' }],
      textAnswers: true,
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const linkPath = invited.json<{ invitations: { linkPath: string }[] }>().invitations[0]!.linkPath;
    const take = (method: 'GET' | 'POST', rest: string, payload?: object) =>
      h.server.app.inject({ method, url: `/api/v1${linkPath}${rest}`, ...(payload ? { payload } : {}) });
    const state = (await take('GET', '')).json<{ notice: { version: string }; questionCount: number }>();
    await take('POST', '/consent', { noticeVersion: state.notice.version });
    for (let p = 0; p < state.questionCount; p++)
      await take('POST', `/answers/${p}/text`, { text: 'I called them.' });
    expect((await take('POST', '/complete')).statusCode).toBe(200);

    // The server's worker analyses it; the micro-task message waits in the outbox with its own link.
    const db = new Database(path.join(h.dataDir, 'candor.db'), { readonly: true });
    let body = '';
    await expect
      .poll(
        () => {
          const row = db.prepare("select body from message where flow = 'micro_task'").get() as
            { body: string } | undefined;
          body = row?.body ?? '';
          return body;
        },
        { timeout: ANALYSIS_TIMEOUT_MS, interval: 500 },
      )
      .toContain('/take/');
    db.close();
    const link = new URL(/https?:\/\/\S+\/take\/[A-Za-z0-9_-]{43}/.exec(body)![0]).pathname;

    const context = await h.browser.newContext({ viewport: PHONE_VIEWPORT, baseURL: h.url });
    const page = await context.newPage();
    await page.goto(link);
    await page.getByTestId('micro-task-question').waitFor();
    await expectAccessible(page, 'micro-task on the finish page');
    await screenshot(page, 'micro-task-phone', { docs: false });
    await page
      .getByLabel('Your answer')
      .fill(
        'When a customer first said no, I asked what had gone wrong with their last supplier and listened. ' +
          'They needed faster delivery, not a lower price, so I arranged a weekly call with our warehouse, ' +
          'and they signed three months later. Since then I always ask one more question before I pitch.',
      );
    await page.getByRole('button', { name: 'Send typed answer' }).click();
    await page.getByTestId('micro-task-done').waitFor();
    await context.close();

    // The recruiter sees the versions on the new scorecard once the analysis is done.
    const { context: recruiter, page: rp } = await h.signIn('recruiter@example.com');
    const { invitations } = (await api('GET', `/jobs/${job.id}/invitations`)).json<{
      invitations: { interviewId: string; candidate: { name: string } }[];
    }>();
    const mine = invitations.find((r) => r.candidate.name === 'Mina Park')!;
    let newest = '';
    await expect
      .poll(
        async () => {
          const card = (await api('GET', `/interviews/${mine.interviewId}`)).json<{
            scorecardId: string | null;
          }>();
          newest = card.scorecardId ?? '';
          if (newest === '') return 0;
          const v = (await api('GET', `/scorecards/${newest}/versions`)).json<{ versions: unknown[] }>();
          return v.versions.length;
        },
        { timeout: ANALYSIS_TIMEOUT_MS, interval: 500 },
      )
      .toBe(2);
    await rp.goto(`/scorecards/${newest}`);
    await rp.getByTestId('micro-task-comparison').waitFor();
    await expect.poll(() => rp.getByTestId('scorecard-versions').textContent()).toContain('after micro-task');
    await rp.getByTestId('scorecard-versions').scrollIntoViewIfNeeded();
    await expectAccessible(rp, 'scorecard with versions');
    await rp
      .getByTestId('scorecard-versions')
      .screenshot({ path: path.join(OUT_DIR, 'micro-task-versions.png') });
    await recruiter.close();
  }, 180_000);
});
