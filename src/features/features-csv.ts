/**
 * The features file: `interview,person[,answer],<columns…>`, one row per interview (or answer),
 * an empty cell for a value that was not measured. `candor features` writes it; training reads it
 * with `parseFeaturesCsv`, which names the file, line and column of anything wrong.
 */
import { CandorError, CsvSyntaxError, readCsv } from '../core/index.js';
import type { FeatureRow } from '../model/model-file.js';

/** Identity columns, in this order, before the value columns. */
export const IDENTITY_COLUMNS = ['interview', 'person', 'answer'] as const;

/** A parsed features file: its value columns in file order and its rows. */
export interface FeaturesTable {
  /** The file name used in messages. */
  readonly file: string;
  /** Value columns (everything but interview, person, answer), in file order. */
  readonly columns: readonly string[];
  /** Whether the file has an `answer` column (per-answer rows). */
  readonly perAnswer: boolean;
  readonly rows: readonly FeatureRow[];
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

function numberCell(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : String(value);
}

/**
 * Writes rows as CSV in the given column order (an `answer` column when any row has one); a
 * value that is null, missing or not finite is an empty cell.
 * @example featuresCsv([{ interview: 'p1', person: '1', values: { wordCount: 812 } }], ['wordCount'])
 * // "interview,person,wordCount\np1,1,812\n"
 */
export function featuresCsv(rows: readonly FeatureRow[], columns: readonly string[]): string {
  const perAnswer = rows.some((r) => r.answer !== undefined);
  const header = ['interview', 'person', ...(perAnswer ? ['answer'] : []), ...columns];
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) {
    const identity = [csvCell(row.interview), csvCell(row.person)];
    if (perAnswer) identity.push(row.answer === undefined ? '' : String(row.answer));
    lines.push([...identity, ...columns.map((c) => numberCell(row.values[c]))].join(','));
  }
  return lines.join('\n') + '\n';
}

/**
 * The rows as JSON: an array of `FeatureRow` (`{ interview, person, answer?, values }`), values
 * in column order, null where not measured.
 */
export function featuresJson(rows: readonly FeatureRow[], columns: readonly string[]): string {
  const ordered = rows.map((r) => ({
    interview: r.interview,
    person: r.person,
    ...(r.answer === undefined ? {} : { answer: r.answer }),
    values: Object.fromEntries(columns.map((c) => [c, finiteOrNull(r.values[c])])),
  }));
  return JSON.stringify(ordered, null, 2) + '\n';
}

function finiteOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}

function invalid(file: string, message: string, details: Record<string, string | number> = {}): CandorError {
  return new CandorError('FEATURES_INVALID', `${file}: ${message}`, { file, ...details });
}

/** Records of a features file; refusals name the line (the core reader, src/core/csv.ts). */
function csvRecords(text: string, file: string): { line: number; cells: string[] }[] {
  try {
    return readCsv(text).map((row) => ({ line: row.line, cells: row.fields }));
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    const { line } = error;
    const message =
      error.problem === 'unclosed-quote'
        ? 'a quoted cell is not closed'
        : 'text after a closing quote; write "" for a quote';
    throw invalid(file, `line ${line}: ${message}`, { line });
  }
}

/**
 * Reads a features file. Identity columns `interview` and `person` are required, `answer`
 * (answer number from 1; empty = the whole interview) is optional; every other cell is a number
 * or empty (not measured).
 *
 * @throws CandorError FEATURES_INVALID naming the file, line and column: a missing identity column,
 *   a repeated column, a row with more or fewer cells than the header, an empty interview or
 *   person, an answer that is not a whole number from 1, a value that is not a number, or a
 *   second row for the same interview (and answer).
 * @example parseFeaturesCsv(readFileSync('features.csv', 'utf8'), 'features.csv').rows[0].values.wordCount
 */
