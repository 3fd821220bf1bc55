/**
 * From individual ratings (one rater, one interview, one target) to what training reads: per
 * interview, the raters' mean on the 0–1 scale and each rater's own score.
 */
import { CandorError } from '../core/index.js';
import type { FeatureRow } from './model-file.js';
import type { InterviewRating } from './train.js';

/** One rating as the ratings CSV parser returns it (the fields training needs). */
export interface RatingRecord {
  readonly line?: number;
  readonly interview: string;
  readonly person: string | null;
  readonly answer: number | null;
  readonly rater: string;
  readonly target: string;
  readonly scale: { readonly min: number; readonly max: number };
  readonly normalised: number;
}

export interface TargetRatings {
  readonly scale: { readonly min: number; readonly max: number };
  readonly ratings: InterviewRating[];
}

const where = (file: string, r: RatingRecord) => (r.line === undefined ? file : `${file} line ${r.line}`);

/**
 * The whole-interview ratings of one target, checked: one declared scale, every interview known
 * to the features, a rater rating an interview once.
 * @example ratingsForTarget(parsed.ratings, 'overall', features.rows, 'ratings.csv')
 */
export function ratingsForTarget(
  records: readonly RatingRecord[],
  target: string,
  rows: readonly FeatureRow[],
  file: string,
): TargetRatings {
  const forTarget = records.filter((r) => r.target === target);
  if (forTarget.length === 0) {
    const targets = [...new Set(records.map((r) => r.target))].sort();
    throw new CandorError(
      'RATINGS_INVALID',
      `${file} has no ratings for target "${target}" (it rates: ${targets.join(', ') || 'nothing'})`,
      { file, target },
    );
  }
  const whole = forTarget.filter((r) => r.answer === null);
  if (whole.length === 0) {
    throw new CandorError(
      'RATINGS_INVALID',
      `${file}: every "${target}" rating is of one answer; training reads whole-interview ratings (answer left empty)`,
      { file, target },
    );
  }
  const first = whole[0]!;
  for (const r of whole) {
    if (r.scale.min !== first.scale.min || r.scale.max !== first.scale.max) {
      throw new CandorError(
        'RATINGS_INVALID',
        `${where(file, r)}: scale mismatch for "${target}": ${r.scale.min}-${r.scale.max} here, ` +
          `${first.scale.min}-${first.scale.max} at ${where(file, first)}; one target needs one scale`,
        { file, line: r.line, target },
      );
    }
  }
  const known = new Set(rows.filter((r) => r.answer === undefined).map((r) => r.interview));
  const byInterview = new Map<string, RatingRecord[]>();
  for (const r of whole) {
    if (!known.has(r.interview)) {
      throw new CandorError(
        'RATINGS_INVALID',
        `${where(file, r)}: interview "${r.interview}" is not in the features (no whole-interview row names it)`,
        { file, line: r.line, interview: r.interview },
      );
    }
    const list = byInterview.get(r.interview) ?? [];
    if (list.some((x) => x.rater === r.rater)) {
      throw new CandorError(
        'RATINGS_INVALID',
        `${where(file, r)}: rater "${r.rater}" rated interview "${r.interview}" on "${target}" twice`,
        { file, line: r.line, interview: r.interview, rater: r.rater },
      );
    }
    byInterview.set(r.interview, [...list, r]);
  }
  const ratings = [...byInterview].map(([interview, list]): InterviewRating => {
    const person = list.find((r) => r.person)?.person;
    return {
      interview,
      ...(person ? { person } : {}),
      value: list.reduce((s, r) => s + r.normalised, 0) / list.length,
      raters: list.length,
      scores: list.map((r) => ({ rater: r.rater, value: r.normalised })),
    };
  });
  return { scale: first.scale, ratings };
}
