/**
 * `candor model train` and `candor model validate`: file-based training and validation of a
 * scoring model from a ratings CSV and a features CSV (docs/models.md).
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CandorError } from '../../core/index.js';
import { parseFeaturesCsv, requireFeatureColumns } from '../../features/index.js';
import { parseRatingsCsv } from '../../ratings/ratings-csv.js';
import { directionsFromFramework } from '../../model/directions.js';
import { ratingsForTarget } from '../../model/interview-ratings.js';
import { parseModel, type ModelFile } from '../../model/model-file.js';
import { renderModelReport } from '../../model/report.js';
import { trainModel, type TrainInput } from '../../model/train.js';
import { renderMitigation, trainWithReweighing, type PersonDemographics } from '../../model/mitigation.js';
import type { FeatureRow } from '../../model/model-file.js';
import { parseDemographicsCsv } from '../../audit/demographics-import.js';
import { validateModel } from '../../model/validate-model.js';
import { featureColumns, type FeaturesTable } from '../../features/index.js';
import type { RatingRecord } from '../../model/interview-ratings.js';
import { storedFeatureRows } from '../../pipeline/index.js';
import { catalogue, frameworkFor, withWorkspace, type StoreIo } from '../context.js';

export interface ModelTrainOptions {
  readonly target: string;
  /** Ratings CSV; without it, the workspace's stored ratings of the target. */
  readonly ratings?: string;
  /** Features CSV; without it, the rated interviews' features read from the store. */
  readonly features?: string;
  /** For stored ratings: only this job's interviews. */
  readonly job?: string;
  readonly dataDir?: string;
  readonly workspace?: string;
  readonly framework?: string;
  readonly signals?: string;
  readonly method?: string;
  readonly l1Ratio?: string;
  readonly folds?: string;
  readonly seed?: string;
  readonly id?: string;
  readonly name?: string;
  readonly population?: string;
  readonly out?: string;
  readonly json?: boolean;
  readonly markdown?: boolean;
  /** Re-weighing on this attribute (sex, race_ethnicity, age_band), with `demographics`. */
  readonly reweigh?: string;
  /** CSV person|candidate,sex,race_ethnicity,age_band: used only to weigh training rows. */
  readonly demographics?: string;
}

function readText(file: string, what: string): string {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new CandorError('FILE_UNREADABLE', `${file}: no such ${what} file`, { file });
  }
  return readFileSync(file, 'utf8');
}

function wholeNumber(text: string | undefined, option: string, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    throw new CandorError('CONFIG_INVALID', `${option}: expected a whole number ≥ ${min}, got "${text}"`, {
      option,
    });
  }
  return n;
}

function inputs(opts: { ratings: string; features: string }, target: string) {
  const featuresName = path.basename(opts.features);
  const ratingsName = path.basename(opts.ratings);
  const features = parseFeaturesCsv(readText(opts.features, 'features'), featuresName);
  const parsed = parseRatingsCsv(readText(opts.ratings, 'ratings'), ratingsName);
  const { scale, ratings } = ratingsForTarget(parsed.ratings, target, features.rows, ratingsName);
  return { features, ratings, scale, source: `ratings ${ratingsName}, features ${featuresName}` };
}

type TrainingInputs = ReturnType<typeof inputs> & { readonly notes: readonly string[] };

/**
 * Ratings and features for training, each from its file or, without one, from the store: the
 * workspace's stored ratings of the target (`--job` narrows them) and the rated interviews'
 * features read from their stored analyses. Rated interviews without a scorecard are left out
 * and named in `notes`.
 */
