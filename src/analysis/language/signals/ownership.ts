import type { Evidence } from '../../../domain/index.js';
import type { AnswerDocument } from '../text-document.js';
import { round, type LanguageSignal } from '../language-signal.js';
import { norm, windowEvidence } from './token-context.js';

/**
 * Ownership: how much of the speaker's first-person talk is "I" rather than "we". Pennebaker's
 * pronoun studies (Pennebaker 2011, The Secret Life of Pronouns) read I-words and we-words as
 * attention to self versus group; in interviews the share shows whose actions the answer claims.
 */

const SINGULAR = new Set(['i', "i'm", 'me', 'my', 'mine', 'myself']);
const PLURAL = new Set(['we', 'us', 'our', 'ours', 'ourselves']);
/** Fewer first-person words than this do not make a share worth reporting. */
export const OWNERSHIP_MIN_REFERENCES = 3;
const EVIDENCE_PER_SIDE = 4;

export interface PronounCounts {
  readonly singular: number[];
  readonly plural: number[];
}

/**
 * Token indices of first-person singular and plural words ("US" the country is not "us").
 * @example firstPersonReferences(docFromText('I told us in the US.')) // { singular: [0], plural: [2] }
 */
export function firstPersonReferences(doc: AnswerDocument): PronounCounts {
  const singular: number[] = [];
  const plural: number[] = [];
  doc.tokens.forEach((t, i) => {
    if (t.type !== 'word') return;
    const lower = norm(t);
    if (SINGULAR.has(lower)) singular.push(i);
    else if (PLURAL.has(lower) && t.text !== 'US') plural.push(i);
  });
  return { singular, plural };
}

export const ownershipShare: LanguageSignal = {
  definition: {
    id: 'ownershipShare',
    name: 'Ownership (I vs we)',
    unit: 'share',
    range: [0, 1],
    method:
      'Share of first-person singular words (I, me, my, mine, myself) among all first-person words (plus we, us, our, ours, ourselves); no value under 3 first-person words.',
    source: 'Pennebaker 2011, The Secret Life of Pronouns (I-words vs we-words)',
  },
  compute(doc) {
    const { singular, plural } = firstPersonReferences(doc);
    const total = singular.length + plural.length;
    if (total < OWNERSHIP_MIN_REFERENCES) {
      return {
        signal: 'ownershipShare',
        value: null,
        evidence: [],
        reason: `fewer than ${OWNERSHIP_MIN_REFERENCES} first-person words`,
      };
    }
    const evidence: Evidence[] = [
      ...singular.slice(0, EVIDENCE_PER_SIDE).map((i) => windowEvidence(doc, i, i, 'I', 3)),
      ...plural.slice(0, EVIDENCE_PER_SIDE).map((i) => windowEvidence(doc, i, i, 'we', 3)),
    ];
    return { signal: 'ownershipShare', value: round(singular.length / total), evidence };
  },
};
