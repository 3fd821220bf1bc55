/**
 * What changed between two versions of a framework, as rows a person reads: one per value that
 * differs (a weight, a target, an advice), plus competencies and signals added or removed.
 */
import type { Framework } from '../../../assessment/index.js';

export interface FrameworkChange {
  /** Where, for people: `Clarity & coherence › stays-on-topic › questionRelevance › weight`. */
  readonly where: string;
  /** The field path in the framework (ids, not indexes), for programs. */
  readonly path: string;
  /** The value in the older version, as text; null when it did not exist there. */
  readonly from: string | null;
  readonly to: string | null;
}

type Flat = Map<string, { where: string; value: string }>;

const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function bound(flat: Flat, base: string, where: string, name: string, b: { min?: number; max?: number }) {
  if (b.min !== undefined)
    flat.set(`${base}.${name}.min`, { where: `${where} › ${name} min`, value: text(b.min) });
  if (b.max !== undefined)
    flat.set(`${base}.${name}.max`, { where: `${where} › ${name} max`, value: text(b.max) });
}

function flatten(framework: Framework): Flat {
  const flat: Flat = new Map();
  for (const key of ['name', 'description', 'minWords', 'minCoverage'] as const) {
    flat.set(key, { where: key, value: text(framework[key]) });
  }
  for (const c of framework.competencies) {
    const cBase = `competencies.${c.id}`;
    for (const key of ['name', 'description', 'weight', 'followUp'] as const) {
      flat.set(`${cBase}.${key}`, { where: `${c.name} › ${key}`, value: text(c[key]) });
    }
    for (const b of c.behaviours) {
      const bBase = `${cBase}.behaviours.${b.id}`;
      flat.set(`${bBase}.description`, { where: `${c.name} › ${b.id} › description`, value: b.description });
      for (const s of b.signals) {
        const sBase = `${bBase}.signals.${s.signal}`;
        const where = `${c.name} › ${b.id} › ${s.signal}`;
        flat.set(`${sBase}.weight`, { where: `${where} › weight`, value: text(s.weight) });
        bound(flat, sBase, where, 'target', s.target);
        bound(flat, sBase, where, 'zeroAt', s.zeroAt);
        flat.set(`${sBase}.advice`, { where: `${where} › advice`, value: s.advice });
      }
    }
  }
  return flat;
}

/**
 * Every value that differs between two framework versions, in the newer version's order.
 * @example compareFrameworks(v1, v2) // [{ where: 'Problem-solving › weight', path: 'competencies.problem-solving.weight', from: '1', to: '2' }]
 */
export function compareFrameworks(older: Framework, newer: Framework): FrameworkChange[] {
  const before = flatten(older);
  const after = flatten(newer);
  const changes: FrameworkChange[] = [];
  for (const [path, { where, value }] of after) {
    const was = before.get(path)?.value ?? null;
    if (was !== value) changes.push({ where, path, from: was, to: value });
  }
  for (const [path, { where, value }] of before) {
    if (!after.has(path)) changes.push({ where, path, from: value, to: null });
  }
  return changes;
}

/**
 * The next version after the newest: the minor number up, the patch reset (`1.1.0` → `1.2.0`).
 * @example nextVersion(['1.0.0', '1.1.0']) // '1.2.0'
 */
export function nextVersion(versions: readonly string[]): string {
  const newest = versions.at(-1) ?? '0.0.0';
  const [major = 0, minor = 0] = newest.split('.').map(Number);
  return `${major}.${minor + 1}.0`;
}
