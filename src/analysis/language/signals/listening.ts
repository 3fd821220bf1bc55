import type { Evidence } from '../../../domain/index.js';
import { buildDocumentFromSegments, type AnswerDocument } from '../text-document.js';
import { MAX_EVIDENCE, per100, type LanguageSignal } from '../language-signal.js';
import { LISTENING_PHRASES, PROMPT_TEMPLATE_WORDS } from './lexicons/listening.js';
import { PhraseMatcher, type PhraseMatch } from './phrase-matcher.js';
import { windowEvidence } from './token-context.js';

const matcher = new PhraseMatcher(LISTENING_PHRASES);
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ']);
const TEMPLATE = new Set(PROMPT_TEMPLATE_WORDS);
const HAS_LETTER = /\p{L}/u;
/** Content words an answer sentence must share with the question to count as taking it up. */
export const ECHO_MIN_SHARED = 2;
const CACHE_LIMIT = 1_000;
const promptCache = new Map<string, ReadonlySet<string>>();

function isContent(lemma: string, pos: string, stop: boolean): boolean {
  return CONTENT_POS.has(pos) && !stop && lemma.length >= 3 && !TEMPLATE.has(lemma) && HAS_LETTER.test(lemma);
}

/**
 * Lemmas of the content words (nouns, verbs, adjectives; no stop words or question-template words
 * like "tell", "describe", "time") of a question. Cached: every answer to a question asks again.
 * @example promptContentWords('Tell me about a time you handled a difficult customer.') // {'handle', 'difficult', 'customer'}
 */
export function promptContentWords(text: string): ReadonlySet<string> {
  const cached = promptCache.get(text);
  if (cached) return cached;
  // Tokenised exactly like answers, so lemmas compare equal.
  const doc = buildDocumentFromSegments(0, [{ speaker: null, start: null, end: null, text }]);
  const words = new Set<string>();
  for (const t of doc.tokens) {
    const lemma = t.lemma.toLowerCase();
    if (t.isWord && isContent(lemma, t.pos, t.stop)) words.add(lemma);
  }
  if (promptCache.size >= CACHE_LIMIT) promptCache.clear();
  promptCache.set(text, words);
  return words;
}

export interface QuestionEcho {
  readonly sentence: number;
  /** The question's content words this sentence reuses, in order of first use. */
  readonly words: readonly string[];
}

/**
 * Answer sentences that reuse at least two content words of the interviewer's prompt or question.
 * @example findQuestionEchoes(docFromText('The customer was difficult.', 'Tell me about a difficult customer.')) // [{ sentence: 0, words: ['customer', 'difficult'] }]
 */
export function findQuestionEchoes(doc: AnswerDocument): QuestionEcho[] {
  const prompt = [doc.promptText, doc.questionText ?? ''].join(' ').trim();
  if (prompt === '') return [];
  const wanted = promptContentWords(prompt);
  if (wanted.size < ECHO_MIN_SHARED) return [];
  const out: QuestionEcho[] = [];
  for (const s of doc.sentences) {
    const shared: string[] = [];
    for (let i = s.firstToken; i <= s.lastToken; i++) {
      const t = doc.tokens[i];
      if (t === undefined || !t.isWord) continue;
      const lemma = t.lemma.toLowerCase();
      if (wanted.has(lemma) && isContent(lemma, t.pos, t.stop) && !shared.includes(lemma)) shared.push(lemma);
    }
    if (shared.length >= ECHO_MIN_SHARED) out.push({ sentence: s.index, words: shared });
  }
  return out;
}

/**
 * Listening phrases ("as you mentioned", "to clarify", …) in text order.
 * @example findListeningPhrases(docFromText('Good question. To clarify, …')).map((m) => m.label) // ['good question', 'to clarify']
 */
export function findListeningPhrases(doc: AnswerDocument): PhraseMatch[] {
  return matcher.match(doc);
}

export const listeningMarkersPer100: LanguageSignal = {
  definition: {
    id: 'listeningMarkersPer100',
    name: 'Listening markers',
    unit: 'per 100 words',
    range: [0, 100],
    method:
      'Counts phrases that take up the question (as you mentioned, you asked, to clarify, good question, if I understand, …) plus answer sentences that reuse at least two content words of the interviewer\'s prompt or question (at most once per sentence; template words like "tell", "describe", "time" excluded), per 100 words.',
    source: 'Active listening, Rogers & Farson 1957; Candor lexicon, see signals/lexicons/listening.ts',
  },
  compute(doc) {
    const phrases = findListeningPhrases(doc);
    const echoes = findQuestionEchoes(doc);
    const value = per100(phrases.length + echoes.length, doc.wordCount);
    const items: { at: number; evidence: () => Evidence }[] = [
      ...phrases.map((m) => ({
        at: m.start,
        evidence: () => windowEvidence(doc, m.firstToken, m.lastToken, m.label, 4),
      })),
      ...echoes.map((e) => ({
        at: doc.sentences[e.sentence]?.start ?? 0,
        evidence: () => doc.sentenceEvidence(e.sentence, `echoes the question: ${e.words.join(', ')}`),
      })),
    ];
    items.sort((a, b) => a.at - b.at);
    return {
      signal: 'listeningMarkersPer100',
      value,
      evidence: items.slice(0, MAX_EVIDENCE).map((item) => item.evidence()),
      ...(value === null ? { reason: 'empty answer' } : {}),
    };
  },
};