async function trainingInputs(opts: ModelTrainOptions, target: string, io: StoreIo): Promise<TrainingInputs> {
  if (opts.ratings !== undefined && opts.features !== undefined) {
    if (opts.job !== undefined) {
      throw new CandorError('CONFIG_INVALID', '--job selects stored ratings: leave out --ratings to use it', {
        option: 'job',
      });
    }
    return { ...inputs({ ratings: opts.ratings, features: opts.features }, target), notes: [] };
  }
  const framework = frameworkFor(opts.framework ?? 'default');
  return withWorkspace(opts, io, async (store, workspaceId) => {
    const notes: string[] = [];
    let records: readonly RatingRecord[];
    let ratingsName: string;
    if (opts.ratings !== undefined) {
      ratingsName = path.basename(opts.ratings);
      records = parseRatingsCsv(readText(opts.ratings, 'ratings'), ratingsName).ratings;
    } else {
      ratingsName = `stored ratings of "${target}" in workspace ${opts.workspace ?? 'default'}${opts.job ? `, job ${opts.job}` : ''}`;
      const stored = await store.ratings.list(workspaceId, { target, jobId: opts.job });
      const rated = await store.ratings.interviews(workspaceId, [
        ...new Set(stored.map((r) => r.interviewId)),
      ]);
      records = stored.map((r) => {
        const interview = rated.get(r.interviewId);
        return {
          interview: r.interviewId,
          person: interview?.candidateId ?? interview?.interview.userId ?? r.interviewId,
          answer: r.answer,
          rater: r.rater,
          target: r.target,
          scale: r.scale,
          normalised: r.normalised,
        };
      });
    }
    let features: FeaturesTable;
    let featuresName: string;
    if (opts.features !== undefined) {
      featuresName = path.basename(opts.features);
      features = parseFeaturesCsv(readText(opts.features, 'features'), featuresName);
    } else {
      featuresName = 'features of the stored analyses';
      const people = new Map<string, string>();
      for (const r of records) if (r.target === target) people.set(r.interview, r.person ?? r.interview);
      const { rows, unanalysed } = await storedFeatureRows(store, {
        interviews: [...people].map(([id, person]) => ({ id, person })),
        framework,
        catalogue,
      });
      if (unanalysed.length > 0) {
        notes.push(
          `${unanalysed.length} rated interviews have no scorecard and are left out: ${unanalysed.slice(0, 5).join(', ')}${unanalysed.length > 5 ? ', …' : ''}`,
        );
        const analysed = new Set(rows.map((r) => r.interview));
        records = records.filter((r) => r.target !== target || analysed.has(r.interview));
      }
      features = {
        file: featuresName,
        columns: featureColumns(catalogue, framework),
        perAnswer: false,
        rows,
      };
    }
    const { scale, ratings } = ratingsForTarget(records, target, features.rows, ratingsName);
    return { features, ratings, scale, source: `${ratingsName}; ${featuresName}`, notes };
  });
}

/** The next version when `out` already holds a version of the same model id. */
function nextVersion(out: string, id: string): number {
  if (!existsSync(out)) return 1;
  try {
    const previous = parseModel(JSON.parse(readFileSync(out, 'utf8')), out);
    return previous.id === id ? previous.version + 1 : 1;
  } catch {
    throw new CandorError(
      'CONFIG_INVALID',
      `--out ${out}: the file exists and is not a model file; choose another`,
      {
        file: out,
      },
    );
  }
}

/**
 * The demographics file for re-weighing: person → values. A person who is in no features row is an
 * error naming the line (a typo would silently leave them unweighted).
 */
function trainingDemographics(file: string, rows: readonly FeatureRow[]): Map<string, PersonDemographics> {
  const name = path.basename(file);
  const parsed = parseDemographicsCsv(readText(file, 'demographics'), name, { personColumn: true });
  const people = new Set(rows.map((r) => r.person));
  const stray = parsed.find((r) => !people.has(r.candidateId));
  if (stray !== undefined) {
    throw new CandorError(
      'DEMOGRAPHICS_INVALID',
      `${name} line ${stray.line}, column person: "${stray.candidateId}" is in no row of the features; nothing was trained`,
      { file: name, line: stray.line, column: 'person' },
    );
  }
  return new Map(parsed.map((r) => [r.candidateId, r]));
}

/**
 * Trains a model, writes its file and returns what to print: the report, or the file with --json.
 * @example await modelTrain({ target: 'overall', ratings: 'ratings.csv', features: 'features.csv' })
 */
