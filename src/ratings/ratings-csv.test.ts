import { describe, expect, it } from 'vitest';
import { CandorError } from '../core/index.js';
import { parseRatingsCsv } from './ratings-csv.js';

function refused(text: string): CandorError {
  try {
    parseRatingsCsv(text, 'ratings.csv');
  } catch (error) {
    if (error instanceof CandorError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

const HEADER = 'interview,rater,target,score,scale';

describe('parseRatingsCsv', () => {
  it('reads columns in any order, quoted fields, CRLF and a byte-order mark, and normalises each score', () => {
    const text =
      '\uFEFFscale,score,target,rater,interview,answer,person,note\r\n' +
      '1-7,7,overall,"Rater, A",intv_1,,P1,"said ""great"",\r\nthen stopped"\r\n' +
      '0-100,25,excited,r2,intv_1,2,P1,\r\n';
    const { ratings } = parseRatingsCsv(text, 'ratings.csv');
    expect(ratings).toEqual([
      {
        line: 2,
        interview: 'intv_1',
        person: 'P1',
        answer: null,
        rater: 'Rater, A',
        target: 'overall',
        score: 7,
        scale: { min: 1, max: 7 },
        normalised: 1,
        note: 'said "great",\r\nthen stopped',
      },
      {
        line: 4,
        interview: 'intv_1',
        person: 'P1',
        answer: 2,
        rater: 'r2',
        target: 'excited',
        score: 25,
        scale: { min: 0, max: 100 },
        normalised: 0.25,
        note: null,
      },
    ]);
  });

  it('normalises as (score − min) / (max − min), negative and decimal scales included', () => {
    const { ratings } = parseRatingsCsv(
      `${HEADER}\na,r,overall,4,1-5\nb,r,overall,0,-2-2\nc,r,overall,2.5,0.5 - 4.5\n`,
      'x.csv',
    );
    expect(ratings.map((r) => r.normalised)).toEqual([0.75, 0.5, 0.5]);
  });

  it('names an unknown column and a missing required one by file, line and column', () => {
    const unknown = refused('interview,rater,target,score,scale,grade\na,r,overall,4,1-5,9\n');
    expect(unknown.code).toBe('RATINGS_INVALID');
    expect(unknown.message).toMatch(/^ratings\.csv line 1, column 6 \(grade\): unknown column "grade"/);
    expect(unknown.details).toMatchObject({ file: 'ratings.csv', line: 1, column: 6 });
    const missing = refused('interview,rater,target,score\na,r,overall,4\n');
    expect(missing.message).toMatch(/^ratings\.csv line 1: missing required column "scale"/);
  });

  it.each([
    ['a,r,overall,,1-5', 'line 2, column 4 (score): score is empty'],
    ['a,r,overall,four,1-5', 'line 2, column 4 (score): score "four" is not a number'],
    ['a,r,overall,0x10,1-100', 'line 2, column 4 (score): score "0x10" is not a number'],
    ['a,r,overall,4,1 to 5', 'line 2, column 5 (scale): scale "1 to 5" is not written MIN-MAX'],
    ['a,r,overall,4,5-1', 'line 2, column 5 (scale): scale "5-1": the minimum must be below the maximum'],
    ['a,r,overall,4,3-3', 'line 2, column 5 (scale): scale "3-3": the minimum must be below the maximum'],
    ['a,r,overall,6,1-5', 'line 2, column 4 (score): score 6 is outside the declared scale 1-5'],
    ['a,r,,4,1-5', 'line 2, column 3 (target): target is empty'],
    ['a,,overall,4,1-5', 'line 2, column 2 (rater): rater is empty'],
    ['a,r,overall,4,1-5,9', 'line 2: 6 fields, but the header names 5 columns'],
  ])('refuses %s', (row, message) => {
    const error = refused(`${HEADER}\n${row}\n`);
    expect(error.code).toBe('RATINGS_INVALID');
    expect(error.message).toContain(`ratings.csv ${message}`);
  });

  it('refuses an answer that is not a number from 1', () => {
    const error = refused('interview,rater,target,score,scale,answer\na,r,overall,4,1-5,0\n');
    expect(error.message).toContain('line 2, column 6 (answer): answer "0" is not an answer number');
  });

  it('refuses one rater scoring the same interview, answer and target twice, naming both lines', () => {
    const error = refused(
      'interview,answer,rater,target,score,scale\na,,r,overall,4,1-5\na,1,r,overall,4,1-5\n\na,,r,overall,5,1-5\n',
    );
    expect(error.message).toBe(
      'ratings.csv line 5: rater "r" already scored interview "a" on target "overall" on line 2',
    );
  });

  it('lists every problem in the details and counts them in the message', () => {
    const error = refused(`${HEADER}\na,r,overall,x,1-5\nb,r,overall,9,1-5\nc,r,overall,1,1-5\n`);
    expect(error.message).toMatch(/\(and 1 more problem\)$/);
    const problems = error.details.problems as { line: number; column: number }[];
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [2, 4],
      [3, 4],
    ]);
  });

  it('names a quote that is never closed, and an empty file', () => {
    expect(refused(`${HEADER}\na,r,overall,4,1-5\n"b,r,overall,4,1-5\n`).message).toBe(
      'ratings.csv line 3: a quoted field is never closed',
    );
    expect(refused('').message).toContain('the file is empty');
    expect(refused(`${HEADER}\r\n`).message).toContain('no ratings after the header row');
  });
});
