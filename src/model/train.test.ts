import { describe, expect, it } from 'vitest';
import { loadFramework } from '../assessment/index.js';
import { SIGNAL_CATALOGUE } from '../analysis/index.js';
import { CandorError } from '../core/index.js';
import { holdoutValidation, nestedCrossValidation } from './cross-validation.js';
import { directionsFromFramework } from './directions.js';
import { predict } from './model-file.js';
import { fitElasticNet, type Design } from './solver.js';
import { plantedData } from './synthetic-data.js';
import { trainModel, type TrainInput } from './train.js';

const scale = { min: 1, max: 7 };

function asDesign(
  data: ReturnType<typeof plantedData>,
  columns: string[],
): { design: Design; persons: string[] } {
  return {
    design: {
      columns,
      values: data.rows.map((r) => columns.map((c) => r.values[c] ?? null)),
      target: data.ratings.map((r) => r.value),
    },
    persons: data.rows.map((r) => r.person),
  };
}

function thrown(run: () => unknown): CandorError {
  try {
    run();
  } catch (error) {
    if (error instanceof CandorError) return error;
    throw error;
  }
  throw new Error('expected a CandorError');
}

describe('trainModel', () => {
  it('recovers the weights of a planted linear truth and validates it blind', () => {
    const data = plantedData({
      people: 100,
      weights: { a: 0.08, b: -0.05, c: 0.03, d: 0 },
      noise: 0.02,
      seed: 3,
    });
    const model = trainModel({ ...data, target: 'overall', scale, options: { seed: 1 } });
    const weight = (s: string) => model.features.find((f) => f.signal === s)!.weight;
    expect(weight('a')).toBeCloseTo(0.08, 2);
    expect(weight('b')).toBeCloseTo(-0.05, 2);
    expect(weight('c')).toBeCloseTo(0.03, 2);
    expect(Math.abs(weight('d'))).toBeLessThan(0.01);
    // The features are on their own scale (mean 10, sd 3); the file records it for scoring.
    expect(model.features.find((f) => f.signal === 'a')!.mean).toBeCloseTo(10, 0);
    expect(model.features.find((f) => f.signal === 'a')!.sd).toBeCloseTo(3, 0);
    expect(model.validation.crossValidated.r).toBeGreaterThan(0.9);
    expect(model.validation.crossValidated.n).toBe(200);
    expect(model.validation.crossValidated.people).toBe(100);
    expect(model.validation.holdout!.r).toBeGreaterThan(0.9);
    expect(model.validation.passes).toBe(true);
    expect(model.validation.verdict).toMatch(
      /^passes: cross-validated r = 0\.9\d \(95% CI 0\.\d\d to 0\.\d\d\) is at or above 0\.6$/,
    );
    // The pooled out-of-fold points are on the ratings' scale, one per rated interview.
    expect(model.validation.points).toHaveLength(200);
    expect(
      model.validation.points!.every(
        (p) => p.rated >= 1 && p.rated <= 7 && p.predicted >= 1 && p.predicted <= 7,
      ),
    ).toBe(true);
    expect(model.validation.foldPenalties).toHaveLength(5);
    // A model file's prediction of a training row matches the planted truth closely.
    const row = data.rows[0]!;
    expect(predict(model, row.values).normalised).toBeCloseTo(data.ratings[0]!.value, 1);
  });

  it('is deterministic: the same data and seed give the same file', () => {
    const data = plantedData({ people: 30, weights: { a: 0.08, b: 0.02 }, noise: 0.05, seed: 4 });
    const input: TrainInput = {
      ...data,
      target: 'overall',
      scale,
      options: { createdAt: 'fixed', method: 'elastic-net' },
    };
    expect(trainModel(input)).toEqual(trainModel(input));
  });

  it('never gives a weight the sign its framework direction forbids, even when the data say so', () => {
    const data = plantedData({ people: 60, weights: { good: 0.08, bad: -0.06 }, noise: 0.02, seed: 5 });
    const { design } = asDesign(data, ['good', 'bad']);
    const free = fitElasticNet(design, { alpha: 0.001, l1Ratio: 0 });
    expect(free.features.find((f) => f.signal === 'bad')!.weight).toBeLessThan(-0.04);
    for (const l1Ratio of [0, 0.5, 1]) {
      const bound = fitElasticNet(design, {
        alpha: 0.001,
        l1Ratio,
        directions: { bad: 'higher', good: 'lower' },
      });
      for (const f of bound.features) {
        expect(f.direction).toBeDefined();
        expect(f.weight).toBe(0);
      }
    }
    const model = trainModel({ ...data, target: 'overall', scale, directions: { bad: 'higher' } });
    const bad = model.features.find((f) => f.signal === 'bad')!;
    expect(bad).toMatchObject({ direction: 'higher', weight: 0 });
    expect(model.features.find((f) => f.signal === 'good')!.weight).toBeGreaterThan(0.06);
  });

  it('keeps a constrained weight at its bound when correlated features would flip it', () => {
    // y rises with x1 only; x2 is x1 plus noise. Ridge on both may give x2 a small negative weight.
    const n = 80;
    const x1 = Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) * 3 + 10);
    const x2 = x1.map((v, i) => v + Math.cos(i * 2.3) * 0.5);
    const target = x1.map((v, i) => 0.5 + 0.05 * (v - 10) - 0.04 * (x2[i]! - x1[i]!) * 2);
    const design: Design = { columns: ['x1', 'x2'], values: x1.map((v, i) => [v, x2[i]!]), target };
    const free = fitElasticNet(design, { alpha: 0.0001, l1Ratio: 0 });
    expect(free.features[1]!.weight).toBeLessThan(0);
    const bound = fitElasticNet(design, { alpha: 0.0001, l1Ratio: 0, directions: { x2: 'higher' } });
    expect(bound.features[1]!.weight).toBe(0);
    expect(bound.features[0]!.weight).toBeGreaterThan(0);
  });

  it('drops a constant or never-measured column with a note, and imputes missing values to the mean', () => {
    const data = plantedData({ people: 20, weights: { a: 0.1 }, noise: 0.02, seed: 6 });
    const rows = data.rows.map((r, i) => ({
      ...r,
      values: { ...r.values, flat: 4, a: i % 7 === 0 ? null : r.values.a! },
    }));
    const model = trainModel({ rows, ratings: data.ratings, target: 'overall', scale });
    expect(model.features.map((f) => f.signal)).toEqual(['a']);
    expect(model.validation.notes).toContain('flat left out: the same value in every training row');
    expect(predict(model, { a: null }).normalised).toBeCloseTo(model.intercept, 10);
  });
});

