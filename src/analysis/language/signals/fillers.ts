import type { Evidence } from '../../../domain/index.js';
import type { AnswerDocument, Token } from '../text-document.js';
import { MAX_EVIDENCE, per100, type LanguageSignal } from '../language-signal.js';
import {
  FILLER_ADVERBS,
  FILLER_SOUNDS,
  LIKE_COMPARISON_HEADS,
  LIKE_FOCUSED_INTENSIFIERS,
  LIKE_VERB_ANCHORS,
  LIKE_VERB_SKIPPABLE,
} from './lexicons/fillers.js';
import { isPause, isSentenceEnd, norm, previousWord, tokenIn, windowEvidence } from './token-context.js';

/**
 * Filler words, decided token by token from the word and its neighbours (one pass, no regex over
 * the text). Rules, in the order applied:
 * - um, uh, er, erm, ah, hmm, mm (and spellings) always, except inside "mm-hmm" / "uh-huh";
 * - "basically" always; "actually" never (it usually carries a contrast);
 * - "like" only as a discourse marker: between pauses (", like," / "Like," / "like, um"), quotative
 *   after be ("was like," / "I'm like, …"), before a filler (unless a noun phrase follows it:
 *   "alternatives like uh speech recognition" is a list of examples), or focusing an intensifier after a
 *   pause or be ("was like really hard"); never after a subject, modal or "to" ("I like Python",
 *   "would like to") nor after a comparison head ("looks like a bug", "something like 20 users"),
 *   and never when nothing marks it ("like this");
 * - "you know" only with no complement: followed by a pause, the sentence end or a filler, and not
 *   after "do", "if", "as", "what" ("do you know", "as you know", "you know the answer");
 * - "I mean" only as a discourse marker: followed by a pause or the sentence end, or opening a
 *   clause ("I mean we did it"); never after "what", "if", "you" ("what I mean is").
 * "kind of" / "sort of" are hedges and are counted by `hedgesPer100`, not here.
 */

export interface FillerHit {
  readonly firstToken: number;
  readonly lastToken: number;
  /** The filler as it is counted: 'um', 'like', 'you know', 'I mean', … */
  readonly label: string;
}

const SOUNDS = new Set(FILLER_SOUNDS);
const ADVERBS = new Set(FILLER_ADVERBS);
const VERB_SKIP = new Set(LIKE_VERB_SKIPPABLE);
const VERB_ANCHORS = new Set(LIKE_VERB_ANCHORS);
const COMPARISON_HEADS = new Set(LIKE_COMPARISON_HEADS);
const INTENSIFIERS = new Set(LIKE_FOCUSED_INTENSIFIERS);
const YOU_KNOW_BLOCKERS = new Set([
  'do',
  'did',
  'does',
  "n't",
  'if',
  'as',
  'what',
  'how',
  'would',
  'will',
  'that',
]);
const I_MEAN_BLOCKERS = new Set(['what', 'if', 'you', 'do', 'did', "n't", 'that', 'which', 'how']);
const CLAUSE_SUBJECTS = new Set([
  'i',
  "i'm",
  'we',
  'they',
  'it',
  'he',
  'she',
  'you',
  'that',
  'this',
  'there',
]);
const QUOTES = new Set(['"', '“', '”', "'"]);
const CONJUNCTIONS = new Set(['and', 'but', 'or', 'so']);

/**
 * True when token `i` is a vocal filler sound, not part of a hyphen-joined backchannel or
 * exclamation ("mm-hmm", "uh-huh", "uh-uh", "uh-oh").
 * @example isFillerSound(docFromText('Mm-hmm.'), 0) // false
 */
export function isFillerSound(doc: AnswerDocument, i: number): boolean {
  const t = doc.tokens[i];
  if (t === undefined || !SOUNDS.has(t.lower)) return false;
  const dash = doc.tokens[i + 1];
  const tail = doc.tokens[i + 2];
  if (dash?.text === '-' && dash.start === t.end && tail?.type === 'word' && tail.start === dash.end)
    return false;
  const before = doc.tokens[i - 1];
  const head = doc.tokens[i - 2];
  return !(
    before?.text === '-' &&
    before.end === t.start &&
    head?.type === 'word' &&
    head.end === before.start
  );
}

/**
 * Every filler in the answer, in text order.
 * @example findFillers(docFromText('So um, it was, like, fine.')).map((h) => h.label) // ['um', 'like']
 */
