import type { AnswerDocument, Token } from '../text-document.js';
import { MAX_EVIDENCE, per100, type LanguageSignal } from '../language-signal.js';
import { FILLER_SOUNDS } from './lexicons/fillers.js';
import { norm } from './token-context.js';

/**
 * Concrete detail: the numbers, amounts, dates, durations and names an answer commits to.
 * Specific, verifiable detail is what separates a behavioural example from a generality
 * (Janz 1982; the "specificity" criterion of STAR rubrics).
 */

export type SpecificKind = 'number' | 'date' | 'time' | 'duration' | 'money' | 'percent' | 'name';

export interface SpecificItem {
  readonly firstToken: number;
  readonly lastToken: number;
  readonly sentence: number;
  readonly kind: SpecificKind;
}

const ENTITY_KINDS: Readonly<Record<string, SpecificKind>> = {
  DATE: 'date',
  TIME: 'time',
  DURATION: 'duration',
  CARDINAL: 'number',
  ORDINAL: 'number',
  MONEY: 'money',
  PERCENT: 'percent',
  URL: 'name',
  EMAIL: 'name',
};
/** Time words that pin a date/duration down without a number ("yesterday", "two weeks ago"). */
const ANCHOR_WORDS = new Set(['ago', 'last', 'yesterday', 'today', 'tomorrow', 'tonight']);
/** Capitalised words wink may tag as proper nouns that name nothing. */
const NOT_NAMES = new Set([
  ...FILLER_SOUNDS,
  "i'm",
  'i',
  'okay',
  'ok',
  'yeah',
  'yes',
  'no',
  'hi',
  'hello',
  'oh',
  'wow',
  'right',
  'well',
  'so',
  'um-hmm',
]);
/** "one" is rarely a count ("one of the", "one day"); a digit always is. */
const VAGUE_NUMBERS = new Set(['one']);
const DIGIT = /\d/;
const ACRONYM = /^[A-Z][A-Z0-9&]{1,}s?$/;

function isNumberToken(t: Token): boolean {
  return (t.type === 'number' || t.pos === 'NUM') && !VAGUE_NUMBERS.has(t.lower);
}

/** An entity counts when it pins something down: temporal ones need a number, a name or an anchor word. */
function entityIsSpecific(doc: AnswerDocument, first: number, last: number, kind: SpecificKind): boolean {
  let anchored = false;
  for (let i = first; i <= last; i++) {
    const t = doc.tokens[i] as Token;
    if (DIGIT.test(t.text)) return true;
    if (isNumberToken(t) || t.pos === 'PROPN' || ANCHOR_WORDS.has(t.lower)) anchored = true;
  }
  if (kind === 'number')
    return anchored && !(first === last && VAGUE_NUMBERS.has(doc.tokens[first]?.lower ?? ''));
  if (kind === 'date' || kind === 'time' || kind === 'duration') return anchored;
  return true;
}

const CAPITALISED = /^\p{Lu}/u;

/**
 * A word that names something: an acronym (AWS, KPI), or a capitalised word inside a sentence
 * (wink's tagger misses unknown names like "Ted"). A capitalised first word of a sentence is only
 * a name when wink tags it PROPN and it is not alone: followed by another name ("Renee Kelso
 * said"), by a comma ("Bryan, it…"), or capitalised again mid-sentence elsewhere in the answer.
 * That keeps "Call me", "Pros and cons" out at the cost of a lone sentence-initial name.
 */
function isName(doc: AnswerDocument, i: number, midSentenceNames: ReadonlySet<string>): boolean {
  const t = doc.tokens[i] as Token;
  if (t.type !== 'word' || NOT_NAMES.has(norm(t))) return false;
  if (ACRONYM.test(t.text) && t.text !== 'I' && t.text !== 'OK') return true;
  if (!CAPITALISED.test(t.text)) return false;
  const first = doc.sentences[t.sentence]?.firstToken === i;
  if (!first) return true;
  if (t.pos !== 'PROPN' || t.stop) return false;
  const next = doc.tokens[i + 1];
  if (next !== undefined && next.sentence === t.sentence && (next.text === ',' || isMidName(doc, i + 1)))
    return true;
  return midSentenceNames.has(t.text);
}

