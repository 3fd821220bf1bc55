import type { AnswerDocument, Token } from '../text-document.js';
import { MAX_EVIDENCE, type LanguageSignal } from '../language-signal.js';
import { PAST_TIME_PHRASES } from './lexicons/time-expressions.js';
import { PhraseMatcher } from './phrase-matcher.js';
import { findSpecifics } from './specificity.js';
import { norm } from './token-context.js';

/**
 * A personal example is a sentence that narrates what the speaker (or their team) did, when and
 * where: the past behaviour that behavioural interviews ask for (Janz 1982; STAR method).
 */

const timeMatcher = new PhraseMatcher(PAST_TIME_PHRASES);
const SUBJECTS = new Set(['i', "i'm", 'we']);
const GROUP_OWNERS = new Set(['my', 'our']);
/** Present-tense forms whose lemma differs from the word: not past. */
const PRESENT_FORMS = new Set(['am', 'is', 'are', "'m", "'re", "'s", "'ve", "i'm", 'has', 'does', 'goes']);
/** Modals wink may lemmatise to another form ("could" → "can"): not a narrated past event. */
const MODALS = new Set([
  'could',
  'would',
  'should',
  'might',
  'must',
  "'d",
  'will',
  "'ll",
  'can',
  'may',
  'shall',
]);
/**
 * Past forms identical to their lemma, which the lemma test cannot see ("we cut costs",
 * "I set up", "I read the logs"): counted when a first-person subject is right before them.
 */
const SAME_FORM_PAST = new Set([
  'cut',
  'put',
  'set',
  'hit',
  'let',
  'quit',
  'shut',
  'read',
  'spread',
  'split',
  'cost',
  'beat',
  'bet',
  'hurt',
  'upset',
  'broadcast',
  'forecast',
]);

/**
 * If token `i` starts a first-person subject — I, we, or "my team" / "our manager" (my/our + a
 * noun) — the index of its last token, else -1.
 */
function firstPersonSubjectEnd(doc: AnswerDocument, i: number): number {
  const t = doc.tokens[i] as Token;
  const lower = norm(t);
  if (SUBJECTS.has(lower)) return i;
  const next = doc.tokens[i + 1];
  return GROUP_OWNERS.has(lower) && next?.pos === 'NOUN' && next.sentence === t.sentence ? i + 1 : -1;
}

/** How far after its subject a verb may come: "I quickly rewrote", "we had already shipped". */
const VERB_REACH = 4;

/** A past-tense verb within reach after a first-person subject, before any punctuation. */
function narratesOwnPast(doc: AnswerDocument, subjectEnd: number): boolean {
  const sentence = doc.tokens[subjectEnd]?.sentence;
  for (let j = subjectEnd + 1; j <= subjectEnd + VERB_REACH; j++) {
    const t = doc.tokens[j];
    if (t === undefined || t.sentence !== sentence || t.type === 'punctuation') return false;
    if (isPastVerb(doc, j)) return true;
  }
  return false;
}

/**
 * A past-tense verb: wink's lemma differs from the word and the word is neither present
 * (-s, -ing, is/are) nor a modal, or it is a same-form past ("cut") right after I/we.
 * @example isPastVerb(docFromText('We cut costs.'), 1) // true
 */
export function isPastVerb(doc: AnswerDocument, i: number): boolean {
  const t = doc.tokens[i] as Token;
  if (t.pos !== 'VERB' && t.pos !== 'AUX') return false;
  const lower = norm(t);
  if (MODALS.has(lower) || PRESENT_FORMS.has(lower)) return false;
  if (t.lemma.toLowerCase() !== lower) {
    if (lower.endsWith('ing')) return false;
    return !lower.endsWith('s') || lower === 'was';
  }
  const prev = doc.tokens[i - 1];
  return SAME_FORM_PAST.has(lower) && prev !== undefined && (prev.lower === 'i' || prev.lower === 'we');
}

/**
 * Indices of sentences that narrate a personal experience with a specific detail.
 * @example findPersonalExamples(docFromText('I joined Stripe in 2019. I like teamwork.')) // [0]
 */
export function findPersonalExamples(doc: AnswerDocument): number[] {
  const specific = new Uint8Array(doc.sentences.length);
  for (const s of findSpecifics(doc)) specific[s.sentence] = 1;
  for (const m of timeMatcher.match(doc)) specific[m.sentence] = 1;
  const out: number[] = [];
  for (const s of doc.sentences) {
    if (specific[s.index] !== 1) continue;
    for (let i = s.firstToken; i <= s.lastToken; i++) {
      const end = firstPersonSubjectEnd(doc, i);
      if (end >= 0 && narratesOwnPast(doc, end)) {
        out.push(s.index);
        break;
      }
    }
  }
  return out;
}

export const personalExamples: LanguageSignal = {
  definition: {
    id: 'personalExamples',
    name: 'Personal examples',
    unit: 'count',
    range: [0, 10_000],
    method:
      'Counts sentences where a first-person subject (I, we, my team) is followed within four words by a past-tense verb, and that hold at least one specific: a number, date, name, or a past-time anchor such as "last year" or "in my previous role".',
    source:
      'Janz 1982 (patterned behaviour description interview); STAR method; Candor lexicon, see signals/lexicons/time-expressions.ts',
  },
  compute(doc) {
    const sentences = findPersonalExamples(doc);
    return {
      signal: 'personalExamples',
      value: sentences.length,
      evidence: sentences.slice(0, MAX_EVIDENCE).map((i) => doc.sentenceEvidence(i, 'personal example')),
    };
  },
};
