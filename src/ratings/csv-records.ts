/**
 * CSV records (the core reader, src/core/csv.ts) with the refusals worded for an uploaded table:
 * the file and line, as ratings, demographics and invitation lists report them.
 */
import { CandorError, CsvSyntaxError, readCsv } from '../core/index.js';

export interface CsvRecord {
  /** The line the record starts on, from 1. */
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * Splits CSV text into records; blank lines are skipped, a quote inside an unquoted field is kept.
 *
 * @throws CandorError(code) naming the file and line of a quote that is never closed, or of text
 *   after a closing quote.
 * @example csvRecords('a,b\r\n"x, y",2\n', 'r.csv', 'RATINGS_INVALID') // [{ line: 1, fields: ['a','b'] }, { line: 2, fields: ['x, y','2'] }]
 */
export function csvRecords(
  text: string,
  file: string,
  code: 'RATINGS_INVALID' | 'FEATURES_INVALID' | 'DEMOGRAPHICS_INVALID' | 'VALIDATION_FAILED',
): CsvRecord[] {
  try {
    return readCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    const { line } = error;
    const message =
      error.problem === 'unclosed-quote'
        ? 'a quoted field is never closed'
        : 'text after a closing quote; write "" for a quote';
    throw new CandorError(code, `${file} line ${line}: ${message}`, { file, line });
  }
}
