import type { AnswerDocument, Token } from '../text-document.js';
import { MAX_EVIDENCE, per100, type LanguageSignal } from '../language-signal.js';
import { ADAPTABILITY_PHRASES } from './lexicons/adaptability.js';
import { ABOUT_OTHERS_ONLY, EMPATHY_PHRASES, FIRST_PERSON_PRONOUNS } from './lexicons/empathy.js';
import { GOAL_PHRASES } from './lexicons/goals.js';
import { REASONING_PHRASES } from './lexicons/reasoning.js';
import { isNumber, PhraseMatcher, type PhraseMatch } from './phrase-matcher.js';
import { norm, previousWord, tokenIn, windowEvidence } from './token-context.js';

export interface MarkerSignalSpec {
  readonly id: string;
  readonly name: string;
  readonly phrases: readonly string[];
  readonly method: string;
  readonly source: string;
  /** Drops matches the lexicon alone cannot judge (e.g. "frustrated" said of oneself). */
  readonly accept?: (doc: AnswerDocument, match: PhraseMatch) => boolean;
}

/** Words shown either side of a marker in its evidence quote. */
const MARKER_CONTEXT_WORDS = 4;

/**
 * A per-100-words signal counting the phrases of one lexicon, each span once.
 * @example createMarkerSignal({ id: 'x', name: 'X', phrases: ['because'], method: '…', source: '…' })
 */
export function createMarkerSignal(
  spec: MarkerSignalSpec,
): LanguageSignal & { find(doc: AnswerDocument): PhraseMatch[] } {
  const matcher = new PhraseMatcher(spec.phrases);
  const find = (doc: AnswerDocument): PhraseMatch[] => {
    const matches = matcher.match(doc);
    return spec.accept ? matches.filter((m) => spec.accept?.(doc, m) ?? true) : matches;
  };
  return {
    definition: {
      id: spec.id,
      name: spec.name,
      unit: 'per 100 words',
      range: [0, 100],
      method: spec.method,
      source: spec.source,
    },
    find,
    compute(doc) {
      const hits = find(doc);
      const value = per100(hits.length, doc.wordCount);
      return {
        signal: spec.id,
        value,
        evidence: hits
          .slice(0, MAX_EVIDENCE)
          .map((m) => windowEvidence(doc, m.firstToken, m.lastToken, m.label, MARKER_CONTEXT_WORDS)),
        ...(value === null ? { reason: 'empty answer' } : {}),
      };
    },
  };
}

export const reasoningMarkersPer100 = createMarkerSignal({
  id: 'reasoningMarkersPer100',
  name: 'Reasoning markers',
  phrases: REASONING_PHRASES,
  method:
    'Counts causal and contrastive connectives and weighing vocabulary (because, therefore, as a result, trade-off, instead of, rather than, if … then, pros and cons, root cause, …) per 100 words.',
  source:
    'Coh-Metrix causal connectives (Graesser et al. 2004); Halliday & Hasan 1976; Candor lexicon, see signals/lexicons/reasoning.ts',
});

/** Verbs that state a result only as verbs ("we cut costs"), not as nouns ("a cut", "the launch"). */
const RESULT_VERBS = new Set(
  'reduce increase grow save double triple halve cut lower boost improve decrease raise ship launch drop go'.split(
    ' ',
  ),
);
/** Verbs that state a result only with an amount after them: "went down by 40%", "dropped to 3". */
const NEED_AMOUNT = new Set(['go down', 'go up', 'drop']);
/** What "save" must be about to be a result ("saved two hours", "saved money", not "saved the file"). */
const SAVED_THINGS = new Set(
  'time money cost costs hours days weeks minutes budget effort money dollars pounds euros'.split(' '),
);
/** Words after "N times" that make it a ratio ("three times faster"), not occasions ("called three times"). */
const RATIO_AFTER = new Set(['more', 'less', 'fewer', 'as', 'bigger', 'faster', 'higher', 'lower', 'better']);
const DURATIONS = new Set(['# minute', '# hour', '# day', '# week']);
/** How far after a verb an amount may come: "went down last quarter by 40 percent". */
const AMOUNT_WINDOW = 8;

function amountWithin(doc: AnswerDocument, from: number, to: number, sentence: number): boolean {
  for (let i = from; i <= to; i++) {
    const t = tokenIn(doc, i, sentence);
    if (t === undefined) return false;
    if (isNumber(t) || t.type === 'currency') return true;
  }
  return false;
}

/**
 * Token-context rules for goal and result phrases that are often something else; every other
 * phrase of the lexicon is accepted as matched.
 * @example goalMarkersPer100.find(docFromText('The search results were slow.')) // []
 */
