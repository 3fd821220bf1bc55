/**
 * `GET /practice/:id/coaching`: a practice answer as a coach reads it back to the student: their
 * own transcript with every filler word, hedge and long pause marked, and the measures two
 * attempts are compared on (competency scores, filler rate, pauses, words per minute).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CandorError } from '../../../core/index.js';
import { coachingMarks } from '../../../analysis/language/coaching-marks.js';
import { ScorecardBody, type Segment } from '../../../domain/index.js';
import { readPracticeQuestion } from '../../../pipeline/index.js';
import { requireRole } from '../../auth.js';
import type { RouteDeps } from '../../deps.js';
import { ErrorBody } from '../../errors.js';
import { loadInterview } from './access.js';
import { IdParams } from './schemas.js';

const Mark = z.object({
  kind: z.enum(['filler', 'hedge', 'pause']),
  charStart: z.number(),
  charEnd: z.number(),
  label: z.string(),
  start: z.number().nullable(),
  end: z.number().nullable(),
});

export const PracticeCoaching = z
  .object({
    interviewId: z.string(),
    scorecardId: z.string(),
    /** The practised question (to try it again); null for a full mock interview. */
    question: z.object({ questionSetId: z.string(), questionId: z.string() }).nullable(),
    text: z.string(),
    marks: z.array(Mark),
    overall: z.number().nullable(),
    competencies: z.array(z.object({ id: z.string(), name: z.string(), score: z.number().nullable() })),
    measures: z.object({
      words: z.number(),
      durationSeconds: z.number().nullable(),
      wordsPerMinute: z.number().nullable(),
      fillerWordsPer100: z.number().nullable(),
      hedgesPer100: z.number().nullable(),
      /** Share of speaking time in pauses of 250 ms or more (0–1). */
      pauseRatio: z.number().nullable(),
      /** Pauses of a second or more. */
      longPauses: z.number(),
    }),
  })
  .meta({ id: 'PracticeCoaching' });

type Body = z.infer<typeof ScorecardBody>;

/** A signal's value as the scorecard aggregated it (the same in every competency that weighs it). */
function signalValue(body: Body, id: string): number | null {
  for (const c of body.competencies) {
    const found = c.signals.find((s) => s.signal === id);
    if (found !== undefined) return found.value;
  }
  return null;
}

/** The pauses the scorecard quotes (the pause signals' evidence), one per time span. */
function pausesOf(body: Body): { start: number; end: number }[] {
  const seen = new Map<string, { start: number; end: number }>();
  for (const e of body.competencies.flatMap((c) => c.evidence)) {
    if (e.label !== 'pause' || e.start === null || e.end === null) continue;
    seen.set(`${e.start}-${e.end}`, { start: e.start, end: e.end });
  }
  return [...seen.values()];
}

/** @example await api.register(practiceCoachingRoutes(deps)) */
export function practiceCoachingRoutes({ store, config }: RouteDeps): FastifyPluginAsyncZod {
  return (app) => {
    app.get(
      '/practice/:id/coaching',
      {
        onRequest: requireRole('candidate', 'advisor'),
        schema: {
          tags: ['practice'],
          summary:
            'A practice answer marked for coaching: fillers, hedges, long pauses and the main measures',
          params: IdParams,
          response: { 200: PracticeCoaching, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
        },
      },
      async (request) => {
        const interview = await loadInterview(request, store, request.params.id, 'read');
        if (interview.kind !== 'practice') {
          throw new CandorError('NOT_FOUND', `practice session ${interview.id} not found`, {
            entity: 'practice',
            id: interview.id,
          });
        }
        const scorecard = await store.scorecards.latestForInterview(interview.id);
        if (scorecard === null) {
          throw new CandorError('CONFLICT', `practice session ${interview.id} has no feedback yet`, {
            id: interview.id,
          });
        }
        const body = ScorecardBody.parse(scorecard.body);
        const { segments } = await store.analyses.getTranscript(interview.id);
        const spoken: Segment[] = segments
          .filter((s) => s.responseId !== null)
          .map((s) => ({ speaker: s.speaker, start: s.start, end: s.end, text: s.text }));
        const pauses = pausesOf(body);
        const marked = coachingMarks(spoken, pauses);
        const seconds = body.input.durationSeconds;
        return {
          interviewId: interview.id,
          scorecardId: scorecard.id,
          question: await readPracticeQuestion(config.mediaDir, interview),
          text: marked.text,
          marks: marked.marks,
          overall: body.overall.score,
          competencies: body.competencies.map((c) => ({ id: c.id, name: c.name, score: c.score })),
          measures: {
            words: body.input.words,
            durationSeconds: seconds,
            wordsPerMinute:
              seconds !== null && seconds > 0 ? Math.round((body.input.words / seconds) * 60) : null,
            fillerWordsPer100: signalValue(body, 'fillerWordsPer100'),
            hedgesPer100: signalValue(body, 'hedgesPer100'),
            pauseRatio: signalValue(body, 'pauseRatio'),
            longPauses: marked.marks.filter((m) => m.kind === 'pause').length,
          },
        };
      },
    );
    return Promise.resolve();
  };
}