describe('blind validation splits', () => {
  const data = plantedData({
    people: 40,
    interviewsPerPerson: 3,
    weights: { a: 0.08 },
    noise: 0.05,
    seed: 8,
  });
  const { design, persons } = asDesign(data, ['a']);
  const options = { l1Ratio: 0, innerFolds: 5, seed: 1 };
  const people = (rows: readonly number[]) => new Set(rows.map((i) => persons[i]!));
  const shared = (a: readonly number[], b: readonly number[]) =>
    [...people(a)].filter((p) => people(b).has(p));

  it('never tests an outer fold, or an inner fold, on a person it trained on', () => {
    const result = nestedCrossValidation(design, persons, 5, options);
    expect(result.folds).toHaveLength(5);
    expect(result.folds.flatMap((f) => f.split.test).sort((a, b) => a - b)).toEqual(persons.map((_, i) => i));
    for (const fold of result.folds) {
      expect(shared(fold.split.train, fold.split.test)).toEqual([]);
      expect(fold.innerSplits).toHaveLength(5);
      const outerTrain = new Set(fold.split.train);
      for (const inner of fold.innerSplits) {
        // The penalty is chosen inside the outer training part: no outer test row is ever seen.
        expect([...inner.train, ...inner.test].every((i) => outerTrain.has(i))).toBe(true);
        expect(shared(inner.train, inner.test)).toEqual([]);
      }
    }
  });

  it('holds out about a fifth of the people, none of them in training or penalty choice', () => {
    const holdout = holdoutValidation(design, persons, 0.2, options);
    expect(shared(holdout.split.train, holdout.split.test)).toEqual([]);
    expect(people(holdout.split.test).size).toBe(8);
    const train = new Set(holdout.split.train);
    expect(holdout.innerSplits.every((s) => [...s.train, ...s.test].every((i) => train.has(i)))).toBe(true);
    expect(holdout.predicted).toHaveLength(holdout.split.test.length);
  });

  it('finds nothing in pure noise: cross-validated r stays near 0', () => {
    // 30 noise columns, a strong per-person effect: a leak of people or of the penalty choice
    // across folds would show up as a high r here.
    const noise = plantedData({
      people: 40,
      weights: {},
      noiseColumns: 30,
      personEffect: 0.15,
      noise: 0.05,
      seed: 9,
    });
    const model = trainModel({ ...noise, target: 'overall', scale, options: { method: 'elastic-net' } });
    // Not high. (It leans negative: a fold's held-out people sit on the other side of the mean
    // from the people it was fitted on, a known property of cross-validating a near-constant model.)
    expect(model.validation.crossValidated.r).toBeLessThan(0.2);
    expect(model.validation.crossValidated.ci[0]).toBeLessThan(0);
    expect(model.validation.passes).toBe(false);
    expect(model.validation.verdict).toMatch(
      /^does not pass: cross-validated r = -?0\.\d\d .* is below 0\.6$/,
    );
  });
});

