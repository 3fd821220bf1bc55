import type { AnswerDocument } from '../text-document.js';
import { MAX_EVIDENCE, per100, type LanguageSignal } from '../language-signal.js';
import { HEDGE_PHRASES, KIND_OF_DETERMINERS, NOUN_PHRASE_HEDGES } from './lexicons/hedges.js';
import { PhraseMatcher, type PhraseMatch } from './phrase-matcher.js';
import { norm, tokenIn, windowEvidence } from './token-context.js';

const matcher = new PhraseMatcher(HEDGE_PHRASES);
const NOUN_PHRASE = new Set(NOUN_PHRASE_HEDGES);
const DETERMINERS = new Set(KIND_OF_DETERMINERS);
const NOMINAL = new Set(['NOUN', 'PROPN', 'NUM']);
const OBJECT_PRONOUNS = new Set(['you', 'me', 'him', 'her', 'them', 'us', 'it']);

/**
 * "kind of" / "sort of" starting at token `i` is a hedge ("it was kind of hard", "we sort of
 * decided") rather than a noun phrase ("what kind of tool", "this sort of thing", "kind of you").
 * @example isHedgingKindOf(docFromText('It was kind of hard.'), 2) // true
 */
export function isHedgingKindOf(doc: AnswerDocument, i: number): boolean {
  const s = doc.tokens[i]?.sentence ?? 0;
  // The token right before, not the previous word: in "that's kind of" the clitic 's comes first.
  const prev = tokenIn(doc, i - 1, s);
  if (
    prev?.type === 'word' &&
    (DETERMINERS.has(norm(prev)) || prev.pos === 'DET' || prev.pos === 'NUM' || prev.pos === 'ADJ')
  ) {
    return false;
  }
  const next = tokenIn(doc, i + 2, s);
  if (next === undefined || !next.isWord) return true;
  return !NOMINAL.has(next.pos) && !OBJECT_PRONOUNS.has(next.lower);
}

/**
 * Every hedge in the answer, each counted once, in text order.
 * @example findHedges(docFromText("I think it might work, but I'm not sure.")).map((h) => h.label) // ['I think', 'might', "I'm not sure"]
 */
export function findHedges(doc: AnswerDocument): PhraseMatch[] {
  return matcher.match(doc).filter((m) => !NOUN_PHRASE.has(m.label) || isHedgingKindOf(doc, m.firstToken));
}

export const hedgesPer100: LanguageSignal = {
  definition: {
    id: 'hedgesPer100',
    name: 'Hedges',
    unit: 'per 100 words',
    range: [0, 100],
    method:
      'Counts hedging expressions (I think, I guess, maybe, probably, might, not sure, a bit, I feel like, hopefully, …) per 100 words, each occurrence once; "kind of"/"sort of" count here (not as fillers) only before an adjective, verb or clause, not in "what kind of tool".',
    source: 'Lakoff 1973; Biber 1988 (hedges); Hyland 1998; Candor lexicon, see signals/lexicons/hedges.ts',
  },
  compute(doc) {
    const hits = findHedges(doc);
    const value = per100(hits.length, doc.wordCount);
    return {
      signal: 'hedgesPer100',
      value,
      evidence: hits
        .slice(0, MAX_EVIDENCE)
        .map((h) => windowEvidence(doc, h.firstToken, h.lastToken, h.label)),
      ...(value === null ? { reason: 'empty answer' } : {}),
    };
  },
};
