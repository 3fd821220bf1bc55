/**
 * A transcript as a table of turns (CSV or TSV, RFC 4180 quoting): one row per turn, columns
 * found by their header, in any order. `speaker` and `text` are required; `start` and `end` are
 * optional, in seconds (`12.5`) or clock time (`mm:ss`, `hh:mm:ss[.mmm]`). Other columns are
 * ignored. A table without a speaker and a text column is not a transcript and is refused.
 */
import type { Segment, Transcript } from '../domain/index.js';
import { CandorError, CsvSyntaxError, readCsv, type CsvProblem, type CsvRow } from '../core/index.js';
import { invalidAt, normalizeSpace, quote, type ParseOptions } from './source-text.js';

/** Header names each column is known by (compared lower-cased, with spaces, `-` and `_` removed). */
const COLUMN_NAMES = {
  speaker: ['speaker', 'speakername', 'name', 'who', 'participant', 'person'],
  text: ['text', 'utterance', 'transcript', 'content', 'message', 'said', 'words', 'sentence'],
  start: ['start', 'starttime', 'starts', 'startseconds', 'begin', 'from', 'time', 'timestamp'],
  end: ['end', 'endtime', 'ends', 'endseconds', 'stop', 'to'],
} as const;

type Column = keyof typeof COLUMN_NAMES;

/** What a transcript CSV needs, as refusals say it. */
export const CSV_TURNS_HINT =
  'a transcript table needs a header row with a speaker and a text column (optional start and end, in seconds or hh:mm:ss)';

const key = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_\-()]/g, '');

function columnOf(name: string): Column | null {
  const k = key(name);
  for (const column of Object.keys(COLUMN_NAMES) as Column[]) {
    if ((COLUMN_NAMES[column] as readonly string[]).includes(k)) return column;
  }
  return null;
}

/** The separator of a table: tab for .tsv or a header with tabs and no commas, else comma (or `;`). */
function separatorOf(header: string, file: string | undefined): string {
  if (file !== undefined && /\.tsv$/i.test(file)) return '\t';
  if (header.includes('\t') && !header.includes(',')) return '\t';
  if (header.includes(';') && !header.includes(',')) return ';';
  return ',';
}

/**
 * Splits a table of turns into records (the core reader, src/core/csv.ts); a stray quote inside an
 * unquoted field is refused, as in a transcript it more likely means a broken line.
 * @throws TRANSCRIPT_INVALID naming the line where an unclosed quote opened, text after a closing
 *   quote, or a quote in the middle of an unquoted field.
 */
function splitCsv(text: string, separator: string, options: ParseOptions): CsvRow[] {
  try {
    return readCsv(text, { separator, quoteInField: 'error' });
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    const problems: Record<CsvProblem, string> = {
      'unclosed-quote': `a quoted field opens here and is never closed (a missing ")`,
      'text-after-quote': `unexpected ${quote(error.character ?? '')} after a closing quote: double a quote inside a quoted field ("")`,
      'quote-in-field':
        'a quote inside an unquoted field: put the whole field in quotes and double the quote ("")',
    };
    throw invalidAt(error.line, problems[error.problem], options);
  }
}

/** The columns a header names, or null when it has no speaker or no text column. */
export function turnColumns(header: readonly string[]): Partial<Record<Column, number>> | null {
  const found: Partial<Record<Column, number>> = {};
  header.forEach((name, index) => {
    const column = columnOf(name);
    if (column !== null && found[column] === undefined) found[column] = index;
  });
  return found.speaker === undefined || found.text === undefined ? null : found;
}

/**
 * True when the first line of `text` is the header of a table of turns (a speaker and a text
 * column, separated by commas, tabs or semicolons): used to read such text without a `.csv` name.
 */
export function looksLikeTurnsTable(text: string): boolean {
  const first = (text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '').trim();
  if (first === '') return false;
  const separator = separatorOf(first, undefined);
  if (!first.includes(separator)) return false;
  const header = first.split(separator).map((h) => h.replace(/^"|"$/g, ''));
  return turnColumns(header) !== null;
}

