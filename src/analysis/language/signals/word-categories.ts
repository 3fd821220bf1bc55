import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Evidence } from '../../../domain/index.js';
import type { AnswerDocument } from '../text-document.js';
import { per100, type LanguageSignal } from '../language-signal.js';
import { firstPersonReferences } from './ownership.js';
import { norm, windowEvidence } from './token-context.js';

/**
 * Word-category counts that the job-interview literature found predictive of how people rate an
 * interview (Naim et al. 2015, "Automated Analysis and Prediction of Job Interview Performance",
 * IEEE FG; extended in IEEE Trans. Affective Computing 2018): unique words, first-person singular
 * and plural pronouns, positive and negative emotion words, numbers, quantifiers and articles, as
 * LIWC word categories (Pennebaker et al. 2015, LIWC2015). Every one counts words the candidate
 * said; none reads an emotion or a trait into the person. The category lists are the ones the
 * issue-11 feature study fixed before it looked at any rating, so the features and the study agree.
 */

const EVIDENCE_QUOTES = 4;

function words(doc: AnswerDocument): { index: number; word: string }[] {
  const out: { index: number; word: string }[] = [];
  doc.tokens.forEach((t, index) => {
    if (t.isWord) out.push({ index, word: norm(t) });
  });
  return out;
}

/** A per-100-words value from the token indices of the words counted, quoting the first few. */
function rateSignal(
  id: string,
  doc: AnswerDocument,
  hits: readonly number[],
  label: (tokenIndex: number) => string,
): { signal: string; value: number | null; evidence: Evidence[]; reason?: string } {
  const value = per100(hits.length, doc.wordCount);
  if (value === null) return { signal: id, value: null, evidence: [], reason: 'empty answer' };
  const evidence = hits.slice(0, EVIDENCE_QUOTES).map((i) => windowEvidence(doc, i, i, label(i), 3));
  return { signal: id, value, evidence };
}

function matching(doc: AnswerDocument, test: (word: string) => boolean): number[] {
  return words(doc)
    .filter((w) => test(w.word))
    .map((w) => w.index);
}

// ---------------------------------------------------------------------------------------------
// Unique words

/**
 * Distinct word types (lower-cased, curly apostrophes made straight) among the answer's words.
 * @example uniqueWordTypes(docFromText('We won. We WON again.')) // 3
 */
export function uniqueWordTypes(doc: AnswerDocument): number {
  return new Set(words(doc).map((w) => w.word)).size;
}

export const uniqueWords: LanguageSignal = {
  definition: {
    id: 'uniqueWords',
    name: 'Unique words',
    unit: 'count',
    range: [0, 100_000],
    method:
      'Number of distinct words (lower-cased word types, wink-nlp tokens) in the answer; the interview value is the mean per answer (the interview-wide count is the `interviewUniqueWords` feature).',
    source:
      'Naim et al. 2015/2018, "Automated Analysis and Prediction of Job Interview Performance" (unique words among the lexical features most predictive of ratings)',
  },
  compute(doc) {
    if (doc.wordCount === 0)
      return { signal: 'uniqueWords', value: null, evidence: [], reason: 'empty answer' };
    return { signal: 'uniqueWords', value: uniqueWordTypes(doc), evidence: [] };
  },
};

// ---------------------------------------------------------------------------------------------
// First person singular and plural (LIWC "i" and "we")

/** Transcribers drop the apostrophe ("Im pretty good"); wink-nlp keeps "Im" as one word. */
const SINGULAR_WITHOUT_APOSTROPHE = new Set(['im']);

/**
 * Token indices of first-person singular words (ownership.ts's list, plus "Im" written without
 * its apostrophe) and first-person plural words (ownership.ts's list; "US" the country is not "us").
 * @example firstPersonWords(docFromText('Im sure we did.')) // { singular: [0], plural: [2] }
 */
export function firstPersonWords(doc: AnswerDocument): { singular: number[]; plural: number[] } {
  const { singular, plural } = firstPersonReferences(doc);
  const extra = matching(doc, (w) => SINGULAR_WITHOUT_APOSTROPHE.has(w));
  return { singular: [...singular, ...extra].sort((a, b) => a - b), plural };
}

