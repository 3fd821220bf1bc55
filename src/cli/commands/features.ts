import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadQuestionSet, readJobFile } from '../../assessment/index.js';
import { CandorError, toCandorError, type CandorErrorCode } from '../../core/index.js';
import { featureColumns, featureRowsOf, featuresCsv, featuresJson } from '../../features/index.js';
import type { FeatureRow } from '../../model/model-file.js';
import type { Framework } from '../../assessment/index.js';
import { storedJobFeatureRows } from '../../pipeline/index.js';
import { catalogue, frameworkFor, withWorkspace, type StoreIo } from '../context.js';
import { createProgress } from '../progress.js';
import { analyzeFile } from './analyze.js';

export interface FeaturesOptions {
  /**
   * With files: the job description file, as for `candor analyze`. Without files: the id of a
   * stored job, whose analysed interviews are read from the store.
   */
  readonly job?: string;
  /** For a stored job: the data folder and workspace. */
  readonly dataDir?: string;
  readonly workspace?: string;
  readonly framework: string;
  readonly questions: string;
  /** The candidate's speaker label in live interviews. */
  readonly candidate?: string;
  /** One row per answer. */
  readonly answers?: boolean;
  readonly csv?: boolean;
  readonly json?: boolean;
  /** Write here instead of stdout. */
  readonly out?: string;
  /** A regular expression with one capture group: the person, taken from the interview name. */
  readonly personFrom?: string;
  /** A folder argument is one async interview (one answer per file), not a folder of interviews. */
  readonly answerFolders?: boolean;
}

/** Files a folder of interviews may hold (as `candor analyze` reads them); others (ratings.csv…) are skipped. */
const INTERVIEW_FILE =
  /\.(vtt|srt|json|txt|md|wav|flac|mp3|m4a|aac|ogg|oga|opus|webm|mp4|m4v|mov|mkv|mpg|mpeg)$/i;

