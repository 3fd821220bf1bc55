import { describe, expect, it } from 'vitest';
import { parseVtt } from './vtt.js';
import { errorOf, expectInvalidAt, fixture } from './test-helpers.js';

describe('parseVtt on the shapes meeting tools export', () => {
  it('reads Zoom cues with "Name: text" speakers, joining multi-line cues', () => {
    const t = parseVtt(fixture('zoom.vtt'));
    expect(t.format).toBe('vtt');
    expect(t.segments).toHaveLength(6);
    expect(t.segments[0]).toEqual({
      speaker: 'Priya Raman',
      start: 1.11,
      end: 4.23,
      text: 'Hi Daniel, thanks for making the time today.',
      line: 3,
    });
    expect(t.segments[2]?.text).toBe(
      'Great. So, tell me about a time you disagreed with a teammate. How did you resolve it?',
    );
    // "Note:" and "at 10:30" inside the text are not speakers.
    expect(t.segments[3]?.speaker).toBe('Daniel Okafor');
    expect(t.segments[3]?.text).toBe(
      'Sure. Note: this was at my last job. We met at 10:30 every day and my teammate wanted to ship without the migration tests.',
    );
    // Consecutive cues of one speaker stay separate segments.
    expect(t.segments.map((s) => s.speaker)).toEqual([
      'Priya Raman',
      'Daniel Okafor',
      'Priya Raman',
      'Daniel Okafor',
      'Priya Raman',
      'Daniel Okafor',
    ]);
  });

  it('reads Microsoft Teams voice tags and uuid cue identifiers', () => {
    const t = parseVtt(fixture('teams.vtt'));
    expect(t.segments).toHaveLength(5);
    expect(t.segments[1]).toMatchObject({
      speaker: 'Daniel Okafor (Guest)',
      start: 7.12,
      end: 9.64,
      text: 'Thanks for having me & happy to be here.',
    });
    expect(t.segments[3]?.speaker).toBe(t.segments[4]?.speaker);
    expect(t.segments[4]?.start).toBeCloseTo(19.215, 6);
  });

  it('reads header text, NOTE and STYLE blocks, mm:ss times, cue settings and inline tags', () => {
    const t = parseVtt(fixture('captions.vtt'));
    expect(t.segments).toEqual([
      { speaker: 'Priya Raman', start: 1, end: 4.5, text: 'Welcome, Daniel.', line: 11 },
      { speaker: 'Daniel Okafor', start: 5, end: 9.25, text: 'Thank you. I really appreciate it.', line: 14 },
      { speaker: null, start: 3723, end: 3725, text: 'Note: the next part was inaudible.', line: 17 },
    ]);
  });

  it('splits a cue holding two voices into two segments with the cue times', () => {
    const t = parseVtt('WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ann>Ready?</v>\n<v Bob>Ready.</v>\n');
    expect(t.segments.map((s) => [s.speaker, s.text, s.start, s.end])).toEqual([
      ['Ann', 'Ready?', 1, 3],
      ['Bob', 'Ready.', 1, 3],
    ]);
  });

  it('accepts CRLF line endings, a byte-order mark and no final newline', () => {
    const t = parseVtt('\uFEFFWEBVTT\r\n\r\n1\r\n00:00:00.500 --> 00:00:02.000\r\nAnn Lee: Hello there.');
    expect(t.segments).toEqual([{ speaker: 'Ann Lee', start: 0.5, end: 2, text: 'Hello there.', line: 3 }]);
  });
});

describe('parseVtt on broken files', () => {
  const cue = (timing: string): string => `WEBVTT\n\n1\n${timing}\nAnn: hi\n`;

  it('rejects seconds over 59 with the line', () => {
    expectInvalidAt(
      () => parseVtt(cue('00:00:01.000 --> 00:00:61.000')),
      4,
      'expected seconds 00–59 in the timestamp "00:00:61.000"',
    );
  });

  it('rejects an end before the start', () => {
    expectInvalidAt(
      () => parseVtt(cue('00:00:05.000 --> 00:00:04.000')),
      4,
      'expected the end time 00:00:04.000 to be at or after the start time 00:00:05.000',
    );
  });

  it('rejects a timestamp without two-digit fields', () => {
    expectInvalidAt(
      () => parseVtt(cue('1:2:3 --> 00:00:04.000')),
      4,
      'expected a timestamp like "00:00:01.000", found "1:2:3"',
    );
  });

  it('rejects a file without the WEBVTT header, naming the file', () => {
    const error = expectInvalidAt(
      () => parseVtt('1\n00:00:01.000 --> 00:00:02.000\nhi\n', { file: 'talk.vtt' }),
      1,
      'expected the WebVTT header "WEBVTT"',
    );
    expect(error.details.file).toBe('talk.vtt');
  });

  it('rejects a cue whose timing line lost its arrow', () => {
    const text = fixture('zoom.vtt').replace('00:00:14.300 --> 00:00:21.940', '00:00:14.300 00:00:21.940');
    expectInvalidAt(
      () => parseVtt(text),
      17,
      'expected a timestamp line like "00:00:01.000 --> 00:00:04.000", found "00:00:14.300 00:00:21.940"',
    );
  });

  it('stays linear on a cue full of stray "<" (no regex backtracking blow-up)', () => {
    const t = parseVtt(`WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${'<'.repeat(200_000)}x\n`);
    expect(t.segments[0]?.text.length).toBe(200_001);
  });

  it('rejects an empty file and a file with no cue text', () => {
    expect(errorOf(() => parseVtt('  \n')).message).toBe('file is empty');
    const error = errorOf(() => parseVtt('WEBVTT\n\nNOTE nothing here\n'));
    expect(error.code).toBe('TRANSCRIPT_INVALID');
    expect(error.message).toContain('no spoken text');
  });
});
