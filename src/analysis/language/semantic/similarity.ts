import { its, nlp } from '../nlp.js';
import type { AnswerDocument } from '../text-document.js';
import type { Embeddings } from './embeddings.js';
import { SIF_COMMON_COMPONENT } from './sif-component.js';
import { SIF_WORD_A } from './sif-similarity.js';
import { contentTerm, idfOfRank, isFiller, sifOfRank, tfWeight, type TermToken } from './tfidf.js';
import { alignmentF1, dot, removeComponent, unit, type WeightedRows } from './vector-math.js';

export { unit } from './vector-math.js';

/**
 * Similarity of two texts, 0–1, as `LanguageContext.similarity` (question relevance, role
 * alignment):
 *   EMBEDDING_WEIGHT × max(0, cos(SIF-weighted mean GloVe vectors))
 *   + (1 − EMBEDDING_WEIGHT) × cos(TF-IDF vectors over lemmas).
 * The embedding part (Arora, Liang & Ma 2017, with the common direction removed from the word
 * vectors at build time, Mu & Viswanath 2018) credits paraphrase ("fixed the bug" ~ "resolved
 * the defect"); the TF-IDF part (Salton & Buckley 1988) credits the exact terms, which matter for
 * names, tools and skills. Measured on 2,000 + 2,000 CLINC150 *train* pairs (same vs different
 * intent), the AUC is 0.82 for TF-IDF alone, 0.89 for embeddings alone (0.82 without the
 * all-but-the-top post-processing) and 0.90 for any weight from 0.3 to 0.7; 0.6 gives paraphrase
 * the larger say. similarity.test.ts re-checks it on the validation split (AUC 0.88).
 * Both parts use capped sublinear term frequency (tfidf.ts), so repeating a word does not pay.
 */
export const EMBEDDING_WEIGHT = 0.6;

/**
 * Sentence similarity, 0–1 (`compareSentences`), for two texts of about a sentence each (an
 * answer sentence and a key point): a weighted sum of four parts, clamped to 0–1,
 *
 *   embedding × max(0, cos(SIF-weighted mean GloVe vectors of the content lemmas))
 *   + lexical × cos(TF-IDF vectors over lemmas)
 *   + sif × cos(SIF sentence vectors of every word, common component removed; sif-similarity.ts)
 *   + alignment × F1 of the SIF-weighted soft word alignment (vector-math.ts).
 *
 * The weights were fitted on the STS Benchmark TRAIN split only (5,749 pairs; a grid of step 0.05
 * over weights ≥ 0 that sum to 1, maximising Pearson r): bench/similarity.mjs refits them in every
 * run and prints the dev r (1,500 pairs, never used to choose) beside averaged GloVe and
 * `compareVectors`: 0.785 against 0.775 and 0.638 (docs/content-signals.md). It is not the
 * context similarity: between a whole answer and a short question the alignment's recall
 * direction credits any long text, and question relevance on real meeting turns got worse.
 */
export const SIMILARITY_WEIGHTS = { embedding: 0.1, lexical: 0.3, sif: 0.2, alignment: 0.4 } as const;

/** The four parts of a similarity, each about 0–1 (the SIF cosine can dip slightly below 0). */
export interface SimilarityParts {
  readonly embedding: number;
  readonly lexical: number;
  readonly sif: number;
  readonly alignment: number;
}

/** A text reduced to what similarity needs: weighted lemmas and a unit embedding. */
export interface TextVector {
  /** Lemma → TF-IDF weight. */
  readonly terms: ReadonlyMap<string, number>;
  /** Euclidean length of `terms`. */
  readonly termNorm: number;
  /** Unit-length SIF-weighted mean word vector, or null when no word has a vector. */
  readonly embedding: Float64Array | null;
  /** Number of content tokens (stop words, punctuation and fillers excluded). */
  readonly contentWords: number;
  /** Every word with a vector (stop words too, fillers not), each once, SIF weight × capped tf. */
  readonly words: WeightedRows;
  /** Unit SIF sentence vector of `words` with the common component removed, or null. */
  readonly sifEmbedding: Float64Array | null;
  /** The word vectors the rows refer to. */
  readonly space: Embeddings;
}