export function acceptGoalMarker(doc: AnswerDocument, m: PhraseMatch): boolean {
  const first = doc.tokens[m.firstToken];
  if (first === undefined) return false;
  const next = tokenIn(doc, m.lastToken + 1, m.sentence);
  const nextWord = next === undefined ? '' : norm(next);
  // The lexicon's word, not the token's lemma: "lower" matches `~lower` by its surface form.
  const lemma = m.label.split(' ')[0] ?? '';
  if (RESULT_VERBS.has(lemma) && m.label.split(' ').length <= 2 && !m.label.includes('…')) {
    if (first.pos !== 'VERB') return false;
    if (lemma === 'grow' && nextWord === 'up') return false;
    if (NEED_AMOUNT.has(m.label)) {
      return amountWithin(doc, m.lastToken + 1, m.lastToken + AMOUNT_WINDOW, m.sentence);
    }
    if (lemma === 'save') {
      for (let i = m.lastToken + 1; i <= m.lastToken + 4; i++) {
        const t = tokenIn(doc, i, m.sentence);
        if (t === undefined) break;
        if (isNumber(t) || t.type === 'currency' || SAVED_THINGS.has(norm(t))) return true;
      }
      return false;
    }
    return true;
  }
  if (m.label === '# times') return RATIO_AFTER.has(nextWord) || nextWord.endsWith('er');
  if (DURATIONS.has(m.label)) {
    const before = previousWord(doc, m.firstToken);
    const beforeWord = before < 0 ? '' : norm(doc.tokens[before] as Token);
    return beforeWord !== 'for' && nextWord !== 'ago';
  }
  // "so that's why", "so that was it": "that" is a pronoun there, not a purpose clause.
  if (m.label === 'so that') return !["'s", 'is', 'was', "'ll"].includes(nextWord);
  return true;
}

export const goalMarkersPer100 = createMarkerSignal({
  id: 'goalMarkersPer100',
  name: 'Goal and result markers',
  phrases: GOAL_PHRASES,
  accept: acceptGoalMarker,
  method:
    'Counts goal and outcome vocabulary (goal, target, deadline, milestone, achieve, deliver, KPI, metric, in order to, resulted in, increased/reduced … by, …) ' +
    'and the ways people state a goal or a result ("my goal was", "I wanted to", "the result was", "as a result", "which meant", "so that", "went down by 40 percent", ' +
    '"cut … from two days to four hours", reduced/increased/saved/doubled/shipped/launched as verbs, amounts in percent, "3x", "three times faster", "within two days") per 100 words. ' +
    'Context rules drop the look-alikes: "search results", "saved the file", "went down the hall", "grew up", "called three times", "for two days", "two weeks ago".',
  source:
    'Achievement orientation, Spencer & Spencer 1993; STAR "Result"; Candor lexicon, see signals/lexicons/goals.ts',
});

const SELF = new Set(FIRST_PERSON_PRONOUNS);
const OTHERS_ONLY = new Set(ABOUT_OTHERS_ONLY);
/** How far from an emotion word a first-person pronoun makes it the speaker's own. */
const SELF_WINDOW_BEFORE = 3;
const SELF_WINDOW_AFTER = 2;

/**
 * "the client was frustrated" counts; "I was frustrated", "it frustrated me" do not.
 * @example empathyMarkersPer100.find(docFromText('I was frustrated.')) // [] (isAboutOthers rejected it)
 */
export function isAboutOthers(doc: AnswerDocument, m: PhraseMatch): boolean {
  if (!OTHERS_ONLY.has(m.label)) return true;
  for (let i = m.firstToken - SELF_WINDOW_BEFORE; i <= m.lastToken + SELF_WINDOW_AFTER; i++) {
    const t = doc.tokens[i];
    if (t !== undefined && t.sentence === m.sentence && SELF.has(norm(t))) return false;
  }
  return true;
}

export const empathyMarkersPer100 = createMarkerSignal({
  id: 'empathyMarkersPer100',
  name: 'Empathy markers',
  phrases: EMPATHY_PHRASES,
  accept: isAboutOthers,
  method:
    'Counts perspective-taking and support vocabulary (how they felt, their perspective, listened, acknowledged, put myself in, reassured, supported, appreciated, …) per 100 words; frustrated/upset/concerns count only when said of someone else (no I/me/we within three words).',
  source:
    'Interpersonal understanding, Spencer & Spencer 1993; Rogers 1957; Candor lexicon, see signals/lexicons/empathy.ts',
});

export const adaptabilityMarkersPer100 = createMarkerSignal({
  id: 'adaptabilityMarkersPer100',
  name: 'Adaptability markers',
  phrases: ADAPTABILITY_PHRASES,
  method:
    "Counts change-of-plan and learning vocabulary (adapted, adjusted, changed course, pivoted, learned, new approach, flexible, switched, when that didn't work, iterated, rethought, …) per 100 words.",
  source:
    'Pulakos et al. 2000, "Adaptability in the workplace"; Candor lexicon, see signals/lexicons/adaptability.ts',
});
