/**
 * Storing ratings: a whole CSV file or one rater's form, all or nothing, checked against what the
 * workspace already holds inside the same transaction that writes them.
 */
import { CandorError } from '../core/index.js';
import type {
  InterviewRecord,
  NewRating,
  RatingCounts,
  RatingScale,
  RatingWriteState,
  Store,
} from '../store/index.js';
import { parseRatingsCsv, ratingsInvalid, type RatingsProblem } from './ratings-csv.js';
import { competencyIds, isTarget, NAMED_TARGET } from './targets.js';

/** Unknown interviews named in an error message. */
const MAX_UNKNOWN_NAMED = 10;

export interface ImportRatingsInput {
  readonly workspaceId: string;
  /** The CSV text (see docs/ratings.md). */
  readonly text: string;
  /** The file's name, for messages. */
  readonly file: string;
  /** Who imports: a user id, or `cli`. */
  readonly createdBy: string;
  /** Called as ratings are written (`done` of `total`). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Whether the importer may rate this interview; one they may not counts as unknown. */
  readonly mayRate?: (interview: InterviewRecord) => boolean;
}

export interface ImportResult extends RatingCounts {
  readonly file: string;
  readonly ratings: number;
  readonly interviews: number;
  readonly raters: number;
  readonly targets: readonly string[];
}

/** A rating with where it came from, for messages. */
interface Located extends NewRating {
  /** `ratings.csv line 4`, or `ratings[2]`. */
  readonly where: { readonly file: string; readonly line: number; readonly label: string };
}

/**
 * Imports a ratings CSV into the workspace: every row or none.
 *
 * @throws CandorError RATINGS_INVALID, and nothing stored changes, for a malformed file (see
 *   `parseRatingsCsv`), interviews not in the workspace (up to 10 named with their lines), a
 *   target that is neither `overall`, a named target nor a competency, or a scale that differs
 *   from the one stored for the target.
 * @example const result = await importRatings(store, { workspaceId, text, file: 'ratings.csv', createdBy: 'cli' }) // { added: 12, updated: 0, unchanged: 0, … }
 */
export async function importRatings(store: Store, input: ImportRatingsInput): Promise<ImportResult> {
  const { ratings } = parseRatingsCsv(input.text, input.file);
  const located: Located[] = ratings.map((r) => ({
    interviewId: r.interview,
    answer: r.answer,
    rater: r.rater,
    target: r.target,
    score: r.score,
    scale: r.scale,
    note: r.note,
    where: { file: input.file, line: r.line, label: `line ${r.line}` },
  }));
  const competencies = await competencyIds(store, input.workspaceId);
  const counts = await store.ratings.save({
    workspaceId: input.workspaceId,
    source: 'csv',
    createdBy: input.createdBy,
    ratings: located,
    check: (state) => checkRatings(located, visibleTo(state, input.mayRate), competencies, input.file),
    ...(input.onProgress === undefined ? {} : { onProgress: input.onProgress }),
  });
  return {
    file: input.file,
    ratings: located.length,
    interviews: new Set(located.map((r) => r.interviewId)).size,
    raters: new Set(located.map((r) => r.rater)).size,
    targets: [...new Set(located.map((r) => r.target))].sort(),
    ...counts,
  };
}

export interface FormRating {
  readonly target: string;
  readonly score: number;
  /** The answer's number from 1; absent for the whole interview. */
  readonly answer?: number | null | undefined;
  readonly note?: string | null | undefined;
}

export interface SaveFormInput {
  readonly workspaceId: string;
  readonly interviewId: string;
  /** The signed-in user, who is the rater. */
  readonly rater: string;
  readonly ratings: readonly FormRating[];
  readonly scale: RatingScale;
  /** How many answers the interview has, so an answer number beyond them is refused. */
  readonly answers: number;
}

/**
 * Stores one rater's form for an interview, all or nothing, under the same rules as a file.
 *
 * @throws CandorError RATINGS_INVALID naming `ratings[i]`: a score outside the scale, a scale
 *   with min ≥ max, an unknown answer or target, a scale differing from the stored one.
 * @example await saveFormRatings(store, { workspaceId, interviewId, rater: user.id, scale: { min: 1, max: 5 }, answers: 3, ratings: [{ target: 'overall', score: 4 }] })
 */
