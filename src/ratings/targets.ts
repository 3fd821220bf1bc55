import { listBuiltinFrameworks } from '../assessment/index.js';
import type { Store } from '../store/index.js';

/** The target every interview can be rated on. */
export const OVERALL = 'overall';

/** A named target: lower-case letters, digits and hyphens, starting with a letter (`excited`). */
export const NAMED_TARGET = /^[a-z][a-z0-9-]*$/;

/** A rating scale's default where nothing is stored yet: 1 (poor) to 5 (excellent). */
export const DEFAULT_SCALE = { min: 1, max: 5 } as const;

/**
 * The competency ids a workspace can rate: those of the built-in frameworks and of the
 * workspace's own (latest versions).
 * @example (await competencyIds(store, ws.id)).has('clarity-coherence') // true
 */
export async function competencyIds(store: Store, workspaceId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const framework of listBuiltinFrameworks()) for (const c of framework.competencies) ids.add(c.id);
  for (const record of await store.frameworks.listLatest(workspaceId)) {
    const { competencies } = (record.definition ?? {}) as { competencies?: unknown };
    if (!Array.isArray(competencies)) continue;
    for (const c of competencies as { id?: unknown }[]) if (typeof c?.id === 'string') ids.add(c.id);
  }
  return ids;
}

/** Whether `target` may be rated: `overall`, a named target, or a competency id. */
export function isTarget(target: string, competencies: ReadonlySet<string>): boolean {
  return target === OVERALL || NAMED_TARGET.test(target) || competencies.has(target);
}