export const firstPersonSingularPer100: LanguageSignal = {
  definition: {
    id: 'firstPersonSingularPer100',
    name: 'I-words',
    unit: 'per 100 words',
    range: [0, 100],
    method:
      'First-person singular words (I, me, my, mine, myself, I\'m, and "Im" without its apostrophe) per 100 words; the first few are quoted.',
    source:
      'LIWC2015 category "i" (Pennebaker et al. 2015); Naim et al. 2015/2018 (first-person pronoun use predicts interview ratings)',
  },
  compute(doc) {
    const { singular } = firstPersonWords(doc);
    return rateSignal('firstPersonSingularPer100', doc, singular, () => 'I');
  },
};

export const firstPersonPluralPer100: LanguageSignal = {
  definition: {
    id: 'firstPersonPluralPer100',
    name: 'We-words',
    unit: 'per 100 words',
    range: [0, 100],
    method:
      'First-person plural words (we, us, our, ours, ourselves; not "US" the country) per 100 words; the first few are quoted.',
    source:
      'LIWC2015 category "we" (Pennebaker et al. 2015); Naim et al. 2015/2018 (more "we" than "I" went with higher interview ratings)',
  },
  compute(doc) {
    const { plural } = firstPersonWords(doc);
    return rateSignal('firstPersonPluralPer100', doc, plural, () => 'we');
  },
};

// ---------------------------------------------------------------------------------------------
// Positive and negative emotion words, as words said (VADER lexicon)

/**
 * Words VADER rates but that speech uses as discourse or politeness, not as emotion ("like",
 * "well", "yeah", "sure", "thanks"…): the research notes leave them out of both counts.
 */
export const EMOTION_WORD_EXCLUSIONS: ReadonlySet<string> = new Set(
  'like well pretty kind yeah yes ok okay sure please thank thanks no lol mean'.split(' '),
);

let lexicon: ReadonlyMap<string, number> | undefined;

/**
 * The VADER lexicon's single-word entries (letters and apostrophes) with their mean valence,
 * −4..+4 (Hutto & Gilbert 2014; the file shipped with the vader-sentiment package, MIT licence).
 * @example vaderLexicon().get('great') // 3.1
 */
export function vaderLexicon(): ReadonlyMap<string, number> {
  if (lexicon) return lexicon;
  const file = createRequire(import.meta.url).resolve('vader-sentiment/vader_lexicon.txt');
  const map = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [word, valence] = line.split('\t');
    if (word === undefined || valence === undefined || !/^[a-z']+$/.test(word)) continue;
    const v = Number(valence);
    if (Number.isFinite(v) && v !== 0) map.set(word, v);
  }
  return (lexicon = map);
}

/**
 * The VADER valence of a word as said (no negation or intensifier rules: a count of words, not a
 * sentence's sentiment), or 0 for words outside the lexicon and the discourse words left out.
 * @example wordValence('great') // 3.1
 */
export function wordValence(word: string): number {
  if (EMOTION_WORD_EXCLUSIONS.has(word)) return 0;
  return vaderLexicon().get(word) ?? 0;
}

const signedValence = (doc: AnswerDocument) => (i: number) => {
  const v = wordValence(norm(doc.tokens[i]!));
  return `valence ${v > 0 ? '+' : ''}${v}`;
};

export const positiveWordsPer100: LanguageSignal = {
  definition: {
    id: 'positiveWordsPer100',
    name: 'Positive emotion words',
    unit: 'per 100 words',
    range: [0, 100],
    method:
      "Words with a positive valence in the VADER lexicon (e.g. great, enjoy, helped), per 100 words, counted as words said: no negation rules and no reading of the speaker's feelings; discourse words VADER also rates (like, well, yeah, sure, okay, thanks…) are not counted.",
    source:
      'VADER lexicon, Hutto & Gilbert 2014 (ICWSM); LIWC2015 category "posemo" (Pennebaker et al. 2015); Naim et al. 2015/2018',
  },
  compute(doc) {
    const hits = matching(doc, (w) => wordValence(w) > 0);
    return rateSignal('positiveWordsPer100', doc, hits, signedValence(doc));
  },
};

export const negativeWordsPer100: LanguageSignal = {
  definition: {
    id: 'negativeWordsPer100',
    name: 'Negative emotion words',
    unit: 'per 100 words',
    range: [0, 100],
    method:
      'Words with a negative valence in the VADER lexicon (e.g. problem, difficult, failed), per 100 words, counted as words said: no negation rules and no reading of the speaker\'s feelings; "no" is not counted.',
    source:
      'VADER lexicon, Hutto & Gilbert 2014 (ICWSM); LIWC2015 category "negemo" (Pennebaker et al. 2015); Naim et al. 2015/2018',
  },
  compute(doc) {
    const hits = matching(doc, (w) => wordValence(w) < 0);
    return rateSignal('negativeWordsPer100', doc, hits, signedValence(doc));
  },
};

// ---------------------------------------------------------------------------------------------
// Numbers, quantifiers, articles (LIWC "number", "quant", "article")

const NUMBER_WORDS: ReadonlySet<string> = new Set(
  `zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
  sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
  thousand million billion first second third fourth fifth half twice once dozen percent`.split(/\s+/),
);
const QUANTIFIERS: ReadonlySet<string> = new Set(
  'all many much few several most more less lot lots some every each both any enough none whole entire'.split(
    ' ',
  ),
);
const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);

