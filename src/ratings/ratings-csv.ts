/**
 * The ratings CSV (docs/ratings.md): a header row, then one rating per row. Required columns
 * `interview,rater,target,score,scale`, optional `person,answer,note`, in any order.
 */
import { CandorError } from '../core/index.js';
import { normalise, type RatingScale } from '../store/index.js';
import { csvRecords } from './csv-records.js';

export const REQUIRED_COLUMNS = ['interview', 'rater', 'target', 'score', 'scale'] as const;
export const OPTIONAL_COLUMNS = ['person', 'answer', 'note'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
const COLUMNS: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];

/** Problems listed in an error's details; the message names the first. */
const MAX_PROBLEMS = 20;

export interface ParsedRating {
  /** The line of the file the rating is on, from 1 (the header is line 1). */
  readonly line: number;
  /** A stored interview id, or the file name a features file names. */
  readonly interview: string;
  /** Who was interviewed, when the file says; null otherwise. */
  readonly person: string | null;
  /** The answer's number from 1; null for the whole interview. */
  readonly answer: number | null;
  readonly rater: string;
  readonly target: string;
  /** As given, on `scale`. */
  readonly score: number;
  readonly scale: RatingScale;
  /** (score − min) / (max − min). */
  readonly normalised: number;
  readonly note: string | null;
}

export interface RatingsFile {
  readonly file: string;
  readonly ratings: readonly ParsedRating[];
}

/** One thing wrong with a ratings file, where it is. */
export interface RatingsProblem {
  readonly file: string;
  readonly line: number;
  /** 1-based column number, when the problem is in one cell. */
  readonly column?: number;
  readonly field?: string;
  readonly message: string;
}

/** `file line 4, column 5 (score): …` */
export function describeProblem(p: RatingsProblem): string {
  const where = p.column === undefined ? '' : `, column ${p.column}${p.field ? ` (${p.field})` : ''}`;
  return `${p.file} line ${p.line}${where}: ${p.message}`;
}

/**
 * One RATINGS_INVALID error for all the problems found: the message names the first and counts
 * the rest; `details.problems` lists up to 20.
 */
