/**
 * Re-scoring stored interviews with the active model, on a real store; `rescore.test.ts` runs it
 * on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandorError } from '../core/index.js';
import { ScorecardBody } from '../domain/index.js';
import { interviewFeaturesOf, storedInterviewFeatures } from '../features/index.js';
import { builtInModel } from '../model/built-in.js';
import type { Store } from '../store/index.js';
import { addCandidate, seedInterview, type Seeded } from '../store/store-fixtures.suite.js';
import { analyzeFile } from './analyze-file.js';
import { analyzeInterview } from './analyze-interview.js';
import { defaultAnalyzer } from './default-analyzer.js';
import { writeTranscriptText } from './interview-files.js';
import { activateModel } from './model-lifecycle.js';
import { requireActiveModel } from './model-lifecycle.js';
import { rescoreInterview, rescoreJob } from './rescore.js';
import { saveAnalysis } from './save-analysis.js';
import { tempDir } from './test-helpers.js';

const root = path.resolve(import.meta.dirname, '../..');
const example = (name: string) => path.join(root, 'examples', 'interviews', name);
const options = { framework: 'default', questions: 'default' } as const;

async function refusal(promise: Promise<unknown>): Promise<CandorError> {
  const error = await promise.then(
    () => new Error('expected a refusal'),
    (e: unknown) => e,
  );
  if (error instanceof CandorError) return error;
  throw error;
}

type Row = Record<string, unknown>;

/** Every stored row that belongs to these interviews, table by table, in a stable order. */
const TABLES = [
  'interview',
  'response',
  'transcript_segment',
  'signal_value',
  'rating',
  'scorecard',
  'scorecard_summary',
] as const;

/** A row without some of its columns. */
const without = (row: Row, columns: readonly string[]): Row =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !columns.includes(k)));

async function snapshot(
  store: Store,
  interviewIds: readonly string[],
): Promise<Record<(typeof TABLES)[number], Row[]>> {
  const byInterview = async (table: 'response' | 'transcript_segment' | 'signal_value' | 'rating') =>
    (await store.db.selectFrom(table).selectAll().where('interview_id', 'in', interviewIds).execute()).sort(
      (a, b) => (a.id < b.id ? -1 : 1),
    ) as Row[];
  return {
    interview: await store.db
      .selectFrom('interview')
      .selectAll()
      .where('id', 'in', interviewIds)
      .orderBy('id')
      .execute(),
    response: await byInterview('response'),
    transcript_segment: await byInterview('transcript_segment'),
    signal_value: await byInterview('signal_value'),
    rating: await byInterview('rating'),
    scorecard: await store.db
      .selectFrom('scorecard')
      .selectAll()
      .where('interview_id', 'in', interviewIds)
      .orderBy('id')
      .execute(),
    scorecard_summary: await store.db
      .selectFrom('scorecard_summary')
      .selectAll()
      .where('interview_id', 'in', interviewIds)
      .orderBy('scorecard_id')
      .execute(),
  };
}

