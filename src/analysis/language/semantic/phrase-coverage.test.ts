import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LanguageContext } from '../language-signal.js';
import { docFromText } from '../test-helpers.js';
import { loadEmbeddings } from './embeddings.js';
import { coverPhrases, distinctPhrases } from './phrase-coverage.js';
import { COVERAGE_THRESHOLD } from './role-alignment.js';
import { stem } from './sentence-matcher.js';
import { createSimilarity } from './similarity.js';
import { need, requires } from '../../../test-helpers.js';

const MEETINGS = new URL('../../../../../shared/data/meetings-qmsum/', import.meta.url);

describe('phrase matching helpers', () => {
  it('de-duplicates phrases case-insensitively and drops blanks', () => {
    expect(distinctPhrases([' SQL', 'sql', '', 'Python ', '  '])).toEqual(['SQL', 'Python']);
  });

  it('stems derivations together (Porter)', () => {
    expect(stem('management')).toBe(stem('manage'));
    expect(stem('communication')).toBe(stem('communicate'));
  });
});

requires(need.wordVectors(), need.sharedData('meetings-qmsum')).describe(
  'coverPhrases on real meeting talk',
  () => {
    it('rarely claims a skill or key point in unrelated sentences (QMSum committee meetings)', () => {
      const context: LanguageContext = { job: null, similarity: createSimilarity(loadEmbeddings()) };
      const phrases = [
        'SQL',
        'Python',
        'stakeholder management',
        'A/B testing',
        'mentoring junior staff',
        'the outcome for the team',
        'what you learned',
      ];
      const dir = new URL('Committee/', MEETINGS);
      const answers: string[] = [];
      for (const file of readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .slice(0, 6)) {
        const meeting = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as {
          meeting_transcripts: { content: string }[];
        };
        for (const t of meeting.meeting_transcripts)
          if (t.content.split(' ').length >= 30) answers.push(t.content);
      }
      let semantic = 0;
      let lexical = 0;
      const examples: string[] = [];
      for (const answer of answers) {
        const doc = docFromText(answer);
        for (const m of coverPhrases(doc, context, phrases, COVERAGE_THRESHOLD).covered) {
          if (m.match === 'semantic') {
            semantic++;
            if (examples.length < 3)
              examples.push(`${m.phrase} ← "${doc.sentences[m.sentence]?.text.slice(0, 70) ?? ''}"`);
          } else lexical++;
        }
      }
      const pairs = answers.length * phrases.length;
      console.log(
        `coverage on ${answers.length} committee turns × ${phrases.length} phrases: ${semantic} semantic claims (${((100 * semantic) / pairs).toFixed(2)}%), ${lexical} lexical; e.g. ${examples.join('; ')}`,
      );
      // Parliamentary talk never shows these interview skills; a semantic claim there is a false match.
      expect(semantic / pairs).toBeLessThan(0.01);
    });
  },
);