export async function modelTrain(
  opts: ModelTrainOptions,
  io: StoreIo = {},
): Promise<{ model: ModelFile; file: string; output: string }> {
  const method = opts.method ?? 'ridge';
  if (method !== 'ridge' && method !== 'elastic-net') {
    throw new CandorError('CONFIG_INVALID', `--method: expected ridge or elastic-net, got "${method}"`, {
      option: 'method',
    });
  }
  const l1Ratio = opts.l1Ratio === undefined ? undefined : Number(opts.l1Ratio);
  if (l1Ratio !== undefined && !(l1Ratio >= 0 && l1Ratio <= 1)) {
    throw new CandorError(
      'CONFIG_INVALID',
      `--l1-ratio: expected a number from 0 to 1, got "${opts.l1Ratio}"`,
      {
        option: 'l1-ratio',
      },
    );
  }
  const { features, ratings, scale, source, notes } = await trainingInputs(opts, opts.target, io);
  const signals = opts.signals
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  requireFeatureColumns(features, signals ?? []);
  const id = opts.id ?? `${opts.target.toLowerCase().replaceAll(/[^a-z0-9]+/g, '-')}-model`;
  const out = opts.out ?? `${id}.json`;
  const input: TrainInput = {
    rows: features.rows,
    ratings,
    target: opts.target,
    scale,
    directions: directionsFromFramework(frameworkFor(opts.framework ?? 'default')),
    ...(signals ? { signals } : {}),
    options: {
      method,
      ...(l1Ratio === undefined ? {} : { l1Ratio }),
      folds: wholeNumber(opts.folds, '--folds', 5, 2),
      seed: wholeNumber(opts.seed, '--seed', 1, 0),
      id,
      version: nextVersion(out, id),
      ...(opts.name ? { name: opts.name } : {}),
      ...(opts.population ? { population: opts.population } : {}),
      source,
    },
  };
  const format = opts.markdown ? 'markdown' : 'text';
  let model: ModelFile;
  let mitigation = '';
  if (opts.reweigh !== undefined || opts.demographics !== undefined) {
    if (opts.reweigh === undefined || opts.demographics === undefined) {
      throw new CandorError(
        'CONFIG_INVALID',
        '--reweigh <attribute> and --demographics <csv> go together: give both or neither',
        { option: opts.reweigh === undefined ? 'reweigh' : 'demographics' },
      );
    }
    const demographics = trainingDemographics(opts.demographics, features.rows);
    const result = trainWithReweighing(input, opts.reweigh, demographics);
    model = result.model;
    mitigation = '\n' + renderMitigation(result.comparison, format);
  } else {
    model = trainModel(input);
  }
  writeFileSync(out, JSON.stringify(model, null, 2) + '\n');
  const output = opts.json
    ? JSON.stringify(model, null, 2) + '\n'
    : renderModelReport(model, format) +
      mitigation +
      notes.map((n) => `\nnote: ${n}`).join('') +
      `\nwrote ${out}\n`;
  return { model, file: out, output };
}

export interface ModelValidateOptions {
  readonly ratings: string;
  readonly features: string;
  readonly json?: boolean;
  readonly markdown?: boolean;
}

/**
 * Re-validates a model file on other data: the fixed model, and its feature list retrained.
 * @example modelValidate('overall-model.json', { ratings: 'new-ratings.csv', features: 'new-features.csv' }).output
 */
export function modelValidate(modelFile: string, opts: ModelValidateOptions): { output: string } {
  let json: unknown;
  try {
    json = JSON.parse(readText(modelFile, 'model'));
  } catch (error) {
    if (error instanceof CandorError) throw error;
    throw new CandorError('MODEL_INVALID', `${modelFile}: not JSON (${(error as Error).message})`, {
      file: modelFile,
    });
  }
  const model = parseModel(json, path.basename(modelFile));
  const { features, ratings, scale, source } = inputs(opts, model.target);
  requireFeatureColumns(
    features,
    model.features.map((f) => f.signal),
  );
  const check = validateModel(model, features.rows, ratings, scale, features.file, { source });
  if (opts.json) {
    return {
      output:
        JSON.stringify(
          {
            model: model.id,
            version: model.version,
            fixed: check.fixed,
            retrained: check.retrained.validation,
          },
          null,
          2,
        ) + '\n',
    };
  }
  return { output: renderModelReport(check.retrained, opts.markdown ? 'markdown' : 'text', check.fixed) };
}