/** Similarity of texts and token ranges over one set of word vectors. */
export interface SemanticModel {
  readonly embeddings: Embeddings;
  /** Vector of a plain text, tokenised with the shared wink-nlp instance; cached per text. */
  readonly text: (text: string) => TextVector;
  /** Vector of tokens `first..last` (inclusive) of an already tokenised answer. */
  readonly tokens: (tokens: readonly TermToken[], first?: number, last?: number) => TextVector;
  /** Whole-answer and per-sentence vectors of a document; cached per document. */
  readonly document: (doc: AnswerDocument) => DocumentVectors;
  /** 0–1 similarity of two vectors (EMBEDDING_WEIGHT); the context similarity. */
  readonly compare: (a: TextVector, b: TextVector) => number;
  /** 0–1 sentence similarity of two sentence-length vectors (SIMILARITY_WEIGHTS). */
  readonly compareSentences: (a: TextVector, b: TextVector) => number;
  /** The parts `compare` weighs, for benchmarks and calibration. */
  readonly parts: (a: TextVector, b: TextVector) => SimilarityParts | null;
  /** 0–1 similarity of two texts. */
  readonly similarity: (a: string, b: string) => number;
}

export interface DocumentVectors {
  readonly whole: TextVector;
  readonly sentences: readonly TextVector[];
}

const TEXT_CACHE_SIZE = 4096;
const models = new WeakMap<(a: string, b: string) => number, SemanticModel>();

/**
 * The similarity function the language pipeline puts in `LanguageContext.similarity`.
 * @example const similarity = createSimilarity(loadEmbeddings()); similarity('I fixed the bug', 'I resolved the defect')
 */
export function createSimilarity(embeddings: Embeddings): (a: string, b: string) => number {
  return createSemanticModel(embeddings).similarity;
}

/**
 * The model behind a function made by `createSimilarity`, so signals can use the token-level fast
 * path; null for any other function (a test stub), in which case they fall back to calling it.
 * @example semanticModelOf(context.similarity)?.document(doc).sentences.length
 */
export function semanticModelOf(similarity: (a: string, b: string) => number): SemanticModel | null {
  return models.get(similarity) ?? null;
}

/**
 * Builds a model over one set of word vectors.
 * @example const model = createSemanticModel(loadEmbeddings()); model.compare(model.text('a'), model.text('b'))
 */
