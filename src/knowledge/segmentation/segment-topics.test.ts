import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../domain/index.js';
import { need, requires, SHARED_DATA } from '../../test-helpers.js';
import { conversationTokens } from './conversation-tokens.js';
import { segmentTopics, type TopicSection } from './segment-topics.js';

const MEETING = 'meetings-qmsum/Academic/Bed003.json';

function meeting(relative: string): Segment[] {
  const json = JSON.parse(readFileSync(path.join(SHARED_DATA, relative), 'utf8')) as {
    meeting_transcripts: { speaker: string; content: string }[];
  };
  // QMSum has no times; give each turn a 5-second slot so the sections' times can be checked.
  return json.meeting_transcripts.map((t, i) => ({
    speaker: t.speaker,
    start: i * 5,
    end: i * 5 + 4,
    text: t.content,
  }));
}

function expectContiguous(sections: readonly TopicSection[], count: number): void {
  expect(sections[0]?.firstSegment).toBe(0);
  expect(sections.at(-1)?.lastSegment).toBe(count - 1);
  sections.forEach((s, i) => {
    expect(s.lastSegment).toBeGreaterThanOrEqual(s.firstSegment);
    if (i > 0) expect(s.firstSegment).toBe((sections[i - 1] as TopicSection).lastSegment + 1);
  });
}

describe('segmentTopics, edge cases', () => {
  it('returns no sections for no segments', () => {
    expect(segmentTopics([], { embeddings: null })).toEqual([]);
  });

  it('returns one titled section for one segment, with its times', () => {
    const sections = segmentTopics(
      [
        {
          speaker: 'A',
          start: 3,
          end: 9.5,
          text: 'The budget for the remote control is twelve euros; the budget is tight.',
        },
      ],
      { embeddings: null },
    );
    expect(sections).toHaveLength(1);
    expect(sections[0]).toMatchObject({
      firstSegment: 0,
      lastSegment: 0,
      start: 3,
      end: 9.5,
      boundaryDepth: null,
    });
    expect(sections[0]?.keyphrases[0]).toBe('budget');
    expect(sections[0]?.title).toMatch(/^Budget/);
  });
});

requires(need.sharedData(MEETING), need.wordVectors()).describe(
  'segmentTopics on a real meeting (ICSI Bed003, 1,029 turns)',
  () => {
    const segments = meeting(MEETING);
    const sections = segmentTopics(segments);

    it('cuts it into titled sections, in order, covering every turn once', () => {
      expect(sections.length).toBeGreaterThanOrEqual(2);
      expect(sections.length).toBeLessThan(20);
      expectContiguous(sections, segments.length);
      for (const s of sections.slice(1)) expect(s.boundaryDepth).toBeGreaterThan(0);
      expect(new Set(sections.map((s) => s.title)).size).toBe(sections.length);
    });

    it('carries each section its first and last turn times', () => {
      for (const s of sections) {
        expect(s.start).toBe(segments[s.firstSegment]?.start);
        expect(s.end).toBe(segments[s.lastSegment]?.end);
      }
    });

    it('titles each section with words said in that section', () => {
      const { tokens, segmentStart } = conversationTokens(segments);
      for (const s of sections) {
        const from = segmentStart[s.firstSegment] as number;
        const to = segmentStart[s.lastSegment + 1] ?? tokens.length;
        const said = new Set(tokens.slice(from, to).map((t) => t.term));
        expect(s.keyphrases.length).toBeGreaterThan(0);
        expect(s.title.toLowerCase().startsWith(s.keyphrases[0] as string)).toBe(true);
        for (const phrase of s.keyphrases) for (const word of phrase.split(' ')) expect(said).toContain(word);
      }
    });

    it('is not moved by disfluency markers and filled pauses, added or removed', () => {
      const cuts = (list: readonly TopicSection[]): number[] => list.map((s) => s.firstSegment);
      const clean = segments.map((s) => ({
        ...s,
        text: s.text.replace(/\{\w+\}|\b(?:um|uh)\b/gi, ' ').replace(/\s+/g, ' '),
      }));
      const noisier = segments.map((s, i) => ({
        ...s,
        text: i % 3 === 0 ? `Um {disfmarker} uh ${s.text} {vocalsound} uh` : s.text,
      }));
      expect(cuts(segmentTopics(clean))).toEqual(cuts(sections));
      expect(cuts(segmentTopics(noisier))).toEqual(cuts(sections));
    });
  },
);
