import { describe, expect, it } from 'vitest';
import { parsePlainText } from './plain-text.js';
import { expectInvalidAt, fixture } from './test-helpers.js';

describe('parsePlainText', () => {
  it('reads "Speaker: text" turns, continuing a turn on lines without a label', () => {
    const t = parsePlainText(fixture('live-interview.txt'));
    expect(t.format).toBe('text');
    expect(t.segments).toHaveLength(12);
    expect(t.segments[3]).toEqual({
      speaker: 'Daniel Okafor',
      start: null,
      end: null,
      text: 'At my last job my teammate wanted to ship a database migration without tests. I was worried we would lose customer data.',
      line: 4,
    });
    expect(new Set(t.segments.map((s) => s.speaker))).toEqual(new Set(['Priya Raman', 'Daniel Okafor']));
  });

  it('treats a file without any speaker label as one answer with speaker null', () => {
    const answer =
      'In my last role I led the migration.\nIt took six weeks: we planned at 10:30 each day.\n\nNote: the team was three people.\n';
    const t = parsePlainText(answer);
    expect(t.segments).toEqual([
      {
        speaker: null,
        start: null,
        end: null,
        text: 'In my last role I led the migration. It took six weeks: we planned at 10:30 each day. Note: the team was three people.',
        line: 1,
      },
    ]);
  });

  it('takes start times from leading timestamps, and the end from the next start', () => {
    const t = parsePlainText(
      '[00:00:05] Interviewer: Why this team?\n00:00:09 Candidate: Because of the product.\nAnd the people.\n[00:01:02.5] Interviewer: Thanks.',
    );
    expect(t.segments.map((s) => [s.speaker, s.start, s.end, s.text])).toEqual([
      ['Interviewer', 5, 9, 'Why this team?'],
      ['Candidate', 9, 62.5, 'Because of the product. And the people.'],
      ['Interviewer', 62.5, null, 'Thanks.'],
    ]);
  });

  it('reads speaker-and-time header lines (Otter, Zoom text export) and lone time lines (Meet)', () => {
    const otter = parsePlainText('Speaker 1  0:03\nHello there.\n\nDaniel Okafor  1:15\nHi, thanks.\n');
    expect(otter.segments.map((s) => [s.speaker, s.start, s.end, s.text])).toEqual([
      ['Speaker 1', 3, 75, 'Hello there.'],
      ['Daniel Okafor', 75, null, 'Hi, thanks.'],
    ]);
    const meet = parsePlainText('00:00:00\nPriya: Hello.\nDaniel: Hi.\n00:05:00\nPriya: Next question.');
    expect(meet.segments.map((s) => [s.speaker, s.start])).toEqual([
      ['Priya', 0],
      ['Daniel', null],
      ['Priya', 300],
    ]);
  });

  it('reads Markdown bold speaker labels', () => {
    const t = parsePlainText('**Interviewer:** Why us?\n**Candidate**: Your mission.');
    expect(t.segments.map((s) => [s.speaker, s.text])).toEqual([
      ['Interviewer', 'Why us?'],
      ['Candidate', 'Your mission.'],
    ]);
  });

  it('rejects a broken bracketed timestamp with its line', () => {
    expectInvalidAt(
      () => parsePlainText('Ann: hi\n[00:00:75] Bob: hello'),
      2,
      'expected seconds 00–59 in the timestamp "00:00:75"',
    );
    expectInvalidAt(() => parsePlainText('[1:2:3] Ann: hi'), 1, 'expected a time like "[00:01:23]"');
  });

  it('rejects times that go backwards', () => {
    expectInvalidAt(
      () => parsePlainText('[00:01:00] Ann: a\n[00:00:30] Bob: b'),
      2,
      'expected a time at or after 00:01:00.000 (the time on line 1), found 00:00:30.000',
    );
  });
});
