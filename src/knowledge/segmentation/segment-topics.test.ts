import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../domain/index.js';
import { need, requires, SHARED_DATA } from '../../test-helpers.js';
import { conversationTokens } from './conversation-tokens.js';
import { massesOf, pk, windowDiff } from './evaluation.js';
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
      for (const s of sections.slice(1)) expect(s.boundaryDepth).toBeGreaterThanOrEqual(0);
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

/** QMSum's human topic starts as the bench builds them: every span start after the first. */
function humanStarts(relative: string): number[] {
  const json = JSON.parse(readFileSync(path.join(SHARED_DATA, relative), 'utf8')) as {
    topic_list: { relevant_text_span: [string, string][] }[];
  };
  const starts = json.topic_list.flatMap((t) => t.relevant_text_span.map((s) => Number(s[0])));
  const first = Math.min(...starts);
  return starts.filter((s) => s > first);
}

/** The held-out meetings of bench/topic-segmentation.mjs: odd positions among each domain's sorted groups. */
function heldOutMeetings(): string[] {
  const out: string[] = [];
  for (const domain of ['Academic', 'Committee', 'Product']) {
    const files = readdirSync(path.join(SHARED_DATA, 'meetings-qmsum', domain))
      .filter((f) => f.endsWith('.json'))
      .sort();
    const groupOf = (f: string): string =>
      domain === 'Product' ? f.replace(/[a-z]?\.json$/, '') : f.replace(/\.json$/, '');
    const groups = [...new Set(files.map(groupOf))].sort();
    for (const f of files)
      if (groups.indexOf(groupOf(f)) % 2 === 1) out.push(`meetings-qmsum/${domain}/${f}`);
  }
  return out;
}

requires(need.sharedData('meetings-qmsum/Product/ES2003a.json'), need.wordVectors()).describe(
  'segmentTopics on the held-out QMSum meetings (none used for fitting)',
  () => {
    it('places boundaries that beat both no boundaries and evenly spaced ones on Pk and WindowDiff', () => {
      const files = heldOutMeetings();
      expect(files.length).toBeGreaterThan(100);
      const totals: Record<'candor' | 'one' | 'even', [number, number]> = {
        candor: [0, 0],
        one: [0, 0],
        even: [0, 0],
      };
      let sections = 0;
      for (const file of files) {
        const segments = meeting(file);
        const reference = massesOf(segments.length, humanStarts(file));
        const found = segmentTopics(segments);
        sections += found.length;
        const n = segments.length;
        // evenly spaced, as many sections as Candor found (it is not told the human count)
        const even = massesOf(
          n,
          found.map((_, i) => Math.round((i * n) / found.length)),
        );
        const add = (key: keyof typeof totals, h: number[]): void => {
          totals[key][0] += pk(reference, h);
          totals[key][1] += windowDiff(reference, h);
        };
        add(
          'candor',
          massesOf(
            n,
            found.map((s) => s.firstSegment),
          ),
        );
        add('one', [n]);
        add('even', even);
      }
      const mean = (key: keyof typeof totals, i: 0 | 1): number => totals[key][i] / files.length;
      for (const metric of [0, 1] as const) {
        // bench figures: Candor 0.355 / 0.366, one section 0.390 / 0.390
        expect(mean('candor', metric)).toBeLessThan(mean('one', metric) - 0.015);
        expect(mean('candor', metric)).toBeLessThan(mean('even', metric));
      }
      expect(sections / files.length).toBeGreaterThan(2);
    }, 240_000);
  },
);
