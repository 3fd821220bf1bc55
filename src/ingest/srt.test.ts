import { describe, expect, it } from 'vitest';
import { parseSrt } from './srt.js';
import { errorOf, expectInvalidAt, fixture } from './test-helpers.js';

describe('parseSrt', () => {
  it('reads SubRip cues with "Name:", "[Name]" and "- Name:" speakers', () => {
    const t = parseSrt(fixture('subrip.srt'));
    expect(t.format).toBe('srt');
    expect(t.segments.map((s) => [s.speaker, s.start, s.end, s.text, s.line])).toEqual([
      ['Priya Raman', 1.11, 4.23, 'Hi Daniel, thanks for making the time today.', 1],
      ['Daniel Okafor', 4.98, 7.45, 'Thanks for having me.', 6],
      ['Priya Raman', 8.02, 13.76, 'Ready?', 10],
      ['Daniel Okafor', 8.02, 13.76, 'Ready.', 10],
      // Cue 4 holds only "[Music]": no speech, no segment.
      [null, 15.3, 18, 'So we shipped it the next day.', 19],
    ]);
  });

  it('tolerates CRLF, a byte-order mark, extra blank lines and no final blank line', () => {
    const text =
      '\uFEFF1\r\n00:00:01,000 --> 00:00:04,000\r\nAnn Lee: One.\r\n\r\n\r\n2\r\n00:00:04,500 --> 00:00:06,000\r\nTwo.';
    const t = parseSrt(text);
    expect(t.segments.map((s) => [s.speaker, s.text, s.line])).toEqual([
      ['Ann Lee', 'One.', 1],
      [null, 'Two.', 6],
    ]);
  });

  it('accepts a dot before the milliseconds and position coordinates after the end time', () => {
    const t = parseSrt('1\n00:01:02.250 --> 00:01:03.500 X1:100 X2:200 Y1:10 Y2:20\nHello\n');
    expect(t.segments[0]).toMatchObject({ start: 62.25, end: 63.5, text: 'Hello' });
  });

  it('rejects a cue missing its arrow line, with the line number', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\nOne.\n\n2\nTwo.\n';
    expectInvalidAt(
      () => parseSrt(text, { file: 'a.srt' }),
      6,
      'expected a timestamp line like "00:00:01,000 --> 00:00:04,000" after the cue number, found "Two."',
    );
  });

  it('rejects a block that is neither a cue number nor a timing line', () => {
    expectInvalidAt(
      () => parseSrt('1\n00:00:01,000 --> 00:00:02,000\nOne.\n\nstray text\n'),
      5,
      'expected a cue number or a timestamp line',
    );
  });

  it('rejects broken timestamps', () => {
    expectInvalidAt(
      () => parseSrt('1\n00:00:01,000 --> 00:60:02,000\nx\n'),
      2,
      'expected minutes 00–59 in the timestamp "00:60:02,000"',
    );
    expectInvalidAt(
      () => parseSrt('1\n00:00:03,000 --> 00:00:02,000\nx\n'),
      2,
      'to be at or after the start time 00:00:03.000',
    );
    expectInvalidAt(
      () => parseSrt('1\n1:2:3 --> 00:00:02,000\nx\n'),
      2,
      'expected a timestamp like "00:00:01,000", found "1:2:3"',
    );
  });

  it('rejects a file with no spoken text', () => {
    const error = errorOf(() => parseSrt('1\n00:00:01,000 --> 00:00:02,000\n[Music]\n'));
    expect(error.code).toBe('TRANSCRIPT_INVALID');
    expect(error.message).toContain('no spoken text');
  });
});
