/**
 * The blind rating form: what was asked and said, the targets to rate and their scales, and
 * nothing Candor measured or concluded (no score, credit, signal, strength or evidence), so a
 * rater's judgement is their own.
 */
import type { z } from 'zod';
import type { Framework } from '../../../assessment/index.js';
import { isCandorError } from '../../../core/index.js';
import { findFramework } from '../../../pipeline/index.js';
import { DEFAULT_SCALE, OVERALL } from '../../../ratings/index.js';
import type { InterviewRecord, RatingScale, Store, UserRecord } from '../../../store/index.js';
import type { RatingFormView } from './schemas.js';

type Form = z.infer<typeof RatingFormView>;

/** How the ends of a scale are labelled on the form. */
export const SCALE_LABELS = { min: 'poor', max: 'excellent' } as const;

/**
 * The interview's job framework (the built-in `default` outside hiring), the scale stored per
 * target in the workspace (1–5 where none is), and the caller's own earlier ratings.
 * @example const form = await ratingForm(store, interview, me(request))
 */
export async function ratingForm(store: Store, interview: InterviewRecord, rater: UserRecord): Promise<Form> {
  const application =
    interview.applicationId === null ? null : await store.applications.get(interview.applicationId);
  const job = application === null ? null : await store.jobs.get(application.jobId);
  const framework = await readableFramework(store, interview.workspaceId, job?.frameworkId ?? 'default');
  const [transcript, scales, ratings] = await Promise.all([
    store.analyses.getTranscript(interview.id),
    store.ratings.scales(interview.workspaceId),
    store.ratings.listByInterview(interview.id),
  ]);
  const scaleOf = (target: string): RatingScale => scales.get(target) ?? DEFAULT_SCALE;
  const listed = framework?.competencies ?? [];
  const competencies = new Set(listed.map((c) => c.id));
  const named = [...scales.keys()].filter((t) => t !== OVERALL && !competencies.has(t)).sort();
  const responses = [...transcript.responses].sort((a, b) => a.position - b.position);
  return {
    interview: { id: interview.id, title: interview.title, kind: interview.kind },
    framework: framework === null ? null : { id: framework.id, name: framework.name },
    answers: responses.map((response, i) => ({
      number: i + 1,
      question: response.questionText,
      turns: transcript.segments
        .filter((s) => s.responseId === response.id)
        .map((s) => ({ speaker: s.speaker, text: s.text })),
    })),
    targets: [
      {
        id: OVERALL,
        name: 'Overall',
        description: 'The interview as a whole.',
        kind: 'overall' as const,
        scale: scaleOf(OVERALL),
      },
      ...listed.map((c) => ({
        id: c.id,
        name: c.name,
        description: c.description,
        kind: 'competency' as const,
        scale: scaleOf(c.id),
      })),
      ...named.map((t) => ({ id: t, name: t, description: null, kind: 'named' as const, scale: scaleOf(t) })),
    ],
    scaleLabels: { ...SCALE_LABELS },
    given: ratings
      .filter((r) => r.rater === rater.id)
      .map((r) => ({ target: r.target, answer: r.answer, value: r.score, note: r.note })),
  };
}

/**
 * The job's framework, or null when it is gone or no longer parses: the form then offers
 * `overall` and the named targets, so rating never waits on a framework being repaired.
 */
async function readableFramework(store: Store, workspaceId: string, id: string): Promise<Framework | null> {
  try {
    return await findFramework(store, workspaceId, id);
  } catch (error) {
    if (
      isCandorError(error) &&
      (error.code === 'FRAMEWORK_INVALID' || error.code === 'FRAMEWORK_NOT_FOUND')
    ) {
      return null;
    }
    throw error;
  }
}
