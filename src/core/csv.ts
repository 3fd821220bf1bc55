/**
 * The one CSV reader: records as RFC 4180 writes them (https://www.rfc-editor.org/rfc/rfc4180):
 * fields separated by a separator (a comma unless told), records by CRLF, LF or CR, a field in
 * double quotes may hold separators, line breaks and `""` for a quote. A leading UTF-8 byte-order
 * mark (Excel writes one) is dropped. Callers turn a {@link CsvSyntaxError} into their own error,
 * in their own words, with the file and line it names.
 */

export interface CsvRow {
  /** The line the record starts on, from 1. */
  readonly line: number;
  readonly fields: string[];
}

export type CsvProblem =
  /** A quoted field that never closes; `line` is where its quote opened. */
  | 'unclosed-quote'
  /** Something other than a separator or a line break right after a closing quote. */
  | 'text-after-quote'
  /** A quote in the middle of an unquoted field (only when `quoteInField` is `'error'`). */
  | 'quote-in-field';

/** Text that is not CSV; `line` says where, `character` is what stood there (when one did). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly problem: CsvProblem,
    readonly line: number,
    readonly character: string | null = null,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = 'CsvSyntaxError';
  }
}

export interface CsvOptions {
  /** One character; `,` when left out (tab for TSV, `;` where commas are decimal points). */
  readonly separator?: string;
  /**
   * A quote inside an unquoted field (`5" screen`): kept as a character (`'literal'`, the default,
   * as most spreadsheets read it) or refused (`'error'`, for formats where a stray quote more
   * likely means a broken line).
   */
  readonly quoteInField?: 'literal' | 'error';
}

/**
 * Splits CSV text into records. A line with nothing on it (or only spaces) is skipped; a line
 * holding `""` is a record with one empty field.
 *
 * @throws CsvSyntaxError naming the problem and the line: a quote never closed (the line it opened
 *   on), text after a closing quote, or a quote inside an unquoted field when refused.
 * @example readCsv('a,b\r\n"x, y",2\n') // [{ line: 1, fields: ['a','b'] }, { line: 2, fields: ['x, y','2'] }]
 */
export function readCsv(text: string, options: CsvOptions = {}): CsvRow[] {
  const separator = options.separator ?? ',';
  const strictQuotes = options.quoteInField === 'error';
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let started = false; // the field has a character or a closed quote
  let quotedRow = false; // some field of the row was quoted
  const endField = () => {
    fields.push(field);
    field = '';
    started = false;
  };
  const endRow = () => {
    endField();
    const blank = fields.length === 1 && fields[0]!.trim() === '' && !quotedRow;
    if (!blank) rows.push({ line: rowLine, fields });
    fields = [];
    quotedRow = false;
  };
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '' && !started) {
      const opened = line;
      quotedRow = true;
      i += 1;
      for (;;) {
        if (i >= text.length) throw new CsvSyntaxError('unclosed-quote', opened);
        const q = text[i]!;
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (q === '\n' || (q === '\r' && text[i + 1] !== '\n')) line += 1;
        field += q;
        i += 1;
      }
      started = true;
      const next = text[i];
      if (next !== undefined && next !== separator && next !== '\n' && next !== '\r') {
        throw new CsvSyntaxError('text-after-quote', line, next);
      }
      continue;
    }
    if (c === separator) {
      endField();
      i += 1;
    } else if (c === '\n' || c === '\r') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      rowLine = line;
    } else {
      if (c === '"' && strictQuotes) throw new CsvSyntaxError('quote-in-field', line, c);
      field += c;
      started = true;
      i += 1;
    }
  }
  if (field !== '' || started || fields.length > 0 || quotedRow) endRow();
  return rows;
}
