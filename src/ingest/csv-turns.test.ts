import { describe, expect, it } from 'vitest';
import { parseCsvTurns, parseTurnTime } from './csv-turns.js';
import { detectTranscriptFormat, parseTranscript } from './detect.js';
import { errorOf, expectInvalidAt, fixture } from './test-helpers.js';

describe('parseCsvTurns', () => {
  it('reads turns by header, with quoted commas, doubled quotes, line breaks and clock or second times', () => {
    const t = parseTranscript(fixture('customer-call.csv'), { file: 'customer-call.csv' });
    expect(t.format).toBe('csv');
    expect(t.segments.map((s) => [s.speaker, s.start, s.end, s.line])).toEqual([
      ['Maya Chen', 1, 6.5, 2],
      ['Tom Okafor', 7, 19.25, 3],
      ['Maya Chen', 19.8, 31, 4],
      ['Tom Okafor', 31.5, 52, 5],
    ]);
    expect(t.segments[1]!.text).toBe(
      'Honestly, mixed. The reporting is great, but the export to our warehouse breaks every week.',
    );
    expect(t.segments[3]!.text).toBe(
      'We rerun it by hand. That\'s two hours, "every" Monday, for an analyst. We\'ve started looking at alternatives because of it.',
    );
  });

  it('finds columns in any order under other names, without times, in TSV; skips rows with no text', () => {
    const t = parseCsvTurns('Utterance\tParticipant\nHello there\tAnn\n\tBen\nHi Ann\tBen\n', {
      file: 'x.tsv',
    });
    expect(t.segments.map((s) => [s.speaker, s.start, s.end, s.text])).toEqual([
      ['Ann', null, null, 'Hello there'],
      ['Ben', null, null, 'Hi Ann'],
    ]);
  });

  it('is detected from a .csv or .tsv name, and from a speaker,text header without one', () => {
    expect(detectTranscriptFormat('a,b\n1,2\n', 'turns.csv')).toBe('csv');
    expect(detectTranscriptFormat('speaker,text\nAnn,hi\n')).toBe('csv');
    expect(detectTranscriptFormat('speaker,text\nAnn,hi\n', 'call.txt')).toBe('csv');
    expect(detectTranscriptFormat('Ann: hi, there, you\n')).toBe('text');
  });

  it('refuses a table that is not turns, naming its columns and what a transcript table needs', () => {
    const error = errorOf(() => parseTranscript('id,name,score\n1,Ann,3\n', { file: 'scores.csv' }));
    expect(error.code).toBe('TRANSCRIPT_INVALID');
    expect(error.message).toBe(
      'scores.csv is a table (CSV) but not a transcript: its columns are "id", "name", "score"; a transcript table needs a header row with a speaker and a text column (optional start and end, in seconds or hh:mm:ss)',
    );
    expect(error.details).toMatchObject({ fileType: 'csv', file: 'scores.csv' });
  });

  it('names the row and column of a bad time, an end before the start, and a row of the wrong width', () => {
    const bad = expectInvalidAt(
      () => parseCsvTurns('speaker,text,start\nAnn,hi,0\nBen,yo,soon\n', { file: 'a.csv' }),
      3,
      'column "start": expected seconds (12.5) or a clock time (mm:ss, hh:mm:ss), got "soon"',
    );
    expect(bad.details).toMatchObject({ file: 'a.csv', column: 'start' });
    expectInvalidAt(
      () => parseCsvTurns('speaker,text,start,end\nAnn,hi,5,2\n'),
      2,
      'column "end": ends at 2 s, before it starts (5 s)',
    );
    expectInvalidAt(
      () => parseCsvTurns('speaker,text\nAnn,hi\nBen,well, yes\n'),
      3,
      '3 fields, but the header has 2: quote fields that hold "," or line breaks',
    );
  });

  it('names the line where an unclosed quote opens', () => {
    expectInvalidAt(
      () => parseCsvTurns('speaker,text\nAnn,hi\nBen,"never closed\nstill going\n'),
      3,
      'a quoted field opens here and is never closed',
    );
  });

  it('refuses a header with no rows of text', () => {
    const error = errorOf(() => parseCsvTurns('speaker,text\n', { file: 'e.csv' }));
    expect(error.message).toBe('e.csv: the header is there but no row has any text');
  });

  it('reads seconds and clock times, and refuses out-of-range clocks', () => {
    expect([parseTurnTime('12.5'), parseTurnTime('1:23'), parseTurnTime('01:02:03,500')]).toEqual([
      12.5, 83, 3723.5,
    ]);
    expect([parseTurnTime('1:75'), parseTurnTime('soon'), parseTurnTime('-3')]).toEqual([null, null, null]);
  });
});
