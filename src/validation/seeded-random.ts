/**
 * A small seeded pseudo-random generator so that bootstrap intervals and fold splits are
 * reproducible: the same seed gives the same numbers on every machine.
 */

/** A function returning numbers in [0, 1), like `Math.random`, but seeded. */
export type Random = () => number;

/**
 * Mulberry32 (Tommy Ettinger, public domain): 32-bit state, passes BigCrush's gap tests,
 * plenty for resampling. The seed is taken modulo 2³².
 *
 * @example const random = seededRandom(42); random(); // same value every run
 */
export function seededRandom(seed: number): Random {
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, max). */
export function randomIndex(random: Random, max: number): number {
  return Math.floor(random() * max);
}

/**
 * A shuffled copy (Fisher–Yates); the input is not changed.
 *
 * @example shuffled(['a', 'b', 'c'], seededRandom(1))
 */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomIndex(random, i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