export function findFillers(doc: AnswerDocument): FillerHit[] {
  const hits: FillerHit[] = [];
  const tokens = doc.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined || !t.isWord) continue;
    const lower = norm(t);
    if (isFillerSound(doc, i)) {
      hits.push({ firstToken: i, lastToken: i, label: lower });
    } else if (ADVERBS.has(lower)) {
      hits.push({ firstToken: i, lastToken: i, label: lower });
    } else if (lower === 'like' && isDiscourseLike(doc, i)) {
      hits.push({ firstToken: i, lastToken: i, label: 'like' });
    } else if (
      lower === 'you' &&
      tokenIn(doc, i + 1, t.sentence)?.lower === 'know' &&
      isDiscourseYouKnow(doc, i)
    ) {
      hits.push({ firstToken: i, lastToken: i + 1, label: 'you know' });
      i++;
    } else if (
      lower === 'i' &&
      tokenIn(doc, i + 1, t.sentence)?.lower === 'mean' &&
      isDiscourseIMean(doc, i)
    ) {
      hits.push({ firstToken: i, lastToken: i + 1, label: 'I mean' });
      i++;
    }
  }
  return hits;
}

function isFillerAt(doc: AnswerDocument, i: number): boolean {
  const t = doc.tokens[i];
  return t !== undefined && (isFillerSound(doc, i) || ADVERBS.has(t.lower));
}

/**
 * "like" at token `i` is a discourse marker, not a verb, preposition or comparison.
 * @example isDiscourseLike(docFromText('He was like, no way.'), 2) // true
 */
export function isDiscourseLike(doc: AnswerDocument, i: number): boolean {
  const t = doc.tokens[i] as Token;
  const s = t.sentence;
  // Verb: a subject, modal or "to" before it, possibly across "really", "don't", "'d".
  for (let j = i - 1; j >= 0; j--) {
    const p = tokenIn(doc, j, s);
    if (p === undefined || p.type !== 'word') break;
    const lower = norm(p);
    if (VERB_ANCHORS.has(lower)) return false;
    if (!VERB_SKIP.has(lower)) break;
  }
  const pw = previousWord(doc, i);
  const prevWord = pw >= 0 ? doc.tokens[pw] : undefined;
  if (
    prevWord !== undefined &&
    (COMPARISON_HEADS.has(prevWord.lemma) || COMPARISON_HEADS.has(prevWord.lower))
  )
    return false;

  const prev = tokenIn(doc, i - 1, s);
  const next = tokenIn(doc, i + 1, s);
  const pauseBefore =
    prev === undefined ||
    isPause(prev) ||
    isFillerAt(doc, i - 1) ||
    (prev.isWord && CONJUNCTIONS.has(prev.lower));
  const nextIsFiller = next !== undefined && isFillerAt(doc, i + 1);
  // "alternatives like uh speech recognition": a hesitation inside an example or comparison.
  if (nextIsFiller && fillerThenNounPhrase(doc, i)) return false;
  const pauseAfter = isPause(next) || isSentenceEnd(next) || nextIsFiller;
  if (pauseBefore && pauseAfter) return true;
  if (nextIsFiller) return true;
  const afterBe = prev !== undefined && prev.isWord && (prev.lemma === 'be' || norm(prev) === "i'm");
  // Quotative "be like": "he was like, no way", "I'm like "why?"".
  if (afterBe && (pauseAfter || (next !== undefined && QUOTES.has(next.text)))) return true;
  if ((afterBe || pauseBefore) && next !== undefined && INTENSIFIERS.has(next.lower)) return true;
  return false;
}

/** Parts of speech that make up a noun phrase ("a tenth", "speech recognition", "the normal batteries"). */
const NOUN_PHRASE = new Set(['DET', 'NOUN', 'PROPN', 'ADJ', 'NUM']);
const POSSESSIVES = new Set(['my', 'your', 'his', 'her', 'its', 'our', 'their']);

const inNounPhrase = (t: Token | undefined): boolean =>
  t !== undefined && t.isWord && (NOUN_PHRASE.has(t.pos) || POSSESSIVES.has(norm(t)));

/**
 * "like" at `i` is followed by filler sounds (no pause between; "like" again may follow them) and then a noun phrase that is not
 * the subject of a clause: "like uh speech recognition", "like uh a tenth of the price", but not
 * "like um the user could determine" (a verb follows the noun phrase) nor "like um we think".
 */
