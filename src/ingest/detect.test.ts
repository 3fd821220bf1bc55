import { describe, expect, it } from 'vitest';
import { detectTranscriptFormat, parseTranscript } from './detect.js';
import { errorOf, fixture } from './test-helpers.js';

describe('detectTranscriptFormat', () => {
  it('chooses by extension', () => {
    expect(detectTranscriptFormat('anything', 'a.VTT')).toBe('vtt');
    expect(detectTranscriptFormat('anything', 'dir/a.srt')).toBe('srt');
    expect(detectTranscriptFormat('[1, 2]', 'a.json')).toBe('json');
    expect(detectTranscriptFormat('{"not": "json here"}', 'notes.txt')).toBe('text');
    expect(detectTranscriptFormat('Ann: hi', 'answer.md')).toBe('text');
  });

  it('sniffs the content when the extension says nothing', () => {
    expect(detectTranscriptFormat(fixture('zoom.vtt'))).toBe('vtt');
    expect(detectTranscriptFormat(fixture('subrip.srt'), 'upload.bin')).toBe('srt');
    expect(detectTranscriptFormat(fixture('interview.json'))).toBe('json');
    expect(detectTranscriptFormat('\n  [ {"text": "x"} ]')).toBe('json');
    expect(detectTranscriptFormat('[00:01:23] Ann: hi')).toBe('text');
    expect(detectTranscriptFormat(fixture('live-interview.txt'))).toBe('text');
  });

  it('reads a caption file saved as .txt by its content', () => {
    expect(detectTranscriptFormat(fixture('teams.vtt'), 'meeting.txt')).toBe('vtt');
  });
});

describe('parseTranscript', () => {
  it('parses each format through one entry point', () => {
    expect(parseTranscript(fixture('teams.vtt'), { file: 'teams.vtt' }).format).toBe('vtt');
    expect(parseTranscript(fixture('subrip.srt')).format).toBe('srt');
    expect(parseTranscript(fixture('interview.json')).format).toBe('json');
    expect(parseTranscript(fixture('live-interview.txt')).format).toBe('text');
  });

  it('decodes bytes: UTF-8 with a byte-order mark, UTF-16 LE and BE with one', () => {
    const text = 'Ann Lee: Grüße, café ☕\nBob: ok';
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const bytes of [utf8, le, be]) {
      const t = parseTranscript(bytes, { file: 'a.txt' });
      expect(t.segments.map((s) => [s.speaker, s.text])).toEqual([
        ['Ann Lee', 'Grüße, café ☕'],
        ['Bob', 'ok'],
      ]);
    }
  });

  it('says a blank input is empty', () => {
    const error = errorOf(() => parseTranscript(' \n\t\n', { file: 'x.vtt' }));
    expect(error.code).toBe('TRANSCRIPT_INVALID');
    expect(error.message).toBe('file is empty');
    expect(error.details.file).toBe('x.vtt');
  });
});