export function createSemanticModel(embeddings: Embeddings): SemanticModel {
  const { dims, sourceSize } = embeddings;
  const unknownIdf = idfOfRank(sourceSize);
  const textCache = new Map<string, TextVector>();
  const docCache = new WeakMap<AnswerDocument, DocumentVectors>();

  const build = (
    terms: readonly string[],
    surfaces: readonly string[],
    allWords: readonly string[],
  ): TextVector => {
    const counts = new Map<string, { n: number; surface: string }>();
    terms.forEach((term, i) => {
      const entry = counts.get(term);
      if (entry) entry.n++;
      else counts.set(term, { n: 1, surface: surfaces[i] ?? term });
    });
    const weights = new Map<string, number>();
    const embedding = new Float64Array(dims);
    let squares = 0;
    let withVector = 0;
    // Map order is insertion order, so the floating-point sums are the same on every run.
    for (const [term, { n, surface }] of counts) {
      const tf = tfWeight(n);
      const termRow = embeddings.indexOf(term);
      const idf = termRow < 0 ? unknownIdf : idfOfRank(embeddings.rankAt(termRow));
      const weight = tf * idf;
      weights.set(term, weight);
      squares += weight * weight;
      // The vector of the word as said ("organised"), else of its lemma: measured on CLINC150
      // train, surface forms separate intents slightly better (AUC +0.006) than lemmas.
      const surfaceRow = surface === term ? termRow : embeddings.indexOf(surface);
      const row = surfaceRow >= 0 ? surfaceRow : termRow;
      if (row >= 0) {
        // Arora et al. average the raw vectors: SIF weight × the vector's length.
        embeddings.addTo(
          embedding,
          row,
          tf * sifOfRank(embeddings.rankAt(row), sourceSize) * embeddings.normAt(row),
        );
        withVector++;
      }
    }
    const words = sifRows(allWords);
    const sum = new Float64Array(dims);
    words.rows.forEach((row, i) =>
      embeddings.addTo(sum, row, (words.weights[i] as number) * embeddings.normAt(row)),
    );
    return {
      terms: weights,
      termNorm: Math.sqrt(squares),
      embedding: withVector > 0 ? unit(embedding) : null,
      contentWords: terms.length,
      words,
      sifEmbedding: words.rows.length > 0 ? unit(removeComponent(sum, SIF_COMMON_COMPONENT)) : null,
      space: embeddings,
    };
  };

  /** Distinct rows of the words that have a vector, weighted SIF(a = SIF_WORD_A) × capped tf. */
  const sifRows = (allWords: readonly string[]): WeightedRows => {
    const counts = new Map<number, number>();
    for (const word of allWords) {
      const row = embeddings.indexOf(word);
      if (row >= 0) counts.set(row, (counts.get(row) ?? 0) + 1);
    }
    const rows: number[] = [];
    const weights: number[] = [];
    for (const [row, n] of counts) {
      rows.push(row);
      weights.push(tfWeight(n) * sifOfRank(embeddings.rankAt(row), sourceSize, SIF_WORD_A));
    }
    return { rows, weights };
  };

  const tokens = (list: readonly TermToken[], first = 0, last = list.length - 1): TextVector => {
    const terms: string[] = [];
    const surfaces: string[] = [];
    const allWords: string[] = [];
    for (let i = first; i <= last; i++) {
      const token = list[i];
      if (!token) continue;
      if (token.isWord && WORD.test(token.lower) && !isFiller(token.lower)) allWords.push(token.lower);
      const term = contentTerm(token);
      if (term === null) continue;
      terms.push(term);
      surfaces.push(token.lower);
    }
    return build(terms, surfaces, allWords);
  };

  const text = (value: string): TextVector => {
    const cached = textCache.get(value);
    if (cached) return cached;
    const vector = tokens(tokenize(value));
    if (textCache.size >= TEXT_CACHE_SIZE) textCache.delete(textCache.keys().next().value as string);
    textCache.set(value, vector);
    return vector;
  };

  const document = (doc: AnswerDocument): DocumentVectors => {
    const cached = docCache.get(doc);
    if (cached) return cached;
    const result = {
      whole: tokens(doc.tokens),
      sentences: doc.sentences.map((s) => tokens(doc.tokens, s.firstToken, s.lastToken)),
    };
    docCache.set(doc, result);
    return result;
  };

  const similarity = (a: string, b: string): number => compareVectors(text(a), text(b));
  const model: SemanticModel = {
    embeddings,
    text,
    tokens,
    document,
    compare: compareVectors,
    compareSentences,
    parts: similarityParts,
    similarity,
  };
  models.set(similarity, model);
  return model;
}

/**
 * 0–1 similarity of two text vectors (see EMBEDDING_WEIGHT); 0 when either has no content word.
 * @example compareVectors(model.text('budget cuts'), model.text('reduced spending'))
 */
export function compareVectors(a: TextVector, b: TextVector): number {
  if (a.termNorm === 0 || b.termNorm === 0) return 0;
  const lexical = termCosine(a, b);
  if (!a.embedding || !b.embedding) return lexical;
  const value =
    EMBEDDING_WEIGHT * Math.max(0, dot(a.embedding, b.embedding)) + (1 - EMBEDDING_WEIGHT) * lexical;
  return Math.min(1, Math.max(0, value));
}

