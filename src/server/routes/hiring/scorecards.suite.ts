/**
 * The scorecard page: the body as the engine wrote it, with interview, candidate and recordings;
 * and the transcript its quotes point into.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ScorecardBody, scorecardJson } from '../../../domain/index.js';
import type { SuiteContext } from './hiring.suite.js';
import { ScorecardPage } from './scorecards.js';
import { analysedExamples, analysedInterview, hiringRecords, send } from './test-helpers.js';

export function scorecardCases(f: () => SuiteContext): void {
  describe('scorecards', () => {
    let hiring: {
      scorecardId: string;
      interviewId: string;
      applicationId: string;
      candidateId: string;
      jobId: string;
    };

    beforeAll(async () => {
      const { store, workspaceId } = f().fx;
      const { priya } = await analysedExamples();
      const { job, candidate, application } = await hiringRecords(store, workspaceId, 'Priya Page');
      const ids = await analysedInterview(
        store,
        { workspaceId, kind: 'live', applicationId: application.id, title: 'Final round' },
        priya,
      );
      hiring = { ...ids, applicationId: application.id, candidateId: candidate.id, jobId: job.id };
    });

    it('shows a hiring scorecard in full with its interview, candidate and recordings, and the transcript beside it', async () => {
      const { app, users, store, workspaceId } = f().fx;
      const { priya } = await analysedExamples();
      const media = await store.media.add({
        workspaceId,
        interviewId: hiring.interviewId,
        position: 0,
        questionId: null,
        questionText: null,
        fileName: 'call.webm',
        storagePath: 'x/call.webm',
        contentType: 'video/webm',
        bytes: 1234,
        sha256: 'ab',
        durationSeconds: 61.5,
      });
      for (const who of [users.recruiter, users.manager, users.admin]) {
        const res = await send(app, who, 'GET', `/scorecards/${hiring.scorecardId}`);
        expect(res.statusCode).toBe(200);
      }
      const res = await send(app, users.manager, 'GET', `/scorecards/${hiring.scorecardId}`);
      const page = res.json();
      expect(page.scorecard).toMatchObject({
        id: hiring.scorecardId,
        interviewId: hiring.interviewId,
        overallScore: priya.scorecard.overall.score,
      });
      // Nothing of the engine's scorecard is lost on the way out.
      expect(page.scorecard.body).toEqual(JSON.parse(JSON.stringify(priya.scorecard)));
      expect(page.interview).toMatchObject({
        id: hiring.interviewId,
        kind: 'live',
        title: 'Final round',
        userId: null,
      });
      expect(page.candidate).toEqual({ id: hiring.candidateId, name: 'Priya Page' });
      expect(page.application).toEqual({ id: hiring.applicationId, stage: 'applied', jobId: hiring.jobId });
      expect(page.media).toEqual([
        expect.objectContaining({
          id: media.id,
          fileName: 'call.webm',
          durationSeconds: 61.5,
          offsetSeconds: 0,
          url: `/api/v1/media/${media.id}`,
        }),
      ]);
      expect(page.media[0]).not.toHaveProperty('storagePath');
      expect(page).not.toHaveProperty('transcript');

      const read = await send(app, users.manager, 'GET', `/interviews/${hiring.interviewId}/transcript`);
      expect(read.statusCode).toBe(200);
      const { interviewId, responses, transcript } = read.json();
      expect(interviewId).toBe(hiring.interviewId);
      expect(responses.map((r: { position: number }) => r.position)).toEqual(
        priya.responses.map((r) => r.index),
      );
      expect(transcript).toHaveLength(priya.transcript.length);
      expect(transcript.map((s: { text: string }) => s.text)).toEqual(priya.transcript.map((s) => s.text));
      // Every quote of the scorecard is found in the transcript at the time it names.
      const quotes = priya.scorecard.competencies.flatMap((c) => c.evidence.filter((e) => e.start !== null));
      expect(quotes.length).toBeGreaterThan(0);
      for (const quote of quotes) {
        const at = transcript.filter(
          (s: { start: number; end: number }) =>
            s.start <= quote.start! + 1e-6 && s.end >= quote.start! - 1e-6,
        );
        expect(at.length, `segment at ${quote.start}`).toBeGreaterThan(0);
      }
      const answered = transcript.filter((s: { responseId: string | null }) => s.responseId !== null);
      expect(answered.length).toBeGreaterThan(0);
      const positions = new Map(responses.map((r: { id: string; position: number }) => [r.id, r.position]));
      for (const segment of answered)
        expect(segment.responsePosition).toBe(positions.get(segment.responseId));
    });

    it('shows a practice scorecard to its student, advisors and admins only', async () => {
      const { app, users } = f().fx;
      const { scorecardId, interviewId } = f().practice.student[0]!;
      for (const who of [users.student, users.advisor, users.admin]) {
        const res = await send(app, who, 'GET', `/scorecards/${scorecardId}`);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({
          interview: { id: interviewId, kind: 'practice', userId: users.student.user.id },
          candidate: null,
          application: null,
        });
      }
      for (const who of [users.recruiter, users.manager]) {
        expect((await send(app, who, 'GET', `/scorecards/${scorecardId}`)).statusCode).toBe(403);
      }
      for (const who of [users.student, users.advisor, users.admin]) {
        const res = await send(app, who, 'GET', `/interviews/${interviewId}/transcript`);
        expect(res.statusCode).toBe(200);
        expect(res.json().transcript.length).toBeGreaterThan(0);
      }
      for (const who of [users.recruiter, users.manager]) {
        expect((await send(app, who, 'GET', `/interviews/${interviewId}/transcript`)).statusCode).toBe(403);
      }
      expect(
        (await send(app, users.student2, 'GET', `/interviews/${interviewId}/transcript`)).statusCode,
      ).toBe(404);
      // Another student's practice reads like an unknown id.
      const peer = await send(app, users.student2, 'GET', `/scorecards/${scorecardId}`);
      expect(peer.statusCode).toBe(404);
      expect(peer.json().error.message).toBe(`scorecard ${scorecardId} not found`);
      // Students never read hiring scorecards.
      expect((await send(app, users.student, 'GET', `/scorecards/${hiring.scorecardId}`)).statusCode).toBe(
        403,
      );
    });

    it('hides another workspace’s practice scorecard from advisors and admins', async () => {
      const { app, users } = f().fx;
      const { scorecardId } = f().practice.otherStudent[0]!;
      for (const who of [users.advisor, users.admin]) {
        const res = await send(app, who, 'GET', `/scorecards/${scorecardId}`);
        expect(res.statusCode).toBe(404);
        expect(res.json().error.message).toBe(`scorecard ${scorecardId} not found`);
      }
    });

    it('stores the body as the response serializer writes it, and sends those bytes', async () => {
      const { store } = f().fx;
      const { priya } = await analysedExamples();
      const stored = (await store.scorecards.getInContext(hiring.scorecardId)).body.toString('utf8');
      expect(stored).toBe(scorecardJson(priya.scorecard));
      expect(stored).toBe(scorecardJson(ScorecardBody.parse(JSON.parse(stored))));
      const res = await send(f().fx.app, f().fx.users.manager, 'GET', `/scorecards/${hiring.scorecardId}`);
      expect(res.body).toContain(`"body":${stored}},"interview":`);
    });

    it('never sends a field outside the declared schema; the page fits the schema', async () => {
      const { app, users, store, workspaceId } = f().fx;
      const { priya } = await analysedExamples();
      const { application } = await hiringRecords(store, workspaceId, 'Extra Fields', hiring.jobId);
      const interview = await store.interviews.create({
        workspaceId,
        kind: 'live',
        applicationId: application.id,
      });
      const [competency, ...others] = priya.scorecard.competencies;
      const body = {
        ...priya.scorecard,
        internalNotes: 'leaked?',
        overall: { ...priya.scorecard.overall, rawModelOutput: 'leaked?' },
        competencies: [{ ...competency!, debug: { leaked: true } }, ...others],
      };
      const card = await store.scorecards.add({
        interviewId: interview.id,
        frameworkId: priya.scorecard.framework.id,
        frameworkVersion: priya.scorecard.framework.version,
        engineVersion: priya.scorecard.engine.version,
        overallScore: priya.scorecard.overall.score,
        contentHash: 'extra',
        body,
      });
      const res = await send(app, users.recruiter, 'GET', `/scorecards/${card.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).not.toMatch(/leaked|internalNotes|rawModelOutput|debug/);
      const page = res.json();
      expect(ScorecardPage.safeParse(page).success).toBe(true);
      // Parsing strips unknown keys: equal only if the body holds nothing outside the schema.
      expect(page.scorecard.body).toEqual(ScorecardBody.parse(body));
      expect(page.scorecard.body).toEqual(JSON.parse(JSON.stringify(priya.scorecard)));
    });

    it('rejects a malformed id with 400', async () => {
      const res = await send(f().fx.app, f().fx.users.admin, 'GET', '/scorecards/not%20an%20id');
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'id' } });
    });
  });
}
