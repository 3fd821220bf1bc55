import { describe, expect, it } from 'vitest';
import { docFromSegments, docFromText } from '../test-helpers.js';
import {
  adaptabilityMarkersPer100,
  empathyMarkersPer100,
  goalMarkersPer100,
  reasoningMarkersPer100,
} from './markers.js';

const context = { job: null, similarity: () => 0 };
type Marker = typeof reasoningMarkersPer100;
const labels = (signal: Marker, text: string): string[] => signal.find(docFromText(text)).map((m) => m.label);

describe('reasoning markers', () => {
  it('finds causal and contrastive connectives in real e-mail sentences (shared/data/email-intent-parakweet)', () => {
    expect(
      labels(
        reasoningMarkersPer100,
        'So rather than discuss the transition, Kevin had to react to and absorb this as a possibility.',
      ),
    ).toEqual(['rather than']);
    expect(
      labels(
        reasoningMarkersPer100,
        'Because the utility has been forced to buy from the PX, and because the market structure in California gives customers no incentive to switch, the utility continues to control the load.',
      ),
    ).toEqual(['because', 'because']);
  });

  it('finds weighing and if … then, and nothing in a bare list of actions', () => {
    expect(
      labels(
        reasoningMarkersPer100,
        'We weighed the pros and cons. If the cache failed then users waited, so we chose a queue instead of polling. The root cause was a trade-off we made.',
      ),
    ).toEqual(['weigh', 'pros and cons', 'if … then', 'instead of', 'root cause', 'trade-off']);
    expect(labels(reasoningMarkersPer100, 'We built it. We tested it. We shipped it.')).toEqual([]);
  });
});

describe('goal markers', () => {
  it('finds goals and quantified results in a real e-mail sentence and a STAR result', () => {
    expect(
      labels(
        goalMarkersPer100,
        'Also, Brent would be in the best position to ensure that the logistics team meets requirements so that we can achieve our target headcount reduction in gas operations of 52 by year end 2000.',
      ),
    ).toEqual(['so that', 'achieve', 'target']);
    expect(
      labels(
        goalMarkersPer100,
        'Our goal was to hit the deadline, and we reduced churn by 12% which resulted in a record quarter.',
      ),
    ).toEqual(['goal', 'deadline', 'reduce … by', '# %', 'result in']);
  });

  it('finds the ways people state a result in speech', () => {
    const cases: [string, string[]][] = [
      ['The result was that support tickets were 40 percent lower.', ['the result be', '# percent']],
      ['As a result, which meant we could close the queue.', ['as a result', 'which meant']],
      ['Response time went down by forty percent.', ['go down', '# percent']],
      ['We cut the wait from two days to four hours.', ['cut', 'from # … to #']],
      [
        'I reduced the backlog, doubled sign-ups and saved two hours a week.',
        ['reduce', 'double', 'save', '# hour'],
      ],
      ['We shipped it in March and launched the app to 3,000 users.', ['ship', 'launch']],
      ['My goal was to answer within 24 hours, so that nobody waited.', ['goal', '# hour', 'so that']],
      ['I wanted to make it three times faster, about 3x.', ['i wanted to', '# times', '# x.']],
      ['The aim was to grow revenue from 10 to 12 million.', ['aim', 'grow', 'from # to #']],
    ];
    for (const [text, expected] of cases) expect(labels(goalMarkersPer100, text), text).toEqual(expected);
  });

  it('ignores look-alikes whose token context says they are not a goal or result', () => {
    for (const text of [
      'The search results were slow, so I scrolled past the results.',
      'I saved the file and went down the hall to the kitchen.',
      'I grew up in Leeds and I called him three times.',
      'I worked there for two days, two weeks ago.',
      "So that's why I liked the launch party and the cut on my hand.",
    ])
      expect(labels(goalMarkersPer100, text), text).toEqual([]);
  });
});

describe('empathy markers', () => {
  it('counts frustration said of others but not of oneself (real GoEmotions sentence, train.tsv)', () => {
    expect(
      labels(
        empathyMarkersPer100,
        'I barely slept last night because I was so frustrated with the situation.',
      ),
    ).toEqual([]);
    expect(
      labels(
        empathyMarkersPer100,
        'The client was frustrated, so I listened to their concerns and reassured them.',
      ),
    ).toEqual(['frustrated', 'listen', 'their concerns', 'reassure']);
    expect(
      labels(empathyMarkersPer100, 'I put myself in their shoes and asked how they felt about the change.'),
    ).toEqual(['put myself in', 'their shoes', 'asked how they']);
  });
});

describe('adaptability markers', () => {
  it('finds change and learning in real GoEmotions sentences (train.tsv) and constructed ones', () => {
    expect(
      labels(adaptabilityMarkersPer100, 'I switched to Ally and love it. 2.2% interest is awesome'),
    ).toEqual(['switch']);
    expect(
      labels(
        adaptabilityMarkersPer100,
        "When that didn't work, we pivoted to a new approach and I learnt to be flexible.",
      ),
    ).toEqual(["when that didn't work", 'pivot', 'new approach', 'learnt', 'flexible']);
  });
});

describe('marker signals', () => {
  it('rate per 100 words and quote a window around each marker with times', () => {
    const doc = docFromSegments([
      { speaker: null, start: 1, end: 4, text: 'We chose Postgres because the team knew it.' },
      { speaker: null, start: 4, end: 8, text: 'As a result we shipped in two weeks.' },
    ]);
    const v = reasoningMarkersPer100.compute(doc, context);
    expect(v.value).toBeCloseTo((100 * 2) / 16, 2);
    expect(v.evidence).toEqual([
      {
        quote: 'We chose Postgres because the team knew it',
        start: 1,
        end: 4,
        response: 0,
        label: 'because',
      },
      { quote: 'As a result we shipped in two', start: 4, end: 8, response: 0, label: 'as a result' },
    ]);
  });
});
