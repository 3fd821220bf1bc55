import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CandorError } from '../../core/index.js';
import type { Segment, TagDraft, TopicDefinition, TrackedName } from '../../domain/index.js';
import { need, requires } from '../../test-helpers.js';
import { DEFAULT_TOPICS, tagTranscript } from './index.js';

const topics: TopicDefinition[] = DEFAULT_TOPICS.map((t, i) => ({ id: `topic-${i}`, ...t }));
const pricing = topics.find((t) => t.name === 'pricing') as TopicDefinition;
const say = (text: string, speaker = 'Ana', start: number | null = 3): Segment => ({
  speaker,
  start,
  end: start === null ? null : start + 4,
  text,
});
const tag = (segments: Segment[], names: TrackedName[] = []): TagDraft[] =>
  tagTranscript(segments, { topics, names, embeddings: null });
const ofKind = (tags: TagDraft[], kind: TagDraft['kind']): TagDraft[] => tags.filter((t) => t.kind === kind);

const qmsum = (path: string): string =>
  fileURLToPath(new URL(`../../../../shared/data/meetings-qmsum/${path}`, import.meta.url));
const meeting = (path: string): Segment[] =>
  (
    JSON.parse(readFileSync(qmsum(path), 'utf8')) as {
      meeting_transcripts: { speaker: string; content: string }[];
    }
  ).meeting_transcripts.map((u) => ({ speaker: u.speaker, start: null, end: null, text: u.content }));

describe('tagTranscript: bad and empty input', () => {
  it('returns no tags for an empty transcript or one with only blank or marker-only segments', () => {
    expect(tag([])).toEqual([]);
    expect(tag([say(''), say('   '), say('{vocalsound} {disfmarker}')])).toEqual([]);
  });

  it('names the segment whose text is missing', () => {
    const bad = [say('Fine.'), { speaker: 'Bo', start: null, end: null }] as unknown as Segment[];
    expect(() => tag(bad)).toThrow(CandorError);
    expect(() => tag(bad)).toThrow(/segment 2: text must be a string/);
  });

  it('names the topic and synonym that has no words, and a meeting date that is not a date', () => {
    const broken: TopicDefinition[] = [{ id: 't1', name: 'pricing', synonyms: ['cost', ' '] }];
    expect(() => tagTranscript([say('It costs a lot.')], { topics: broken, names: [] })).toThrow(
      /topics\[0\] "pricing": the synonym 2 " " has no words/,
    );
    expect(() =>
      tagTranscript([say('It costs a lot.')], {
        topics,
        names: [],
        meetingDate: 'next Friday',
        embeddings: null,
      }),
    ).toThrow(/meetingDate "next Friday" is not an ISO date/);
  });
});

describe('tagTranscript: topics', () => {
  it('tags "How much does it cost?" with pricing, quoting the sentence with its speaker and time', () => {
    const tags = tag([
      say('Hello there.', 'Bo', 0),
      say('How much does it cost? We have a small team.', 'Ana', 3),
    ]);
    expect(ofKind(tags, 'topic')).toEqual([
      {
        kind: 'topic',
        label: 'pricing',
        refId: pricing.id,
        quote: 'How much does it cost?',
        speaker: 'Ana',
        startS: 3,
        endS: 7,
        segmentPosition: 1,
        endPosition: null,
        sentiment: 0,
        detail: { matched: 'cost' },
      },
    ]);
  });

  it('matches inflections and multi-word synonyms, once per topic and sentence, and whole words only', () => {
    const tags = ofKind(
      tag([
        say('The prices went up and the costs too.'),
        say('Honestly it is costly.'),
        say('We wore a costume to the party.'),
        say('The hiring process took six weeks.'),
      ]),
      'topic',
    );
    expect(tags.map((t) => [t.segmentPosition, t.label])).toEqual([
      [0, 'pricing'],
      [1, 'pricing'],
      [3, 'hiring process'],
    ]);
  });

  it('gives a topic mention the VADER compound of its sentence', () => {
    const [negative] = ofKind(tag([say('The pricing is terrible and unfair.')]), 'topic');
    expect(negative?.sentiment).toBeLessThan(-0.05);
  });
});