describe('baselines and agreement', () => {
  it('puts the expert score, word count and the raters beside the model, in the same folds', () => {
    const data = plantedData({
      people: 40,
      weights: { totalWords: 0.05, b: 0.05 },
      noise: 0.03,
      raters: 3,
      raterNoise: 0.05,
      seed: 10,
    });
    const rows = data.rows.map((r, i) => ({
      ...r,
      values: { ...r.values, 'expert:overall': 100 * data.ratings[i]!.value + (i % 5) * 4 },
    }));
    const model = trainModel({ rows, ratings: data.ratings, target: 'overall', scale });
    // The expert score is a baseline, never an input.
    expect(model.features.map((f) => f.signal).sort()).toEqual(['b', 'totalWords']);
    const [expert, words] = model.validation.baselines;
    expect(expert!.name).toMatch(/^expert framework \(expert:overall/);
    expect(expert!.figures!.r).toBeGreaterThan(0.8);
    expect(words!.figures!.r).toBeGreaterThan(0.4);
    expect(words!.figures!.r).toBeLessThan(model.validation.crossValidated.r);
    expect(model.validation.raterAgreement!.iccK).toBeGreaterThan(0.5);
    expect(model.validation.raterAgreement!.alpha).toBeGreaterThan(0.3);
    expect(model.training.raters).toBe(3);
  });

  it('says why a baseline or the raters cannot be compared', () => {
    const data = plantedData({ people: 12, weights: { a: 0.1 }, noise: 0.02, seed: 11 });
    const model = trainModel({ ...data, target: 'excited', scale });
    expect(model.validation.baselines).toEqual([
      {
        name: 'expert framework (expert:excited, untrained)',
        figures: null,
        reason: 'the features have no expert:excited column (or it is empty), so it cannot be compared',
      },
      {
        name: 'word count alone (totalWords, same nested CV)',
        figures: null,
        reason: 'the features have no totalWords column',
      },
    ]);
    expect(model.validation.raterAgreement).toEqual({
      iccK: null,
      alpha: null,
      reason: 'one rater per interview: agreement cannot be computed',
    });
  });
});

describe('refusals', () => {
  it('refuses a demographic column, naming it', () => {
    const data = plantedData({ people: 20, weights: { a: 0.1 }, seed: 12 });
    const rows = data.rows.map((r) => ({ ...r, values: { ...r.values, Gender: 1 } }));
    const error = thrown(() => trainModel({ rows, ratings: data.ratings, target: 'overall', scale }));
    expect(error.code).toBe('FEATURES_INVALID');
    expect(error.message).toBe(
      'column "Gender" is a demographic field and can never be a model input: remove it from the features',
    );
    expect(
      thrown(() => trainModel({ ...data, signals: ['a', 'age_band'], target: 'overall', scale })).message,
    ).toMatch(/"age_band" is a demographic field/);
  });

  it('refuses the expert score or an unknown column as an input', () => {
    const data = plantedData({ people: 20, weights: { a: 0.1 }, seed: 13 });
    expect(
      thrown(() => trainModel({ ...data, signals: ['expert:overall'], target: 'overall', scale })).code,
    ).toBe('MODEL_INVALID');
    expect(
      thrown(() => trainModel({ ...data, signals: ['a', 'zz'], target: 'overall', scale })).message,
    ).toBe('the features have no column "zz"');
  });

  it('says exactly what it cannot compute with too few ratings or people', () => {
    const few = plantedData({ people: 4, weights: { a: 0.1 }, seed: 14 });
    const error = thrown(() => trainModel({ ...few, target: 'overall', scale }));
    expect(error.code).toBe('RATINGS_INVALID');
    expect(error.message).toBe(
      'target overall: 8 rated interviews from 4 people; blind validation needs at least 10 rated interviews and ' +
        'at least 10 people (2 per fold × 5 folds), so cross-validated r, its interval, the holdout and the ' +
        'baselines cannot be computed and no model is trained',
    );
    const sameFew = plantedData({ people: 8, interviewsPerPerson: 3, weights: { a: 0.1 }, seed: 14 });
    expect(thrown(() => trainModel({ ...sameFew, target: 'overall', scale })).message).toMatch(
      /^target overall: 24 rated interviews from 8 people; blind validation needs at least 10 people \(2 per fold × 5 folds\)/,
    );
    // Fewer folds need fewer people.
    expect(
      trainModel({ ...sameFew, target: 'overall', scale, options: { folds: 4 } }).validation.crossValidated
        .people,
    ).toBe(8);
  });

  it('refuses ratings for an interview the features do not have', () => {
    const data = plantedData({ people: 20, weights: { a: 0.1 }, seed: 15 });
    const ratings = [...data.ratings, { interview: 'ghost.txt', value: 0.5, raters: 1 }];
    const error = thrown(() => trainModel({ rows: data.rows, ratings, target: 'overall', scale }));
    expect(error.code).toBe('RATINGS_INVALID');
    expect(error.message).toMatch(/"ghost\.txt"/);
  });
});

describe('directionsFromFramework', () => {
  it('reads the direction each rule of the default framework states, and none for ranges or conflicts', () => {
    const known = new Set(SIGNAL_CATALOGUE.map((d) => d.id));
    const directions = directionsFromFramework(loadFramework('default', known));
    expect(directions).toMatchObject({
      questionRelevance: 'higher',
      specificityPer100: 'higher',
      fillerWordsPer100: 'lower',
      hedgesPer100: 'lower',
    });
    expect(directions.wordCount).toBeUndefined();
    expect(directions.meanSentenceLength).toBeUndefined();
    const mixed = loadFramework('default', known);
    const conflicting = {
      ...mixed,
      competencies: [
        ...mixed.competencies,
        {
          ...mixed.competencies[0]!,
          id: 'extra',
          behaviours: [
            {
              id: 'x',
              description: 'fewer specifics',
              signals: [
                {
                  signal: 'specificityPer100',
                  weight: 1,
                  target: { max: 2 },
                  zeroAt: { max: 5 },
                  advice: 'less',
                },
              ],
            },
          ],
        },
      ],
    };
    expect(directionsFromFramework(conflicting).specificityPer100).toBeUndefined();
  });
});
