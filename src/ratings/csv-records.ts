/**
 * CSV records as RFC 4180 writes them: fields separated by commas, records by CRLF or LF, a field
 * in double quotes may hold commas, line breaks and `""` for a quote. A leading UTF-8 byte-order
 * mark (Excel writes one) is dropped.
 */
import { CandorError } from '../core/index.js';

export interface CsvRecord {
  /** The line the record starts on, from 1. */
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * Splits CSV text into records; blank lines are skipped.
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
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  let afterQuote = false;
  const endField = () => {
    fields.push(field);
    field = '';
    afterQuote = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
    fields = [];
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else if (c === '"' && field === '' && !afterQuote) {
      quoted = true;
      quoteLine = line;
    } else if (afterQuote) {
      throw new CandorError(code, `${file} line ${line}: text after a closing quote; write "" for a quote`, {
        file,
        line,
      });
    } else field += c;
  }
  if (quoted) {
    throw new CandorError(code, `${file} line ${quoteLine}: a quoted field is never closed`, {
      file,
      line: quoteLine,
    });
  }
  endRecord();
  return records;
}
