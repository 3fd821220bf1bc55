/** Importing, rating and reading ratings against a real store; `ratings.test.ts` runs it on both databases. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandorError } from '../core/index.js';
import type { Store } from '../store/index.js';
import { addCandidate, seedInterview, type Seeded } from '../store/store-fixtures.suite.js';
import { importRatings, ratingsAgreement, ratingsForTraining, saveFormRatings } from './index.js';

async function refusal(promise: Promise<unknown>): Promise<CandorError> {
  const error = await promise.then(
    () => new Error('expected a refusal'),
    (e: unknown) => e,
  );
  if (error instanceof CandorError) return error;
  throw error;
}

/** @example describeRatings('sqlite', () => openStore({ dataDir })) */
export function describeRatings(name: string, open: () => Promise<Store>): void {
  describe(`ratings on ${name}`, () => {
    let store: Store;
    let seeded: Seeded;
    let second: Awaited<ReturnType<typeof addCandidate>>;
    beforeAll(async () => {
      store = await open();
      seeded = await seedInterview(store);
      second = await addCandidate(store, seeded.workspace, seeded.job, 'Ben Okafor');
    });
    afterAll(() => store.close());

    const csv = (rows: readonly string[], header = 'interview,answer,rater,target,score,scale,note') =>
      [header, ...rows].join('\r\n') + '\r\n';
    const importText = (text: string, workspaceId = seeded.workspace.id) =>
      importRatings(store, { workspaceId, text, file: 'ratings.csv', createdBy: 'cli' });
    const stored = async () => [
      ...(await store.ratings.listByInterview(seeded.interview.id)),
      ...(await store.ratings.listByInterview(second.interview.id)),
    ];

    it('imports a file, and importing it again changes nothing: counts say added, updated, unchanged', async () => {
      const a = seeded.interview.id;
      const b = second.interview.id;
      const rows = [
        `${a},,ana,overall,6,1-7,`,
        `${a},,raj,overall,5,1-7,"close call, hire"`,
        `${b},,ana,overall,2,1-7,`,
        `${b},,raj,overall,3,1-7,`,
        `${a},1,ana,clarity-coherence,4,1-5,`,
      ];
      expect(await importText(csv(rows))).toEqual({
        file: 'ratings.csv',
        ratings: 5,
        interviews: 2,
        raters: 2,
        targets: ['clarity-coherence', 'overall'],
        added: 5,
        updated: 0,
        unchanged: 0,
      });
      const before = await stored();
      expect(await importText(csv(rows))).toMatchObject({ added: 0, updated: 0, unchanged: 5 });
      expect(await stored()).toEqual(before);
      const changed = [...rows.slice(0, 4), `${a},1,ana,clarity-coherence,5,1-5,`];
      expect(await importText(csv(changed))).toMatchObject({ added: 0, updated: 1, unchanged: 4 });
      const clarity = (await store.ratings.listByInterview(a)).find((r) => r.target === 'clarity-coherence');
      expect(clarity).toMatchObject({ answer: 1, score: 5, normalised: 1, source: 'csv', createdBy: 'cli' });
    });

    it('refuses interviews not in the workspace, naming up to 10 with their lines, and stores nothing', async () => {
      const other = await seedInterview(store, 'Other Workspace');
      const before = await stored();
      const rows = [
        `${seeded.interview.id},,zoe,overall,7,1-7,`,
        `${other.interview.id},,zoe,overall,7,1-7,`,
        ...Array.from({ length: 12 }, (_, i) => `intv_gone${i},,zoe,overall,${(i % 7) + 1},1-7,`),
        `intv_gone0,2,zoe,overall,1,1-7,`,
      ];
      const error = await refusal(importText(csv(rows)));
      expect(error.code).toBe('RATINGS_INVALID');
      expect(error.message).toBe(
        `ratings.csv: 13 interviews are not in this workspace: ${other.interview.id} (line 3), intv_gone0 (lines 4, 16), ` +
          Array.from({ length: 8 }, (_, i) => `intv_gone${i + 1} (line ${i + 5})`).join(', ') +
          ' and 3 more; nothing was imported',
      );
      expect(error.details).toMatchObject({ unknownCount: 13 });
      expect(await stored()).toEqual(before);
      expect(await store.ratings.listByInterview(other.interview.id)).toEqual([]);
    });

    it('refuses a scale that differs from the one stored for the target, saying which is stored, and stores nothing', async () => {
      const before = await stored();
      const error = await refusal(
        importText(
          csv([`${second.interview.id},,zoe,excited,3,1-5,`, `${second.interview.id},,zoe,overall,4,1-5,`]),
        ),
      );
      expect(error.code).toBe('RATINGS_INVALID');
      expect(error.message).toBe(
        'ratings.csv line 3: scale mismatch: target "overall" is stored on the scale 1-7 in this workspace, this rating declares 1-5; rate on 1-7',
      );
      expect(await stored()).toEqual(before);
    });

    it('refuses a target that is neither overall, a named target nor a competency', async () => {
      const error = await refusal(importText(csv([`${seeded.interview.id},,zoe,Overall Score,3,1-5,`])));
      expect(error.message).toMatch(
        /^ratings\.csv line 2: target "Overall Score" is neither "overall", a named target/,
      );
      expect(error.details).toMatchObject({ file: 'ratings.csv', line: 2 });
    });

    it('stores a form as one rater, refuses it whole when one rating is wrong', async () => {
      const base = {
        workspaceId: seeded.workspace.id,
        interviewId: second.interview.id,
        rater: 'usr_form',
        answers: 2,
      };
      const counts = await saveFormRatings(store, {
        ...base,
        scale: { min: 1, max: 7 },
        ratings: [{ target: 'overall', score: 5, note: 'Solid.' }],
      });
      expect(counts).toEqual({ added: 1, updated: 0, unchanged: 0 });
      const before = await stored();
      const wrong = await refusal(
        saveFormRatings(store, {
          ...base,
          scale: { min: 1, max: 7 },
          ratings: [
            { target: 'overall', score: 6 },
            { target: 'overall', answer: 3, score: 6 },
          ],
        }),
      );
      expect(wrong.message).toBe("ratings[1]: answer 3 is not one of the interview's 2 answers");
      const scale = await refusal(
        saveFormRatings(store, {
          ...base,
          scale: { min: 1, max: 5 },
          ratings: [{ target: 'overall', score: 4 }],
        }),
      );
      expect(scale.message).toContain('target "overall" is stored on the scale 1-7 in this workspace');
      expect(await stored()).toEqual(before);
      const form = (await store.ratings.listByInterview(second.interview.id)).find(
        (r) => r.rater === 'usr_form',
      );
      expect(form).toMatchObject({ source: 'form', createdBy: 'usr_form', score: 5, note: 'Solid.' });
    });

    it('computes agreement from stored ratings and gives the trainer one value per interview with its candidate', async () => {
      const [clarity, overall] = await ratingsAgreement(store, { workspaceId: seeded.workspace.id });
      expect(clarity).toMatchObject({ target: 'clarity-coherence', raters: 1, alpha: null });
      expect(clarity!.reason).toContain('only one rater');
      expect(overall).toMatchObject({ target: 'overall', raters: 3, items: 2, iccItems: 2, iccRaters: 2 });
      expect(overall!.alpha).not.toBeNull();
      expect(overall!.iccAverage).not.toBeNull();
      const byJob = await ratingsAgreement(store, { workspaceId: seeded.workspace.id, jobId: 'job_none' });
      expect(byJob).toEqual([]);

      const rows = await ratingsForTraining(store, {
        workspaceId: seeded.workspace.id,
        target: 'overall',
        jobId: seeded.job.id,
      });
      const find = (id: string) => rows.find((r) => r.interview === id);
      // Ana 6 and Raj 5 on 1–7: (5/6 + 4/6) / 2.
      expect(find(seeded.interview.id)).toEqual({
        interview: seeded.interview.id,
        person: seeded.candidate.id,
        value: 0.75,
        raters: 2,
      });
      expect(find(second.interview.id)).toMatchObject({ person: second.candidate.id, raters: 3 });
      expect(find(second.interview.id)!.value).toBeCloseTo((1 / 6 + 2 / 6 + 4 / 6) / 3, 12);
    });
  });
}
