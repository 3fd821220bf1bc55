import type { SignalRule } from './framework-schema.js';

/**
 * Credit 0–1 for a value under a rule: 1 inside the target, falling linearly to 0 at `zeroAt`.
 * @example credit(7.1, { target: { max: 3 }, zeroAt: { max: 10 } }) // 0.41
 */
export function credit(value: number, rule: Pick<SignalRule, 'target' | 'zeroAt'>): number {
  const { target, zeroAt } = rule;
  if (target.min !== undefined && value < target.min) {
    const zero = zeroAt.min ?? target.min;
    return clamp01((value - zero) / (target.min - zero));
  }
  if (target.max !== undefined && value > target.max) {
    const zero = zeroAt.max ?? target.max;
    return clamp01((zero - value) / (zero - target.max));
  }
  return 1;
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

/** "under 3", "at least 0.5", "between 130 and 170" */
export function describeTarget(target: { min?: number; max?: number }): string {
  if (target.min !== undefined && target.max !== undefined) return `between ${target.min} and ${target.max}`;
  if (target.max !== undefined) return `under ${target.max}`;
  return `at least ${target.min ?? 0}`;
}
