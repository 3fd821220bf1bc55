/**
 * Splits for blind validation, grouped by person: all rows of one person (their interviews,
 * their answers) land on the same side, so a model is never tested on someone it trained on.
 */
import { CandorError } from '../core/index.js';
import { seededRandom, shuffled } from './seeded-random.js';

/** Row indices into the data that was split. */
export interface Split {
  readonly train: readonly number[];
  readonly test: readonly number[];
}

function rowsByGroup(groups: readonly string[]): Map<string, number[]> {
  const byGroup = new Map<string, number[]>();
  groups.forEach((group, row) => {
    const rows = byGroup.get(group);
    if (rows) rows.push(row);
    else byGroup.set(group, [row]);
  });
  return byGroup;
}

function complement(rowCount: number, test: readonly number[]): number[] {
  const inTest = new Set(test);
  return Array.from({ length: rowCount }, (_, row) => row).filter((row) => !inTest.has(row));
}

/**
 * Grouped k-fold cross-validation: `groups[i]` is the person of row i. Groups are shuffled with
 * the seed, then placed largest first into the fold with the fewest rows so far, which keeps the
 * folds' row counts close. Every row is tested exactly once; the same seed gives the same folds.
 *
 * @example groupedKFold(['ann', 'ann', 'bob', 'cy', 'cy', 'dee'], 3, 1) // 3 splits, ann never on both sides
 */
export function groupedKFold(groups: readonly string[], k: number, seed: number): Split[] {
  const byGroup = rowsByGroup(groups);
  if (!Number.isInteger(k) || k < 2) {
    throw new CandorError('VALIDATION_FAILED', `grouped k-fold needs a whole number of folds ≥ 2, got ${k}`, {
      folds: k,
    });
  }
  if (k > byGroup.size) {
    throw new CandorError(
      'VALIDATION_FAILED',
      `grouped k-fold cannot make ${k} folds from ${byGroup.size} persons: each fold needs at least one person`,
      { folds: k, groups: byGroup.size },
    );
  }
  // Shuffle first so that equal-sized groups are placed in a seeded, not alphabetical, order;
  // the sort is stable, so the shuffle decides among ties.
  const order = shuffled([...byGroup.values()], seededRandom(seed)).sort((a, b) => b.length - a.length);
  const folds: number[][] = Array.from({ length: k }, () => []);
  for (const rows of order) {
    const smallest = folds.reduce((best, fold, i) => (fold.length < folds[best]!.length ? i : best), 0);
    folds[smallest]!.push(...rows);
  }
  return folds.map((fold) => {
    const test = [...fold].sort((a, b) => a - b);
    return { train: complement(groups.length, test), test };
  });
}

/**
 * A single holdout by person: whole groups, in seeded order, go to the test side until it holds
 * about `testShare` of the rows (at least one group on each side).
 *
 * @example groupedHoldout(personIds, 0.2, 7) // ~20% of rows, no person on both sides
 */
export function groupedHoldout(groups: readonly string[], testShare: number, seed: number): Split {
  const byGroup = rowsByGroup(groups);
  if (!(testShare > 0 && testShare < 1)) {
    throw new CandorError('VALIDATION_FAILED', `holdout share must be between 0 and 1, got ${testShare}`, {
      testShare,
    });
  }
  if (byGroup.size < 2) {
    throw new CandorError(
      'VALIDATION_FAILED',
      `a holdout by person needs at least 2 persons, got ${byGroup.size}`,
      { groups: byGroup.size },
    );
  }
  const target = testShare * groups.length;
  const order = shuffled([...byGroup.values()], seededRandom(seed));
  const test: number[] = [];
  for (const rows of order.slice(0, -1)) {
    // Take the next person if that brings the test side closer to the target share.
    const closer = Math.abs(test.length + rows.length - target) < Math.abs(test.length - target);
    if (test.length > 0 && !closer) break;
    test.push(...rows);
  }
  test.sort((a, b) => a - b);
  return { train: complement(groups.length, test), test };
}
