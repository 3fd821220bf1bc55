import type { Embeddings } from './embeddings.js';

/**
 * Scales `vector` in place to length 1; null for the zero vector.
 * @example unit(Float64Array.of(3, 4)) // Float64Array [0.6, 0.8]
 */
export function unit(vector: Float64Array): Float64Array | null {
  let squares = 0;
  for (const v of vector) squares += v * v;
  if (squares === 0) return null;
  const norm = Math.sqrt(squares);
  for (let d = 0; d < vector.length; d++) vector[d] = (vector[d] as number) / norm;
  return vector;
}

/**
 * Dot product of two vectors of the same length (the cosine when both are unit vectors).
 * @example dot(Float64Array.of(0.6, 0.8), Float64Array.of(1, 0)) // 0.6
 */
export function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += (a[d] as number) * (b[d] as number);
  return sum;
}

/**
 * Removes, in place, the projection of `vector` on the unit vector `component` (an empty
 * component removes nothing).
 * @example removeComponent(Float64Array.of(1, 1), [1, 0]) // Float64Array [0, 1]
 */
export function removeComponent(vector: Float64Array, component: readonly number[]): Float64Array {
  if (component.length === 0) return vector;
  let along = 0;
  for (let d = 0; d < vector.length; d++) along += (vector[d] as number) * (component[d] as number);
  for (let d = 0; d < vector.length; d++)
    vector[d] = (vector[d] as number) - along * (component[d] as number);
  return vector;
}

/** Words of a text as rows of the vector file, each with a weight (repeats merged or kept). */
export interface WeightedRows {
  readonly rows: readonly number[];
  readonly weights: readonly number[];
}

/**
 * F1 of a soft word alignment, 0–1: each word of one text is credited with its best cosine (≥ 0)
 * to any word of the other (1 for the same word), weighted by its weight; precision and recall
 * are the two directions (as BERTScore does with contextual vectors, Zhang et al. 2020, here with
 * static ones). 0 when either side has no word.
 * @example alignmentF1(emb, { rows: [3], weights: [1] }, { rows: [3], weights: [1] }) // 1
 */
export function alignmentF1(embeddings: Embeddings, a: WeightedRows, b: WeightedRows): number {
  const precision = alignedShare(embeddings, a, b);
  const recall = alignedShare(embeddings, b, a);
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/**
 * Weighted share of the words of `from` that `to` expresses (the recall direction of
 * `alignmentF1`), 0–1; 0 when either side has no word.
 * @example alignedShare(emb, keyPointRows, sentenceRows) // how much of the key point the sentence says
 */
export function alignedShare(embeddings: Embeddings, from: WeightedRows, to: WeightedRows): number {
  let credited = 0;
  let total = 0;
  from.rows.forEach((row, i) => {
    let best = 0;
    for (const other of to.rows) {
      const c = row === other ? 1 : embeddings.cosineRows(row, other);
      if (c > best) best = c;
    }
    const weight = from.weights[i] as number;
    credited += weight * best;
    total += weight;
  });
  return total === 0 || to.rows.length === 0 ? 0 : credited / total;
}
