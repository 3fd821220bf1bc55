import { describe, expect, it } from 'vitest';
import { seededRandom, shuffled } from './seeded-random.js';

describe('seededRandom', () => {
  it('repeats for a seed, differs between seeds, and stays in [0, 1)', () => {
    const a = Array.from({ length: 1000 }, seededRandom(42));
    expect(Array.from({ length: 1000 }, seededRandom(42))).toEqual(a);
    expect(Array.from({ length: 1000 }, seededRandom(43))).not.toEqual(a);
    expect(a.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('shuffles a copy, keeping every item', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    const once = shuffled(items, seededRandom(7));
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect([...once].sort()).toEqual(items);
    expect(shuffled(items, seededRandom(7))).toEqual(once);
  });
});
