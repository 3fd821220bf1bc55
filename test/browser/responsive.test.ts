import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { browserNeeds, startHarness, type Harness } from './harness.js';
import { apiGet, checkPage, DESKTOP_VIEWPORT, expectFitsViewport, PHONE_VIEWPORT } from './page-checks.js';
import { requires } from '../../src/test-helpers.js';

// Every main page of the web app on a phone (390 px) and a desktop (1280 px) against
// `candor serve --demo`: accessible (axe), and never wider than the screen: tables become cards
// or scroll inside their box, charts keep their legends off the plot.
const SDR = 'Sales Development Representative';

interface Seen {
  readonly role: string;
  /** The page's path, found through the API as the demo person of `role`. */
  readonly path: (page: Page) => Promise<string>;
  /** Something on the page that shows it finished loading. */
  readonly ready: (page: Page) => Promise<void>;
}

const heading = (name: string | RegExp) => (page: Page) =>
  page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 20_000 });

async function sdrJob(page: Page) {
  const { jobs } = (await apiGet(page, '/jobs')) as { jobs: { id: string; title: string }[] };
  const job = jobs.find((j) => j.title === SDR);
  if (!job) throw new Error('the demo has no SDR job');
  const { ranking } = (await apiGet(page, `/jobs/${job.id}/ranking`)) as {
    ranking: { applicationId: string; scorecardId: string | null; interviewId: string | null }[];
  };
  return { jobId: job.id, ranking: ranking.filter((r) => r.scorecardId !== null) };
}

async function demoCohort(page: Page) {
  const { cohorts } = (await apiGet(page, '/cohorts')) as { cohorts: { id: string }[] };
  const cohort = cohorts[0];
  if (!cohort) throw new Error('the demo has no cohort');
  const detail = (await apiGet(page, `/cohorts/${cohort.id}`)) as { students: { userId: string }[] };
  return { cohortId: cohort.id, studentId: detail.students[0]?.userId ?? '' };
}

const PAGES: Record<string, Seen> = {
  login: { role: '', path: () => Promise.resolve('/login'), ready: heading('Sign in') },
  jobs: { role: 'recruiter', path: () => Promise.resolve('/jobs'), ready: heading('Jobs') },
  'job-ranking': {
    role: 'recruiter',
    path: async (page) => `/jobs/${(await sdrJob(page)).jobId}`,
    ready: async (page) => {
      await heading(SDR)(page);
      await page.getByTestId('ranking-row').first().waitFor();
    },
  },
  scorecard: {
    role: 'recruiter',
    path: async (page) => `/scorecards/${(await sdrJob(page)).ranking[0]?.scorecardId ?? ''}`,
    ready: async (page) => {
      await heading(/— scorecard$/)(page);
      await page.locator('[data-testid="competency-chart"][data-ready="true"]').waitFor();
    },
  },
  compare: {
    role: 'recruiter',
    path: async (page) => {
      const { jobId, ranking } = await sdrJob(page);
      const ids = ranking.slice(0, 3).map((r) => r.applicationId);
      return `/jobs/${jobId}/compare?applications=${ids.join(',')}`;
    },
    ready: async (page) => {
      await heading(/^Compare candidates/)(page);
      await page.locator('[data-testid="compare-chart"][data-ready="true"]').waitFor();
    },
  },
  rate: {
    role: 'recruiter',
    path: async (page) => {
      const { jobId, ranking } = await sdrJob(page);
      return `/interviews/${ranking[0]?.interviewId ?? ''}/rate?job=${jobId}`;
    },
    ready: (page) => page.getByRole('heading', { level: 1 }).waitFor(),
  },
  models: { role: 'admin', path: () => Promise.resolve('/models'), ready: heading('Models') },
  model: {
    role: 'admin',
    path: async (page) => {
      const { models } = (await apiGet(page, '/models')) as { models: { id: string }[] };
      return `/models/${models[0]?.id ?? ''}`;
    },
    ready: (page) => page.getByTestId('model-verdict').waitFor({ timeout: 20_000 }),
  },
  audit: { role: 'admin', path: () => Promise.resolve('/audit'), ready: heading(/audit/i) },
  cohorts: { role: 'advisor', path: () => Promise.resolve('/cohorts'), ready: heading('Cohorts') },
  cohort: {
    role: 'advisor',
    path: async (page) => `/cohorts/${(await demoCohort(page)).cohortId}`,
    ready: (page) => page.locator('[data-testid="cohort-chart"][data-ready="true"]').waitFor(),
  },
  student: {
    role: 'advisor',
    path: async (page) => {
      const { cohortId, studentId } = await demoCohort(page);
      return `/cohorts/${cohortId}/students/${studentId}`;
    },
    ready: (page) => page.getByRole('heading', { level: 1 }).waitFor(),
  },
  practice: { role: 'student', path: () => Promise.resolve('/practice'), ready: heading(/Practice/) },
};

const VIEWPORTS = [
  ['phone', PHONE_VIEWPORT],
  ['desktop', DESKTOP_VIEWPORT],
] as const;

requires(...browserNeeds()).describe(
  'every page on a phone and a desktop',
  () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    }, 120_000);
    afterAll(async () => {
      await h?.close();
    });

    for (const [name, seen] of Object.entries(PAGES)) {
      describe(name, () => {
        for (const [size, viewport] of VIEWPORTS) {
          it(`fits ${viewport.width} px and passes axe (${size})`, async () => {
            const session =
              seen.role === ''
                ? await (async () => {
                    const context = await h.browser.newContext({ baseURL: h.url });
                    return { context, page: await context.newPage() };
                  })()
                : await h.signIn(`${seen.role}@example.com`);
            const { context, page } = session;
            try {
              await page.setViewportSize(viewport);
              await page.goto(await seen.path(page));
              await seen.ready(page);
              await checkPage(page, `responsive-${name}-${size}`, { docs: false });
              await expectFitsViewport(page, `${name} at ${viewport.width} px`);
            } finally {
              await context.close();
            }
          }, 60_000);
        }
      });
    }
  },
  600_000,
);
