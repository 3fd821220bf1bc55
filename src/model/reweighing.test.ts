import { describe, expect, it } from 'vitest';
import { CandorError } from '../core/index.js';
import { nestedCrossValidation } from './cross-validation.js';
import { renderMitigation, trainWithReweighing } from './mitigation.js';
import { reweighingWeights } from './reweighing.js';
import { fitElasticNet, type Design } from './solver.js';
import { plantedBiasData, plantedData } from './synthetic-data.js';
import type { TrainInput } from './train.js';

describe('reweighingWeights (Kamiran & Calders 2012)', () => {
  it('gives P(g)·P(y)/P(g,y), y = above the median, and weight 1 to unknown groups', () => {
    // median 0.5; group a: 3 above, 1 not; group b: 1 above, 3 not; P(g) = P(y) = 1/2.
    const groups = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', null];
    const target = [0.9, 0.8, 0.7, 0.1, 0.6, 0.2, 0.3, 0.4, 0.99];
    const w = reweighingWeights(groups, target);
    // a·above: (1/2 · 1/2) / (3/8) = 2/3; a·not: (1/4)/(1/8) = 2; b mirrors a.
    expect(w.map((x) => Number(x.toFixed(6)))).toEqual([
      0.666667, 0.666667, 0.666667, 2, 2, 0.666667, 0.666667, 0.666667, 1,
    ]);
    // In the weighted data, the label no longer depends on the group: each group is half above.
    const aboveA = w[0]! + w[1]! + w[2]!;
    expect(aboveA / (aboveA + w[3]!)).toBeCloseTo(0.5, 12);
  });

  it('refuses groups and targets of different lengths', () => {
    expect(() => reweighingWeights(['a'], [0.1, 0.2])).toThrow(CandorError);
  });
});

describe('weighted fit', () => {
  const data = plantedData({ people: 40, weights: { a: 0.1, b: -0.05 }, noiseColumns: 2, noise: 0.05 });
  const columns = ['a', 'b', 'noise1', 'noise2'];
  const design: Design = {
    columns,
    values: data.rows.map((r) => columns.map((c) => r.values[c] ?? null)),
    target: data.ratings.map((r) => r.value),
  };

  it('weights of 1 give exactly the unweighted fit, and the same cross-validated predictions', () => {
    const ones = { ...design, weights: design.target.map(() => 1) };
    for (const l1Ratio of [0, 0.5]) {
      expect(fitElasticNet(ones, { alpha: 0.001, l1Ratio })).toEqual(
        fitElasticNet(design, { alpha: 0.001, l1Ratio }),
      );
    }
    const persons = data.rows.map((r) => r.person);
    const options = { l1Ratio: 0, innerFolds: 3, seed: 1 };
    expect(nestedCrossValidation(ones, persons, 4, options).predicted).toEqual(
      nestedCrossValidation(design, persons, 4, options).predicted,
    );
  });

  it('a weight of 2 is a row given twice', () => {
    const weights = design.target.map((_, i) => (i % 3 === 0 ? 2 : 1));
    const doubled: Design = {
      columns,
      values: design.values.flatMap((row, i) => (i % 3 === 0 ? [row, row] : [row])),
      target: design.target.flatMap((v, i) => (i % 3 === 0 ? [v, v] : [v])),
    };
    const a = fitElasticNet({ ...design, weights }, { alpha: 0.001, l1Ratio: 0 });
    const b = fitElasticNet(doubled, { alpha: 0.001, l1Ratio: 0 });
    a.features.forEach((f, j) => expect(f.weight).toBeCloseTo(b.features[j]!.weight, 10));
    expect(a.intercept).toBeCloseTo(b.intercept, 12);
  });

  it('refuses negative or all-zero weights', () => {
    expect(() =>
      fitElasticNet({ ...design, weights: design.target.map(() => -1) }, { alpha: 0.01, l1Ratio: 0 }),
    ).toThrow(/instance weights/);
    expect(() =>
      fitElasticNet({ ...design, weights: design.target.map(() => 0) }, { alpha: 0.01, l1Ratio: 0 }),
    ).toThrow(/every weight is 0/);
  });
});

describe('trainWithReweighing on planted bias', () => {
  // Raters mark group b (male) 0.15 lower, and `pace` is 1.5 sd higher in group b: a model trained
  // on these ratings learns pace as a proxy and scores group b lower.
  const data = plantedBiasData({ people: 120, seed: 2 });
  const input: TrainInput = {
    rows: data.rows,
    ratings: data.ratings,
    target: 'overall',
    scale: { min: 0, max: 1 },
    options: { createdAt: '2026-01-01T00:00:00.000Z' },
  };
  const { model, plain, comparison } = trainWithReweighing(input, 'sex', data.demographics);

  it('reduces the gap (impact ratio closer to 1) and shows the change in r', () => {
    const before = comparison.before.groups.find((g) => g.group === 'male')!;
    const after = comparison.after.groups.find((g) => g.group === 'male')!;
    expect(comparison.before.lowestImpactRatio).toBeCloseTo(0.6, 6);
    expect(comparison.after.lowestImpactRatio).toBeCloseTo(0.667, 3);
    expect(after.impactRatio!).toBeGreaterThan(before.impactRatio!);
    const gap = (s: typeof comparison.before) => s.groups[0]!.meanPredicted - s.groups[1]!.meanPredicted;
    expect(gap(comparison.after)).toBeLessThan(gap(comparison.before) * 0.85);
    // The proxy's weight shrinks; the cost in validity is shown, and here small.
    const pace = (m: typeof model) => m.features.find((f) => f.signal === 'pace')!.weight;
    expect(Math.abs(pace(model))).toBeLessThan(Math.abs(pace(plain)));
    expect(comparison.before.crossValidated.r).toBeCloseTo(0.782, 3);
    expect(comparison.after.crossValidated.r).toBeCloseTo(0.78, 3);
    const text = renderMitigation(comparison, 'text');
    expect(text).toContain('cross-validated r [95% CI]');
    expect(text).toMatch(/0\.78 \[[0-9.]+, [0-9.]+\]\s+0\.78 \[/);
    expect(text).toMatch(
      /male \(n=120\): scoring rate, impact ratio\s+37\.5%, 0\.600\s+40\.0%, 0\.667\s+\+0\.067/,
    );
    expect(renderMitigation(comparison, 'markdown')).toContain(
      '| lowest impact ratio (scoring) | 0.600 | 0.667 | +0.067 |',
    );
  });

  it('records re-weighing and its attribute in the model file, and no demographic value', () => {
    const file = JSON.stringify(model);
    expect(model.validation.method).toContain('re-weighing on sex');
    expect(model.validation.notes).toContain(
      're-weighing on sex: cross-validated r 0.782 without it, 0.780 with it; lowest scoring impact ratio 0.600 without it, 0.667 with it',
    );
    for (const value of ['female', 'male', 'declined']) expect(file).not.toContain(value);
    expect(model.features.map((f) => f.signal).sort()).toEqual(['pace', 'skill']);
  });

  it('refuses an unknown attribute and a single known group', () => {
    expect(() => trainWithReweighing(input, 'religion', data.demographics)).toThrow(
      /--reweigh: expected one of sex/,
    );
    const one = new Map([...data.demographics].map(([p, d]) => [p, { ...d, sex: 'female' }]));
    expect(() => trainWithReweighing(input, 'sex', one)).toThrow(/1 known group; it needs at least two/);
  });
});
