/**
 * Checks the browser journeys share: a page's accessibility and picture, a drawn chart, a finished
 * analysis task, and the order of a job's ranking as a user reads it.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot, seriousViolations } from './harness.js';

/** Longest wait for one analysis (upload → scorecard) before a journey fails. */
export const ANALYSIS_TIMEOUT_MS = 60_000;

/**
 * Waits until the chart with this test id is drawn: its container says so and its SVG has shapes.
 * @example await chartDrawn(page, 'compare-chart')
 */
export async function chartDrawn(page: Page, testId: string): Promise<void> {
  const shapes = page.locator(`[data-testid="${testId}"][data-ready="true"] svg path`);
  await shapes.first().waitFor({ state: 'attached', timeout: 15_000 });
}

/**
 * Asserts the page, as it is now, has no serious or critical axe-core violation.
 * @example await expectAccessible(page, 'practice after a recorded answer')
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page), `axe on the ${name} page`).toEqual([]);
}

/**
 * Asserts the page is accessible (see `expectAccessible`), then saves its screenshot from the top
 * once the fonts are in and the charts' 300 ms entry animation has finished (`docs: false`: not
 * one of the README's pictures).
 * @example await checkPage(page, 'jobs')
 */
export async function checkPage(page: Page, name: string, options: { docs?: boolean } = {}): Promise<void> {
  await page.evaluate('document.fonts.ready');
  await page.waitForTimeout(500);
  await expectAccessible(page, name);
  // Sticky panels stay where the last click left them; a picture of the page starts at its top.
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshot(page, name, options);
}

/**
 * Waits for the analysis task on the page to finish and returns its final status and how long it
 * took from `startedAt` (ms since the epoch).
 * @example const { status, ms } = await taskFinished(page, Date.now())
 */
export async function taskFinished(page: Page, startedAt: number): Promise<{ status: string; ms: number }> {
  const task = page.locator(
    '[data-testid="task-progress"][data-status="done"], [data-testid="task-progress"][data-status="failed"]',
  );
  await task.waitFor({ timeout: ANALYSIS_TIMEOUT_MS });
  const ms = Date.now() - startedAt;
  return { status: (await task.getAttribute('data-status')) ?? '', ms };
}

/**
 * The candidates of the ranking on the page, in the order shown (from each row's compare box).
 * @example expect(await rankingOrder(page)).toEqual(['Priya Raman', 'Sam Okafor'])
 */
export async function rankingOrder(page: Page): Promise<string[]> {
  await page.getByTestId('ranking-row').first().waitFor();
  const boxes = await page.getByTestId('ranking-row').getByRole('checkbox').all();
  const labels = await Promise.all(boxes.map((box) => box.getAttribute('aria-label')));
  return labels.map((label) => (label ?? '').replace(/^Select (.*) to compare$/, '$1'));
}

/**
 * Collects the API requests the page makes whose path matches `pattern`, to tell a pushed update
 * (one Server-Sent Events stream) from polling.
 * @example const seen = watchRequests(page, /\/tasks\//); …; expect(seen).toEqual([…])
 */
export function watchRequests(page: Page, pattern: RegExp): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pattern.test(pathname)) seen.push(`${request.method()} ${pathname}`);
  });
  return seen;
}

/**
 * The JSON of an API read, with the page's own session cookie.
 * @example const view = await apiGet(page, `/scorecards/${id}`)
 */
export async function apiGet(page: Page, path: string): Promise<unknown> {
  const response = await page.request.get(`/api/v1${path}`);
  expect(response.status(), `GET ${path}`).toBe(200);
  return response.json();
}

/** The phone width the issue names (an iPhone 12–15 viewport) and a common desktop width. */
export const PHONE_VIEWPORT = { width: 390, height: 844 } as const;
export const DESKTOP_VIEWPORT = { width: 1280, height: 900 } as const;

/**
 * Asserts nothing makes the page wider than its viewport (no sideways scrolling of the whole page);
 * on failure names the widest elements that stick out, so the fix is findable. Tables that scroll
 * inside their own box are fine: only the document's width counts.
 * @example await page.setViewportSize(PHONE_VIEWPORT); await expectFitsViewport(page, 'jobs at 390 px')
 */
export async function expectFitsViewport(page: Page, name: string): Promise<void> {
  // Charts redraw at a new width from a ResizeObserver, a frame or more after the viewport changes:
  // the page is measured again until it fits or 5 s have passed, as a person sees it once it settles.
  const deadline = Date.now() + 5_000;
  let report = await measureWidth(page);
  while (report.doc > report.width && Date.now() < deadline) {
    await page.waitForTimeout(100);
    report = await measureWidth(page);
  }
  expect(
    report.doc <= report.width ? [] : report.offenders,
    `${name}: page is ${report.doc} px wide in a ${report.width} px viewport`,
  ).toEqual([]);
}

/** The viewport's width, the document's, and the first elements that stick out past the viewport. */
async function measureWidth(page: Page): Promise<{ width: number; doc: number; offenders: string[] }> {
  return page.evaluate<{ width: number; doc: number; offenders: string[] }>(`(() => {
    const width = window.innerWidth;
    const doc = document.documentElement.scrollWidth;
    const offenders = [];
    if (doc > width) {
      for (const el of document.querySelectorAll('body *')) {
        const r = el.getBoundingClientRect();
        // Inside a box that scrolls or clips sideways and itself fits, it does not widen the page.
        let clipped = false;
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= width + 1) {
            clipped = true;
            break;
          }
        }
        if (!clipped && r.right > width + 1 && r.width > 0) {
          offenders.push((el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
            (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
            ' right=' + Math.round(r.right)));
        }
        if (offenders.length >= 8) break;
      }
      if (offenders.length === 0) offenders.push('html (no single element sticks out: margins or transforms)');
    }
    return { width, doc, offenders };
  })()`);
}