export async function saveFormRatings(store: Store, input: SaveFormInput): Promise<RatingCounts> {
  const file = 'form';
  const { min, max } = input.scale;
  if (!(Number.isFinite(min) && Number.isFinite(max) && min < max)) {
    throw ratingsInvalid([
      { file, line: 0, message: `scale ${min}-${max}: the minimum must be below the maximum` },
    ]);
  }
  const problems: RatingsProblem[] = [];
  const seen = new Set<string>();
  const located: Located[] = input.ratings.map((r, i) => {
    const label = `ratings[${i}]`;
    const problem = (message: string) =>
      problems.push({ file, line: i, field: label, message: `${label}: ${message}` });
    if (!(r.score >= min && r.score <= max)) problem(`score ${r.score} is outside the scale ${min}-${max}`);
    const answer = r.answer ?? null;
    if (answer !== null && !(Number.isInteger(answer) && answer >= 1 && answer <= input.answers)) {
      problem(`answer ${answer} is not one of the interview's ${input.answers} answers`);
    }
    const key = JSON.stringify([answer, r.target]);
    if (seen.has(key))
      problem(`target "${r.target}"${answer === null ? '' : ` on answer ${answer}`} is rated twice`);
    seen.add(key);
    return {
      interviewId: input.interviewId,
      answer,
      rater: input.rater,
      target: r.target,
      score: r.score,
      scale: input.scale,
      note: r.note ?? null,
      where: { file, line: i, label },
    };
  });
  if (problems.length > 0) throw formInvalid(problems);
  if (located.length === 0)
    throw formInvalid([{ file, line: 0, message: 'ratings: give at least one rating' }]);
  const competencies = await competencyIds(store, input.workspaceId);
  return store.ratings.save({
    workspaceId: input.workspaceId,
    source: 'form',
    createdBy: input.rater,
    ratings: located,
    check: (state) => checkRatings(located, state, competencies, file),
  });
}

/** A form's problems: messages name the field (`ratings[1]: …`), not a line. */
function formInvalid(problems: readonly RatingsProblem[]): CandorError {
  const first = problems[0]!;
  return new CandorError('RATINGS_INVALID', first.message, {
    ...(first.field === undefined ? {} : { field: first.field }),
    problems: problems.map((p) => p.message),
  });
}

/** The state with the interviews the importer may not rate left out, so they count as unknown. */
function visibleTo(state: RatingWriteState, mayRate: ImportRatingsInput['mayRate']): RatingWriteState {
  if (mayRate === undefined) return state;
  return { ...state, interviews: new Map([...state.interviews].filter(([, i]) => mayRate(i.interview))) };
}

const scaleText = (s: RatingScale) => `${s.min}-${s.max}`;

/** The checks that need the store, run inside the saving transaction. */
function checkRatings(
  ratings: readonly Located[],
  state: RatingWriteState,
  competencies: ReadonlySet<string>,
  file: string,
): void {
  const unknown = new Map<string, number[]>();
  for (const r of ratings) {
    if (!state.interviews.has(r.interviewId))
      unknown.set(r.interviewId, [...(unknown.get(r.interviewId) ?? []), r.where.line]);
  }
  if (unknown.size > 0) throw unknownInterviews(unknown, file);

  const problems: RatingsProblem[] = [];
  const problem = (r: Located, message: string) =>
    problems.push({ file: r.where.file, line: r.where.line, field: 'target', message });
  const declared = new Map<string, Located>();
  for (const r of ratings) {
    if (!isTarget(r.target, competencies)) {
      problem(
        r,
        `${r.where.file === 'form' ? `${r.where.label}: ` : ''}target "${r.target}" is neither "overall", a named target (${NAMED_TARGET.source}) nor a competency of the workspace's frameworks`,
      );
      continue;
    }
    const stored = state.scales.get(r.target);
    if (stored !== undefined && (stored.min !== r.scale.min || stored.max !== r.scale.max)) {
      problem(
        r,
        `scale mismatch: target "${r.target}" is stored on the scale ${scaleText(stored)} in this workspace, this rating declares ${scaleText(r.scale)}; rate on ${scaleText(stored)}`,
      );
      continue;
    }
    const first = declared.get(r.target);
    if (first !== undefined && (first.scale.min !== r.scale.min || first.scale.max !== r.scale.max)) {
      problem(
        r,
        `scale mismatch: target "${r.target}" is declared ${scaleText(r.scale)} here but ${scaleText(first.scale)} on ${first.where.label}; one target has one scale`,
      );
    } else declared.set(r.target, r);
  }
  if (problems.length === 0) return;
  if (file === 'form') throw formInvalid(problems);
  throw ratingsInvalid(problems);
}

function unknownInterviews(unknown: ReadonlyMap<string, readonly number[]>, file: string): CandorError {
  const named = [...unknown].slice(0, MAX_UNKNOWN_NAMED);
  const [firstId] = named[0]!;
  // The form names one interview the route already found: it was deleted meanwhile.
  if (file === 'form')
    return new CandorError('NOT_FOUND', `interview ${firstId} not found`, {
      entity: 'interview',
      id: firstId,
    });
  const lines = (ls: readonly number[]) => `${ls.length > 1 ? 'lines' : 'line'} ${ls.join(', ')}`;
  const list = named.map(([id, ls]) => `${id} (${lines(ls)})`).join(', ');
  const more = unknown.size > named.length ? ` and ${unknown.size - named.length} more` : '';
  const count = unknown.size === 1 ? '1 interview is' : `${unknown.size} interviews are`;
  return new CandorError(
    'RATINGS_INVALID',
    `${file}: ${count} not in this workspace: ${list}${more}; nothing was imported`,
    {
      file,
      unknownInterviews: named.map(([id, ls]) => ({ interview: id, lines: ls })),
      unknownCount: unknown.size,
    },
  );
}