describe('tagTranscript: tracked names', () => {
  const names: TrackedName[] = [
    { id: 'n1', kind: 'competitor', name: 'Slack', aliases: ['Slack Technologies'] },
    { id: 'n2', kind: 'product', name: 'Acme Cloud', aliases: ['acme'] },
    { id: 'n3', kind: 'competitor', name: 'SAP', aliases: [] },
  ];

  it('matches a capitalised name or alias, but not the common lower-case word', () => {
    const tags = tag(
      [
        say("We left Slack Technologies last year; Slack's search was poor."),
        say('There is some slack in the schedule.'),
        say('We moved everything to ACME and acme support is good.'),
        say('The sap was running in the trees; SAP quoted us a price.'),
      ],
      names,
    ).filter((t) => t.kind === 'competitor' || t.kind === 'product');
    expect(
      tags.map((t) => [t.segmentPosition, t.kind, t.label, (t.detail as { matched: string }).matched]),
    ).toEqual([
      [0, 'competitor', 'Slack', 'Slack Technologies'],
      [2, 'product', 'Acme Cloud', 'ACME'],
      [3, 'competitor', 'SAP', 'SAP'],
    ]);
    expect(tags[0]?.quote).toBe("We left Slack Technologies last year; Slack's search was poor.");
    expect(tags[0]?.sentiment).toBeLessThan(0);
  });

  it('matches a name whose last word ends the sentence ("Corp."), and suggests it without the period', () => {
    const acme: TrackedName[] = [{ id: 'n9', kind: 'competitor', name: 'Acme Corp', aliases: [] }];
    const tags = tag([say('We compared Acme Corp. They were slow.'), say('Acme Corp offered more.')], acme);
    expect(ofKind(tags, 'competitor').map((t) => [t.segmentPosition, t.label])).toEqual([
      [0, 'Acme Corp'],
      [1, 'Acme Corp'],
    ]);
    // A tracked name is not suggested again, with or without the period.
    expect(ofKind(tags, 'organisation')).toEqual([]);
    const untracked = ofKind(tag([say('We moved to Initech Inc. last year.')]), 'organisation');
    expect(untracked.map((t) => t.label)).toEqual(['Initech Inc']);
  });
});

describe('tagTranscript: sentiment per segment', () => {
  it('labels a segment with VADER ±0.05 and skips turns made only of back-channels', () => {
    const tags = ofKind(
      tag([
        say('I love the new dashboard.'),
        say('Yeah. Okay.'),
        say('Mm-hmm.'),
        say('The export keeps failing.'),
      ]),
      'sentiment',
    );
    expect(tags.map((t) => [t.segmentPosition, t.label])).toEqual([
      [0, 'positive'],
      [3, 'negative'],
    ]);
    expect(tags[0]?.sentiment).toBeGreaterThanOrEqual(0.05);
  });
});

describe('tagTranscript: questions and action items', () => {
  it('finds questions without punctuation by their interrogative form', () => {
    const tags = ofKind(
      tag([
        say('so how much does it cost for the whole team', 'Ana'),
        say('can we get a discount if we pay yearly', 'Bo'),
        say('what I mean is the team is small', 'Ana'),
        say('do the export first', 'Bo'),
        say('Mm-hmm?', 'Ana'),
      ]),
      'question',
    );
    expect(tags.map((t) => [t.speaker, t.label, (t.detail as { form: string }).form])).toEqual([
      ['Ana', 'so how much does it cost for the whole team', 'interrogative'],
      ['Bo', 'can we get a discount if we pay yearly', 'interrogative'],
    ]);
  });

  it('tags a commitment with its owner and due date', () => {
    const tags = tagTranscript([say("I'll send the proposal Friday.", 'Ana')], {
      topics,
      names: [],
      meetingDate: '2026-12-02',
      embeddings: null,
    });
    const [item] = ofKind(tags, 'action_item');
    expect(item?.label).toBe("I'll send the proposal Friday.");
    expect(item?.detail).toMatchObject({
      actionKind: 'commitment',
      owner: 'Ana',
      ownerRole: 'speaker',
      due: { phrase: 'Friday', date: '2026-12-04' },
    });
  });
});

