/** saveAnalysis, ranking, cascades and large text; registered by `describeStore`. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisInput, Store } from './index.js';
import {
  addCandidate,
  candorError,
  countRows,
  sampleAnalysis,
  seedInterview,
} from './store-fixtures.suite.js';
import { need, requires, SHARED_DATA } from '../test-helpers.js';

/** A real meeting (AMI TS3005d via QMSum, CC BY 4.0): 1,616 speaker turns. */
const MEETING = path.join(SHARED_DATA, 'meetings-qmsum/Product/TS3005d.json');

export function describeAnalysisCases(store: () => Store): void {
  describe('analyses', () => {
    it('round-trips responses, segments, signal values and the scorecard', async () => {
      const { interview } = await seedInterview(store());
      const input = sampleAnalysis(interview.id);
      const scorecard = await store().analyses.save(input);
      expect(scorecard).toMatchObject({ ...input.scorecard, interviewId: interview.id });
      expect(await store().scorecards.latestForInterview(interview.id)).toEqual(scorecard);

      const stored = await store().analyses.get(interview.id);
      expect(stored.responses).toEqual(input.responses.map((r) => ({ ...r, interviewId: interview.id })));
      expect(
        stored.segments.map(({ id: _id, interviewId: _i, position: _p, ...segment }) => segment),
      ).toEqual(input.segments.map((s) => ({ ...s, responseId: s.responseId ?? null })));
      expect(stored.segments.map((s) => s.position)).toEqual([0, 1, 2, 3]);
      expect(stored.signals.map(({ id: _id, interviewId: _i, ...value }) => value)).toEqual(input.signals);
    });

    it('replaces the previous analysis of the interview and keeps every scorecard', async () => {
      const { interview } = await seedInterview(store());
      const first = await store().analyses.save(sampleAnalysis(interview.id, 'first'));
      const secondInput = sampleAnalysis(interview.id, 'second');
      const second = await store().analyses.save(secondInput);
      const stored = await store().analyses.get(interview.id);
      expect(stored.responses.map((r) => r.id)).toEqual(secondInput.responses.map((r) => r.id));
      expect(stored.segments[1]?.text).toBe('Um, two agents (second) disagreed.');
      expect(stored.signals).toHaveLength(secondInput.signals.length);
      expect(await store().scorecards.listForInterview(interview.id)).toEqual([second, first]);
    });

    it('is atomic: a call failing part-way writes nothing and leaves the earlier analysis intact', async () => {
      const { interview } = await seedInterview(store());
      const first = await store().analyses.save(sampleAnalysis(interview.id, 'first'));
      const before = await store().analyses.get(interview.id);

      // Fails on the last insert, after the old rows were deleted and the new ones written.
      const sameScorecardId = {
        ...sampleAnalysis(interview.id, 'second'),
        scorecard: { ...sampleAnalysis(interview.id).scorecard, id: first.id },
      };
      expect((await candorError(store().analyses.save(sameScorecardId))).code).toBe('CONFLICT');
      // Fails on the response insert, after the deletes.
      const base = sampleAnalysis(interview.id, 'third');
      const samePosition: AnalysisInput = {
        ...base,
        responses: base.responses.map((r) => ({ ...r, position: 0 })),
      };
      expect((await candorError(store().analyses.save(samePosition))).code).toBe('CONFLICT');
      // Refused before writing: a signal value pointing at a response of another analysis.
      const strayResponse: AnalysisInput = {
        ...base,
        signals: [{ ...base.signals[0]!, responseId: before.responses[0]!.id }],
      };
      const stray = await candorError(store().analyses.save(strayResponse));
      expect(stray.code).toBe('VALIDATION_FAILED');
      expect(stray.details).toMatchObject({ field: 'signals[0].responseId' });

      expect(await store().analyses.get(interview.id)).toEqual(before);
      expect(await store().scorecards.listForInterview(interview.id)).toEqual([first]);
    });

    it('refuses an analysis of an unknown interview', async () => {
      const error = await candorError(store().analyses.save(sampleAnalysis('intv_missing')));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.details).toEqual({ entity: 'interview', id: 'intv_missing' });
    });

    it('deleting an interview removes its responses, segments, signal values, scorecards and ratings only', async () => {
      const { workspace, job, interview } = await seedInterview(store());
      const kept = await addCandidate(store(), workspace, job, 'Kept');
      await store().analyses.save(sampleAnalysis(interview.id));
      await store().analyses.save(sampleAnalysis(kept.interview.id));
      const rating = {
        answer: null,
        rater: 'usr_1',
        target: 'communication',
        score: 3,
        scale: { min: 1, max: 5 },
      };
      await store().ratings.save({
        workspaceId: workspace.id,
        source: 'form',
        createdBy: 'usr_1',
        ratings: [
          { ...rating, interviewId: interview.id },
          { ...rating, interviewId: kept.interview.id },
        ],
      });

      await store().interviews.delete(interview.id);
      for (const table of ['response', 'transcript_segment', 'signal_value', 'scorecard'] as const) {
        expect(await countRows(store(), table, 'interview_id', interview.id)).toBe(0);
        expect(await countRows(store(), table, 'interview_id', kept.interview.id)).toBeGreaterThan(0);
      }
      expect(await store().ratings.listByInterview(interview.id)).toEqual([]);
      expect(await store().ratings.listByInterview(kept.interview.id)).toHaveLength(1);
      expect((await candorError(store().interviews.get(interview.id))).code).toBe('NOT_FOUND');
    });

    it('keeps unicode and a 100 KB answer exactly', async () => {
      const name = 'Zoë Ångström-Nakamura 王小明 🙂 Ωμέγα';
      const { interview, candidate } = await seedInterview(store(), name);
      expect((await store().candidates.get(candidate.id)).name).toBe(name);
      const unit = "Naïve café ☕ — 数据 “quoted” \\ back\\slash 'single' 😀 tab\tnew\nline. ";
      const long = unit.repeat(Math.ceil((100 * 1024) / unit.length));
      expect(long.length).toBeGreaterThanOrEqual(100 * 1024);
      const input = sampleAnalysis(interview.id);
      const segments = [
        { speaker: 'Zoë', start: 1, end: 2, text: long, words: [{ text: '数据', start: 1, end: 1.5 }] },
      ];
      await store().analyses.save({ ...input, segments, signals: [] });
      const [segment] = (await store().analyses.get(interview.id)).segments;
      expect(segment?.text).toBe(long);
      expect(segment?.speaker).toBe('Zoë');
      expect(segment?.words).toEqual(segments[0]!.words);
    });

    requires(need.sharedData('meetings-qmsum/Product/TS3005d.json')).it(
      'stores a real 1,616-turn meeting transcript in order',
      async () => {
        const meeting = JSON.parse(fs.readFileSync(MEETING, 'utf8')) as {
          meeting_transcripts: { speaker: string; content: string }[];
        };
        const segments = meeting.meeting_transcripts.map((t) => ({
          speaker: t.speaker,
          start: null,
          end: null,
          text: t.content,
        }));
        const { workspace } = await seedInterview(store());
        const interview = await store().interviews.create({
          workspaceId: workspace.id,
          kind: 'research',
          sourceFile: 'TS3005d.json',
          format: 'json',
        });
        await store().analyses.save({ ...sampleAnalysis(interview.id), segments, signals: [] });
        const stored = await store().analyses.get(interview.id);
        expect(stored.segments).toHaveLength(1616);
        expect(
          stored.segments.map((s) => ({ speaker: s.speaker, start: s.start, end: s.end, text: s.text })),
        ).toEqual(segments);
      },
    );
  });

  describe('ranking a job', () => {
    it('orders by overall score descending, unscored last, then by name; newest scorecard per interview', async () => {
      const { workspace, job, interview: beaInterview } = await seedInterview(store(), 'Bea Ortiz');
      const others = ['Abe Lin', 'Ann Null', 'Zed Top', 'Cy Low'];
      const made = await Promise.all(others.map((name) => addCandidate(store(), workspace, job, name)));
      const byName = Object.fromEntries(made.map((m) => [m.candidate.name, m.interview.id])) as Record<
        string,
        string
      >;
      const score = (interviewId: string, overall: number | null, createdAt?: string) => {
        const input = sampleAnalysis(interviewId, 'rank', overall);
        const scorecard = createdAt === undefined ? input.scorecard : { ...input.scorecard, createdAt };
        return store().analyses.save({ ...input, scorecard });
      };
      await score(beaInterview.id, 3);
      await score(byName['Abe Lin']!, 3);
      await score(byName['Ann Null']!, null);
      await score(byName['Zed Top']!, 4.25);
      await score(byName['Cy Low']!, 1.5, '2025-05-02T00:00:00.000Z');
      await score(byName['Cy Low']!, 4.9, '2025-05-01T00:00:00.000Z'); // older: must not count
      const elsewhere = await seedInterview(store(), 'Other Job');
      await score(elsewhere.interview.id, 5);

      const ranked = await store().scorecards.rankForJob(job.id);
      expect(ranked.map((r) => [r.candidateName, r.overallScore])).toEqual([
        ['Zed Top', 4.25],
        ['Abe Lin', 3],
        ['Bea Ortiz', 3],
        ['Cy Low', 1.5],
        ['Ann Null', null],
      ]);
      const zed = made.find((m) => m.candidate.name === 'Zed Top')!;
      expect(ranked[0]).toMatchObject({
        candidateId: zed.candidate.id,
        applicationId: zed.application.id,
        interviewId: zed.interview.id,
        stage: 'applied',
      });
      expect(await store().scorecards.rankForJob('job_none')).toEqual([]);
    });

    it('ranks from summary rows in SQL: newest scorecard per application, names folded, pages and counts', async () => {
      const { workspace, job, interview: first } = await seedInterview(store(), 'émile Roux');
      const names = ['Emma Stone', 'Zoë Adams', 'ada Byron', 'Ola Null', 'No Card'];
      const made = await Promise.all(names.map((name) => addCandidate(store(), workspace, job, name)));
      const interviewOf = Object.fromEntries(made.map((m) => [m.candidate.name, m.interview.id]));
      const score = (interviewId: string, overall: number | null, createdAt: string) => {
        const input = sampleAnalysis(interviewId, 'summary', overall);
        return store().analyses.save({ ...input, scorecard: { ...input.scorecard, createdAt } });
      };
      await score(first.id, 70, '2025-05-01T00:00:00.000Z');
      await score(interviewOf['Emma Stone']!, 70, '2025-05-01T00:00:00.000Z');
      await score(interviewOf['ada Byron']!, 90, '2025-05-01T00:00:00.000Z');
      await score(interviewOf['Ola Null']!, null, '2025-05-01T00:00:00.000Z');
      // Zoë's second interview is newer: its 40 counts, not the first interview's 99.
      const zoe = made.find((m) => m.candidate.name === 'Zoë Adams')!;
      await score(zoe.interview.id, 99, '2025-05-01T00:00:00.000Z');
      const later = await store().interviews.create({
        workspaceId: workspace.id,
        applicationId: zoe.application.id,
        kind: 'live',
      });
      const newest = await score(later.id, 40, '2025-05-02T00:00:00.000Z');

      const page = await store().scorecards.rankedPage(job.id, { limit: 10, offset: 0 });
      expect(page.map((r) => [r.candidateName, r.overallScore])).toEqual([
        ['ada Byron', 90],
        ['émile Roux', 70],
        ['Emma Stone', 70],
        ['Zoë Adams', 40],
        ['Ola Null', null],
      ]);
      expect(page[3]).toMatchObject({
        id: newest.id,
        interviewId: later.id,
        applicationId: zoe.application.id,
      });
      expect(page[0]?.competencies).toEqual([{ id: 'communication', name: 'Communication', score: 90 }]);
      const second = await store().scorecards.rankedPage(job.id, { limit: 2, offset: 1 });
      expect(second.map((r) => r.candidateName)).toEqual(['émile Roux', 'Emma Stone']);
      expect(await store().scorecards.countRanked(job.id)).toBe(5);
      expect(await store().scorecards.countRanked(job.id, 70)).toBe(1);
      expect(await store().scorecards.countRanked(job.id, -1)).toBe(4);
      expect(await store().scorecards.countApplications(job.id)).toBe(6);
      const unranked = await store().scorecards.unranked(job.id);
      expect(unranked.map((u) => [u.candidateName, u.interviews.length])).toEqual([['No Card', 1]]);

      // A renamed candidate moves to where the new name sorts.
      const emma = made.find((m) => m.candidate.name === 'Emma Stone')!;
      await store().candidates.update(emma.candidate.id, { name: 'Aaron Stone' });
      const renamed = await store().scorecards.rankedPage(job.id, { limit: 3, offset: 1 });
      expect(renamed.map((r) => r.candidateName)).toEqual(['Aaron Stone', 'émile Roux', 'Zoë Adams']);
      const picked = await store().scorecards.rankedForApplications(job.id, [zoe.application.id]);
      expect(picked.map((r) => r.overallScore)).toEqual([40]);
    });

    it('refuses a scorecard body that does not fit the schema, and writes neither it nor its summary', async () => {
      const { interview } = await seedInterview(store());
      const input = sampleAnalysis(interview.id);
      const error = await candorError(
        store().scorecards.add({ ...input.scorecard, interviewId: interview.id, body: { overall: 3 } }),
      );
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toMatch(/body\.engine/);
      expect(await countRows(store(), 'scorecard', 'interview_id', interview.id)).toBe(0);
    });
  });
}
