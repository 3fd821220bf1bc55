import type { AnswerDocument } from '../text-document.js';
import { MAX_EVIDENCE, per100, type LanguageSignal } from '../language-signal.js';
import { ADAPTABILITY_PHRASES } from './lexicons/adaptability.js';
import { ABOUT_OTHERS_ONLY, EMPATHY_PHRASES, FIRST_PERSON_PRONOUNS } from './lexicons/empathy.js';
import { GOAL_PHRASES } from './lexicons/goals.js';
import { REASONING_PHRASES } from './lexicons/reasoning.js';
import { PhraseMatcher, type PhraseMatch } from './phrase-matcher.js';
import { norm, windowEvidence } from './token-context.js';

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

export const goalMarkersPer100 = createMarkerSignal({
  id: 'goalMarkersPer100',
  name: 'Goal and result markers',
  phrases: GOAL_PHRASES,
  method:
    'Counts goal and outcome vocabulary (goal, target, deadline, milestone, achieve, deliver, KPI, metric, in order to, resulted in, increased/reduced … by, …) per 100 words.',
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
