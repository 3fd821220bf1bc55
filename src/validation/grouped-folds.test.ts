import { describe, expect, it } from 'vitest';
import { CandorError } from '../core/index.js';
import { groupedHoldout, groupedKFold } from './grouped-folds.js';
import { seededRandom, shuffled } from './seeded-random.js';

/** 46 persons with 1 to 4 rows each, in interleaved order, like the MIT interviews. */
function persons(): string[] {
  const random = seededRandom(99);
  const rows = Array.from({ length: 46 }, (_, p) =>
    Array.from({ length: 1 + Math.floor(random() * 4) }, () => `person-${p}`),
  ).flat();
  return shuffled(rows, seededRandom(5));
}

function groupsOf(groups: readonly string[], rows: readonly number[]): Set<string> {
  return new Set(rows.map((row) => groups[row]!));
}

describe('groupedKFold', () => {
  const groups = persons();

  it.each([2, 5, 10, 46])('with k = %i never puts a person on both sides and tests every row once', (k) => {
    const folds = groupedKFold(groups, k, 1);
    expect(folds).toHaveLength(k);
    const tested = folds.flatMap((fold) => fold.test).sort((a, b) => a - b);
    expect(tested).toEqual(groups.map((_, row) => row));
    for (const fold of folds) {
      expect(fold.test.length).toBeGreaterThan(0);
      expect(fold.train.length + fold.test.length).toBe(groups.length);
      const trainGroups = groupsOf(groups, fold.train);
      for (const person of groupsOf(groups, fold.test)) expect(trainGroups.has(person)).toBe(false);
    }
  });

  it('balances folds by rows: sizes differ by at most the largest person', () => {
    const largest = Math.max(...[...new Set(groups)].map((g) => groups.filter((x) => x === g).length));
    const sizes = groupedKFold(groups, 5, 3).map((fold) => fold.test.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(largest);
  });

  it('is deterministic for a seed and changes with it', () => {
    expect(groupedKFold(groups, 5, 8)).toEqual(groupedKFold(groups, 5, 8));
    expect(groupedKFold(groups, 5, 8)).not.toEqual(groupedKFold(groups, 5, 9));
  });

  it('refuses more folds than persons, and fewer than 2 folds', () => {
    const tooMany = (): unknown => groupedKFold(['a', 'a', 'b', 'c'], 4, 1);
    expect(tooMany).toThrow(CandorError);
    expect(tooMany).toThrow(/cannot make 4 folds from 3 persons/);
    expect(() => groupedKFold(groups, 1, 1)).toThrow(/whole number of folds ≥ 2, got 1/);
    expect(() => groupedKFold(groups, 2.5, 1)).toThrow(/got 2.5/);
  });
});

describe('groupedHoldout', () => {
  const groups = persons();

  it('holds out about the asked share of rows, whole persons only', () => {
    const split = groupedHoldout(groups, 0.2, 4);
    const trainGroups = groupsOf(groups, split.train);
    for (const person of groupsOf(groups, split.test)) expect(trainGroups.has(person)).toBe(false);
    expect([...split.train, ...split.test].sort((a, b) => a - b)).toEqual(groups.map((_, row) => row));
    expect(split.test.length / groups.length).toBeGreaterThan(0.15);
    expect(split.test.length / groups.length).toBeLessThan(0.25);
    expect(groupedHoldout(groups, 0.2, 4)).toEqual(split);
  });

  it('keeps at least one person on each side, even for extreme shares', () => {
    const two = ['a', 'a', 'a', 'b'];
    for (const share of [0.01, 0.99]) {
      const split = groupedHoldout(two, share, 2);
      expect(split.test.length).toBeGreaterThan(0);
      expect(split.train.length).toBeGreaterThan(0);
    }
  });

  it('refuses one person and a share outside (0, 1)', () => {
    expect(() => groupedHoldout(['a', 'a'], 0.5, 1)).toThrow(/at least 2 persons, got 1/);
    expect(() => groupedHoldout(groups, 1, 1)).toThrow(/between 0 and 1, got 1/);
  });
});