interface Input {
  readonly file: string;
  /** The interview's name: the file (or folder) name without its extension. */
  readonly interview: string;
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Each argument is an interview file, or a folder whose interview files are each one interview. */
export function expandInputs(args: readonly string[], answerFolders: boolean): Input[] {
  const inputs: Input[] = [];
  for (const arg of args) {
    if (isFolder(arg) && !answerFolders) {
      const names = readdirSync(arg)
        .filter((n) => INTERVIEW_FILE.test(n) && !isFolder(path.join(arg, n)))
        .sort();
      if (names.length === 0) {
        throw new CandorError('FILE_UNREADABLE', `${arg}: folder holds no transcript or recording files`, {
          file: arg,
        });
      }
      for (const n of names) inputs.push({ file: path.join(arg, n), interview: path.parse(n).name });
    } else {
      inputs.push({ file: arg, interview: path.parse(path.resolve(arg)).name });
    }
  }
  const seen = new Map<string, string>();
  for (const input of inputs) {
    const other = seen.get(input.interview);
    if (other !== undefined) {
      throw new CandorError(
        'VALIDATION_FAILED',
        `${input.file}: interview name "${input.interview}" is also the name of ${other}; an interview is named by its file name without the extension, so rename one`,
        { file: input.file },
      );
    }
    seen.set(input.interview, input.file);
  }
  return inputs;
}

/**
 * The person from an interview name: the name itself, or the one capture group of `--person-from`.
 * @example personFinder('^p+(\\d+)')('pp12') // "12"
 */
export function personFinder(pattern: string | undefined): (interview: string, file: string) => string {
  if (pattern === undefined) return (interview) => interview;
  let re: RegExp;
  try {
    re = new RegExp(pattern);
  } catch (error) {
    throw new CandorError(
      'VALIDATION_FAILED',
      `--person-from: not a regular expression: ${(error as Error).message}`,
      {
        field: 'person-from',
      },
    );
  }
  const groups = (new RegExp(`${pattern}|`).exec('')?.length ?? 1) - 1;
  if (groups !== 1) {
    throw new CandorError(
      'VALIDATION_FAILED',
      `--person-from: expected exactly one capture group, as in "^p+(\\d+)", found ${groups}`,
      { field: 'person-from' },
    );
  }
  return (interview, file) => {
    const person = re.exec(interview)?.[1];
    if (person === undefined || person === '') {
      throw new CandorError(
        'VALIDATION_FAILED',
        `${file}: --person-from "${pattern}" does not match the interview name "${interview}"`,
        { file, field: 'person-from' },
      );
    }
    return person;
  };
}

/** The error with the file's name in front of its message, unless the message names it already. */
function namingFile(file: string, error: CandorError): CandorError {
  if (error.message.includes(file) || error.message.includes(path.basename(file))) return error;
  return new CandorError(
    error.code,
    `${file}: ${error.message}`,
    { file, ...error.details },
    { cause: error },
  );
}

export interface FeaturesRun {
  readonly rows: readonly FeatureRow[];
  readonly columns: readonly string[];
  readonly failures: readonly { file: string; error: CandorError }[];
  /** Interviews attempted. */
  readonly total: number;
}

/**
 * `candor features`: analyses each interview file and writes one row per interview (or answer)
 * with every catalogue signal, the interview totals and the expert framework's scores. A file
 * that cannot be analysed does not stop the others: its error is listed on stderr at the end and
 * the command exits non-zero after writing the rows it could make. With one file, its error is
 * the command's error.
 */
export async function runFeatures(
  args: readonly string[],
  options: FeaturesOptions,
  stderr: NodeJS.WriteStream = process.stderr,
  io: StoreIo = {},
): Promise<FeaturesRun> {
  if (options.csv && options.json) {
    throw new CandorError('VALIDATION_FAILED', 'choose one of --csv and --json', { field: 'format' });
  }
  const framework = frameworkFor(options.framework);
  if (args.length === 0) return storedJob(options, framework, stderr, io);
  const questions = loadQuestionSet(options.questions).questions;
  const job = options.job ? readJobFile(options.job) : null;
  const personOf = personFinder(options.personFrom);
  const inputs = expandInputs(args, options.answerFolders ?? false);
  const columns = featureColumns(catalogue, framework);

  const progress = inputs.length > 1 ? createProgress('features', 'files', stderr) : null;
  const rows: FeatureRow[] = [];
  const failures: { file: string; error: CandorError }[] = [];
  for (const [i, input] of inputs.entries()) {
    try {
      const person = personOf(input.interview, input.file);
      const result = await analyzeFile(input.file, {
        framework: options.framework,
        questions: options.questions,
        ...(options.job ? { job: options.job } : {}),
        ...(options.candidate ? { candidate: options.candidate } : {}),
      });
      rows.push(
        ...featureRowsOf(result, {
          interview: input.interview,
          person,
          catalogue,
          framework,
          job,
          questions,
          answers: options.answers ?? false,
        }),
      );
    } catch (error) {
      const named = namingFile(input.file, toCandorError(error));
      if (inputs.length === 1) throw named;
      failures.push({ file: input.file, error: named });
    }
    progress?.update(i + 1, inputs.length);
  }
  progress?.finish(
    `${inputs.length - failures.length} of ${inputs.length} interviews, ${rows.length} rows${failures.length ? `, ${failures.length} failed` : ''}`,
  );
  return { rows, columns, failures, total: inputs.length };
}

/** Runs `candor features` and writes its output; throws after writing when some files failed. */
export async function featuresCommand(
  args: readonly string[],
  options: FeaturesOptions,
  stdout: NodeJS.WritableStream = process.stdout,
  stderr: NodeJS.WriteStream = process.stderr,
  io: StoreIo = {},
): Promise<void> {
  const { rows, columns, failures, total } = await runFeatures(args, options, stderr, io);
  if (rows.length > 0) {
    const text = options.json ? featuresJson(rows, columns) : featuresCsv(rows, columns);
    if (options.out) writeFileSync(options.out, text);
    else stdout.write(text);
  }
  if (failures.length === 0) return;
  for (const f of failures)
    stderr.write(`candor: features: ${f.error.code}: ${f.error.message.split('\n')[0]}\n`);
  const first = failures[0]!;
  const code: CandorErrorCode = first.error.code;
  throw new CandorError(
    code,
    `${failures.length} of ${total} files could not be analysed (listed above)${rows.length > 0 ? `; the rows of the others were written${options.out ? ` to ${options.out}` : ''}` : ''}`,
    { files: failures.map((f) => f.file).join(', ') },
  );
}

/**
 * `candor features --job ID` (no files): the stored job's analysed interviews, one row each, read
 * from the store (interview id, candidate id as the person). Answer rows are not kept per answer
 * in this form, so `--answers` is refused.
 */
async function storedJob(
  options: FeaturesOptions,
  framework: Framework,
  stderr: NodeJS.WriteStream,
  io: StoreIo,
): Promise<FeaturesRun> {
  if (options.job === undefined) {
    throw new CandorError(
      'VALIDATION_FAILED',
      'give interview files or folders, or --job ID for a stored job (candor features --help)',
      { field: 'files' },
    );
  }
  if (options.answers) {
    throw new CandorError(
      'VALIDATION_FAILED',
      '--answers works on files only: a stored job gives one row per interview',
      { field: 'answers' },
    );
  }
  const jobId = options.job;
  const { rows, unanalysed } = await withWorkspace(options, io, (store, workspaceId) =>
    storedJobFeatureRows(store, { workspaceId, jobId, framework, catalogue }),
  );
  if (rows.length === 0) {
    throw new CandorError(
      'VALIDATION_FAILED',
      `job ${jobId} has no analysed interview${unanalysed > 0 ? ` (${unanalysed} applications not analysed yet)` : ''}: nothing to write`,
      { entity: 'job', id: jobId },
    );
  }
  if (unanalysed > 0) {
    stderr.write(
      `candor: features: ${unanalysed} applications of job ${jobId} have no scorecard yet and are left out\n`,
    );
  }
  return { rows, columns: featureColumns(catalogue, framework), failures: [], total: rows.length };
}
