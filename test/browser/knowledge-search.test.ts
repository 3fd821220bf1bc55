import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserNeeds, screenshot, startHarness, type Harness } from './harness.js';
import { checkPage, expectFitsViewport, PHONE_VIEWPORT, DESKTOP_VIEWPORT } from './page-checks.js';
import { requires } from '../../src/test-helpers.js';

// The product manager's journey (issue 16): import a folder of real meeting transcripts through the
// page, search them with a filter, and open a result at the moment it was said.
const QMSUM = path.resolve('..', 'shared', 'data', 'meetings-qmsum');

interface Turn {
  readonly speaker: string;
  readonly content: string;
}

const turnsOf = (file: string): Turn[] =>
  (JSON.parse(fs.readFileSync(path.join(QMSUM, file), 'utf8')) as { meeting_transcripts: Turn[] })
    .meeting_transcripts;

/**
 * QMSum has no timings: each turn is given its words' speaking time at 150 words a minute
 * (2.5 words/s, a common conversational rate), at least 1 s, 0.2 s apart. Only for these tests.
 */
function timed(turns: readonly Turn[]): { turn: Turn; start: number; end: number }[] {
  let clock = 0;
  return turns.map((turn) => {
    const start = clock;
    const end = start + Math.max(1, turn.content.split(/\s+/).length / 2.5);
    clock = end + 0.2;
    return { turn, start, end };
  });
}

const stamp = (s: number, comma = false) => {
  const ms = Math.round(s * 1000);
  const hh = String(Math.floor(ms / 3_600_000)).padStart(2, '0');
  const mm = String(Math.floor(ms / 60_000) % 60).padStart(2, '0');
  const ss = String(Math.floor(ms / 1000) % 60).padStart(2, '0');
  return `${hh}:${mm}:${ss}${comma ? ',' : '.'}${String(ms % 1000).padStart(3, '0')}`;
};

const toVtt = (turns: readonly Turn[]) =>
  `WEBVTT\n\n${timed(turns)
    .map((t, i) => `${i + 1}\n${stamp(t.start)} --> ${stamp(t.end)}\n${t.turn.speaker}: ${t.turn.content}\n`)
    .join('\n')}`;
const csvCell = (text: string) => `"${text.replace(/"/g, '""')}"`;
const toCsv = (turns: readonly Turn[]) =>
  `start,end,speaker,text\n${timed(turns)
    .map((t) =>
      [t.start.toFixed(2), t.end.toFixed(2), csvCell(t.turn.speaker), csvCell(t.turn.content)].join(','),
    )
    .join('\n')}\n`;
const toText = (turns: readonly Turn[]) => turns.map((t) => `${t.speaker}: ${t.content}`).join('\n') + '\n';

/** `m:ss` as the page shows a time (web/src/format.ts formatClock). */
const clock = (seconds: number) => {
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
};

async function activeSegment(page: Page) {
  const active = page.locator('[data-testid="transcript-segment"][aria-current="true"]');
  await active.waitFor();
  return active;
}

