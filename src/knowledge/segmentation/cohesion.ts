import type { Embeddings } from '../../analysis/language/semantic/index.js';

/** A pseudo-sentence: the content-word lemmas of w consecutive words (null for the other words). */
export type PseudoSentence = readonly (string | null)[];

/**
 * Hearst's block comparison: at gap g (after pseudo-sentence g), the cosine of the term-frequency
 * vectors of the k pseudo-sentences before and the k after (fewer at the edges).
 * @example lexicalCohesion([['budget'], ['budget'], ['design']], 1) // [1, 0]
 */
export function lexicalCohesion(sentences: readonly PseudoSentence[], k: number): number[] {
  const left = new Map<string, number>();
  const right = new Map<string, number>();
  const add = (map: Map<string, number>, s: PseudoSentence | undefined, by: number): void => {
    for (const term of s ?? []) {
      if (term === null) continue;
      const n = (map.get(term) ?? 0) + by;
      if (n === 0) map.delete(term);
      else map.set(term, n);
    }
  };
  for (let i = 1; i <= Math.min(k, sentences.length - 1); i++) add(right, sentences[i], 1);
  add(left, sentences[0], 1);
  const out: number[] = [];
  for (let gap = 0; gap < sentences.length - 1; gap++) {
    if (gap > 0) {
      add(left, sentences[gap], 1);
      add(left, sentences[gap - k], -1);
      add(right, sentences[gap], -1);
      add(right, sentences[gap + k], 1);
    }
    out.push(mapCosine(left, right));
  }
  return out;
}

function mapCosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, n] of small) dot += n * (large.get(term) ?? 0);
  if (dot === 0) return 0;
  let na = 0;
  let nb = 0;
  for (const n of a.values()) na += n * n;
  for (const n of b.values()) nb += n * n;
  return dot / Math.sqrt(na * nb);
}

/**
 * The same block comparison over meaning rather than surface form: each block is the sum of its
 * words' GloVe vectors weighted by smooth inverse frequency (Arora, Liang & Ma 2017), and blocks are
 * compared by cosine — embedding cohesion in the manner of Choi, Wiemer-Hastings & Moore (2001,
 * LSA) and Riedl & Biemann (2012, TopicTiling), with the vectors the project already ships.
 * @example embeddingCohesion(sentences, 10, loadEmbeddings(), (rank) => sifOfRank(rank, 341479))
 */
export function embeddingCohesion(
  sentences: readonly PseudoSentence[],
  k: number,
  embeddings: Embeddings,
  weightOfRank: (rank: number) => number,
): number[] {
  const dims = embeddings.dims;
  // prefix[i] = sum of the vectors of pseudo-sentences 0..i-1
  const prefix = new Float64Array((sentences.length + 1) * dims);
  const v = new Float64Array(dims);
  sentences.forEach((s, i) => {
    v.fill(0);
    for (const term of s) {
      if (term === null) continue;
      const row = embeddings.indexOf(term);
      if (row >= 0) embeddings.addTo(v, row, weightOfRank(embeddings.rankAt(row)));
    }
    for (let d = 0; d < dims; d++)
      prefix[(i + 1) * dims + d] = (prefix[i * dims + d] as number) + (v[d] as number);
  });
  const out: number[] = [];
  for (let gap = 0; gap < sentences.length - 1; gap++) {
    const a0 = Math.max(0, gap - k + 1);
    const b1 = Math.min(sentences.length, gap + 1 + k);
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let d = 0; d < dims; d++) {
      const a = (prefix[(gap + 1) * dims + d] as number) - (prefix[a0 * dims + d] as number);
      const b = (prefix[b1 * dims + d] as number) - (prefix[(gap + 1) * dims + d] as number);
      dot += a * b;
      na += a * a;
      nb += b * b;
    }
    out.push(na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0);
  }
  return out;
}

/** Mean of two cohesion curves after scaling each to mean 0, standard deviation 1. */
export function combineCohesion(a: readonly number[], b: readonly number[]): number[] {
  const za = standardise(a);
  const zb = standardise(b);
  return za.map((x, i) => (x + (zb[i] as number)) / 2);
}

function standardise(xs: readonly number[]): number[] {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length) || 1;
  return xs.map((x) => (x - mean) / sd);
}

/** One round of a 3-point moving average (Hearst 1997 §5.2, average smoothing), ends kept in range. */
export function smooth(scores: readonly number[]): number[] {
  return scores.map((_, i) => {
    const lo = Math.max(0, i - 1);
    const hi = Math.min(scores.length - 1, i + 1);
    let sum = 0;
    for (let j = lo; j <= hi; j++) sum += scores[j] as number;
    return sum / (hi - lo + 1);
  });
}
