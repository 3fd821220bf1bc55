/**
 * The raters' own agreement on a target: the ceiling a model trained on their mean can reach.
 * ICC(2,k) needs every rater to have rated every interview, so it is computed on the interviews
 * every rater rated; Krippendorff's alpha copes with raters who skipped interviews.
 */
import { iccTwoWayRandom, krippendorffAlphaInterval } from '../validation/index.js';
import { reasonOf } from './cross-validation.js';
import type { ModelValidation } from './model-file.js';

/** One rater's normalised (0–1) score of one interview. */
export interface RaterScore {
  readonly rater: string;
  readonly value: number;
}

export const ONE_RATER_REASON = 'one rater per interview: agreement cannot be computed';

/**
 * @example raterAgreement([{ scores: [{ rater: 'a', value: 0.5 }, { rater: 'b', value: 0.6 }] }, …]).iccK
 */
export function raterAgreement(
  ratings: readonly { readonly scores?: readonly RaterScore[] }[],
): NonNullable<ModelValidation['raterAgreement']> {
  const units = ratings
    .map((r) => r.scores ?? [])
    .filter((scores) => new Set(scores.map((s) => s.rater)).size >= 2);
  if (units.length === 0) return { iccK: null, alpha: null, reason: ONE_RATER_REASON };
  const raters = [...new Set(units.flatMap((scores) => scores.map((s) => s.rater)))].sort();
  const matrix = units.map((scores) =>
    raters.map((rater) => scores.find((s) => s.rater === rater)?.value ?? null),
  );
  const reasons: string[] = [];
  let alpha: number | null = null;
  try {
    alpha = krippendorffAlphaInterval(matrix);
  } catch (error) {
    reasons.push(reasonOf(error));
  }
  let iccK: number | null = null;
  const complete = matrix.filter((row): row is number[] => row.every((v) => v !== null));
  if (complete.length < 2) {
    reasons.push(
      `ICC(2,k) cannot be computed: it needs interviews that all ${raters.length} raters rated, and ${complete.length} are`,
    );
  } else {
    try {
      iccK = iccTwoWayRandom(complete).average;
      if (complete.length < matrix.length) {
        reasons.push(
          `ICC(2,k) is over the ${complete.length} of ${matrix.length} interviews that all ${raters.length} raters rated`,
        );
      }
    } catch (error) {
      reasons.push(reasonOf(error));
    }
  }
  return { iccK, alpha, ...(reasons.length > 0 ? { reason: reasons.join('; ') } : {}) };
}