requires(...browserNeeds()).describe(
  'the knowledge base in the browser',
  () => {
    let h: Harness;
    let folder: string;
    const kickOff = turnsOf('Product/ES2002a.json');
    beforeAll(async () => {
      folder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'candor-kb-')), 'meetings');
      fs.mkdirSync(path.join(folder, 'product'), { recursive: true });
      fs.mkdirSync(path.join(folder, 'academic'), { recursive: true });
      fs.writeFileSync(path.join(folder, 'product', 'ES2002a.vtt'), toVtt(kickOff));
      fs.writeFileSync(path.join(folder, 'product', 'ES2002b.csv'), toCsv(turnsOf('Product/ES2002b.json')));
      fs.writeFileSync(path.join(folder, 'academic', 'Bed003.txt'), toText(turnsOf('Academic/Bed003.json')));
      fs.writeFileSync(path.join(folder, 'minutes.rtf'), '{\\rtf1\\ansi Minutes of the kick-off}');
      fs.writeFileSync(path.join(folder, 'empty.vtt'), '');
      h = await startHarness();
    }, 120_000);
    afterAll(async () => {
      await h?.close();
      if (folder) fs.rmSync(path.dirname(folder), { recursive: true, force: true });
    });

    it('imports a folder, searches it with a filter and opens a result at its moment', async () => {
      const { context, page } = await h.signIn('recruiter@example.com');
      try {
        await page.getByRole('link', { name: 'Knowledge', exact: true }).click();
        await page.getByRole('link', { name: 'Import', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: 'Import conversations' }).waitFor();
        await page.getByTestId('import-folder').setInputFiles(folder);
        await expect.poll(() => page.getByTestId('import-chosen').innerText()).toBe('5 files chosen');
        await page.getByLabel('Kind').selectOption('research');
        await page.getByLabel('Account').fill('AMI');
        await page.getByRole('button', { name: 'Import', exact: true }).click();
        await page.getByTestId('import-results').waitFor({ timeout: 60_000 });

        const rows = page.getByTestId('import-results').locator('tbody tr');
        const results = await rows.evaluateAll((trs) =>
          trs.map((tr) => ({
            file: tr.querySelector('td')?.textContent ?? '',
            status: tr.getAttribute('data-status'),
            details: tr.querySelectorAll('td')[2]?.textContent ?? '',
          })),
        );
        expect(results.map((r) => [r.file, r.status])).toEqual([
          ['meetings/academic/Bed003.txt', 'imported'],
          ['meetings/empty.vtt', 'failed'],
          ['meetings/minutes.rtf', 'failed'],
          ['meetings/product/ES2002a.vtt', 'imported'],
          ['meetings/product/ES2002b.csv', 'imported'],
        ]);
        const details = Object.fromEntries(results.map((r) => [r.file, r.details]));
        expect(details['meetings/empty.vtt']).toMatch(/^meetings\/empty\.vtt: .*empty/i);
        expect(details['meetings/minutes.rtf']).toMatch(
          /^meetings\/minutes\.rtf is an RTF document, not .* a transcript/,
        );
        expect(details['meetings/product/ES2002a.vtt']).toBe(`${kickOff.length} segments`);
        await expect
          .poll(() => page.getByTestId('import-summary').innerText())
          .toBe('5 files: 3 imported, 2 failed');
        await checkPage(page, 'knowledge-import');
        await page.setViewportSize(PHONE_VIEWPORT);
        await expectFitsViewport(page, 'knowledge import at 390 px');
        await screenshot(page, 'knowledge-import-phone', { docs: false });
        await page.setViewportSize(DESKTOP_VIEWPORT);

        // Search with a filter: only what the marketing expert said.
        await page.getByRole('link', { name: 'Search', exact: true }).click();
        await page.getByLabel('Search conversations').fill('favourite animal');
        await page.getByRole('button', { name: 'Filters' }).click();
        await page.getByLabel('Speaker').fill('marketing');
        await page.getByLabel('Kind').fill('research');
        await page.getByRole('button', { name: 'Search', exact: true }).click();
        await page.waitForURL(/\/knowledge\/search\?q=favourite\+animal&kind=research&speaker=marketing/);
        const hit = page.getByTestId('search-hit').filter({ hasText: 'ES2002a' });
        await hit.waitFor();
        const speakers = await page.getByTestId('search-moment').locator('.segment-speaker').allInnerTexts();
        expect(new Set(speakers)).toEqual(new Set(['Marketing']));
        const moment = hit.getByTestId('search-moment').first();
        expect(await moment.locator('mark').allInnerTexts()).toEqual(
          expect.arrayContaining([expect.stringMatching(/^(favourite|animal)$/i)]),
        );
        await checkPage(page, 'knowledge-search');
        await page.setViewportSize(PHONE_VIEWPORT);
        await expectFitsViewport(page, 'knowledge search at 390 px');
        await screenshot(page, 'knowledge-search-phone', { docs: false });
        await page.setViewportSize(DESKTOP_VIEWPORT);

        // The URL holds the search: opened again, the same results come back.
        const searchUrl = page.url();
        await page.reload();
        await hit.waitFor();
        expect(page.url()).toBe(searchUrl);

        // Save it, see it listed, run it, delete it.
        await page.getByLabel('Save this search as').fill('Pets in the kick-off');
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        const saved = page.getByTestId('saved-searches').getByRole('link', { name: 'Pets in the kick-off' });
        await saved.waitFor();
        await page.goto('/knowledge/search');
        await saved.click();
        await page.waitForURL(searchUrl);
        await hit.waitFor();

        // A click on a moment opens the conversation there: that segment highlighted, at that time.
        const href = (await moment.getAttribute('href')) ?? '';
        const target = new URL(href, h.url).searchParams;
        const segment = Number(target.get('segment'));
        const t = Number(target.get('t'));
        const turn = timed(kickOff)[segment];
        expect(turn?.turn.speaker).toBe('Marketing');
        expect(t).toBeCloseTo(turn?.start ?? -1, 2);
        await moment.click();
        await page.waitForURL(/\/interviews\/[^/?]+\?t=[\d.]+&segment=\d+$/);
        await page.getByRole('heading', { level: 1, name: 'ES2002a' }).waitFor();
        expect(await page.getByTestId('interview-facts').innerText()).toMatch(/^research · AMI · /);
        expect(await page.getByTestId('transcript-segment').count()).toBe(kickOff.length);
        const active = await activeSegment(page);
        expect(Number(await active.getAttribute('data-position'))).toBe(segment);
        expect(await active.locator('.segment-time').innerText()).toBe(clock(t));
        expect(await active.locator('.segment-speaker').innerText()).toBe('Marketing');
        expect((await active.locator('.segment-text').innerText()).toLowerCase()).toMatch(/favourite|animal/);
        // In view: inside the transcript's scrolling box, and that part of the box on the screen.
        const inView = `(() => {
          const el = document.querySelector('[data-testid="transcript-segment"][aria-current="true"]');
          const r = el.getBoundingClientRect();
          const box = el.closest('ol').getBoundingClientRect();
          return r.top >= box.top && r.bottom <= box.bottom && r.top >= 0 && r.bottom <= window.innerHeight;
        })()`;
        await expect.poll(() => page.evaluate<boolean>(inView)).toBe(true);
        await page.setViewportSize(PHONE_VIEWPORT);
        await expectFitsViewport(page, 'interview at 390 px');
        await screenshot(page, 'knowledge-interview-phone', { docs: false });
        await page.setViewportSize(DESKTOP_VIEWPORT);
        await checkPage(page, 'knowledge-interview', { docs: false });

        await page.goto('/knowledge/search');
        await page.getByRole('button', { name: 'Delete saved search Pets in the kick-off' }).click();
        await page.getByText('None yet').waitFor();
      } finally {
        await context.close();
      }
    }, 180_000);

    it('plays a conversation with a recording from the moment the link names', async () => {
      const { context, page } = await h.signIn('recruiter@example.com');
      try {
        await page.goto('/knowledge/search');
        const { csrfToken } = (await (await page.request.get('/api/v1/me')).json()) as { csrfToken: string };
        const headers = { 'x-csrf-token': csrfToken };
        // The words of the recording (REFERENCE.txt beside it), cut in three at pauses heard in it.
        const vtt = [
          'WEBVTT',
          '',
          '00:00:00.300 --> 00:00:03.000',
          'Speaker: And so, my fellow Americans:',
          '',
          '00:00:03.400 --> 00:00:07.500',
          'Speaker: ask not what your country can do for you,',
          '',
          '00:00:07.800 --> 00:00:11.000',
          'Speaker: ask what you can do for your country.',
          '',
        ].join('\n');
        const started = await page.request.post('/api/v1/knowledge/imports', {
          headers,
          multipart: {
            kind: 'customer',
            files: { name: 'inaugural.vtt', mimeType: 'text/vtt', buffer: Buffer.from(vtt) },
          },
        });
        expect(started.status()).toBe(202);
        const taskId = ((await started.json()) as { task: { id: string } }).task.id;
        let interviewId = '';
        await expect
          .poll(async () => {
            const body = (await (await page.request.get(`/api/v1/knowledge/imports/${taskId}`)).json()) as {
              summary: { files: { interviewId: string | null }[] } | null;
            };
            interviewId = body.summary?.files[0]?.interviewId ?? '';
            return interviewId;
          })
          .not.toBe('');
        const recording = fs.readFileSync(path.resolve('..', 'shared', 'data', 'speech', 'jfk.flac'));
        const media = await page.request.post(`/api/v1/interviews/${interviewId}/media`, {
          headers,
          multipart: { file: { name: 'jfk.flac', mimeType: 'audio/flac', buffer: recording } },
        });
        expect(media.status(), await media.text()).toBe(201);

        await page.goto(`/interviews/${interviewId}?t=7.8&segment=2`);
        const active = await activeSegment(page);
        expect(await active.getAttribute('data-position')).toBe('2');
        await expect
          .poll(() =>
            page
              .getByTestId('player')
              .evaluate((el) => (el as unknown as { currentTime: number }).currentTime),
          )
          .toBeCloseTo(7.8, 1);
        // A click on another line moves the player there.
        await page.getByTestId('transcript-segment').nth(1).getByRole('button').click();
        await expect
          .poll(() =>
            page
              .getByTestId('player')
              .evaluate((el) => (el as unknown as { currentTime: number }).currentTime),
          )
          .toBeCloseTo(3.4, 1);
      } finally {
        await context.close();
      }
    }, 120_000);
  },
  240_000,
);
