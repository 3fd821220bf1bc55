import { syllable } from 'syllable';
import type { Evidence } from '../../../domain/index.js';
import type { AnswerDocument, Token } from '../text-document.js';
import { round, type LanguageSignal } from '../language-signal.js';

/** Below this many words a grade level swings with every sentence. */
export const READABILITY_MIN_WORDS = 30;
/**
 * Spoken answers average 10–25 words per sentence; an average above this means the transcript
 * has no sentence punctuation (raw speech-to-text), where a grade level would be meaningless.
 */
export const READABILITY_MAX_SENTENCE_WORDS = 60;
const HAS_LETTER = /\p{L}/u;
const CACHE_LIMIT = 50_000;
const syllableCache = new Map<string, number>();

/**
 * Syllables in one word, by the `syllable` package (cached: answers repeat their words).
 * @example syllablesIn('Australian') // 4
 */
export function syllablesIn(word: string): number {
  const key = word.toLowerCase();
  let n = syllableCache.get(key);
  if (n === undefined) {
    n = Math.max(1, syllable(key));
    if (syllableCache.size >= CACHE_LIMIT) syllableCache.clear();
    syllableCache.set(key, n);
  }
  return n;
}

/** Words that carry syllables: word tokens with a letter (numbers and punctuation are left out). */
function isLetterWord(t: Token): boolean {
  return t.isWord && t.type === 'word' && HAS_LETTER.test(t.text);
}

export interface ReadabilityCounts {
  readonly words: number;
  readonly sentences: number;
  readonly syllables: number;
}

/**
 * Words, sentences and syllables as the Flesch–Kincaid formula counts them.
 * @example readabilityCounts(docFromText('The cat sat. It slept.')) // { words: 5, sentences: 2, syllables: 5 }
 */
export function readabilityCounts(doc: AnswerDocument): ReadabilityCounts {
  let words = 0;
  let syllables = 0;
  let sentences = 0;
  for (const s of doc.sentences) {
    let inSentence = 0;
    for (let i = s.firstToken; i <= s.lastToken; i++) {
      const t = doc.tokens[i];
      if (t === undefined || !isLetterWord(t)) continue;
      inSentence++;
      syllables += syllablesIn(t.text);
    }
    words += inSentence;
    if (inSentence > 0) sentences++;
  }
  return { words, sentences, syllables };
}

/**
 * Flesch–Kincaid grade level (Kincaid, Fishburne, Rogers & Chissom 1975):
 * 0.39 × words/sentence + 11.8 × syllables/word − 15.59.
 * @example fleschKincaidGrade({ words: 13, sentences: 1, syllables: 26 }) // 13.08
 */
export function fleschKincaidGrade(counts: ReadabilityCounts): number {
  return 0.39 * (counts.words / counts.sentences) + 11.8 * (counts.syllables / counts.words) - 15.59;
}

function sentenceEvidence(doc: AnswerDocument): Evidence[] {
  let longest = -1;
  let longestWords = 0;
  let densest = -1;
  let densestRatio = 0;
  for (const s of doc.sentences) {
    let words = 0;
    let syllables = 0;
    for (let i = s.firstToken; i <= s.lastToken; i++) {
      const t = doc.tokens[i];
      if (t === undefined || !isLetterWord(t)) continue;
      words++;
      syllables += syllablesIn(t.text);
    }
    if (words > longestWords) {
      longestWords = words;
      longest = s.index;
    }
    // Five words at least, so "Absolutely." does not win the densest sentence.
    if (words >= 5 && syllables / words > densestRatio) {
      densestRatio = syllables / words;
      densest = s.index;
    }
  }
  const out: Evidence[] = [];
  if (longest >= 0) out.push(doc.sentenceEvidence(longest, `longest sentence: ${longestWords} words`));
  if (densest >= 0 && densest !== longest) {
    out.push(doc.sentenceEvidence(densest, `${round(densestRatio, 1)} syllables per word`));
  }
  return out;
}

export const readabilityGrade: LanguageSignal = {
  definition: {
    id: 'readabilityGrade',
    name: 'Readability (grade level)',
    unit: 'grade',
    range: [-3.4, 50],
    method:
      'Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59, counting words with letters and syllables by the syllable package; no value under 30 words or when sentences average over 60 words (no punctuation).',
    source: 'Kincaid, Fishburne, Rogers & Chissom 1975 (Flesch–Kincaid grade level); syllable npm package',
  },
  compute(doc) {
    const counts = readabilityCounts(doc);
    const base = { signal: 'readabilityGrade' };
    if (counts.words < READABILITY_MIN_WORDS) {
      return { ...base, value: null, evidence: [], reason: `fewer than ${READABILITY_MIN_WORDS} words` };
    }
    const mean = counts.words / counts.sentences;
    if (mean > READABILITY_MAX_SENTENCE_WORDS) {
      return {
        ...base,
        value: null,
        evidence: [],
        reason: `sentences average ${Math.round(mean)} words: the transcript has no sentence punctuation`,
      };
    }
    const grade = Math.min(50, Math.max(-3.4, fleschKincaidGrade(counts)));
    return { ...base, value: round(grade), evidence: sentenceEvidence(doc) };
  },
};
