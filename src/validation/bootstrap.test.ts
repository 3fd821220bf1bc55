import { describe, expect, it } from 'vitest';
import { bootstrapPearsonInterval } from './bootstrap.js';
import { pearson } from './correlation.js';
import { seededRandom } from './seeded-random.js';

/** 60 rows from 20 persons (3 each) with a true correlation around 0.6. */
function sample(seed: number) {
  const random = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const x: number[] = [];
  const y: number[] = [];
  const persons: string[] = [];
  for (let p = 0; p < 20; p++) {
    const personEffect = normal();
    for (let j = 0; j < 3; j++) {
      const xi = personEffect + 0.5 * normal();
      x.push(xi);
      y.push(0.8 * xi + normal());
      persons.push(`person-${p}`);
    }
  }
  return { x, y, persons };
}

describe('bootstrapPearsonInterval', () => {
  const { x, y, persons } = sample(1);

  it('brackets r and is reproducible: same seed, same interval', () => {
    const a = bootstrapPearsonInterval(x, y, { seed: 11 });
    const b = bootstrapPearsonInterval(x, y, { seed: 11 });
    expect(a).toEqual(b);
    expect(a.r).toBeCloseTo(pearson(x, y), 12);
    expect(a.lower).toBeLessThan(a.r);
    expect(a.upper).toBeGreaterThan(a.r);
    expect(a.level).toBe(0.95);
    expect(a.resamples + a.skipped).toBe(2000);
    const c = bootstrapPearsonInterval(x, y, { seed: 12 });
    expect(c.lower).not.toBe(a.lower);
  });

  it('is wider at a higher level', () => {
    const i90 = bootstrapPearsonInterval(x, y, { seed: 3, level: 0.9 });
    const i99 = bootstrapPearsonInterval(x, y, { seed: 3, level: 0.99 });
    expect(i99.upper - i99.lower).toBeGreaterThan(i90.upper - i90.lower);
  });

  it('resamples whole persons when a group key is given', () => {
    // Each person's row appears three times. Resampling persons must then behave exactly like
    // resampling the 20 distinct rows (r is unchanged by repeating every row), while resampling
    // the 60 rows as if independent gives a falsely narrow interval.
    const distinct = { x: x.filter((_, i) => i % 3 === 0), y: y.filter((_, i) => i % 3 === 0) };
    const tripled = {
      x: distinct.x.flatMap((v) => [v, v, v]),
      y: distinct.y.flatMap((v) => [v, v, v]),
      persons: distinct.x.flatMap((_, p) => [`p${p}`, `p${p}`, `p${p}`]),
    };
    const truth = bootstrapPearsonInterval(distinct.x, distinct.y, { seed: 5 });
    const byPerson = bootstrapPearsonInterval(tripled.x, tripled.y, { seed: 5, groups: tripled.persons });
    const byRow = bootstrapPearsonInterval(tripled.x, tripled.y, { seed: 5 });
    expect(byPerson.lower).toBeCloseTo(truth.lower, 10);
    expect(byPerson.upper).toBeCloseTo(truth.upper, 10);
    expect(byRow.upper - byRow.lower).toBeLessThan(byPerson.upper - byPerson.lower);
  });

  it('says what is wrong with its input', () => {
    expect(() => bootstrapPearsonInterval(x, y, { seed: 1, groups: ['a'] })).toThrow(
      /bootstrap interval cannot be computed: 1 group keys for 60 pairs/,
    );
    expect(() =>
      bootstrapPearsonInterval(x, y, { seed: 1, groups: persons.map(() => 'one person') }),
    ).toThrow(/at least 3 groups to resample, got 1/);
    expect(() => bootstrapPearsonInterval(x, y, { seed: 1, level: 1.5 })).toThrow(
      /level must be between 0 and 1/,
    );
    expect(() => bootstrapPearsonInterval(x, y, { seed: 1, resamples: 10 })).toThrow(
      /at least 100 resamples/,
    );
  });
});