export function ratingsInvalid(problems: readonly RatingsProblem[], extra: Record<string, unknown> = {}) {
  const first = problems[0]!;
  const more =
    problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return new CandorError('RATINGS_INVALID', `${describeProblem(first)}${more}`, {
    file: first.file,
    line: first.line,
    ...(first.column === undefined ? {} : { column: first.column }),
    ...(first.field === undefined ? {} : { field: first.field }),
    problems: problems.slice(0, MAX_PROBLEMS).map((p) => ({ ...p, text: describeProblem(p) })),
    ...extra,
  });
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NUMBER_PART = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)`;
const SCALE = new RegExp(String.raw`^(${NUMBER_PART})\s*[-–]\s*(${NUMBER_PART})$`);

/**
 * Parses a ratings CSV, checking every row; nothing is returned unless the whole file is right.
 *
 * @throws CandorError RATINGS_INVALID naming file, line and column: an unknown or missing column,
 *   an empty or non-numeric score, a scale not written `MIN-MAX` or with min ≥ max, a score
 *   outside its scale, an empty interview, rater or target, an answer that is not a whole number
 *   from 1, and one rater scoring the same interview, answer and target twice.
 * @example parseRatingsCsv('interview,rater,target,score,scale\nintv_1,ana,overall,4,1-5\n', 'r.csv').ratings[0].normalised // 0.75
 */
export function parseRatingsCsv(text: string, file: string): RatingsFile {
  const records = csvRecords(text, file, 'RATINGS_INVALID');
  const header = records[0];
  if (header === undefined)
    throw ratingsInvalid([{ file, line: 1, message: 'the file is empty; expected a header row' }]);
  const index = headerIndex(header.fields, file);
  const problems: RatingsProblem[] = [];
  const ratings: ParsedRating[] = [];
  const seen = new Map<string, number>();
  for (const record of records.slice(1)) {
    const rating = parseRow(record.line, record.fields, index, file, problems);
    if (rating === null) continue;
    const key = JSON.stringify([rating.interview, rating.answer, rating.rater, rating.target]);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        file,
        line: record.line,
        message: `rater "${rating.rater}" already scored interview "${rating.interview}"${rating.answer === null ? '' : ` answer ${rating.answer}`} on target "${rating.target}" on line ${earlier}`,
      });
      continue;
    }
    seen.set(key, record.line);
    ratings.push(rating);
  }
  if (problems.length > 0) throw ratingsInvalid(problems);
  if (ratings.length === 0)
    throw ratingsInvalid([{ file, line: 2, message: 'no ratings after the header row' }]);
  return { file, ratings };
}

function headerIndex(fields: readonly string[], file: string): Map<Column, number> {
  const index = new Map<Column, number>();
  const problems: RatingsProblem[] = [];
  fields.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    const column = i + 1;
    if (!COLUMNS.includes(name)) {
      problems.push({
        file,
        line: 1,
        column,
        field: raw,
        message: `unknown column "${raw}"; expected ${REQUIRED_COLUMNS.join(', ')} and optionally ${OPTIONAL_COLUMNS.join(', ')}`,
      });
    } else if (index.has(name as Column)) {
      problems.push({ file, line: 1, column, field: name, message: `column "${name}" appears twice` });
    } else index.set(name as Column, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) {
    problems.push({
      file,
      line: 1,
      message: `missing required column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}; the header must name ${REQUIRED_COLUMNS.join(', ')}`,
    });
  }
  if (problems.length > 0) throw ratingsInvalid(problems);
  return index;
}

function parseRow(
  line: number,
  fields: readonly string[],
  index: ReadonlyMap<Column, number>,
  file: string,
  problems: RatingsProblem[],
): ParsedRating | null {
  const before = problems.length;
  const width = Math.max(...index.values()) + 1;
  if (fields.length > width) {
    problems.push({ file, line, message: `${fields.length} fields, but the header names ${width} columns` });
    return null;
  }
  const cell = (name: Column): string | null => {
    const i = index.get(name);
    return i === undefined ? null : (fields[i] ?? '').trim();
  };
  const problem = (name: Column, message: string) =>
    problems.push({ file, line, column: index.get(name)! + 1, field: name, message });
  const required = (name: Column): string => {
    const value = cell(name) ?? '';
    if (value === '') problem(name, `${name} is empty`);
    return value;
  };
  const interview = required('interview');
  const rater = required('rater');
  const target = required('target');
  const scoreText = required('score');
  const scaleText = required('scale');

  let score = Number.NaN;
  if (scoreText !== '') {
    if (NUMBER.test(scoreText)) score = Number(scoreText);
    else problem('score', `score "${scoreText}" is not a number`);
  }
  let scale: RatingScale | null = null;
  if (scaleText !== '') {
    const match = SCALE.exec(scaleText);
    const [min, max] = [Number(match?.[1]), Number(match?.[2])];
    if (match === null) problem('scale', `scale "${scaleText}" is not written MIN-MAX, e.g. 1-5 or 0-100`);
    else if (!(min < max)) problem('scale', `scale "${scaleText}": the minimum must be below the maximum`);
    else scale = { min, max };
  }
  if (scale !== null && Number.isFinite(score) && (score < scale.min || score > scale.max)) {
    problem('score', `score ${scoreText} is outside the declared scale ${scale.min}-${scale.max}`);
  }
  let answer: number | null = null;
  const answerText = cell('answer') ?? '';
  if (answerText !== '') {
    if (/^\d+$/.test(answerText) && Number(answerText) >= 1) answer = Number(answerText);
    else
      problem(
        'answer',
        `answer "${answerText}" is not an answer number (1, 2, …); leave it empty for the whole interview`,
      );
  }
  if (problems.length > before || scale === null) return null;
  const person = cell('person');
  const note = cell('note');
  return {
    line,
    interview,
    person: person === null || person === '' ? null : person,
    answer,
    rater,
    target,
    score,
    scale,
    normalised: normalise(score, scale),
    note: note === null || note === '' ? null : note,
  };
}
