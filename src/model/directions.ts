/**
 * The direction a framework states for each signal, which a trained weight must respect: a rule
 * that only sets `target.min` rewards higher values, one that only sets `target.max` rewards lower
 * values. A range (both) or rules that disagree state no direction.
 */
import type { Framework } from '../assessment/index.js';
import type { Direction } from './solver.js';

/**
 * @example directionsFromFramework(loadFramework('default', known)).fillerWordsPer100 // 'lower'
 */
export function directionsFromFramework(framework: Framework): Record<string, Direction> {
  const stated = new Map<string, Set<Direction | 'range'>>();
  for (const competency of framework.competencies) {
    for (const behaviour of competency.behaviours) {
      for (const rule of behaviour.signals) {
        const hasMin = rule.target.min !== undefined;
        const hasMax = rule.target.max !== undefined;
        const direction = hasMin && !hasMax ? 'higher' : hasMax && !hasMin ? 'lower' : 'range';
        stated.set(rule.signal, (stated.get(rule.signal) ?? new Set()).add(direction));
      }
    }
  }
  const directions: Record<string, Direction> = {};
  for (const [signal, set] of stated) {
    const only = set.size === 1 ? [...set][0] : undefined;
    if (only === 'higher' || only === 'lower') directions[signal] = only;
  }
  return directions;
}
