import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, readCsv } from './csv.js';

const problem = (text: string, options = {}) => {
  try {
    readCsv(text, options);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { problem: error.problem, line: error.line };
    throw error;
  }
  return null;
};

describe('readCsv', () => {
  it('reads quoted separators, doubled quotes, line breaks, CRLF, CR and a byte-order mark', () => {
    expect(readCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r"two\nlines",3\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['two\nlines', '3'] },
    ]);
  });

  it('counts the lines inside quoted fields, so later records keep their own line', () => {
    expect(readCsv('a\n"1\n2\n3"\nlast').map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('skips blank and space-only lines but keeps a record of one quoted empty field', () => {
    expect(readCsv('a,b\n\n   \n""\n1,2')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 4, fields: [''] },
      { line: 5, fields: ['1', '2'] },
    ]);
  });

  it('splits on another separator when told, and keeps commas then', () => {
    expect(readCsv('speaker\ttext\nAnn\thi, Ben', { separator: '\t' })[1]?.fields).toEqual([
      'Ann',
      'hi, Ben',
    ]);
    expect(readCsv('a;b\n1,5;2', { separator: ';' })[1]?.fields).toEqual(['1,5', '2']);
  });

  it('keeps a quote inside an unquoted field unless told to refuse it', () => {
    expect(readCsv('size\n5" screen')[1]?.fields).toEqual(['5" screen']);
    expect(problem('size\n5" screen', { quoteInField: 'error' })).toEqual({
      problem: 'quote-in-field',
      line: 2,
    });
  });

  it('names the line where a never-closed quote opened, and text after a closing quote', () => {
    expect(problem('a,b\n1,"open\nstill\n')).toEqual({ problem: 'unclosed-quote', line: 2 });
    expect(problem('a\n\n"x"y')).toEqual({ problem: 'text-after-quote', line: 3 });
  });
});