export function parseFeaturesCsv(text: string, file: string): FeaturesTable {
  const records = csvRecords(text, file);
  const header = records[0];
  if (!header) throw invalid(file, 'file is empty; expected a header row "interview,person,…"');
  const names = header.cells.map((c) => c.trim());
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === '') throw invalid(file, `line ${header.line}, column ${i + 1}: the column has no name`);
    const first = seen.get(name);
    if (first !== undefined) {
      throw invalid(
        file,
        `line ${header.line}: column "${name}" appears twice (columns ${first + 1} and ${i + 1})`,
        {
          column: name,
        },
      );
    }
    seen.set(name, i);
  });
  for (const required of ['interview', 'person'] as const) {
    if (!seen.has(required)) {
      throw invalid(
        file,
        `line ${header.line}: missing the "${required}" column; a features file starts "interview,person[,answer],…"`,
        { column: required },
      );
    }
  }
  const interviewAt = seen.get('interview')!;
  const personAt = seen.get('person')!;
  const answerAt = seen.get('answer');
  const valueColumns = names
    .map((name, index) => ({ name, index }))
    .filter((c) => !(IDENTITY_COLUMNS as readonly string[]).includes(c.name));

  const rows: FeatureRow[] = [];
  const keys = new Map<string, number>();
  for (const record of records.slice(1)) {
    const { line, cells } = record;
    if (cells.length !== names.length) {
      throw invalid(
        file,
        `line ${line}: expected ${names.length} cells as in the header, found ${cells.length}`,
        {
          line,
        },
      );
    }
    const interview = cells[interviewAt]!.trim();
    const person = cells[personAt]!.trim();
    if (interview === '')
      throw invalid(file, `line ${line}, column "interview": empty`, { line, column: 'interview' });
    if (person === '')
      throw invalid(file, `line ${line}, column "person": empty`, { line, column: 'person' });
    let answer: number | undefined;
    if (answerAt !== undefined) {
      const raw = cells[answerAt]!.trim();
      if (raw !== '') {
        answer = Number(raw);
        if (!Number.isInteger(answer) || answer < 1) {
          throw invalid(
            file,
            `line ${line}, column "answer": expected an answer number from 1, found "${raw}"`,
            {
              line,
              column: 'answer',
            },
          );
        }
      }
    }
    const key = JSON.stringify([interview, answer ?? null]);
    const before = keys.get(key);
    if (before !== undefined) {
      const what =
        answer === undefined ? `interview "${interview}"` : `interview "${interview}", answer ${answer}`;
      throw invalid(file, `line ${line}: a second row for ${what} (the first is on line ${before})`, {
        line,
      });
    }
    keys.set(key, line);
    const values: Record<string, number | null> = {};
    for (const { name, index } of valueColumns) {
      const raw = cells[index]!.trim();
      if (raw === '') {
        values[name] = null;
        continue;
      }
      const value = Number(raw);
      if (!Number.isFinite(value)) {
        throw invalid(
          file,
          `line ${line}, column "${name}": expected a number or an empty cell, found "${raw}"`,
          {
            line,
            column: name,
          },
        );
      }
      values[name] = value;
    }
    rows.push({ interview, person, ...(answer === undefined ? {} : { answer }), values });
  }
  return { file, columns: valueColumns.map((c) => c.name), perAnswer: answerAt !== undefined, rows };
}

/**
 * Checks that a features file has every column a model needs.
 * @throws CandorError FEATURES_INVALID naming the first missing column and the file.
 * @example requireFeatureColumns(table, model.features.map((f) => f.signal))
 */
export function requireFeatureColumns(
  table: Pick<FeaturesTable, 'file' | 'columns'>,
  needed: Iterable<string>,
): void {
  const have = new Set(table.columns);
  const missing = [...needed].filter((c) => !have.has(c));
  if (missing.length === 0) return;
  const more = missing.length > 1 ? ` (and ${missing.length - 1} more: ${missing.slice(1).join(', ')})` : '';
  throw invalid(
    table.file,
    `missing column "${missing[0]}" that the model needs${more}; write the file again with \`candor features\``,
    { column: missing[0]! },
  );
}
