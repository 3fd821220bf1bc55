/**
 * Percentile bootstrap interval for Pearson r (Efron & Tibshirani 1993, ch. 13), resampling
 * units, or whole persons when a group key is given (ratings of one person are not independent,
 * so resampling their rows separately would make the interval too narrow).
 */
import { CandorError } from '../core/index.js';
import { pearson } from './correlation.js';
import { randomIndex, seededRandom } from './seeded-random.js';

export interface BootstrapOptions {
  /** Same seed, same interval. */
  readonly seed: number;
  /** Number of resamples; 2000 unless given. */
  readonly resamples?: number;
  /** Coverage of the interval; 0.95 unless given. */
  readonly level?: number;
  /** One key per pair (a person id): whole groups are resampled together. */
  readonly groups?: readonly string[];
}

export interface BootstrapInterval {
  /** Pearson r on the data as given. */
  readonly r: number;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  /** Resamples whose r was defined (a resample with no variance is skipped). */
  readonly resamples: number;
  readonly skipped: number;
}

/** Quantile by linear interpolation between order statistics (Hyndman & Fan type 7). */
function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}

function clusters(length: number, groups: readonly string[] | undefined): number[][] {
  if (!groups) return Array.from({ length }, (_, i) => [i]);
  if (groups.length !== length) {
    throw new CandorError(
      'VALIDATION_FAILED',
      `bootstrap interval cannot be computed: ${groups.length} group keys for ${length} pairs`,
      { statistic: 'bootstrap interval' },
    );
  }
  const byGroup = new Map<string, number[]>();
  groups.forEach((group, i) => byGroup.set(group, [...(byGroup.get(group) ?? []), i]));
  return [...byGroup.values()];
}

/**
 * 95% (or `level`) percentile bootstrap interval for Pearson r.
 *
 * @example bootstrapPearsonInterval(predicted, rated, { seed: 7, groups: personIds })
 */
export function bootstrapPearsonInterval(
  x: readonly number[],
  y: readonly number[],
  options: BootstrapOptions,
): BootstrapInterval {
  const level = options.level ?? 0.95;
  const resamples = options.resamples ?? 2000;
  const fail = (reason: string): CandorError =>
    new CandorError('VALIDATION_FAILED', `bootstrap interval cannot be computed: ${reason}`, {
      statistic: 'bootstrap interval',
    });
  if (!(level > 0 && level < 1)) throw fail(`level must be between 0 and 1, got ${level}`);
  if (!Number.isInteger(resamples) || resamples < 100) {
    throw fail(`needs at least 100 resamples, got ${resamples}`);
  }
  const r = pearson(x, y);
  const units = clusters(x.length, options.groups);
  if (units.length < 3) throw fail(`needs at least 3 groups to resample, got ${units.length}`);

  const random = seededRandom(options.seed);
  const estimates: number[] = [];
  for (let b = 0; b < resamples; b++) {
    const rows = Array.from({ length: units.length }, () => units[randomIndex(random, units.length)]!).flat();
    try {
      estimates.push(
        pearson(
          rows.map((i) => x[i]!),
          rows.map((i) => y[i]!),
        ),
      );
    } catch (error) {
      if (!(error instanceof CandorError)) throw error;
    }
  }
  const skipped = resamples - estimates.length;
  if (estimates.length < resamples / 2) {
    throw fail(`r was undefined (no variance) in ${skipped} of ${resamples} resamples`);
  }
  estimates.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return {
    r,
    lower: quantile(estimates, tail),
    upper: quantile(estimates, 1 - tail),
    level,
    resamples: estimates.length,
    skipped,
  };
}
