import type { JobProfile } from '../../../domain/index.js';
import { round, MAX_EVIDENCE, type LanguageContext, type LanguageSignal } from '../language-signal.js';
import type { AnswerDocument } from '../text-document.js';
import { coverPhrases, distinctPhrases, type PhraseCoverage } from './phrase-coverage.js';

/**
 * A sentence covers a skill semantically when its similarity to the skill reaches this. Chosen
 * for precision: of 132,685 (skill or key point, unrelated QMSum meeting sentence) pairs sharing
 * no word, 0.25% reach 0.40 (1.2% reach 0.35); phrase-coverage.test.ts re-measures the false-claim
 * rate on committee turns. The cost is recall: averaged GloVe vectors credit close restatements
 * ("served customers" for "customer service") but miss most paraphrases that share no word, so
 * the lexical route (shared Porter stems) carries most matches.
 */
export const COVERAGE_THRESHOLD = 0.4;

/**
 * Which of the job's skills the answer shows, and which it does not; for feedback ("mention SQL").
 * @example skillCoverage(doc, { title: 'Analyst', text: '', skills: ['SQL', 'stakeholder management'] }, context).missing
 */
export function skillCoverage(
  doc: AnswerDocument,
  job: JobProfile,
  context: LanguageContext,
): PhraseCoverage {
  return coverPhrases(doc, context, job.skills, COVERAGE_THRESHOLD);
}

export const roleAlignment: LanguageSignal = {
  definition: {
    id: 'roleAlignment',
    name: 'Alignment with the role',
    unit: 'share',
    range: [0, 1],
    method:
      "Share of the job description's skills the answer shows. A skill is shown by a sentence that contains at least two thirds of its content words (compared by Porter stem), " +
      `or whose similarity to the skill (GloVe SIF + TF-IDF) is at least ${COVERAGE_THRESHOLD}. Every skill weighs the same. Evidence: the sentence that shows each skill, labelled with the skill.`,
    source:
      'Porter (1980) stemming; Arora, Liang & Ma (2017) SIF embeddings; Salton & Buckley (1988) term weighting',
  },
  compute(doc, context) {
    if (context.job === null)
      return { signal: 'roleAlignment', value: null, evidence: [], reason: 'no job description' };
    const skills = distinctPhrases(context.job.skills);
    if (skills.length === 0)
      return { signal: 'roleAlignment', value: null, evidence: [], reason: 'job lists no skills' };
    if (doc.wordCount === 0)
      return { signal: 'roleAlignment', value: null, evidence: [], reason: 'empty answer' };
    const coverage = skillCoverage(doc, context.job, context);
    return {
      signal: 'roleAlignment',
      value: round(coverage.covered.length / skills.length),
      evidence: coverage.covered
        .slice(0, MAX_EVIDENCE)
        .map((m) => doc.sentenceEvidence(m.sentence, m.phrase)),
    };
  },
};
