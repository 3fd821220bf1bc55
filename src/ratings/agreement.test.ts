import { describe, expect, it } from 'vitest';
import { agreementByTarget, type AgreementRating } from './agreement.js';

/** Shrout & Fleiss (1979), Table 2: 6 targets rated by 4 judges on 1–10. */
const SHROUT_FLEISS = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

/** Krippendorff (2011), the interval example: 4 observers, 12 units, null = not rated. */
const KRIPPENDORFF: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

/** Ratings of `target` from a items × raters matrix, normalised from the scale min–max. */
function ratingsOf(
  target: string,
  matrix: readonly (readonly (number | null)[])[],
  min: number,
  max: number,
) {
  return matrix.flatMap((row, item) =>
    row.flatMap((score, rater): AgreementRating[] =>
      score === null
        ? []
        : [
            {
              interviewId: `intv_${item}`,
              answer: null,
              rater: `rater-${rater}`,
              target,
              normalised: (score - min) / (max - min),
              scale: { min, max },
            },
          ],
    ),
  );
}

const transpose = (m: (number | null)[][]) => m[0]!.map((_, j) => m.map((row) => row[j]!));

describe('agreementByTarget', () => {
  it('gives the textbook ICC(2,1) = 0.29 and ICC(2,k) = 0.62 on normalised scores, and alpha beside them', () => {
    const [result] = agreementByTarget(ratingsOf('overall', SHROUT_FLEISS, 1, 10));
    expect(result).toMatchObject({
      target: 'overall',
      ratings: 24,
      raters: 4,
      items: 6,
      iccItems: 6,
      iccRaters: 4,
    });
    expect(result!.iccSingle).toBeCloseTo(0.29, 2);
    expect(result!.iccAverage).toBeCloseTo(0.62, 2);
    expect(result!.alpha).not.toBeNull();
    expect(result!.reason).toBeNull();
  });

  it("gives Krippendorff's worked example alpha = 0.849 with missing ratings, and ICC on the largest complete block", () => {
    const [result] = agreementByTarget(ratingsOf('excited', transpose(KRIPPENDORFF), 1, 5));
    expect(result!.alpha).toBeCloseTo(0.849, 3);
    // Unit 12 has one rating only: 11 items are rated by two or more.
    expect(result!.items).toBe(11);
    // B and D share units 1–10; with A, units 1–9 (27 ratings); with C too, units 2–9 (32).
    expect(result).toMatchObject({ iccRaters: 4, iccItems: 8 });
    expect(result!.iccAverage).not.toBeNull();
  });

  it('says in words why nothing is computed with one rater, or fewer than 2 items rated by two raters', () => {
    const one = agreementByTarget(ratingsOf('overall', [[3], [4], [5]], 1, 5));
    expect(one[0]).toMatchObject({ raters: 1, iccSingle: null, iccAverage: null, alpha: null });
    expect(one[0]!.reason).toBe(
      'only one rater (rater-0) rated "overall"; agreement needs two or more raters of the same items',
    );
    const sparse = agreementByTarget(
      ratingsOf(
        'overall',
        [
          [3, 4],
          [5, null],
          [null, 2],
        ],
        1,
        5,
      ),
    );
    expect(sparse[0]).toMatchObject({ raters: 2, items: 1, alpha: null, iccAverage: null });
    expect(sparse[0]!.reason).toBe(
      '1 item was rated by two or more raters; agreement needs at least 2 such items',
    );
  });

  it('keeps targets apart and treats each answer as its own item', () => {
    const ratings: AgreementRating[] = [1, 2].flatMap((answer) =>
      ['a', 'b'].map((rater) => ({
        interviewId: 'intv_1',
        answer,
        rater,
        target: 'clarity',
        normalised: answer === 1 ? 0.25 : rater === 'a' ? 0.75 : 1,
      })),
    );
    const [clarity, overall] = agreementByTarget([
      ...ratings,
      { interviewId: 'intv_1', answer: null, rater: 'a', target: 'overall', normalised: 1 },
    ]);
    expect(clarity).toMatchObject({ target: 'clarity', items: 2, ratings: 4, raters: 2 });
    expect(clarity!.alpha).not.toBeNull();
    expect(overall).toMatchObject({ target: 'overall', items: 0, alpha: null });
  });
});