/** A capitalised word that is not the first of its sentence and not excluded: part of a name. */
function isMidName(doc: AnswerDocument, i: number): boolean {
  const t = doc.tokens[i];
  if (t === undefined || t.type !== 'word' || NOT_NAMES.has(norm(t))) return false;
  return doc.sentences[t.sentence]?.firstToken !== i && CAPITALISED.test(t.text);
}

/**
 * Every specific item in text order, each once: entities first (so "March 2021" is one date),
 * then numbers with the noun they count ("20 users"), then runs of proper nouns and acronyms.
 * @example findSpecifics(docFromText('We cut latency by 30% at Google.')).map((s) => s.kind) // ['percent', 'name']
 */
export function findSpecifics(doc: AnswerDocument): SpecificItem[] {
  const tokens = doc.tokens;
  const entityEnd = new Int32Array(tokens.length).fill(-1);
  const entityKind = new Map<number, SpecificKind>();
  for (const e of doc.entities) {
    const kind = ENTITY_KINDS[e.type];
    if (kind === undefined || !entityIsSpecific(doc, e.firstToken, e.lastToken, kind)) continue;
    if (entityEnd[e.firstToken] === -1) {
      entityEnd[e.firstToken] = e.lastToken;
      entityKind.set(e.firstToken, kind);
    }
  }
  const midSentenceNames = new Set<string>();
  for (let i = 0; i < tokens.length; i++)
    if (isMidName(doc, i)) midSentenceNames.add((tokens[i] as Token).text);
  const name = (i: number): boolean => isName(doc, i, midSentenceNames);
  const items: SpecificItem[] = [];
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i] as Token;
    const end = entityEnd[i] ?? -1;
    if (end >= 0) {
      const kind = entityKind.get(i) ?? 'number';
      items.push({ firstToken: i, lastToken: withCountedNoun(doc, end, kind), sentence: t.sentence, kind });
      i = Math.max(end, items[items.length - 1]?.lastToken ?? end) + 1;
    } else if (isNumberToken(t)) {
      const last = withCountedNoun(doc, i, 'number');
      items.push({ firstToken: i, lastToken: last, sentence: t.sentence, kind: 'number' });
      i = last + 1;
    } else if (name(i)) {
      let last = i;
      while (last + 1 < tokens.length && entityEnd[last + 1] === -1 && name(last + 1)) last++;
      items.push({ firstToken: i, lastToken: last, sentence: t.sentence, kind: 'name' });
      i = last + 1;
    } else {
      i++;
    }
  }
  return items;
}

/** "20 users", "3 GB", "5 %": a bare number takes the noun or unit right after it. */
function withCountedNoun(doc: AnswerDocument, last: number, kind: SpecificKind): number {
  if (kind !== 'number') return last;
  const next = doc.tokens[last + 1];
  const lastToken = doc.tokens[last];
  if (next === undefined || lastToken === undefined || next.sentence !== lastToken.sentence) return last;
  return next.pos === 'NOUN' || next.pos === 'PROPN' || next.type === 'symbol' ? last + 1 : last;
}

export const specificityPer100: LanguageSignal = {
  definition: {
    id: 'specificityPer100',
    name: 'Specific detail',
    unit: 'per 100 words',
    range: [0, 100],
    method:
      'Counts concrete items per 100 words: numbers (with the noun or unit they count), money, percentages, dates, times and durations that contain a number, a name or an anchor like "ago", and proper nouns or acronyms (people, companies, places, tools); each item once.',
    source:
      'wink-nlp entities and part-of-speech tags; specificity criterion of behavioural-interview (STAR) rubrics',
  },
  compute(doc) {
    const items = findSpecifics(doc);
    const value = per100(items.length, doc.wordCount);
    return {
      signal: 'specificityPer100',
      value,
      evidence: items.slice(0, MAX_EVIDENCE).map((s) => {
        const first = doc.tokens[s.firstToken] as Token;
        const last = doc.tokens[s.lastToken] as Token;
        return doc.evidence(first.start, last.end, s.kind);
      }),
      ...(value === null ? { reason: 'empty answer' } : {}),
    };
  },
};
