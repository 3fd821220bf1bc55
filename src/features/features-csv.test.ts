import { describe, expect, it } from 'vitest';
import { CandorError } from '../core/index.js';
import type { FeatureRow } from '../model/model-file.js';
import { isExpertColumn } from './feature-rows.js';
import { featuresCsv, featuresJson, parseFeaturesCsv, requireFeatureColumns } from './features-csv.js';

const columns = ['totalWords', 'uniqueWords', 'sentimentMean', 'expert:overall'];
const rows: FeatureRow[] = [
  {
    interview: 'p1',
    person: '1',
    values: { totalWords: 812, uniqueWords: 301.5, sentimentMean: -0.12, 'expert:overall': 42 },
  },
  {
    interview: 'pp1',
    person: '1',
    values: { totalWords: 640, uniqueWords: null, sentimentMean: 0.3, 'expert:overall': null },
  },
  { interview: 'Lee, "Sam" 2', person: 'sam', values: { totalWords: 5, uniqueWords: 4 } },
];

function errorOf(run: () => unknown): CandorError {
  try {
    run();
  } catch (error) {
    if (error instanceof CandorError) return error;
    throw error;
  }
  throw new Error('expected a CandorError');
}

describe('features CSV', () => {
  it('writes identity, then the columns in the given order, empty cells for values not measured', () => {
    const text = featuresCsv(rows, columns);
    expect(text.split('\n')).toEqual([
      'interview,person,totalWords,uniqueWords,sentimentMean,expert:overall',
      'p1,1,812,301.5,-0.12,42',
      'pp1,1,640,,0.3,',
      '"Lee, ""Sam"" 2",sam,5,4,,',
      '',
    ]);
  });

  it('reads back exactly what it wrote, per interview and per answer', () => {
    const table = parseFeaturesCsv(featuresCsv(rows, columns), 'features.csv');
    expect(table.columns).toEqual(columns);
    expect(table.perAnswer).toBe(false);
    expect(table.rows).toEqual(
      rows.map((r) => ({ ...r, values: Object.fromEntries(columns.map((c) => [c, r.values[c] ?? null])) })),
    );
    const answers: FeatureRow[] = [
      { interview: 'p1', person: '1', answer: 1, values: { wordCount: 120 } },
      { interview: 'p1', person: '1', answer: 2, values: { wordCount: null } },
    ];
    const back = parseFeaturesCsv(featuresCsv(answers, ['wordCount']), 'answers.csv');
    expect(back.perAnswer).toBe(true);
    expect(back.rows).toEqual(answers);
  });

  it('accepts CRLF line ends, a byte-order mark and columns in any order', () => {
    const table = parseFeaturesCsv('\uFEFFwordCount,person,interview\r\n12,1,p1\r\n', 'x.csv');
    expect(table.rows).toEqual([{ interview: 'p1', person: '1', values: { wordCount: 12 } }]);
  });

  it('writes JSON as an array of rows with every column, null where not measured', () => {
    const json = JSON.parse(featuresJson(rows.slice(1, 2), columns)) as FeatureRow[];
    expect(json).toEqual([
      {
        interview: 'pp1',
        person: '1',
        values: { totalWords: 640, uniqueWords: null, sentimentMean: 0.3, 'expert:overall': null },
      },
    ]);
  });

  it('tells expert baselines from inputs', () => {
    expect(columns.filter(isExpertColumn)).toEqual(['expert:overall']);
  });
});

describe('parseFeaturesCsv errors name the file, line and column', () => {
  it('a missing identity column', () => {
    const e = errorOf(() => parseFeaturesCsv('interview,wordCount\np1,3\n', 'f.csv'));
    expect(e.code).toBe('FEATURES_INVALID');
    expect(e.message).toBe(
      'f.csv: line 1: missing the "person" column; a features file starts "interview,person[,answer],…"',
    );
  });

  it('a value that is not a number', () => {
    const e = errorOf(() => parseFeaturesCsv('interview,person,wordCount\np1,1,12\np2,2,twelve\n', 'f.csv'));
    expect(e.code).toBe('FEATURES_INVALID');
    expect(e.message).toBe(
      'f.csv: line 3, column "wordCount": expected a number or an empty cell, found "twelve"',
    );
  });

  it('a second row for the same interview, and for the same answer', () => {
    const e = errorOf(() => parseFeaturesCsv('interview,person,x\np1,1,1\np2,2,2\np1,1,3\n', 'f.csv'));
    expect(e.message).toBe('f.csv: line 4: a second row for interview "p1" (the first is on line 2)');
    const a = errorOf(() =>
      parseFeaturesCsv('interview,person,answer,x\np1,1,1,5\np1,1,2,5\np1,1,2,6\n', 'a.csv'),
    );
    expect(a.message).toBe(
      'a.csv: line 4: a second row for interview "p1", answer 2 (the first is on line 3)',
    );
  });

  it('a ragged row, counting lines inside a quoted cell', () => {
    const e = errorOf(() => parseFeaturesCsv('interview,person,x\n"p\n1",1,1\np2,2\n', 'f.csv'));
    expect(e.message).toBe('f.csv: line 4: expected 3 cells as in the header, found 2');
  });

  it('an empty file, a repeated column, a bad answer number, an unclosed quote', () => {
    expect(errorOf(() => parseFeaturesCsv('', 'f.csv')).message).toMatch(/^f\.csv: file is empty/);
    expect(errorOf(() => parseFeaturesCsv('interview,person,x,x\n', 'f.csv')).message).toBe(
      'f.csv: line 1: column "x" appears twice (columns 3 and 4)',
    );
    expect(errorOf(() => parseFeaturesCsv('interview,person,answer\np1,1,0\n', 'f.csv')).message).toBe(
      'f.csv: line 2, column "answer": expected an answer number from 1, found "0"',
    );
    expect(errorOf(() => parseFeaturesCsv('interview,person\n"p1,1\n', 'f.csv')).message).toBe(
      'f.csv: line 2: a quoted cell is not closed',
    );
  });

  it('a column the model needs is missing: FEATURES_INVALID naming the column and the file', () => {
    const table = parseFeaturesCsv('interview,person,wordCount\np1,1,3\n', 'features.csv');
    expect(() => requireFeatureColumns(table, ['wordCount'])).not.toThrow();
    const e = errorOf(() => requireFeatureColumns(table, ['wordCount', 'uniqueWords', 'articlesPer100']));
    expect(e.code).toBe('FEATURES_INVALID');
    expect(e.message).toBe(
      'features.csv: missing column "uniqueWords" that the model needs (and 1 more: articlesPer100); write the file again with `candor features`',
    );
    expect(e.details).toMatchObject({ file: 'features.csv', column: 'uniqueWords' });
  });
});
