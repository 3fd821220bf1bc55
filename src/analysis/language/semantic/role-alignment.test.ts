import { expect, it } from 'vitest';
import type { JobProfile } from '../../../domain/index.js';
import type { LanguageContext } from '../language-signal.js';
import { docFromText } from '../test-helpers.js';
import { loadEmbeddings } from './embeddings.js';
import { roleAlignment, skillCoverage } from './role-alignment.js';
import { createSimilarity } from './similarity.js';
import { need, requires } from '../../../test-helpers.js';

const JOB: JobProfile = {
  title: 'Product analyst',
  text: 'We are looking for a product analyst with strong SQL, stakeholder management and experimentation skills.',
  skills: ['SQL', 'stakeholder management', 'Python', 'A/B testing'],
};
const ANSWER =
  'In my last role I wrote SQL queries every day to pull churn numbers from our warehouse. ' +
  'I managed our stakeholders in product and finance, and met them monthly to agree priorities. ' +
  'I also enjoy hiking at the weekend.';

requires(need.wordVectors()).describe('roleAlignment', () => {
  const context: LanguageContext = { job: JOB, similarity: createSimilarity(loadEmbeddings()) };

  it('is the share of the skills the answer shows, each quoted with the sentence that shows it', () => {
    const result = roleAlignment.compute(docFromText(ANSWER), context);
    expect(result.value).toBe(0.5);
    expect(result.evidence.map((e) => [e.label, e.quote.slice(0, 30)])).toEqual([
      ['SQL', 'In my last role I wrote SQL qu'],
      ['stakeholder management', 'I managed our stakeholders in '],
    ]);
  });

  it('lists covered and missing skills for feedback', () => {
    const coverage = skillCoverage(docFromText(ANSWER), JOB, context);
    expect(coverage.covered.map((m) => [m.phrase, m.match, m.sentence])).toEqual([
      ['SQL', 'lexical', 0],
      ['stakeholder management', 'lexical', 1], // "managed our stakeholders": same stems, other word order
    ]);
    expect(coverage.missing).toEqual(['Python', 'A/B testing']);
  });

  it('credits a skill said in other words when the sentence is close enough', () => {
    const job: JobProfile = { title: 'Support lead', text: '', skills: ['customer service', 'Excel'] };
    // "served" and "service" have different stems, so only one of two words matches lexically
    const answer =
      'At the hotel I served customers at the front desk and answered their calls. I built the forecast in a spreadsheet.';
    const coverage = skillCoverage(docFromText(answer), job, { ...context, job });
    expect(coverage.covered).toMatchObject([{ phrase: 'customer service', match: 'semantic', sentence: 0 }]);
    // a spreadsheet is not enough to claim Excel: GloVe averages only credit close restatements
    expect(coverage.missing).toEqual(['Excel']);
  });

  it('counts each skill once, however it is repeated or spelled', () => {
    const job: JobProfile = { ...JOB, skills: ['SQL', 'sql', ' SQL ', 'Python'] };
    expect(roleAlignment.compute(docFromText(ANSWER), { ...context, job }).value).toBe(0.5);
  });

  it('is null, with a reason, without a job, without skills, or without words', () => {
    const doc = docFromText(ANSWER);
    expect(roleAlignment.compute(doc, { ...context, job: null })).toEqual({
      signal: 'roleAlignment',
      value: null,
      evidence: [],
      reason: 'no job description',
    });
    expect(roleAlignment.compute(doc, { ...context, job: { ...JOB, skills: [' '] } })).toMatchObject({
      value: null,
      reason: 'job lists no skills',
    });
    expect(roleAlignment.compute(docFromText(''), context)).toMatchObject({
      value: null,
      reason: 'empty answer',
    });
  });

  it('is deterministic', () => {
    const again = { job: JOB, similarity: createSimilarity(loadEmbeddings()) };
    expect(roleAlignment.compute(docFromText(ANSWER), again)).toEqual(
      roleAlignment.compute(docFromText(ANSWER), context),
    );
  });
});
