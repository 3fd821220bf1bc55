import type { Evidence } from '../../../domain/index.js';
import type { LanguageSignal } from '../language-signal.js';
import type { AnswerDocument } from '../text-document.js';
import { STAR_PARTS, STAR_THRESHOLD, starScores, type StarPart } from './star-cues.js';

/** Where each part usually sits (0 = start, 1 = end); used only to choose evidence, never required. */
const TYPICAL_POSITION: Record<StarPart, number> = { situation: 0, task: 0.25, action: 0.6, result: 1 };
const POSITION_BONUS = 0.3;

export interface StarAnalysis {
  /** Parts shown, in STAR order. */
  readonly parts: readonly StarPart[];
  /** The sentence that shows each part best. */
  readonly sentences: Partial<Record<StarPart, number>>;
  /** True when the parts found appear in S → T → A → R order (by their best sentences). */
  readonly inOrder: boolean;
}

/**
 * Finds the STAR parts of an answer, with the sentence that shows each best. Ties and near-ties go
 * to the sentence at the part's usual place (situation early, result late), so evidence reads in
 * story order; order is never required.
 * @example analyzeStar(docFromText('Last year I was asked to cut costs. I renegotiated contracts. As a result we saved 12%.')).parts
 *   // ['situation', 'task', 'action', 'result']
 */
export function analyzeStar(doc: AnswerDocument): StarAnalysis {
  const n = doc.sentences.length;
  const best: Partial<Record<StarPart, { sentence: number; rank: number }>> = {};
  for (let i = 0; i < n; i++) {
    const scores = starScores(doc, i);
    const position = n > 1 ? i / (n - 1) : 0.5;
    for (const part of STAR_PARTS) {
      const score = scores[part];
      if (score < STAR_THRESHOLD) continue;
      const rank = score + POSITION_BONUS * (1 - Math.abs(position - TYPICAL_POSITION[part]));
      const current = best[part];
      if (!current || rank > current.rank) best[part] = { sentence: i, rank };
    }
  }
  const parts = STAR_PARTS.filter((p) => best[p] !== undefined);
  const sentences: Partial<Record<StarPart, number>> = {};
  for (const part of parts) sentences[part] = best[part]?.sentence;
  const order = parts.map((p) => sentences[p] ?? 0);
  const inOrder = order.every((s, i) => i === 0 || s >= (order[i - 1] ?? 0));
  return { parts, sentences, inOrder };
}

export const starStructure: LanguageSignal = {
  definition: {
    id: 'starStructure',
    name: 'STAR structure',
    unit: 'count',
    range: [0, 4],
    method:
      'Number of STAR parts (Situation, Task, Action, Result) the answer shows. Each sentence is scored with cue phrases: ' +
      'situation = past scene-setting ("at my last job", "when I was", "last year"); task = "I was responsible for", ' +
      '"my goal was", "we needed to"; action = "I"/"we" + a past-tense action verb ("I set up", "we built"); result = ' +
      '"as a result", "in the end", past outcome verbs ("reduced", "saved"), percentages, "I learned". A part counts when a sentence scores at least 1; order is reported, not required.',
    source:
      'STAR method of behaviour-based interviewing (Development Dimensions International); Janz (1982), patterned behaviour description interviews',
  },
  compute(doc) {
    if (doc.wordCount === 0)
      return { signal: 'starStructure', value: null, evidence: [], reason: 'empty answer' };
    const star = analyzeStar(doc);
    const evidence: Evidence[] = star.parts.map((part) =>
      doc.sentenceEvidence(star.sentences[part] ?? 0, part),
    );
    return { signal: 'starStructure', value: star.parts.length, evidence };
  },
};
