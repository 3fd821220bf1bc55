import type { ResponseSignals, SignalDefinition } from '../domain/index.js';

export interface AggregatedSignal {
  readonly value: number | null;
  readonly reason?: string;
}

/**
 * One value for the whole interview from the per-answer values: counts and word totals are the
 * mean per answer; rates, shares and scores are weighted by each answer's word count, so a long
 * answer counts for more than a one-liner.
 * @example aggregateSignal(fillers, perResponse).value
 */
export function aggregateSignal(
  definition: SignalDefinition,
  perResponse: readonly ResponseSignals[],
): AggregatedSignal {
  let sum = 0;
  let weight = 0;
  let reason: string | undefined;
  const plainMean = definition.unit === 'count' || definition.unit === 'words';
  for (const r of perResponse) {
    const v = r.values.get(definition.id);
    if (!v) continue;
    if (v.value === null) {
      reason ??= v.reason;
      continue;
    }
    const w = plainMean ? 1 : Math.max(1, r.words);
    sum += v.value * w;
    weight += w;
  }
  if (weight === 0) return { value: null, reason: reason ?? 'not measured' };
  return { value: Math.round((sum / weight) * 100) / 100 };
}
