/**
 * The cases every database behind `Store` must pass. `store.test.ts` runs them on SQLite and,
 * when TEST_DATABASE_URL is set, on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../core/index.js';
import { constraintKind, type Store } from './index.js';
import { describeAnalysisCases } from './analysis.suite.js';
import { describeModelCases } from './models.suite.js';
import { describeRepositoryCases } from './repositories.suite.js';
import { describeRouteReadCases } from './route-reads.suite.js';
import { describeScopingCases } from './scoping.suite.js';
import { candorError, sampleScorecardBody, seedInterview } from './store-fixtures.suite.js';

/**
 * Registers the shared store cases against the database `open` connects to. `open` may be
 * called more than once and must reach the same database each time.
 *
 * @example describeStore('sqlite', () => openStore({ dataDir: tempDir }))
 */
export function describeStore(name: string, open: () => Promise<Store>): void {
  describe(`store on ${name}`, () => {
    let store: Store | undefined;
    const current = (): Store => {
      if (store === undefined) throw new Error('store did not open');
      return store;
    };
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('opens with the expected kind', () => {
      expect(current().kind).toBe(name);
    });

    it('runs no migration twice: migrating again and reopening keep the schema and the data', async () => {
      expect(await current().migrate()).toEqual([]);
      const workspace = await current().workspaces.ensure({ slug: newId('ws-test') });
      const reopened = await open();
      try {
        expect(await reopened.migrate()).toEqual([]);
        expect(await reopened.workspaces.get(workspace.id)).toEqual(workspace);
      } finally {
        await reopened.close();
      }
    });

    it('returns doubles exactly and counts as JS numbers', async () => {
      const { application, interview } = await seedInterview(current());
      const scorecard = await current().scorecards.add({
        interviewId: interview.id,
        frameworkId: 'f',
        frameworkVersion: '1',
        engineVersion: '0',
        overallScore: 1 / 3,
        contentHash: 'h',
        body: sampleScorecardBody(1 / 3),
      });
      expect(scorecard.overallScore).toBe(1 / 3);
      const row = await current()
        .db.selectFrom('interview')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('application_id', '=', application.id)
        .executeTakeFirstOrThrow();
      expect(row.n).toBe(1);
    });

    it('throws NOT_FOUND naming the entity and id for every read of an unknown id', async () => {
      const s = current();
      const misses: [() => Promise<unknown>, string, string][] = [
        [() => s.workspaces.get('ws_missing'), 'workspace', 'ws_missing'],
        [() => s.workspaces.getBySlug('no-such-slug'), 'workspace', 'no-such-slug'],
        [() => s.jobs.get('job_missing'), 'job', 'job_missing'],
        [() => s.jobs.update('job_missing', { title: 'x' }), 'job', 'job_missing'],
        [() => s.questionSets.get('qs_missing'), 'question set', 'qs_missing'],
        [() => s.candidates.get('cand_x'), 'candidate', 'cand_x'],
        [() => s.candidates.update('cand_x', { name: 'x' }), 'candidate', 'cand_x'],
        [() => s.applications.get('app_missing'), 'application', 'app_missing'],
        [() => s.applications.updateStage('app_missing', 'hired'), 'application', 'app_missing'],
        [() => s.interviews.get('intv_missing'), 'interview', 'intv_missing'],
        [() => s.interviews.delete('intv_missing'), 'interview', 'intv_missing'],
        [() => s.analyses.get('intv_missing'), 'interview', 'intv_missing'],
        [() => s.scorecards.get('sc_missing'), 'scorecard', 'sc_missing'],
        [() => s.pipelineEvents.get('evt_missing'), 'pipeline event', 'evt_missing'],
        [() => s.frameworks.latest('fw-missing'), 'framework', 'fw-missing'],
      ];
      for (const [read, entity, id] of misses) {
        const error = await candorError(read());
        expect(error.code).toBe('NOT_FOUND');
        expect(error.message).toBe(`${entity} ${id} not found`);
        expect(error.details).toMatchObject({ entity, id });
      }
      const version = await candorError(s.frameworks.get('fw-missing', '2'));
      expect(version.message).toBe('framework fw-missing version 2 not found');
      expect(version.details).toMatchObject({ entity: 'framework', id: 'fw-missing', version: '2' });
    });

    it('keeps one application per candidate × job, even against a direct insert', async () => {
      const { candidate, job, application } = await seedInterview(current());
      const again = await current().applications.findOrCreate({ candidateId: candidate.id, jobId: job.id });
      expect(again).toEqual({ application, created: false });
      const now = new Date().toISOString();
      const duplicate = current()
        .db.insertInto('application')
        .values({
          id: newId('app'),
          candidate_id: candidate.id,
          job_id: job.id,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const error = await duplicate.then(
        () => null,
        (e: unknown) => e,
      );
      expect(constraintKind(error)).toBe('unique');
      expect(await current().applications.listByJob(job.id)).toEqual([application]);
    });

    it('maps a duplicate id to CONFLICT and a missing parent to NOT_FOUND', async () => {
      const { workspace, candidate } = await seedInterview(current());
      const duplicate = await candorError(
        current().candidates.create({ id: candidate.id, workspaceId: workspace.id, name: 'Copy' }),
      );
      expect(duplicate.code).toBe('CONFLICT');
      expect(duplicate.details).toEqual({ entity: 'candidate', id: candidate.id });
      const orphan = await candorError(
        current().applications.findOrCreate({
          candidateId: candidate.id,
          jobId: 'job_missing',
          id: 'app_orphan',
        }),
      );
      expect(orphan.code).toBe('NOT_FOUND');
      expect(orphan.details).toEqual({ entity: 'application', id: 'app_orphan' });
    });

    describeRepositoryCases(current);
    describeAnalysisCases(current);
    describeRouteReadCases(current);
    describeScopingCases(current);
    describeModelCases(current);
  });
}
