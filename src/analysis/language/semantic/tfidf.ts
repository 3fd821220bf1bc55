import type { Embeddings } from './embeddings.js';

/**
 * Term weighting that needs no corpus at run time.
 *
 * IDF. Sparck Jones (1972) weights a term by log(N / df). Candor has no document collection to
 * count df in, but GloVe lists its words by corpus frequency, and Zipf's law (Zipf 1949) says the
 * word of rank r has probability p(r) ≈ 1 / (r · H), H = ln V + 0.577 for a V-word vocabulary. A
 * word of probability p appears in about min(1, p·L) of documents of L words, so
 * idf ≈ ln(r · H / L). We use the smooth form idf(r) = ln(1 + r / k) with k = L / H ≈ 40
 * (L ≈ 500 words, a long interview answer; H ≈ 13.3): the ~40 commonest words get ~0, "project"
 * (rank ~600) ~2.8, a rare word (rank 100k) ~7.8. A word the vocabulary lacks (a name, a new
 * technology, a typo) gets the weight of the rarest listed word: rare, so informative.
 *
 * SIF. For averaging word vectors we use Arora, Liang & Ma (2017) "smooth inverse frequency"
 * a / (a + p(w)) with a = 1e-3 and the same Zipf estimate of p(w).
 *
 * Term frequency is sublinear and capped: 1 + ln(tf) (Salton & Buckley 1988), at most 2, so a
 * word said three times counts twice and a word said thirty times still counts twice. This is
 * what keeps an answer from scoring by repeating the question's words.
 */
export const ZIPF_K = 40;
export const SIF_A = 1e-3;
export const TF_CAP = 2;

/** Fillers and back-channels that wink-nlp does not mark as stop words (Clark & Fox Tree 2002). */
const DISFLUENCIES: ReadonlySet<string> = new Set(
  'um umm uh uhm erm er ah eh hmm hm mm mhm mm-hmm uh-huh yeah yep okay ok oh like gonna wanna kinda sorta'.split(
    ' ',
  ),
);
const ALPHABETIC = /^[a-z]+(?:['-][a-z]+)*$/;

/** The token fields term weighting reads; `Token` of text-document.ts has them all. */
export interface TermToken {
  readonly lower: string;
  readonly lemma: string;
  readonly type: string;
  readonly stop: boolean;
  readonly isWord: boolean;
}

/**
 * The term a token contributes, or null for stop words, punctuation, numbers, clitics and fillers.
 * Terms are lower-case lemmas, so "managed" and "manage" are one term.
 * @example contentTerm({ lower: 'managed', lemma: 'manage', type: 'word', stop: false, isWord: true }) // 'manage'
 */
export function contentTerm(token: TermToken): string | null {
  if (!token.isWord || token.stop || token.type !== 'word') return null;
  const lemma = token.lemma.toLowerCase();
  if (!ALPHABETIC.test(lemma) || DISFLUENCIES.has(lemma) || DISFLUENCIES.has(token.lower)) return null;
  return lemma;
}

/**
 * True for fillers and back-channels ("um", "uh-huh", "yeah"), which similarity ignores.
 * @example isFiller('um') // true
 */
export function isFiller(word: string): boolean {
  return DISFLUENCIES.has(word);
}

/**
 * Capped sublinear term frequency: 1 + ln(tf), at most TF_CAP.
 * @example tfWeight(1) // 1
 */
export function tfWeight(count: number): number {
  return count <= 0 ? 0 : Math.min(TF_CAP, 1 + Math.log(count));
}

/**
 * Zipf-estimated IDF of a word of 1-based frequency rank `rank`: ln(1 + rank / k).
 * @example idfOfRank(1) // 0.0247 ("the")
 */
export function idfOfRank(rank: number): number {
  return Math.log(1 + rank / ZIPF_K);
}

/**
 * SIF weight a / (a + p(w)) of a word of 1-based rank `rank` in a `vocabulary`-word list, with
 * the Zipf estimate p(w) = 1 / (rank · (ln vocabulary + 0.577)); `a` defaults to SIF_A.
 * @example sifOfRank(1, 341479) // ≈ 0.013; sifOfRank(10000, 341479) // ≈ 0.99
 */
export function sifOfRank(rank: number, vocabulary: number, a = SIF_A): number {
  const harmonic = Math.log(vocabulary) + 0.5772;
  return a / (a + 1 / (rank * harmonic));
}

/** IDF and SIF weights of words, from their GloVe frequency rank. */
export interface TermWeights {
  /** Zipf-estimated inverse document frequency, ≥ 0; words not in the vocabulary get the highest. */
  idf(term: string): number;
  /** Smooth inverse frequency, 0–1; 1 for words not in the vocabulary. */
  sif(term: string): number;
}

/**
 * Word-level weights for one vector file (the similarity code uses the rank functions directly).
 * @example const w = createTermWeights(loadEmbeddings()); w.idf('conflict') > w.idf('the') // true
 */
export function createTermWeights(embeddings: Embeddings): TermWeights {
  const vocabulary = embeddings.sourceSize;
  return {
    idf(term) {
      const rank = embeddings.rank(term);
      return idfOfRank(rank ?? vocabulary);
    },
    sif(term) {
      const rank = embeddings.rank(term);
      return rank === null ? 1 : sifOfRank(rank, vocabulary);
    },
  };
}