/**
 * 0–1 sentence similarity of two text vectors (see SIMILARITY_WEIGHTS); 0 when either has no
 * content word, the TF-IDF cosine alone when either has no word with a vector.
 * @example compareSentences(model.text('I fixed the bug.'), model.text('I resolved the defect.'))
 */
export function compareSentences(a: TextVector, b: TextVector): number {
  if (a.termNorm === 0 || b.termNorm === 0) return 0;
  const parts = similarityParts(a, b);
  if (parts === null) return termCosine(a, b);
  const w = SIMILARITY_WEIGHTS;
  const value =
    w.embedding * parts.embedding +
    w.lexical * parts.lexical +
    w.sif * parts.sif +
    w.alignment * parts.alignment;
  return Math.min(1, Math.max(0, value));
}

/**
 * The four parts of the similarity of two text vectors, or null when either has no word with a
 * vector (then only the TF-IDF cosine can be computed).
 * @example similarityParts(model.text('I fixed the bug'), model.text('I resolved the defect'))?.alignment
 */
export function similarityParts(a: TextVector, b: TextVector): SimilarityParts | null {
  if (!a.embedding || !b.embedding || !a.sifEmbedding || !b.sifEmbedding) return null;
  return {
    embedding: Math.max(0, dot(a.embedding, b.embedding)),
    lexical: termCosine(a, b),
    sif: dot(a.sifEmbedding, b.sifEmbedding),
    alignment: alignmentF1(a.space, a.words, b.words),
  };
}

/**
 * Cosine of the TF-IDF vectors, 0–1.
 * @example termCosine(model.text('SQL reports'), model.text('weekly SQL')) // > 0
 */
export function termCosine(a: TextVector, b: TextVector): number {
  if (a.termNorm === 0 || b.termNorm === 0) return 0;
  const [small, large] = a.terms.size <= b.terms.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small.terms) dot += weight * (large.terms.get(term) ?? 0);
  return Math.min(1, dot / (a.termNorm * b.termNorm));
}

/** The word pattern the vector file was built with (lower-case, inner hyphens and apostrophes). */
const WORD = /^[a-z]+(?:['-][a-z]+)*$/;

const termCache = new Map<string, readonly string[]>();

/**
 * Content lemmas of a plain text, in order, repeats kept (no word vectors needed); cached per text.
 * @example textTerms('Managed the budgets') // ['manage', 'budget']
 */
export function textTerms(value: string): readonly string[] {
  const cached = termCache.get(value);
  if (cached) return cached;
  const terms: string[] = [];
  for (const token of tokenize(value)) {
    const term = contentTerm(token);
    if (term !== null) terms.push(term);
  }
  if (termCache.size >= TEXT_CACHE_SIZE) termCache.delete(termCache.keys().next().value as string);
  termCache.set(value, terms);
  return terms;
}

/** Tokens of a plain text with the fields term weighting needs, from the shared wink-nlp instance. */
function tokenize(value: string): TermToken[] {
  if (value.trim() === '') return [];
  const tokens = nlp.readDoc(value).tokens();
  /* eslint-disable @typescript-eslint/unbound-method -- wink's its.* are plain selector functions, never called with `this` */
  const values = tokens.out(its.value);
  const types = tokens.out(its.type);
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value);
  const stops = tokens.out(its.stopWordFlag) as unknown as boolean[];
  /* eslint-enable @typescript-eslint/unbound-method */
  return values.map((v, i) => ({
    lower: v.toLowerCase(),
    lemma: lemmas[i] ?? v.toLowerCase(),
    type: types[i] ?? 'word',
    stop: stops[i] ?? false,
    // Clitics ("n't", "'s") fail contentTerm's alphabetic test, so no separate check is needed here.
    isWord: true,
  }));
}
