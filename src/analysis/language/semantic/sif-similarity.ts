import { CandorError } from '../../../core/index.js';
import type { Embeddings } from './embeddings.js';
import { SIF_COMMON_COMPONENT } from './sif-component.js';
import { alignmentF1, dot, removeComponent, unit } from './vector-math.js';
import { sifOfRank } from './tfidf.js';

/**
 * Sentence similarity after Arora, Liang & Ma (2017, ICLR), "A simple but tough-to-beat baseline
 * for sentence embeddings", combined with a soft word alignment:
 *
 *   score = SIF_EMBEDDING_SHARE × cos(SIF(a), SIF(b)) + (1 − SIF_EMBEDDING_SHARE) × align(a, b)
 *
 * SIF(s) = Σ_w a/(a + p(w)) · v(w) over the words of s that have a GloVe vector (raw vectors: unit
 * vector × stored length), minus its projection on the common component SIF_COMMON_COMPONENT
 * (first principal direction of the SIF vectors of the STS Benchmark *train* sentences, computed by
 * scripts/build-sif-component.mjs and committed). p(w) is the Zipf estimate from the word's GloVe
 * frequency rank, p = 1 / (rank · (ln V + 0.577)), as in tfidf.ts: no corpus is read at run time.
 *
 * align(a, b) is the F1 of a greedy soft alignment with the same SIF weights: each word of a is
 * credited with its best cosine (≥ 0) to any word of b (1 for the same word), weighted by its SIF
 * weight; precision and recall are the two directions (as BERTScore does with contextual vectors,
 * Zhang et al. 2020, here with static ones).
 *
 * Every word is kept, stop words included: the SIF weight already makes "the" count ~0.
 * Tokens are lower-case alphabetic runs (inner hyphens and apostrophes kept), the same pattern the
 * vector file was built with.
 *
 * Tuned on the STS Benchmark train split only (5,749 pairs, Pearson r): a = 1e-4 (r of SIF alone
 * 0.690; 1e-3 gives 0.682, 1e-2 0.665), SIF share 0.2 (0.718; alignment alone 0.715). Dev r is
 * printed by bench/similarity.mjs beside plain averaged GloVe.
 */
export const SIF_WORD_A = 1e-4;
/** Share of the SIF embedding cosine in the score; the rest is the soft word alignment. */
export const SIF_EMBEDDING_SHARE = 0.2;

const WORD = /[a-z]+(?:['-][a-z]+)*/g;

/** A sentence reduced to what the SIF score needs. */
export interface SifSentence {
  /** Rows (in the vector file) of its words that have a vector, in order, repeats kept. */
  readonly rows: readonly number[];
  /** SIF weight of each row. */
  readonly weights: readonly number[];
  /** Unit SIF vector with the common component removed; null when no word has a vector. */
  readonly embedding: Float64Array | null;
}

/** SIF sentence similarity over one set of word vectors. */
export interface SifModel {
  /** The reduced form of a sentence (not cached: it is cheap). */
  readonly sentence: (text: string) => SifSentence;
  /**
   * Similarity of two reduced sentences: 1 for identical ones, about 0 for unrelated ones, at most
   * 1 and in practice above −0.2. Null when either has no word with a vector (empty text, only
   * numbers, punctuation or unknown words), because there is nothing to compare.
   */
  readonly compare: (a: SifSentence, b: SifSentence) => number | null;
  /** `compare` of two texts. */
  readonly similarity: (a: string, b: string) => number | null;
}

/**
 * The SIF-weighted sum of the word vectors of `text` before common-component removal, or null
 * when no word has a vector (what scripts/build-sif-component.mjs collects).
 * @example sifSentenceVector(loadEmbeddings(), 'A man is playing a guitar.')?.length // 100
 */
export function sifSentenceVector(embeddings: Embeddings, text: string, a = SIF_WORD_A): Float64Array | null {
  const { rows, weights } = sifWords(embeddings, text, a);
  return weightedSum(embeddings, rows, weights);
}

/**
 * Builds the SIF similarity over one set of word vectors; `component` defaults to the committed
 * common component and must have the vectors' dimension (an empty one removes nothing).
 * @example createSifModel(loadEmbeddings()).similarity('A man plays guitar.', 'A man is playing a guitar.') // ≈ 0.9
 */
export function createSifModel(
  embeddings: Embeddings,
  component: readonly number[] = SIF_COMMON_COMPONENT,
): SifModel {
  if (component.length !== 0 && component.length !== embeddings.dims) {
    throw new CandorError(
      'ASSET_MISSING',
      `SIF common component has ${component.length} dimensions, the word vectors ${embeddings.dims}: run node scripts/build-sif-component.mjs`,
      { file: embeddings.file },
    );
  }
  const sentence = (text: string): SifSentence => {
    const { rows, weights } = sifWords(embeddings, text, SIF_WORD_A);
    const sum = weightedSum(embeddings, rows, weights);
    return { rows, weights, embedding: sum && unit(removeComponent(sum, component)) };
  };
  const compare = (a: SifSentence, b: SifSentence): number | null => {
    if (!a.embedding || !b.embedding) return null;
    const score =
      SIF_EMBEDDING_SHARE * dot(a.embedding, b.embedding) +
      (1 - SIF_EMBEDDING_SHARE) * alignmentF1(embeddings, a, b);
    return Math.min(1, score);
  };
  return { sentence, compare, similarity: (a, b) => compare(sentence(a), sentence(b)) };
}

function sifWords(embeddings: Embeddings, text: string, a: number): { rows: number[]; weights: number[] } {
  const rows: number[] = [];
  const weights: number[] = [];
  for (const word of text.toLowerCase().match(WORD) ?? []) {
    const row = embeddings.indexOf(word);
    if (row < 0) continue;
    rows.push(row);
    weights.push(sifOfRank(embeddings.rankAt(row), embeddings.sourceSize, a));
  }
  return { rows, weights };
}

function weightedSum(
  embeddings: Embeddings,
  rows: readonly number[],
  weights: readonly number[],
): Float64Array | null {
  if (rows.length === 0) return null;
  const sum = new Float64Array(embeddings.dims);
  rows.forEach((row, i) => embeddings.addTo(sum, row, (weights[i] as number) * embeddings.normAt(row)));
  return sum;
}
