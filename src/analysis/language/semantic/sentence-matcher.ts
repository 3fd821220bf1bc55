import model from 'wink-eng-lite-web-model';
import type { LanguageContext } from '../language-signal.js';
import type { AnswerDocument } from '../text-document.js';
import { semanticModelOf, textTerms } from './similarity.js';
import { contentTerm } from './tfidf.js';

/**
 * Compares one answer, sentence by sentence, with short texts (a question, a skill, a key point).
 * Uses the token-level fast path when `context.similarity` was made by `createSimilarity` (the
 * answer is not tokenised again), and calls `context.similarity` on sentence texts otherwise.
 */
export interface SentenceMatcher {
  /** Similarity, 0–1, of each sentence to `text`. */
  sentences(text: string): number[];
  /**
   * Sentence similarity (`compareSentences`, fitted on STS-B), 0–1, of each sentence to a
   * sentence-length `text` such as a key point; `context.similarity` when that is a stub.
   */
  sentencesFitted(text: string): number[];
  /** Similarity, 0–1, of the whole answer to `text`. */
  whole(text: string): number;
  /** Similarity, 0–1, of the listed sentences taken together to `text`. */
  some(sentences: readonly number[], text: string): number;
  /** Stems of the content lemmas of each sentence. */
  readonly sentenceStems: readonly ReadonlySet<string>[];
  /** Stems of the content lemmas of the whole answer, in order, repeats kept. */
  readonly answerStems: readonly string[];
}

const matchers = new WeakMap<AnswerDocument, WeakMap<LanguageContext['similarity'], SentenceMatcher>>();

/**
 * The matcher of an answer under a context; cached so the semantic signals share the work.
 * @example sentenceMatcher(doc, context).sentences('stakeholder management')
 */
export function sentenceMatcher(doc: AnswerDocument, context: LanguageContext): SentenceMatcher {
  let byContext = matchers.get(doc);
  if (!byContext) {
    byContext = new WeakMap();
    matchers.set(doc, byContext);
  }
  const cached = byContext.get(context.similarity);
  if (cached) return cached;
  const matcher = buildMatcher(doc, context);
  byContext.set(context.similarity, matcher);
  return matcher;
}

function buildMatcher(doc: AnswerDocument, context: LanguageContext): SentenceMatcher {
  const answerStems: string[] = [];
  const sentenceStems = doc.sentences.map((s) => {
    const set = new Set<string>();
    for (let i = s.firstToken; i <= s.lastToken; i++) {
      const token = doc.tokens[i];
      const term = token ? contentTerm(token) : null;
      if (term === null) continue;
      const stemmed = stem(term);
      set.add(stemmed);
      answerStems.push(stemmed);
    }
    return set;
  });
  const model = semanticModelOf(context.similarity);
  if (model) {
    const vectors = model.document(doc);
    return {
      sentenceStems,
      answerStems,
      sentences: (text) => {
        const target = model.text(text);
        return vectors.sentences.map((v) => model.compare(v, target));
      },
      sentencesFitted: (text) => {
        const target = model.text(text);
        return vectors.sentences.map((v) => model.compareSentences(v, target));
      },
      whole: (text) => model.compare(vectors.whole, model.text(text)),
      some: (indices, text) => {
        const tokens = indices.flatMap((i) => {
          const s = doc.sentences[i];
          return s ? doc.tokens.slice(s.firstToken, s.lastToken + 1) : [];
        });
        return model.compare(model.tokens(tokens), model.text(text));
      },
    };
  }
  return {
    sentenceStems,
    answerStems,
    sentences: (text) => doc.sentences.map((s) => context.similarity(s.text, text)),
    sentencesFitted: (text) => doc.sentences.map((s) => context.similarity(s.text, text)),
    whole: (text) => context.similarity(doc.text, text),
    some: (indices, text) =>
      context.similarity(indices.map((i) => doc.sentences[i]?.text ?? '').join(' '), text),
  };
}

/**
 * Share of a phrase's distinct stems found in one sentence, 0–1 (0 for a phrase without content
 * words).
 * @example stemOverlap(['stakehold', 'manag'], new Set(['manag', 'team'])) // 0.5
 */
export function stemOverlap(phrase: readonly string[], sentence: ReadonlySet<string>): number {
  const distinct = new Set(phrase);
  if (distinct.size === 0) return 0;
  let found = 0;
  for (const term of distinct) if (sentence.has(term)) found++;
  return found / distinct.size;
}

/**
 * Stems of the content lemmas of a short text (question, skill, key point), repeats kept.
 * @example phraseStems('Stakeholder management') // ['stakehold', 'manag']
 */
export function phraseStems(text: string): string[] {
  return textTerms(text).map(stem);
}

// wink types the addon as `unknown`; it is `(word: string) => string` (dist/porter-stemmer.js).
const porter = model.addons.stem as ((word: string) => string) | undefined;
const stems = new Map<string, string>();

/**
 * Porter stem of a lemma, so derivations meet: "management", "managed" → "manag";
 * "communication", "communicate" → "commun" (Porter 1980, as shipped in wink-eng-lite-web-model).
 * @example stem('management') // 'manag'
 */
export function stem(lemma: string): string {
  let out = stems.get(lemma);
  if (out === undefined) {
    out = porter ? porter(lemma) : lemma;
    // The vocabulary of lemmas is bounded in practice; the cap only guards a pathological input.
    if (stems.size < 200_000) stems.set(lemma, out);
  }
  return out;
}
