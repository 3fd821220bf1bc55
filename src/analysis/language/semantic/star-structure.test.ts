import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LanguageContext } from '../language-signal.js';
import { docFromSegments, docFromText } from '../test-helpers.js';
import { starScores } from './star-cues.js';
import { analyzeStar, starStructure } from './star-structure.js';
import { need, requires } from '../../../test-helpers.js';

const MEETINGS = new URL('../../../../../shared/data/meetings-qmsum/Product/', import.meta.url);
const context: LanguageContext = { job: null, similarity: () => 0 }; // STAR reads cues only

const STRONG =
  'At my last job, a colleague and I disagreed about whether to release the new checkout before the holidays. ' +
  'I was responsible for the release plan, so I needed to find a way forward. ' +
  'I set up a meeting, listened to his concerns about the untested payment code, and proposed that we test both options with a small group of real users. ' +
  'As a result we shipped two weeks later with half the bugs, and we still work well together.';
const WEAK =
  "I'm a really hard worker and I always get along with people. I think communication is super important in any team. " +
  'I would probably just talk to them and try to sort it out.';

describe('starStructure', () => {
  it('finds all four parts in a strong behavioural answer, each quoted from the sentence that shows it', () => {
    const result = starStructure.compute(docFromText(STRONG), context);
    expect(result.value).toBe(4);
    expect(result.evidence.map((e) => [e.label, e.quote.slice(0, 25)])).toEqual([
      ['situation', 'At my last job, a colleag'],
      ['task', 'I was responsible for the'],
      ['action', 'I set up a meeting, liste'],
      ['result', 'As a result we shipped tw'],
    ]);
    expect(analyzeStar(docFromText(STRONG)).inOrder).toBe(true);
  });

  it('finds none in a generic, hypothetical answer: "I would talk to them" is not an action taken', () => {
    expect(starStructure.compute(docFromText(WEAK), context)).toEqual({
      signal: 'starStructure',
      value: 0,
      evidence: [],
    });
  });

  it('does not count passive or state verbs after "I" as actions', () => {
    const doc = docFromText('I was asked to help. I felt nervous. I thought about it a lot.');
    expect([0, 1, 2].map((i) => starScores(doc, i).action)).toEqual([0, 0, 0]);
    expect(starScores(doc, 0).task).toBeGreaterThanOrEqual(1);
  });

  it('reads measured outcomes and lessons as results', () => {
    const doc = docFromText('We reduced the onboarding time by 40%. I learned to write things down early.');
    expect(starScores(doc, 0).result).toBeGreaterThanOrEqual(1.5);
    expect(starScores(doc, 1).result).toBeGreaterThanOrEqual(1);
    // the goal to reduce is a task, not a result: no past-tense outcome verb
    expect(starScores(docFromText('My goal was to reduce the onboarding time.'), 0)).toMatchObject({
      task: 1,
      result: 0,
    });
  });

  it('reports parts out of the usual order without penalising them', () => {
    const resultFirst =
      'In the end we saved the contract. Last year our biggest client threatened to leave. I called their director and rewrote the plan with her.';
    const star = analyzeStar(docFromText(resultFirst));
    expect(star.parts).toEqual(['situation', 'action', 'result']);
    expect(star.inOrder).toBe(false);
  });

  it('carries the recording times of each quoted sentence', () => {
    const doc = docFromSegments([
      { speaker: 'C', start: 10, end: 14, text: 'Last year I was asked to lead the office move.' },
      { speaker: 'C', start: 14, end: 19, text: 'I organised the movers and planned each team’s day.' },
      { speaker: 'C', start: 19, end: 23, text: 'As a result nobody lost a working day.' },
    ]);
    const evidence = starStructure.compute(doc, context).evidence;
    expect(evidence.find((e) => e.label === 'action')).toMatchObject({ start: 14, end: 19 });
    expect(evidence.find((e) => e.label === 'result')).toMatchObject({ start: 19, end: 23 });
  });

  it('is null for an empty answer', () => {
    expect(starStructure.compute(docFromText(''), context)).toMatchObject({
      value: null,
      reason: 'empty answer',
    });
  });

  requires(need.sharedData('meetings-qmsum/Product')).it(
    'rarely sees a full story in real meeting talk (QMSum product meetings)',
    () => {
      const turns: string[] = [];
      for (const file of readdirSync(MEETINGS)
        .filter((f) => f.endsWith('.json'))
        .sort()) {
        const meeting = JSON.parse(readFileSync(new URL(file, MEETINGS), 'utf8')) as {
          meeting_transcripts: { content: string }[];
        };
        for (const t of meeting.meeting_transcripts) {
          const text = t.content
            .replace(/\{\w+\}/g, ' ')
            .replace(/\s+([,.?!'])/g, '$1')
            .replace(/\s+/g, ' ')
            .trim();
          if (text.split(' ').length >= 40) turns.push(text);
        }
        if (turns.length >= 300) break;
      }
      const counts = turns.slice(0, 300).map((t) => analyzeStar(docFromText(t)).parts.length);
      const histogram = [0, 1, 2, 3, 4].map((n) => counts.filter((c) => c === n).length);
      console.log(
        `STAR parts in ${counts.length} long meeting turns: ${histogram.map((n, i) => `${i}: ${n}`).join(', ')}`,
      );
      expect((histogram[3] ?? 0) + (histogram[4] ?? 0)).toBeLessThan(0.05 * counts.length);
    },
  );
});
