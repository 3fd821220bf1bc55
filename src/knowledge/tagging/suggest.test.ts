import { describe, expect, it } from 'vitest';
import type { TopicDefinition, TrackedName } from '../../domain/index.js';
import { DEFAULT_TOPICS, suggestNames, suggestTopics } from './index.js';

const topics: TopicDefinition[] = DEFAULT_TOPICS.map((t, i) => ({ id: `topic-${i}`, ...t }));

describe('suggestTopics', () => {
  it('keeps phrases recurring in enough interviews that no topic covers, most interviews first', () => {
    const suggested = suggestTopics(
      [
        { phrase: 'remote control', interviews: 9 },
        { phrase: 'price list', interviews: 30 }, // covered: pricing ← price
        { phrase: 'production costs', interviews: 12 }, // covered: pricing ← cost, by stem
        { phrase: 'battery', interviews: 14 },
        { phrase: 'batteries', interviews: 3 }, // the same stem as "battery": one suggestion
        { phrase: 'beagle', interviews: 1 }, // said in one interview only
        { phrase: 'user friendly', interviews: 5 }, // covered: usability ← user-friendly
      ],
      topics,
    );
    expect(suggested).toEqual([
      { phrase: 'battery', interviews: 14 },
      { phrase: 'remote control', interviews: 9 },
    ]);
  });

  it('raises the bar and limits the list on request', () => {
    const rows = [
      { phrase: 'battery', interviews: 14 },
      { phrase: 'remote control', interviews: 9 },
      { phrase: 'scroll wheel', interviews: 4 },
    ];
    expect(suggestTopics(rows, topics, { minInterviews: 5 }).map((r) => r.phrase)).toEqual([
      'battery',
      'remote control',
    ]);
    expect(suggestTopics(rows, topics, { limit: 1 }).map((r) => r.phrase)).toEqual(['battery']);
  });

  it('names the bad row', () => {
    expect(() => suggestTopics([{ phrase: 'battery', interviews: Number.NaN }], topics)).toThrow(
      /keyphrases\[0\]: expected a text and a count of interviews/,
    );
  });
});

describe('suggestNames', () => {
  const names: TrackedName[] = [{ id: 'n1', kind: 'competitor', name: 'Slack', aliases: ['acme'] }];

  it('keeps organisations not tracked yet, spellings that differ in case as one', () => {
    expect(
      suggestNames(
        [
          { name: 'Slack Technologies', interviews: 8 }, // covered by "Slack"
          { name: 'ACME Corp', interviews: 6 }, // covered by the lower-case alias "acme"
          { name: 'Northwind', interviews: 4 },
          { name: 'NORTHWIND', interviews: 2 },
          { name: 'HubSpot', interviews: 5 },
          { name: 'Initech', interviews: 1 },
        ],
        names,
      ),
    ).toEqual([
      { name: 'HubSpot', interviews: 5 },
      { name: 'Northwind', interviews: 4 },
    ]);
  });
});