/** @example describeRescore('sqlite', () => openStore({ dataDir })) */
export function describeRescore(name: string, open: () => Promise<Store>): void {
  describe(`re-scoring with a model on ${name}`, () => {
    let store: Store;
    let seeded: Seeded;
    let second: Awaited<ReturnType<typeof addCandidate>>;
    const model = builtInModel('reference-overall')!;
    const media = tempDir('candor-rescore-');
    beforeAll(async () => {
      store = await open();
      seeded = await seedInterview(store);
      second = await addCandidate(store, seeded.workspace, seeded.job, 'Marcus Lee');
      await saveAnalysis(store, seeded.interview.id, await analyzeFile(example('priya-strong.vtt'), options));
      await saveAnalysis(
        store,
        second.interview.id,
        await analyzeFile(example('marcus-average.vtt'), options),
      );
      await store.ratings.save({
        workspaceId: seeded.workspace.id,
        source: 'form',
        createdBy: 'u',
        ratings: [
          {
            interviewId: seeded.interview.id,
            answer: null,
            rater: 'ana',
            target: 'overall',
            score: 6,
            scale: { min: 1, max: 7 },
          },
        ],
      });
    });
    afterAll(async () => {
      await store.close();
      media.cleanup();
    });

    it('reads the same features from the stored analysis as from the analysis itself', async () => {
      for (const [interview, file] of [
        [seeded.interview.id, 'priya-strong.vtt'],
        [second.interview.id, 'marcus-average.vtt'],
      ] as const) {
        const fresh = interviewFeaturesOf(
          await analyzeFile(example(file), options),
          defaultAnalyzer().catalogue,
        );
        const latest = await store.scorecards.latestForInterview(interview);
        const body = ScorecardBody.parse(latest!.body);
        expect(
          storedInterviewFeatures(
            await store.analyses.get(interview),
            body.responses,
            defaultAnalyzer().catalogue,
          ),
        ).toEqual(fresh);
      }
    });

    it('without an active model says how to activate one, and stores nothing', async () => {
      const before = await snapshot(store, [seeded.interview.id]);
      const error = await refusal(requireActiveModel(store, seeded.workspace.id, 'overall'));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toMatch(
        /^no active model for target overall in this workspace: activate one first/,
      );
      expect(await snapshot(store, [seeded.interview.id])).toEqual(before);
    });

    it("re-scoring an interview adds a scorecard that records the model's id and version; nothing else stored changes", async () => {
      await activateModel(store, {
        workspaceId: seeded.workspace.id,
        id: 'reference-overall',
        createdBy: 'cli',
      });
      const active = await requireActiveModel(store, seeded.workspace.id, 'overall');
      expect(active).toEqual(model);
      const ids = [seeded.interview.id, second.interview.id];
      const before = await snapshot(store, ids);
      const card = await rescoreInterview(store, {
        workspaceId: seeded.workspace.id,
        interviewId: seeded.interview.id,
        model: active,
      });
      const after = await snapshot(store, ids);
      for (const table of TABLES.slice(0, 5)) {
        expect(after[table], table).toEqual(before[table]);
      }
      const added = after.scorecard.filter((r) => !before.scorecard.some((b) => b.id === r.id));
      expect(added.map((r) => r.id)).toEqual([card.id]);
      expect(after.scorecard.filter((r) => r.id !== card.id)).toEqual(before.scorecard);
      expect(after.scorecard_summary.filter((r) => r.scorecard_id !== card.id)).toEqual(
        before.scorecard_summary,
      );
      const old = before.scorecard.find((r) => r.interview_id === seeded.interview.id)!;
      const fresh = added[0]!;
      const changing = ['id', 'created_at', 'content_hash', 'body'];
      expect(without(fresh, changing)).toEqual(without(old, changing));
      const [oldBody, newBody] = [old.body, fresh.body];
      const { model: recorded, ...framework } = JSON.parse(newBody as string) as Record<string, unknown> & {
        model: { id: string; version: number };
      };
      expect(framework).toEqual(JSON.parse(oldBody as string));
      expect(recorded).toMatchObject({ id: 'reference-overall', version: model.version });
      const oldSummary = before.scorecard_summary.find((r) => r.scorecard_id === old.id)!;
      const newSummary = after.scorecard_summary.find((r) => r.scorecard_id === card.id)!;
      expect(without(newSummary, ['scorecard_id', 'created_at'])).toEqual(
        without(oldSummary, ['scorecard_id', 'created_at']),
      );
      // The prediction is the one scoring the file with the model gives.
      const direct = await analyzeFile(example('priya-strong.vtt'), { ...options, model });
      expect(recorded).toEqual(JSON.parse(JSON.stringify(direct.scorecard.model)));
      expect((await store.scorecards.latestForInterview(seeded.interview.id))?.id).toBe(card.id);
    });

    it("re-scores a whole job's analysed interviews, skipping one never analysed", async () => {
      const fresh = await addCandidate(store, seeded.workspace, seeded.job, 'Nadia Noor');
      const result = await rescoreJob(store, {
        workspaceId: seeded.workspace.id,
        jobId: seeded.job.id,
        model,
      });
      expect(result.rescored.map((r) => r.interviewId).sort()).toEqual(
        [seeded.interview.id, second.interview.id].sort(),
      );
      expect(result.failed).toEqual([]);
      expect(result.skipped).toEqual([fresh.interview.id]);
      for (const { scorecard } of result.rescored) {
        expect(ScorecardBody.parse(scorecard.body).model?.id).toBe('reference-overall');
      }
    });

    it('refuses an interview of another workspace or one never analysed, and stores nothing', async () => {
      const other = await seedInterview(store, 'Other Person');
      const before = await snapshot(store, [other.interview.id]);
      const elsewhere = await refusal(
        rescoreInterview(store, { workspaceId: seeded.workspace.id, interviewId: other.interview.id, model }),
      );
      expect(elsewhere.code).toBe('NOT_FOUND');
      expect(elsewhere.message).toBe(`interview ${other.interview.id} not found`);
      const never = await refusal(
        rescoreInterview(store, { workspaceId: other.workspace.id, interviewId: other.interview.id, model }),
      );
      expect(never.code).toBe('VALIDATION_FAILED');
      expect(never.message).toBe(
        `interview ${other.interview.id} has no scorecard to re-score: analyse it first`,
      );
      expect(await snapshot(store, [other.interview.id])).toEqual(before);
    });

    it("a new analysis of a stored interview records the workspace's active model", async () => {
      const third = await addCandidate(store, seeded.workspace, seeded.job, 'Jordan Park');
      await writeTranscriptText(
        media.dir,
        third.interview,
        readFileSync(example('marcus-average.vtt'), 'utf8'),
      );
      await store.interviews.setSource(third.interview.id, {
        sourceFile: 'marcus-average.vtt',
        format: 'vtt',
      });
      const { scorecard } = await analyzeInterview({
        store,
        mediaDir: media.dir,
        interviewId: third.interview.id,
      });
      expect(ScorecardBody.parse(scorecard.body).model).toMatchObject({
        id: 'reference-overall',
        version: model.version,
      });
      const none = await analyzeInterview({
        store,
        mediaDir: media.dir,
        interviewId: third.interview.id,
        model: null,
      });
      expect('model' in ScorecardBody.parse(none.scorecard.body)).toBe(false);
    });
  });
}
