import type { Evidence } from '../../../domain/index.js';
import type { AnswerDocument } from '../text-document.js';
import { round, type LanguageSignal } from '../language-signal.js';
import { windowEvidence } from './token-context.js';

/** McCarthy & Jarvis (2010): a factor ends when the running type–token ratio falls to 0.72. */
export const MTLD_THRESHOLD = 0.72;
/** MTLD is unstable on very short texts (McCarthy & Jarvis recommend 100+ tokens; 50 is the floor). */
export const MTLD_MIN_WORDS = 50;

/**
 * Factors in one direction: each time the running TTR reaches the threshold a factor is complete
 * and counting restarts; the remainder adds a partial factor (1 − TTR) / (1 − threshold).
 */
function factors(words: readonly string[], forward: boolean, threshold: number): number {
  let count = 0;
  let tokens = 0;
  const types = new Set<string>();
  let ttr = 1;
  const n = words.length;
  for (let k = 0; k < n; k++) {
    const word = words[forward ? k : n - 1 - k] as string;
    tokens++;
    types.add(word);
    ttr = types.size / tokens;
    if (ttr <= threshold) {
      count++;
      tokens = 0;
      types.clear();
      ttr = 1;
    }
  }
  return count + (1 - ttr) / (1 - threshold);
}

/**
 * Measure of Textual Lexical Diversity: the mean length of word runs that keep a type–token ratio
 * above 0.72, averaged over a forward and a backward pass (McCarthy & Jarvis 2010). Returns null
 * when no factor forms (every word different), where the measure is undefined.
 * @example mtld('go go go go'.split(' ')) // 2: a factor ends every second word
 */
export function mtld(words: readonly string[], threshold = MTLD_THRESHOLD): number | null {
  const f = factors(words, true, threshold);
  const b = factors(words, false, threshold);
  if (f === 0 || b === 0) return null;
  return (words.length / f + words.length / b) / 2;
}

export const lexicalDiversityMtld: LanguageSignal = {
  definition: {
    id: 'lexicalDiversityMtld',
    name: 'Lexical diversity (MTLD)',
    unit: 'score',
    range: [0, 1000],
    method:
      'MTLD: the mean number of words the answer runs before its type–token ratio (lower-cased words) falls to 0.72, with a partial run at the end, averaged over a forward and a backward pass; no value under 50 words.',
    source: 'McCarthy & Jarvis 2010, "MTLD, vocd-D, and HD-D", Behavior Research Methods 42(2)',
  },
  compute(doc: AnswerDocument) {
    const words: string[] = [];
    for (const t of doc.tokens) if (t.isWord) words.push(t.lower);
    const base = { signal: 'lexicalDiversityMtld', evidence: [] };
    if (words.length < MTLD_MIN_WORDS)
      return { ...base, value: null, reason: `fewer than ${MTLD_MIN_WORDS} words` };
    const value = mtld(words);
    if (value === null) return { ...base, value: null, reason: 'no word repeats, so MTLD is undefined' };
    return { ...base, value: round(Math.min(1000, value)), evidence: repeatedWords(doc) };
  },
};

/** The three content words repeated most (three times or more), quoted where first used. */
function repeatedWords(doc: AnswerDocument): Evidence[] {
  const seen = new Map<string, { first: number; count: number }>();
  doc.tokens.forEach((t, i) => {
    if (!t.isWord || t.stop || t.type !== 'word' || t.lower.length < 3) return;
    const entry = seen.get(t.lower);
    if (entry) entry.count++;
    else seen.set(t.lower, { first: i, count: 1 });
  });
  return [...seen.entries()]
    .filter(([, e]) => e.count >= 3)
    .sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first)
    .slice(0, 3)
    .map(([word, e]) => windowEvidence(doc, e.first, e.first, `"${word}" used ${e.count} times`));
}