export const numberWordsPer100: LanguageSignal = {
  definition: {
    id: 'numberWordsPer100',
    name: 'Number words',
    unit: 'per 100 words',
    range: [0, 100],
    method:
      'Numbers written as digits (40, 2019, 3.5) and number words (two, hundred, first, half, twice, percent…) per 100 words; the first few are quoted.',
    source: 'LIWC2015 category "number" (Pennebaker et al. 2015); Naim et al. 2015/2018',
  },
  compute(doc) {
    const hits = matching(doc, (w) => NUMBER_WORDS.has(w) || /^\d/.test(w));
    return rateSignal('numberWordsPer100', doc, hits, (i) => doc.tokens[i]!.text);
  },
};

export const quantifierWordsPer100: LanguageSignal = {
  definition: {
    id: 'quantifierWordsPer100',
    name: 'Quantifiers',
    unit: 'per 100 words',
    range: [0, 100],
    method:
      'Quantifiers (all, many, much, few, several, most, more, less, lot, some, every, each, both, any, enough, none, whole, entire) per 100 words.',
    source:
      'LIWC2015 category "quant" (Pennebaker et al. 2015); Naim et al. 2015/2018 (quantifiers among the lexical features predictive of ratings)',
  },
  compute(doc) {
    const hits = matching(doc, (w) => QUANTIFIERS.has(w));
    return rateSignal('quantifierWordsPer100', doc, hits, (i) => doc.tokens[i]!.text);
  },
};

export const articlesPer100: LanguageSignal = {
  definition: {
    id: 'articlesPer100',
    name: 'Articles',
    unit: 'per 100 words',
    range: [0, 100],
    method: 'The articles a, an and the per 100 words (a proxy LIWC uses for concrete, noun-heavy speech).',
    source: 'LIWC2015 category "article" (Pennebaker et al. 2015); Naim et al. 2015/2018',
  },
  compute(doc) {
    const hits = matching(doc, (w) => ARTICLES.has(w));
    const value = per100(hits.length, doc.wordCount);
    if (value === null)
      return { signal: 'articlesPer100', value: null, evidence: [], reason: 'empty answer' };
    return { signal: 'articlesPer100', value, evidence: [] };
  },
};

/** The word-category signals, in catalogue order. */
export const WORD_CATEGORY_SIGNALS: readonly LanguageSignal[] = [
  uniqueWords,
  firstPersonSingularPer100,
  firstPersonPluralPer100,
  positiveWordsPer100,
  negativeWordsPer100,
  numberWordsPer100,
  quantifierWordsPer100,
  articlesPer100,
];
