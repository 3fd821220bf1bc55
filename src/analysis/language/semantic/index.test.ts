import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JobProfile, Question } from '../../../domain/index.js';
import type { LanguageContext } from '../language-signal.js';
import { buildDocumentFromSegments } from '../text-document.js';
import { createSimilarity, loadEmbeddings, SEMANTIC_SIGNALS } from './index.js';
import { need, requires } from '../../../test-helpers.js';

const MEETINGS = new URL('../../../../../shared/data/meetings-qmsum/Academic/', import.meta.url);

describe('SEMANTIC_SIGNALS', () => {
  it('has four signals with unique ids, a method and a source each', () => {
    const ids = SEMANTIC_SIGNALS.map((s) => s.definition.id);
    expect(ids).toEqual(['questionRelevance', 'keyPointCoverage', 'roleAlignment', 'starStructure']);
    for (const { definition } of SEMANTIC_SIGNALS) {
      expect(definition.method.length).toBeGreaterThan(80);
      expect(definition.source.length).toBeGreaterThan(10);
      expect(definition.range[0]).toBeLessThan(definition.range[1]);
    }
  });
});

requires(need.wordVectors(), need.sharedData('meetings-qmsum/Academic')).describe(
  'SEMANTIC_SIGNALS on real meeting turns',
  () => {
    const question: Question = {
      id: 'design',
      text: 'Tell me about a design decision you made and how you reached it.',
      competencies: [],
      keyPoints: ['the options considered', 'how the decision was made', 'the result'],
    };
    const job: JobProfile = {
      title: 'Researcher',
      text: '',
      skills: ['speech recognition', 'data analysis', 'Python'],
    };

    const docs = (() => {
      const out = [];
      for (const file of readdirSync(MEETINGS)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .slice(0, 8)) {
        const meeting = JSON.parse(readFileSync(new URL(file, MEETINGS), 'utf8')) as {
          meeting_transcripts: { content: string }[];
        };
        for (const t of meeting.meeting_transcripts) {
          const text = t.content
            .replace(/\{\w+\}/g, ' ')
            .replace(/\s+([,.?!'])/g, '$1')
            .replace(/\s+/g, ' ')
            .trim();
          if (text.split(' ').length < 20) continue;
          out.push(
            buildDocumentFromSegments(out.length, [{ speaker: null, start: null, end: null, text }], {
              question,
            }),
          );
        }
      }
      return out;
    })();

    // Speed (well above 25,000 words/s, beside the lexical signals) is measured by bench/semantic.mjs.
    it('stay in range and give evidence from the answer', () => {
      const context: LanguageContext = { job, similarity: createSimilarity(loadEmbeddings()) };
      const values = docs.map((doc) => SEMANTIC_SIGNALS.map((s) => s.compute(doc, context)));
      values.forEach((row, i) => {
        const doc = docs[i];
        for (const [j, value] of row.entries()) {
          const { range } = SEMANTIC_SIGNALS[j]?.definition ?? { range: [0, 0] };
          expect(value.value).not.toBeNull();
          expect(value.value ?? -1).toBeGreaterThanOrEqual(range[0]);
          expect(value.value ?? 99).toBeLessThanOrEqual(range[1]);
          for (const e of value.evidence) expect(doc?.text).toContain(e.quote);
        }
      });
    });

    it('give byte-identical results on a second run with a fresh model', () => {
      const a = docs
        .slice(0, 40)
        .map((doc) =>
          SEMANTIC_SIGNALS.map((s) =>
            s.compute(doc, { job, similarity: createSimilarity(loadEmbeddings()) }),
          ),
        );
      const b = docs
        .slice(0, 40)
        .map((doc) =>
          SEMANTIC_SIGNALS.map((s) =>
            s.compute(doc, { job, similarity: createSimilarity(loadEmbeddings()) }),
          ),
        );
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    });
  },
);
