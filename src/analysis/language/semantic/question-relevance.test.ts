import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LanguageContext } from '../language-signal.js';
import { buildDocumentFromSegments } from '../text-document.js';
import { docFromText } from '../test-helpers.js';
import { loadEmbeddings } from './embeddings.js';
import { measureRelevance, questionRelevance, questionTopic } from './question-relevance.js';
import { createSimilarity } from './similarity.js';
import { need, requires } from '../../../test-helpers.js';

const MEETINGS = new URL('../../../../../shared/data/meetings-qmsum/', import.meta.url);

interface Meeting {
  meeting_transcripts: { speaker: string; content: string }[];
  specific_query_list: { query: string; relevant_text_span: [string, string][] }[];
}

const clean = (text: string): string =>
  text
    .replace(/\{\w+\}/g, ' ')
    .replace(/\s+([,.?!'])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();

function meetings(domain: string): Meeting[] {
  const dir = new URL(`${domain}/`, MEETINGS);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Meeting);
}

/** Four behavioural questions with an on-topic answer each (written for these tests). */
const INTERVIEW: readonly [string, string][] = [
  [
    'Tell me about a time you had a conflict with a colleague. How did you handle it?',
    'At my last job, a colleague and I disagreed about whether to release the new checkout before the holidays. I was responsible for the release plan, so I needed to find a way forward. I set up a meeting, listened to his concerns about the untested payment code, and proposed that we test both options with a small group of real users. As a result we shipped two weeks later with half the bugs, and we still work well together. I learned to ask about the reasons behind a disagreement before arguing.',
  ],
  [
    'Describe a situation where you had to meet a tight deadline.',
    'Last spring our biggest client moved their launch forward by a week, so we had five days instead of twelve to finish the reporting dashboard. I split the remaining work into must-haves and nice-to-haves and agreed the list with the client on the first day. Two of us paired on the data pipeline while I handled the charts in the evenings. We delivered the must-haves a day early and added the rest the following week.',
  ],
  [
    'Give an example of a time you showed leadership.',
    'When our team lead left in the middle of a migration project, nobody was coordinating the work. I offered to run the daily stand-ups and kept a shared list of who was doing what. I also paired with the two new hires so they could contribute quickly. The migration finished on schedule and my manager asked me to lead the next project officially.',
  ],
  [
    'Tell me about a mistake you made and what you learned from it.',
    "In my first year as an analyst I sent a report to a customer with last quarter's figures because I reused an old spreadsheet. The customer noticed it before I did, which was embarrassing. I apologised, sent the corrected numbers within the hour and explained what had gone wrong. Since then I always check the data sources and dates before a report goes out, and I built a checklist that the whole team now uses.",
  ],
];

describe('questionTopic', () => {
  it('drops the behavioural framing and keeps what the question is about', () => {
    expect(questionTopic('Tell me about a time when you missed a deadline.')).toBe('you missed a deadline.');
    expect(questionTopic('Can you describe a situation where you had to persuade someone?')).toBe(
      'you had to persuade someone?',
    );
    expect(questionTopic('How do you prioritise your work?')).toBe('How do you prioritise your work?');
  });
});

requires(need.wordVectors()).describe('questionRelevance', () => {
  const context: LanguageContext = { job: null, similarity: createSimilarity(loadEmbeddings()) };
  const [question, answer] = INTERVIEW[0] ?? ['', ''];

  it('is null, with a reason, when the answer has no question', () => {
    const result = questionRelevance.compute(docFromText(answer), context);
    expect(result).toEqual({
      signal: 'questionRelevance',
      value: null,
      evidence: [],
      reason: 'no question for this answer',
    });
  });

  it("falls back to the interviewer's words when the answer has no matched question", () => {
    const doc = buildDocumentFromSegments(0, [{ speaker: 'B', start: 3, end: 40, text: answer }], {
      promptText: question,
    });
    const result = questionRelevance.compute(doc, context);
    expect(result.value).toBe(questionRelevance.compute(docFromText(answer, question), context).value);
    expect(result.evidence[0]?.start).toBe(3);
  });

  it('quotes the sentences closest to the question, and flags a long digression', () => {
    const digressing = `${answer} By the way, my favourite hobby is baking sourdough bread and growing tomatoes in the garden every summer.`;
    const result = questionRelevance.compute(docFromText(digressing, question), context);
    const relevant = result.evidence.filter((e) => e.label === 'relevant').map((e) => e.quote);
    expect(relevant).toHaveLength(3);
    expect(relevant).toContain(
      'At my last job, a colleague and I disagreed about whether to release the new checkout before the holidays.',
    );
    expect(result.evidence.find((e) => e.label === 'off-topic')?.quote).toMatch(
      /^By the way, my favourite hobby/,
    );
  });

  it('gives nothing for echoing the question, and nothing extra for stuffing its words into an answer', () => {
    expect(questionRelevance.compute(docFromText(question, question), context).value).toBe(0);
    expect(
      questionRelevance.compute(
        docFromText('Conflict, colleague, handle, conflict, time, colleague.', question),
        context,
      ).value,
    ).toBe(0);
    const honest = questionRelevance.compute(docFromText(answer, question), context).value ?? 0;
    const stuffed =
      questionRelevance.compute(
        docFromText(
          `${answer} Conflict with a colleague, conflict, conflict. Handle the conflict.`,
          question,
        ),
        context,
      ).value ?? 0;
    expect(stuffed).toBeLessThanOrEqual(honest + 0.02);
  });

  it('is deterministic', () => {
    const a = questionRelevance.compute(docFromText(answer, question), context);
    const b = questionRelevance.compute(docFromText(answer, question), {
      job: null,
      similarity: createSimilarity(loadEmbeddings()),
    });
    expect(b).toEqual(a);
  });

  it('is null for an empty answer', () => {
    expect(questionRelevance.compute(docFromText('', question), context)).toMatchObject({
      value: null,
      reason: 'empty answer',
    });
  });
});

requires(need.wordVectors(), need.sharedData('meetings-qmsum')).describe(
  'questionRelevance on real meeting text',
  () => {
    const context: LanguageContext = { job: null, similarity: createSimilarity(loadEmbeddings()) };

    it('scores an on-topic answer above real off-topic meeting turns asked the same question', () => {
      const turns = meetings('Product')
        .flatMap((m) => m.meeting_transcripts.map((t) => clean(t.content)))
        .filter((t) => t.split(' ').length >= 40)
        .slice(0, 100);
      const shares = INTERVIEW.map(([q, a]) => {
        const onTopic = measureRelevance(docFromText(a), context, q);
        const below = turns.filter(
          (t) => measureRelevance(docFromText(t), context, q).value < onTopic.value,
        ).length;
        console.log(
          `relevance ${onTopic.value.toFixed(2)} (novelty ${onTopic.novelty.toFixed(2)}) beats ${below}/${turns.length} off-topic turns: "${q}"`,
        );
        return below / turns.length;
      });
      expect(Math.min(...shares)).toBeGreaterThanOrEqual(0.7);
      expect(shares.reduce((s, x) => s + x, 0) / shares.length).toBeGreaterThanOrEqual(0.9);
    });

    it("scores a committee query's own transcript span above another query's span (QMSum)", () => {
      const items = meetings('Committee').flatMap((m) =>
        m.specific_query_list.map((q) => {
          const [from, to] = (q.relevant_text_span[0] ?? ['0', '0']).map(Number);
          const span = m.meeting_transcripts
            .slice(from, (to ?? 0) + 1)
            .map((t) => clean(t.content))
            .join(' ');
          return { query: q.query, span: span.split(' ').slice(0, 200).join(' ') };
        }),
      );
      let wins = 0;
      items.forEach((item, i) => {
        const other = items[(i + 7) % items.length];
        if (!other) return;
        const own = measureRelevance(docFromText(item.span), context, item.query).value;
        const foreign = measureRelevance(docFromText(other.span), context, item.query).value;
        if (own > foreign) wins++;
      });
      console.log(
        `QMSum committee: own span more relevant than another span for ${wins}/${items.length} queries`,
      );
      expect(wins / items.length).toBeGreaterThan(0.8);
    });
  },
);
