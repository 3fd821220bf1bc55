import type { RatingRecord, Store } from '../store/index.js';

/** One interview's rated value for the trainer. */
export interface TrainingRating {
  readonly interview: string;
  /** Who was interviewed: the interview's candidate (a practice interview's student). */
  readonly person: string;
  /** The mean over raters of the normalised rating, 0–1. */
  readonly value: number;
  /** How many raters the value is the mean of. */
  readonly raters: number;
}

export interface TrainingQuery {
  readonly workspaceId: string;
  readonly target: string;
  /** Only interviews of this job's applications. */
  readonly jobId?: string | undefined;
}

const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;

/**
 * The stored ratings of one target as the trainer needs them: one value per interview, the mean
 * of its raters' normalised ratings. A rater's whole-interview rating counts; a rater who rated
 * only answers counts with the mean of their answers. Interviews in id order.
 *
 * @example const rows = await ratingsForTraining(store, { workspaceId, target: 'overall' }) // [{ interview, person, value: 0.71, raters: 3 }]
 */
export async function ratingsForTraining(store: Store, query: TrainingQuery): Promise<TrainingRating[]> {
  const ratings = await store.ratings.list(query.workspaceId, { target: query.target, jobId: query.jobId });
  const byInterview = new Map<string, RatingRecord[]>();
  for (const r of ratings) byInterview.set(r.interviewId, [...(byInterview.get(r.interviewId) ?? []), r]);
  const interviews = await store.ratings.interviews(query.workspaceId, [...byInterview.keys()]);
  return [...byInterview.keys()].sort().map((id) => {
    const perRater = new Map<string, { whole: number | null; answers: number[] }>();
    for (const r of byInterview.get(id)!) {
      const entry = perRater.get(r.rater) ?? { whole: null, answers: [] };
      if (r.answer === null) entry.whole = r.normalised;
      else entry.answers.push(r.normalised);
      perRater.set(r.rater, entry);
    }
    const values = [...perRater.values()].map((e) => e.whole ?? mean(e.answers));
    const interview = interviews.get(id);
    return {
      interview: id,
      person: interview?.candidateId ?? interview?.interview.userId ?? id,
      value: mean(values),
      raters: values.length,
    };
  });
}
