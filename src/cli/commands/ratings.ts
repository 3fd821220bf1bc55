/** `candor ratings import | agreement | list`: human ratings in the store (docs/ratings.md). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CandorError } from '../../core/index.js';
import {
  importRatings,
  ratingsAgreement,
  type ImportResult,
  type TargetAgreement,
} from '../../ratings/index.js';
import type { RatingRecord } from '../../store/index.js';
import { printer, withWorkspace, type StoreIo } from '../context.js';
import { createProgress } from '../progress.js';

export interface RatingsCliOptions {
  /** Data folder (default: CANDOR_DATA_DIR or ./data). */
  readonly dataDir?: string | undefined;
  /** Workspace slug; `default` when absent. */
  readonly workspace?: string | undefined;
  readonly json?: boolean | undefined;
}

/** Where the ratings commands get their store and print (tests pass their own). */
export type RatingsIo = StoreIo;

/** Files with at least this many ratings get a progress line while they are stored. */
const PROGRESS_FROM = 1000;

/**
 * `candor ratings import FILE`: stores every rating of the file or none, and prints a summary.
 * @throws CandorError RATINGS_INVALID (file, line, column) or FILE_UNREADABLE; nothing is stored.
 * @example await ratingsImport('ratings.csv', { dataDir: './data' })
 */
export async function ratingsImport(
  file: string,
  options: RatingsCliOptions = {},
  io: RatingsIo = {},
): Promise<ImportResult> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CandorError(
      'FILE_UNREADABLE',
      `${file}: cannot read it (${(error as Error).message})`,
      { file },
      { cause: error },
    );
  }
  const name = path.basename(file);
  const rows = text.split('\n').length - 1;
  const progress = rows >= PROGRESS_FROM ? createProgress(`storing ${name}`, 'ratings', io.progress) : null;
  const result = await withWorkspace(options, io, (store, workspaceId) =>
    importRatings(store, {
      workspaceId,
      text,
      file: name,
      createdBy: 'cli',
      ...(progress === null ? {} : { onProgress: (done, total) => progress.update(done, total) }),
    }),
  );
  progress?.finish('done');
  printer(io)(options.json ? `${JSON.stringify(result, null, 2)}\n` : `${importSummary(result)}\n`);
  return result;
}

/** `ratings.csv: 12 ratings of 4 interviews by 3 raters (overall): 12 added, 0 updated, 0 unchanged` */
export function importSummary(r: ImportResult): string {
  const n = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;
  return (
    `${r.file}: ${n(r.ratings, 'rating')} of ${n(r.interviews, 'interview')} by ${n(r.raters, 'rater')} ` +
    `(${r.targets.join(', ')}): ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged`
  );
}

/**
 * `candor ratings agreement`: rater agreement per target, as a table or JSON.
 * @example await ratingsAgreementCommand({ target: 'overall' })
 */
export async function ratingsAgreementCommand(
  options: RatingsCliOptions & { target?: string | undefined; job?: string | undefined } = {},
  io: RatingsIo = {},
): Promise<TargetAgreement[]> {
  const rows = await withWorkspace(options, io, (store, workspaceId) =>
    ratingsAgreement(store, { workspaceId, target: options.target, jobId: options.job }),
  );
  printer(io)(options.json ? `${JSON.stringify(rows, null, 2)}\n` : agreementTable(rows));
  return rows;
}

const figure = (v: number | null) => (v === null ? '—' : v.toFixed(2));

/** The agreement table the CLI prints, with what the figures mean under it. */
export function agreementTable(rows: readonly TargetAgreement[]): string {
  if (rows.length === 0) return 'No ratings stored yet; import some with `candor ratings import FILE`.\n';
  const header = ['target', 'ratings', 'raters', 'items', 'ICC(2,1)', 'ICC(2,k)', 'alpha', 'scale'];
  const cells = rows.map((r) => [
    r.target,
    String(r.ratings),
    String(r.raters),
    String(r.items),
    figure(r.iccSingle),
    figure(r.iccAverage),
    figure(r.alpha),
    r.scale === null ? '' : `${r.scale.min}-${r.scale.max}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) =>
    c
      .map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const notes = rows.flatMap((r) => {
    const out: string[] = [];
    if (r.reason !== null) out.push(`${r.target}: ${r.reason}`);
    if (r.iccReason !== null) out.push(`${r.target}: ICC not computed: ${r.iccReason}`);
    if (r.iccSingle !== null && (r.iccItems < r.items || r.iccRaters < r.raters)) {
      out.push(`${r.target}: ICC on the ${r.iccItems} items that ${r.iccRaters} raters all rated`);
    }
    return out;
  });
  return [
    line(header),
    ...cells.map(line),
    '',
    ...notes,
    ...(notes.length > 0 ? [''] : []),
    'items: interviews (or answers) rated by two or more raters. ICC(2,1): how far one rater agrees with',
    "the others; ICC(2,k): how reliable the raters' mean is, the ceiling a model trained on it can reach.",
    "alpha: Krippendorff's alpha (interval), 1 = perfect agreement, 0 = no better than chance.",
    '',
  ].join('\n');
}

/**
 * `candor ratings list --interview ID`: the ratings of one interview.
 * @example await ratingsList('intv_1')
 */
export async function ratingsList(
  interviewId: string,
  options: RatingsCliOptions = {},
  io: RatingsIo = {},
): Promise<RatingRecord[]> {
  const ratings = await withWorkspace(options, io, async (store, workspaceId) => {
    const interview = await store.interviews.get(interviewId);
    if (interview.workspaceId !== workspaceId) {
      throw new CandorError('NOT_FOUND', `interview ${interviewId} not found`, {
        entity: 'interview',
        id: interviewId,
      });
    }
    return store.ratings.listByInterview(interviewId);
  });
  if (options.json) printer(io)(`${JSON.stringify(ratings, null, 2)}\n`);
  else if (ratings.length === 0) printer(io)(`No ratings of interview ${interviewId}.\n`);
  else {
    const lines = ratings.map((r) => {
      const answer = r.answer === null ? 'whole interview' : `answer ${r.answer}`;
      const note = r.note === null ? '' : `  "${r.note}"`;
      return `${answer.padEnd(15)}  ${r.target.padEnd(20)}  ${r.rater.padEnd(16)}  ${String(r.score).padStart(5)} on ${r.scale.min}-${r.scale.max}  (${r.normalised.toFixed(2)})  ${r.source}${note}`;
    });
    printer(io)(`${lines.join('\n')}\n`);
  }
  return ratings;
}
