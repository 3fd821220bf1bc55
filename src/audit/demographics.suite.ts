/** Demographics kept apart, against a real store; `demographics.test.ts` runs it on both databases. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import {
  addCandidate,
  candorError,
  sampleAnalysis,
  seedInterview,
  type Seeded,
} from '../store/store-fixtures.suite.js';
import { importDemographics } from './demographics-import.js';

const HEADER = 'candidate,sex,race_ethnicity,age_band';

/** @example describeDemographics('sqlite', () => openStore({ dataDir })) */
export function describeDemographics(name: string, open: () => Promise<Store>): void {
  describe(`demographics on ${name}`, () => {
    let store: Store;
    let seeded: Seeded;
    let ben: Awaited<ReturnType<typeof addCandidate>>;
    beforeAll(async () => {
      store = await open();
      seeded = await seedInterview(store);
      ben = await addCandidate(store, seeded.workspace, seeded.job, 'Ben Okafor');
    });
    afterAll(() => store.close());

    const importText = (rows: readonly string[], workspaceId = seeded.workspace.id) =>
      importDemographics(store, {
        workspaceId,
        text: [HEADER, ...rows].join('\n') + '\n',
        file: 'demographics.csv',
        updatedBy: 'cli',
      });

    it('imports a CSV, reads it back as self-identified, and a second import replaces the values', async () => {
      const ana = seeded.candidate.id;
      expect(
        await importText([
          `${ana},female,hispanic_or_latino,under_40`,
          `${ben.candidate.id},declined,declined,declined`,
        ]),
      ).toEqual({
        file: 'demographics.csv',
        candidates: 2,
      });
      expect(await store.demographics.get(seeded.workspace.id, ana)).toMatchObject({
        candidateId: ana,
        sex: 'female',
        raceEthnicity: 'hispanic_or_latino',
        ageBand: 'under_40',
        source: 'self_identified',
        updatedBy: 'cli',
      });
      await importText([`${ana},female,hispanic_or_latino,40_or_over`]);
      expect((await store.demographics.get(seeded.workspace.id, ana))?.ageBand).toBe('40_or_over');
      expect((await store.demographics.get(seeded.workspace.id, ben.candidate.id))?.sex).toBe('declined');
    });

    it('refuses an unknown value naming line and column, and stores nothing', async () => {
      const before = await store.demographics.get(seeded.workspace.id, seeded.candidate.id);
      const error = await candorError(
        importText([
          `${seeded.candidate.id},male,white,under_40`,
          `${ben.candidate.id},male,martian,under_40`,
        ]),
      );
      expect(error.code).toBe('DEMOGRAPHICS_INVALID');
      expect(error.message).toMatch(
        /^demographics\.csv line 3, column race_ethnicity: "martian" is not a race_ethnicity value; use one of hispanic_or_latino, /,
      );
      expect(await store.demographics.get(seeded.workspace.id, seeded.candidate.id)).toEqual(before);
    });

    it('refuses an unknown candidate (or one of another workspace) naming its line, and stores nothing', async () => {
      const before = await store.demographics.get(seeded.workspace.id, seeded.candidate.id);
      const other = await seedInterview(store, 'Olga Other');
      for (const stranger of ['cand_nobody', other.candidate.id]) {
        const error = await candorError(
          importText([`${seeded.candidate.id},male,white,under_40`, `${stranger},female,asian,under_40`]),
        );
        expect(error.code).toBe('DEMOGRAPHICS_INVALID');
        expect(error.message).toBe(
          `demographics.csv line 3, column candidate: no candidate ${stranger} in this workspace; nothing was stored`,
        );
      }
      expect(await store.demographics.get(seeded.workspace.id, seeded.candidate.id)).toEqual(before);
      expect(await store.demographics.get(other.workspace.id, seeded.candidate.id)).toBeNull();
    });

    it('refuses a missing column, an empty value and a candidate given twice', async () => {
      const id = seeded.candidate.id;
      const bad = async (text: string) =>
        (
          await candorError(
            importDemographics(store, {
              workspaceId: seeded.workspace.id,
              text,
              file: 'd.csv',
              updatedBy: 'cli',
            }),
          )
        ).message;
      expect(await bad('candidate,sex,age_band\n')).toBe(
        'd.csv line 1, column race_ethnicity: the header has no column race_ethnicity',
      );
      expect(await bad(`${HEADER},name\n`)).toMatch(/^d\.csv line 1, column name: unknown column "name"/);
      expect(await bad(`${HEADER}\n${id},,white,under_40\n`)).toMatch(
        /^d\.csv line 2, column sex: empty; use one of female, male, other, declined$/,
      );
      expect(await bad(`${HEADER}\n${id},male,white,under_40\n${id},male,white,under_40\n`)).toBe(
        `d.csv line 3, column candidate: candidate ${id} is already on line 2`,
      );
    });

    it('the database itself refuses a value outside the lists, and takes the auditor role', async () => {
      const insert = sql`insert into candidate_demographics (candidate_id, workspace_id, sex, race_ethnicity, age_band, source, updated_by, updated_at)
        values (${ben.candidate.id}, ${seeded.workspace.id}, 'unknown', 'white', 'under_40', 'self_identified', 'x', 'now')`;
      await expect(insert.execute(store.db)).rejects.toThrow(/check/i);
      const auditor = await store.users.create({
        workspaceId: seeded.workspace.id,
        email: 'audrey@example.com',
        name: 'Audrey Auditor',
        role: 'auditor',
        password: 'long-enough-password',
      });
      expect((await store.users.get(auditor.id)).role).toBe('auditor');
      const bogus = sql`update app_user set role = 'overlord' where id = ${auditor.id}`;
      await expect(bogus.execute(store.db)).rejects.toThrow(/check/i);
    });

    it('reads the audit rows: latest score, advance decisions, demographics, by job and period', async () => {
      const ws = await store.workspaces.ensure({ slug: `audit-${Date.now()}`, name: 'Audit' });
      const job = await store.jobs.create({ workspaceId: ws.id, title: 'Analyst', description: 'x' });
      const other = await store.jobs.create({ workspaceId: ws.id, title: 'Other', description: 'x' });
      const a = await addCandidate(store, ws, job, 'A');
      const b = await addCandidate(store, ws, job, 'B');
      const c = await addCandidate(store, ws, other, 'C');
      await store.analyses.save(sampleAnalysis(a.interview.id, 'first', 40));
      await store.analyses.save(sampleAnalysis(a.interview.id, 'second', 70));
      await store.analyses.save(sampleAnalysis(c.interview.id, 'first', 55));
      const decide = (applicationId: string, decision: string, stage: string) =>
        store.applications.recordDecision({
          workspaceId: ws.id,
          applicationId,
          decision,
          stage,
          reason: 'ok',
          actor: 'u',
        });
      await decide(a.application.id, 'advance', 'advanced');
      await decide(b.application.id, 'reject', 'rejected');
      await store.demographics.saveMany(
        ws.id,
        [{ candidateId: a.candidate.id, sex: 'male', raceEthnicity: 'asian', ageBand: '40_or_over' }],
        'cli',
      );

      const rows = await store.demographics.auditRows({ workspaceId: ws.id, jobId: job.id });
      expect(rows.map((r) => [r.candidateId, r.score, r.advanced, r.demographics?.sex ?? null])).toEqual([
        [a.candidate.id, 70, true, 'male'],
        [b.candidate.id, null, false, null],
      ]);
      expect(rows[0]).toMatchObject({
        frameworkId: expect.any(String) as string,
        engineVersion: expect.any(String) as string,
      });
      const bodies = await store.demographics.scorecardBodies(ws.id, [rows[0]!.scorecardId!, 'sc_nope']);
      expect([...bodies.keys()]).toEqual([rows[0]!.scorecardId]);
      expect(bodies.get(rows[0]!.scorecardId!)).toMatchObject({ overall: { score: 70 } });
      expect(rows[1]!.scorecardId).toBeNull();
      expect(
        (await store.demographics.scorecardBodies(seeded.workspace.id, [rows[0]!.scorecardId!])).size,
      ).toBe(0);
      expect(await store.demographics.auditRows({ workspaceId: ws.id })).toHaveLength(3);
      expect(
        await store.demographics.auditRows({ workspaceId: ws.id, to: '2000-01-01T00:00:00.000Z' }),
      ).toEqual([]);
      expect(await store.demographics.auditRows({ workspaceId: seeded.workspace.id, jobId: job.id })).toEqual(
        [],
      );
    });
  });
}