/** Seconds from `12.5`, `83`, `1:23`, `01:02:03.500` or `01:02:03,500`; null when it is neither. */
export function parseTurnTime(value: string): number | null {
  const v = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(v)) return Number(v);
  const clock = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(v);
  if (clock === null) return null;
  const [, h = '0', m, s, fraction = '0'] = clock;
  if (Number(s) > 59 || (h !== '0' && Number(m) > 59)) return null;
  return Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(`0.${fraction}`);
}

/**
 * Parses a table of turns (CSV, or TSV for `.tsv` files or a tab-separated header).
 * @throws CandorError TRANSCRIPT_INVALID: a header without speaker and text columns
 *   (`details.fileType` `csv`, the columns found), or a row and column that is wrong
 *   (`line N, column "start": …`, `details.line`, `details.column`), or an unclosed quote.
 * @example parseCsvTurns('speaker,text,start\nAnn,"Hi, Ben",0\nBen,Hello,1.5\n', { file: 'call.csv' }).segments[0]
 * // { speaker: 'Ann', start: 0, end: null, text: 'Hi, Ben', line: 2 }
 */
export function parseCsvTurns(content: string, options: ParseOptions = {}): Transcript {
  const firstLine = content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  const separator = separatorOf(firstLine, options.file);
  const rows = splitCsv(content, separator, options);
  const headerRow = rows[0];
  if (headerRow === undefined) throw invalidAt(1, 'no header row', options);
  const header = headerRow.fields.map((h) => h.trim());
  const columns = turnColumns(header);
  if (columns === null) {
    const details: Record<string, unknown> = { fileType: 'csv', line: headerRow.line, columns: header };
    if (options.file !== undefined) details.file = options.file;
    const name = options.file ?? 'the text';
    throw new CandorError(
      'TRANSCRIPT_INVALID',
      `${name} is a table (CSV) but not a transcript: its columns are ${header.map((h) => quote(h, 30)).join(', ')}; ${CSV_TURNS_HINT}`,
      details,
    );
  }
  const segments: Segment[] = [];
  for (const row of rows.slice(1)) {
    const at = (message: string, column: string) => {
      const error = invalidAt(row.line, `column ${quote(column, 30)}: ${message}`, options);
      return new CandorError(error.code, error.message, { ...error.details, column });
    };
    if (row.fields.length !== header.length) {
      const error = invalidAt(
        row.line,
        `${row.fields.length} field${row.fields.length === 1 ? '' : 's'}, but the header has ${header.length}: quote fields that hold ${separator === '\t' ? 'tabs' : `"${separator}"`} or line breaks`,
        options,
      );
      throw error;
    }
    const cell = (column: Column) => {
      const index = columns[column];
      return index === undefined ? '' : (row.fields[index] ?? '').trim();
    };
    const time = (column: 'start' | 'end') => {
      const value = cell(column);
      if (value === '') return null;
      const seconds = parseTurnTime(value);
      if (seconds === null) {
        throw at(
          `expected seconds (12.5) or a clock time (mm:ss, hh:mm:ss), got ${quote(value)}`,
          header[columns[column]!]!,
        );
      }
      return seconds;
    };
    const text = normalizeSpace(cell('text'));
    const start = time('start');
    const end = time('end');
    if (start !== null && end !== null && end < start) {
      throw at(`ends at ${end} s, before it starts (${start} s)`, header[columns.end!]!);
    }
    if (text === '') continue; // a turn with nothing said (a pause, a redacted line)
    const speaker = cell('speaker');
    segments.push({ speaker: speaker === '' ? null : speaker, start, end, text, line: row.line });
  }
  if (segments.length === 0) {
    const name = options.file ?? 'the table';
    const details: Record<string, unknown> = {};
    if (options.file !== undefined) details.file = options.file;
    throw new CandorError(
      'TRANSCRIPT_INVALID',
      `${name}: the header is there but no row has any text`,
      details,
    );
  }
  return { format: 'csv', segments };
}
