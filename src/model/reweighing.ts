/**
 * Re-weighing (Kamiran & Calders 2012, "Data preprocessing techniques for classification without
 * discrimination", Knowledge and Information Systems 33:1–33, section 4.2): each training row gets
 * the weight w(g, y) = P(g) · P(y) / P(g, y) for its group g and label y, so that in the weighted
 * data the label is independent of the group. For a continuous rating the label is whether the
 * rating is above the median of the rows being fitted.
 *
 * The group is used ONLY to compute these weights: it is never a model input, and the model file
 * records only that re-weighing was used and on which attribute.
 */
import { CandorError } from '../core/index.js';

/** The attributes re-weighing can balance, as the demographics CSV names them. */
export const REWEIGH_ATTRIBUTES = ['sex', 'race_ethnicity', 'age_band'] as const;
export type ReweighAttribute = (typeof REWEIGH_ATTRIBUTES)[number];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * One weight per row. Rows with no group (null: unknown or declined) weigh 1 and are left out of
 * the probabilities. A (group, label) cell with no row needs no weight.
 *
 * @throws CandorError MODEL_INVALID when groups and targets differ in length.
 * @example reweighingWeights(['a', 'a', 'b', 'b'], [0.9, 0.8, 0.1, 0.7]) // [1.5, 0.5, 0.5, 1.5]
 */
export function reweighingWeights(groups: readonly (string | null)[], target: readonly number[]): number[] {
  if (groups.length !== target.length) {
    throw new CandorError(
      'MODEL_INVALID',
      `re-weighing: ${groups.length} groups for ${target.length} rows`,
      {},
    );
  }
  const known = target.filter((_, i) => groups[i] !== null);
  if (known.length === 0) return target.map(() => 1);
  const cut = median(known);
  const label = (v: number) => (v > cut ? 'above' : 'not above');
  const byGroup = new Map<string, number>();
  const byLabel = new Map<string, number>();
  const byCell = new Map<string, number>();
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  target.forEach((v, i) => {
    const g = groups[i];
    if (g === null || g === undefined) return;
    add(byGroup, g);
    add(byLabel, label(v));
    add(byCell, `${g}\u0000${label(v)}`);
  });
  const n = known.length;
  return target.map((v, i) => {
    const g = groups[i];
    if (g === null || g === undefined) return 1;
    const y = label(v);
    // P(g)·P(y)/P(g,y) = n_g · n_y / (n · n_gy)
    return (byGroup.get(g)! * byLabel.get(y)!) / (n * byCell.get(`${g}\u0000${y}`)!);
  });
}