describe('tagTranscript: organisations', () => {
  it('suggests capitalised names that look like organisations, not speakers, people or months', () => {
    const tags = ofKind(
      tag([
        say("Hi, I'm David. We signed with Acme Corp in March.", 'David'),
        say('Our CRM is HubSpot. The Northwind people were slow, and Northwind never called back.', 'Ana'),
        say('David said the Northwind team changed.', 'Ana'),
      ]),
      'organisation',
    );
    expect(tags.map((t) => t.label).sort()).toEqual(['Acme Corp', 'HubSpot', 'Northwind']);
    expect(tags.find((t) => t.label === 'Northwind')?.detail).toEqual({ mentions: 3 });
  });
});

requires(need.sharedData('meetings-qmsum/Product/ES2002a.json')).describe(
  'tagTranscript on a real QMSum meeting',
  () => {
    it('attributes every question to the speaker of the turn it was asked in', () => {
      const segments = meeting('Product/ES2002a.json');
      const questions = ofKind(tag(segments), 'question');
      const asked = segments.filter((s) => s.text.includes('?')).length;
      expect(questions.length).toBeGreaterThanOrEqual(asked);
      for (const q of questions) {
        const turn = segments[q.segmentPosition as number] as Segment;
        expect(q.speaker).toBe(turn.speaker);
        const said = turn.text.replace(/\{[a-z_]+\}/g, ' ').replace(/\s+/g, ' ');
        expect(said).toContain(q.quote);
      }
      expect(questions.find((q) => q.quote === 'Do you want to introduce yourself again ?')?.speaker).toBe(
        'Project Manager',
      );
      // A short meeting (about 2,500 words) is not cut into sections.
      expect(ofKind(tag(segments), 'section')).toEqual([]);
    });

    it('finds questions in the same meeting stripped of punctuation and case, as recognised speech is', () => {
      const segments = meeting('Product/ES2002a.json');
      const asked = new Set(segments.flatMap((s, i) => (s.text.includes('?') ? [i] : [])));
      const bare = segments.map((s) => ({ ...s, text: s.text.replace(/[?.,!]/g, ' ').toLowerCase() }));
      const found = ofKind(tag(bare), 'question');
      const hits = found.filter((q) => asked.has(q.segmentPosition as number));
      // Only the opening of an unpunctuated turn is read, so a question after other talk in the same
      // turn is missed; bench/knowledge-tagging.mjs reports the share over many meetings.
      expect(hits.length).toBeGreaterThanOrEqual(asked.size / 4);
      expect(found.map((q) => q.label)).toContain('is that what everybody got');
      for (const q of found) expect(q.speaker).toBe(segments[q.segmentPosition as number]?.speaker);
    });
  },
);

requires(need.sharedData('meetings-qmsum/Product/ES2002b.json'), need.wordVectors()).describe(
  'tagTranscript sections on a long real meeting',
  () => {
    it('cuts a long meeting into titled sections that cover every segment in order', () => {
      const segments = meeting('Product/ES2002b.json').concat(meeting('Product/ES2002c.json'));
      const sections = ofKind(tagTranscript(segments, { topics, names: [] }), 'section');
      expect(sections.length).toBeGreaterThanOrEqual(2);
      expect(sections[0]?.segmentPosition).toBe(0);
      expect(sections.at(-1)?.endPosition).toBe(segments.length - 1);
      for (let i = 1; i < sections.length; i++)
        expect(sections[i]?.segmentPosition).toBe((sections[i - 1]?.endPosition as number) + 1);
      for (const s of sections) expect(s.label).not.toBe('');
    });
  },
);
