/**
 * INTERIM, to be replaced: a minimal reader of the ratings CSV, written to the format in HELPERS.md
 * (issue 11) because `parseRatingsCsv` (src/ratings/ratings-csv.ts) was not on main when
 * `candor model train` was wired. It returns the same shape, so switching is a change of import
 * in src/cli/commands/model-train.ts; then delete this file.
 */
import { CandorError } from '../core/index.js';

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
function records(text: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((c) => c.trim() !== '')) out.push({ line: start, cells });
      cells = [];
      cell = '';
      line++;
      start = line;
    } else cell += ch;
  }
  cells.push(cell);
  if (cells.some((c) => c.trim() !== '')) out.push({ line: start, cells });
  return out;
}

function header(
  rows: ReturnType<typeof records>,
  file: string,
  required: readonly string[],
  code: 'RATINGS_INVALID' | 'FEATURES_INVALID',
) {
  const head = rows[0]?.cells.map((c) => c.trim());
  if (!head) throw new CandorError(code, `${file}: the file is empty; expected a header row`, { file });
  for (const column of required) {
    if (!head.includes(column)) {
      throw new CandorError(
        code,
        `${file}: the header has no "${column}" column (it needs ${required.join(', ')})`,
        {
          file,
          column,
        },
      );
    }
  }
  return head;
}

export interface ParsedRating {
  readonly line: number;
  readonly interview: string;
  readonly person: string | null;
  readonly answer: number | null;
  readonly rater: string;
  readonly target: string;
  readonly score: number;
  readonly scale: { readonly min: number; readonly max: number };
  readonly normalised: number;
  readonly note: string | null;
}

/** INTERIM (see the file's comment): the ratings CSV of HELPERS.md. */
export function parseRatingsCsv(text: string, file: string): { file: string; ratings: ParsedRating[] } {
  const rows = records(text);
  const head = header(rows, file, ['interview', 'rater', 'target', 'score', 'scale'], 'RATINGS_INVALID');
  const at = (cells: string[], name: string) => {
    const i = head.indexOf(name);
    return i < 0 ? '' : (cells[i] ?? '').trim();
  };
  const ratings = rows.slice(1).map(({ line, cells }): ParsedRating => {
    const fail = (message: string, field: string) =>
      new CandorError('RATINGS_INVALID', `${file} line ${line} (${field}): ${message}`, {
        file,
        line,
        field,
      });
    const scaleText = at(cells, 'scale');
    const m = /^(-?\d+(?:\.\d+)?)\s*-\s*(-?\d+(?:\.\d+)?)$/.exec(scaleText);
    if (!m || !(Number(m[2]) > Number(m[1]))) {
      throw fail(`scale "${scaleText}" is not MIN-MAX with MAX above MIN (e.g. 1-7)`, 'scale');
    }
    const scale = { min: Number(m[1]), max: Number(m[2]) };
    const scoreText = at(cells, 'score');
    const score = Number(scoreText);
    if (scoreText === '' || !Number.isFinite(score))
      throw fail(`score "${scoreText}" is not a number`, 'score');
    if (score < scale.min || score > scale.max)
      throw fail(`score ${score} is outside the scale ${scaleText}`, 'score');
    const answerText = at(cells, 'answer');
    const answer = answerText === '' ? null : Number(answerText);
    if (answer !== null && !(Number.isInteger(answer) && answer >= 1)) {
      throw fail(`answer "${answerText}" is not a whole number from 1`, 'answer');
    }
    for (const field of ['interview', 'rater', 'target']) {
      if (at(cells, field) === '') throw fail('is empty', field);
    }
    return {
      line,
      interview: at(cells, 'interview'),
      person: at(cells, 'person') || null,
      answer,
      rater: at(cells, 'rater'),
      target: at(cells, 'target'),
      score,
      scale,
      normalised: (score - scale.min) / (scale.max - scale.min),
      note: at(cells, 'note') || null,
    };
  });
  return { file, ratings };
}
