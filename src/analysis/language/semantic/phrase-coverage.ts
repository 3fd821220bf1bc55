import type { LanguageContext } from '../language-signal.js';
import type { AnswerDocument } from '../text-document.js';
import { phraseStems, sentenceMatcher, stemOverlap } from './sentence-matcher.js';

/**
 * A phrase counts as said lexically when one sentence holds at least two thirds of its distinct
 * content words (compared by stem): all of a one- or two-word phrase, two of three, three of four.
 */
export const LEXICAL_SHARE = 2 / 3;

/**
 * A semantic match needs a sentence with at least this many distinct content words: with one or
 * two ("I understand that.") the similarity is a single word pair's, too little to show a skill.
 */
export const SEMANTIC_MIN_WORDS = 3;

/**
 * A long phrase (a whole job-description bullet) averages into a generic vector that many
 * unrelated sentences resemble, so beyond this many content words a semantic match must also
 * share at least two content words with the phrase (one could be a filler's "know" or "like").
 */
export const LONG_PHRASE_WORDS = 4;

/** One phrase (a skill, a key point) and the sentence that covers it. */
export interface PhraseMatch {
  readonly phrase: string;
  /** Index of the covering sentence in `doc.sentences`. */
  readonly sentence: number;
  /** 'lexical': the sentence uses the phrase's own words; 'semantic': it says something similar. */
  readonly match: 'lexical' | 'semantic';
  /** Similarity of that sentence to the phrase, 0–1. */
  readonly similarity: number;
}

export interface PhraseCoverage {
  readonly covered: readonly PhraseMatch[];
  /** Phrases no sentence covers, in the order given. */
  readonly missing: readonly string[];
}

/**
 * Which phrases some sentence of the answer covers, by lemma overlap or by similarity ≥ `threshold`.
 * Phrases are trimmed and de-duplicated (case-insensitive); blank ones are ignored.
 * @example coverPhrases(doc, context, ['SQL', 'stakeholder management'], 0.45).missing // ['SQL']
 */
export function coverPhrases(
  doc: AnswerDocument,
  context: LanguageContext,
  phrases: readonly string[],
  threshold: number,
): PhraseCoverage {
  const matcher = sentenceMatcher(doc, context);
  const covered: PhraseMatch[] = [];
  const missing: string[] = [];
  for (const phrase of distinctPhrases(phrases)) {
    const scores = matcher.sentences(phrase);
    const stems = phraseStems(phrase);
    const distinct = new Set(stems).size;
    let best: PhraseMatch | null = null;
    matcher.sentenceStems.forEach((sentenceStems, sentence) => {
      const similarity = scores[sentence] ?? 0;
      const overlap = stemOverlap(stems, sentenceStems);
      const match =
        overlap >= LEXICAL_SHARE
          ? 'lexical'
          : similarity >= threshold &&
              sentenceStems.size >= SEMANTIC_MIN_WORDS &&
              (distinct <= LONG_PHRASE_WORDS || overlap * distinct >= 2)
            ? 'semantic'
            : null;
      if (match === null) return;
      // A lexical match beats a semantic one; among equals the more similar sentence wins.
      const better =
        best === null ||
        (match === 'lexical' && best.match === 'semantic') ||
        (match === best.match && similarity > best.similarity);
      if (better) best = { phrase, sentence, match, similarity };
    });
    if (best) covered.push(best);
    else missing.push(phrase);
  }
  return { covered, missing };
}

/**
 * Trimmed, non-empty, first spelling of each case-insensitive duplicate.
 * @example distinctPhrases([' SQL', 'sql', '']) // ['SQL']
 */
export function distinctPhrases(phrases: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of phrases) {
    const phrase = raw.trim();
    const key = phrase.toLowerCase();
    if (phrase === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(phrase);
  }
  return out;
}