function fillerThenNounPhrase(doc: AnswerDocument, i: number): boolean {
  const s = (doc.tokens[i] as Token).sentence;
  let j = i + 1;
  // Fillers, and "like" said again after them ("colours like uh like a black").
  for (let t = tokenIn(doc, j, s); t !== undefined && (isFillerAt(doc, j) || norm(t) === 'like');) {
    j++;
    t = tokenIn(doc, j, s);
  }
  if (!inNounPhrase(tokenIn(doc, j, s))) return false;
  let k = j + 1;
  while (inNounPhrase(tokenIn(doc, k, s))) k++;
  const after = tokenIn(doc, k, s);
  return !(after?.isWord === true && (after.pos === 'AUX' || after.pos === 'VERB'));
}

/**
 * "you know" at `i` with no complement after it: "it was, you know, hard" but not "you know the answer".
 * @example isDiscourseYouKnow(docFromText('You know the answer.'), 0) // false
 */
export function isDiscourseYouKnow(doc: AnswerDocument, i: number): boolean {
  const s = (doc.tokens[i] as Token).sentence;
  // Only a word right before blocks: in "how much does , you know , a remote cost" the pause frees it.
  const prev = tokenIn(doc, i - 1, s);
  if (prev?.type === 'word' && YOU_KNOW_BLOCKERS.has(norm(prev))) return false;
  const next = tokenIn(doc, i + 2, s);
  // "you know?" as a tag question is a discourse marker too; a word after "know" is its complement.
  return isPause(next) || isSentenceEnd(next) || next?.text === '?' || isFillerAt(doc, i + 2);
}

/**
 * "I mean" at `i` as a discourse marker: "I mean, it was hard", not "what I mean is".
 * @example isDiscourseIMean(docFromText('I mean, it was hard.'), 0) // true
 */
export function isDiscourseIMean(doc: AnswerDocument, i: number): boolean {
  const s = (doc.tokens[i] as Token).sentence;
  const prev = tokenIn(doc, i - 1, s);
  if (prev !== undefined && prev.isWord && I_MEAN_BLOCKERS.has(norm(prev))) return false;
  const next = tokenIn(doc, i + 2, s);
  if (isPause(next) || isSentenceEnd(next) || isFillerAt(doc, i + 2)) return true;
  const clauseStart =
    prev === undefined || isPause(prev) || CONJUNCTIONS.has(prev.lower) || isFillerAt(doc, i - 1);
  const verb = tokenIn(doc, i + 3, s);
  return (
    clauseStart &&
    next !== undefined &&
    CLAUSE_SUBJECTS.has(norm(next)) &&
    verb !== undefined &&
    (verb.pos === 'AUX' || verb.pos === 'VERB' || norm(next) === "i'm")
  );
}

export const fillerWordsPer100: LanguageSignal = {
  definition: {
    id: 'fillerWordsPer100',
    name: 'Filler words',
    unit: 'per 100 words',
    range: [0, 100],
    method:
      'Counts um, uh, er, erm, ah, hmm, mm and "basically" everywhere, and "like", "you know", "I mean" only where their neighbours show a discourse use (", like," / "was like," / "you know," / "I mean,"), per 100 words. "kind of"/"sort of" are counted as hedges, "actually" is not counted. In a recording, a filled pause heard in the sound (a steady voiced hum or vowel of 0.25 s or more between silences) counts as "uh", with its time.',
    source:
      "Clark & Fox Tree 2002 (uh, um); Fox Tree & Schrock 2002 (I mean, you know); Dailey-O'Cain 2000 (discourse like); Candor lexicon, see signals/lexicons/fillers.ts; filled pauses from the sound after Goto, Itou & Hayamizu 1999 (src/analysis/speech/filled-pauses)",
  },
  compute(doc) {
    const hits = findFillers(doc);
    const value = per100(hits.length, doc.wordCount);
    return {
      signal: 'fillerWordsPer100',
      value,
      evidence: hits.slice(0, MAX_EVIDENCE).map((h) => fillerEvidence(doc, h)),
      ...(value === null ? { reason: 'empty answer' } : {}),
    };
  },
};

/**
 * The quote around a filler; for a filled pause heard in the sound (not recognised), its own times
 * and a label that says so: "uh (filled pause heard at 5.6 s)".
 */
function fillerEvidence(doc: AnswerDocument, hit: FillerHit): Evidence {
  const evidence = windowEvidence(doc, hit.firstToken, hit.lastToken, hit.label);
  const token = doc.tokens[hit.firstToken];
  const heard = token ? doc.heardFilledPause(token.start, token.end) : null;
  if (!heard) return evidence;
  const label = `${hit.label} (filled pause heard at ${heard.start.toFixed(1)} s)`;
  return { ...evidence, start: heard.start, end: heard.end, label };
}
