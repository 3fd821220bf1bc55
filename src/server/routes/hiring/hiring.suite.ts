/**
 * HTTP cases of the hiring and coaching routes that every database must pass; `hiring.test.ts`
 * runs them on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import type { Store } from '../../../store/index.js';
import { accessCases } from './access.suite.js';
import { accountCases } from './accounts.suite.js';
import { applicationCases } from './applications.suite.js';
import { catalogueCases } from './catalogue.suite.js';
import { cohortCases } from './cohorts.suite.js';
import { jobCases } from './jobs.suite.js';
import { rankingCases } from './ranking.suite.js';
import { practiceCases, seedPractice, type PracticeSeed } from './practice.suite.js';
import { scorecardCases } from './scorecards.suite.js';
import { analysedExamples, createHiringFixture, testClock, type HiringFixture } from './test-helpers.js';

export interface SuiteContext {
  readonly fx: HiringFixture;
  /** Practice sessions seeded in past weeks before the clock switched to real time. */
  readonly practice: PracticeSeed;
}

/** @example describeHiring('sqlite', (now) => openStore({ dataDir, now })) */
export function describeHiring(name: string, open: (now: () => Date) => Promise<Store>): void {
  describe(`hiring routes on ${name}`, () => {
    let context: SuiteContext | undefined;
    const f = (): SuiteContext => {
      if (context === undefined) throw new Error('fixture did not start');
      return context;
    };
    beforeAll(async () => {
      const clock = testClock('2025-03-03T09:00:00.000Z');
      const fx = await createHiringFixture(await open(clock.now), clock);
      const practice = await seedPractice(fx, await analysedExamples());
      clock.useRealTime();
      context = { fx, practice };
    });
    afterAll(async () => {
      await context?.fx.app.close();
      await context?.fx.store.close();
    });

    accessCases(f);
    accountCases(f);
    catalogueCases(f);
    jobCases(f);
    rankingCases(f);
    applicationCases(f);
    scorecardCases(f);
    practiceCases(f);
    cohortCases(f);
  });
}
