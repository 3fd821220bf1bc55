/**
 * `candor model import | list | show | activate` and `candor rescore`: a workspace's scoring
 * models in the store (docs/models-lifecycle.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CandorError } from '../../core/index.js';
import { parseModelText } from '../../model/built-in.js';
import { renderModelReport } from '../../model/report.js';
import {
  activateModel,
  importModel,
  listModels,
  requireActiveModel,
  rescoreInterview,
  rescoreJob,
  showModel,
  type ModelDetail,
  type ModelSummary,
} from '../../pipeline/index.js';
import { ScorecardBody } from '../../domain/index.js';
import { printer, withWorkspace, type StoreIo, type WorkspaceOptions } from '../context.js';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** `--version N`: a whole number ≥ 1, or absent. */
export function versionOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    throw new CandorError('CONFIG_INVALID', `--version: expected a whole number ≥ 1, got "${text}"`, {
      option: 'version',
    });
  }
  return n;
}

/**
 * `candor model import FILE`: stores the model file's version in the workspace.
 * @example await modelImport('overall-model.json', { workspace: 'default' })
 */
export async function modelImport(file: string, options: WorkspaceOptions = {}, io: StoreIo = {}) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CandorError('FILE_UNREADABLE', `${file}: cannot read it (${(error as Error).message})`, {
      file,
    });
  }
  const name = path.basename(file);
  const parsed = parseModelText(text, name);
  const result = await withWorkspace(options, io, (store, workspaceId) =>
    importModel(store, { workspaceId, json: parsed, file: name, createdBy: 'cli' }),
  );
  const { model, added } = result;
  printer(io)(
    options.json
      ? json({ id: model.id, version: model.version, target: model.target, added })
      : `${name}: model ${model.id} version ${model.version} (${model.target}) ${added ? 'stored' : 'was already stored; nothing changed'}; ` +
          `activate it with: candor model activate ${model.id} --version ${model.version}\n`,
  );
  return result;
}

/** The table `candor model list` prints. */
export function modelTable(models: readonly ModelSummary[]): string {
  if (models.length === 0)
    return 'No models. Train one with `candor model train`, then `candor model import FILE`.\n';
  const head = ['id', 'target', 'version', 'active', 'CV r', '95% CI', 'verdict', 'source'];
  const rows = models.map((m) => [
    m.id,
    m.target,
    String(m.version),
    m.activeVersion === null ? '' : `v${m.activeVersion}`,
    m.r.toFixed(2),
    `[${m.ci[0].toFixed(2)}, ${m.ci[1].toFixed(2)}]`,
    m.passes ? 'passes' : 'does not pass',
    m.builtIn ? (m.stored ? 'built-in, stored' : 'built-in') : 'imported',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [
    line(head),
    ...rows.map(line),
    '',
    'CV r: cross-validated Pearson r with the raters, grouped by person; a model passes at r ≥ 0.6.',
    '',
  ].join('\n');
}

/**
 * `candor model list`: the workspace's models and the built-in ones.
 * @example await modelList({ json: true })
 */
export async function modelList(options: WorkspaceOptions = {}, io: StoreIo = {}): Promise<ModelSummary[]> {
  const models = await withWorkspace(options, io, (store, workspaceId) => listModels(store, workspaceId));
  printer(io)(options.json ? json(models) : modelTable(models));
  return models;
}

function versionsLine(detail: ModelDetail): string {
  if (detail.versions.length === 0)
    return 'not stored in this workspace (built-in); `candor model activate` stores and activates it';
  return (
    'stored versions: ' +
    detail.versions
      .map(
        (v) =>
          `v${v.version}${v.active ? ' (active)' : ''} ${v.source === 'built-in' ? 'built-in' : 'imported'} by ${v.createdBy} ${v.createdAt}`,
      )
      .join('; ')
  );
}

/**
 * `candor model show ID [--version N]`: the model's validation report and weights.
 * @example await modelShow('reference-overall', {})
 */
export async function modelShow(
  id: string,
  options: WorkspaceOptions & { version?: string | undefined; markdown?: boolean | undefined } = {},
  io: StoreIo = {},
): Promise<ModelDetail> {
  const version = versionOption(options.version);
  const detail = await withWorkspace(options, io, (store, workspaceId) =>
    showModel(store, workspaceId, id, version),
  );
  if (options.json) printer(io)(json(detail));
  else {
    const report = renderModelReport(detail.model, options.markdown ? 'markdown' : 'text');
    printer(io)(`${report}\n${detail.active ? 'active in this workspace; ' : ''}${versionsLine(detail)}\n`);
  }
  return detail;
}

/**
 * `candor model activate ID [--version N]`: the model new analyses and `candor rescore` use for its target.
 * @example await modelActivate('reference-overall', {})
 */
export async function modelActivate(
  id: string,
  options: WorkspaceOptions & { version?: string | undefined } = {},
  io: StoreIo = {},
): Promise<ModelDetail> {
  const version = versionOption(options.version);
  const detail = await withWorkspace(options, io, (store, workspaceId) =>
    activateModel(store, { workspaceId, id, version, createdBy: 'cli' }),
  );
  const m = detail.model;
  printer(io)(
    options.json
      ? json({ id: m.id, version: m.version, target: m.target, active: true })
      : `model ${m.id} version ${m.version} is now the active model for ${m.target}; ` +
          `re-score stored interviews with: candor rescore --job ID (or --interview ID)\n` +
          `validation: ${m.validation.verdict}\n`,
  );
  return detail;
}

export interface RescoreOptions extends WorkspaceOptions {
  readonly interview?: string | undefined;
  readonly job?: string | undefined;
  readonly target?: string | undefined;
}

/**
 * `candor rescore --interview ID | --job ID`: new scorecards recording the active model's prediction.
 * @example await rescoreCommand({ job: 'job_1' })
 */
export async function rescoreCommand(options: RescoreOptions, io: StoreIo = {}) {
  if ((options.interview === undefined) === (options.job === undefined)) {
    throw new CandorError('CONFIG_INVALID', 'rescore: give exactly one of --interview ID or --job ID', {
      option: options.interview === undefined ? 'interview' : 'job',
    });
  }
  const target = options.target ?? 'overall';
  const result = await withWorkspace(options, io, async (store, workspaceId) => {
    const model = await requireActiveModel(store, workspaceId, target);
    if (options.interview !== undefined) {
      const scorecard = await rescoreInterview(store, { workspaceId, interviewId: options.interview, model });
      return {
        model,
        rescored: [{ interviewId: options.interview, scorecard }],
        failed: [],
        skipped: [] as string[],
      };
    }
    return { model, ...(await rescoreJob(store, { workspaceId, jobId: options.job!, model })) };
  });
  const { model } = result;
  const rows = result.rescored.map(({ interviewId, scorecard }) => {
    const p = ScorecardBody.parse(scorecard.body).model?.prediction;
    return { interviewId, scorecardId: scorecard.id, score: p?.score ?? null, onScale: p?.onScale ?? null };
  });
  if (options.json) {
    printer(io)(
      json({
        model: { id: model.id, version: model.version },
        rescored: rows,
        failed: result.failed.map((f) => ({
          interviewId: f.interviewId,
          code: f.error.code,
          message: f.error.message,
        })),
        skipped: result.skipped,
      }),
    );
  } else {
    const lines = [
      `re-scored ${rows.length} interview${rows.length === 1 ? '' : 's'} with model ${model.id} version ${model.version} (${model.target}):`,
      ...rows.map(
        (r) =>
          `  ${r.interviewId}  ${r.onScale?.toFixed(1) ?? '—'} on ${model.scale.min}–${model.scale.max} (${r.score ?? '—'}/100)  scorecard ${r.scorecardId}`,
      ),
      ...result.failed.map((f) => `  ${f.interviewId}  not re-scored: ${f.error.message}`),
      ...(result.skipped.length > 0 ? [`  not analysed yet (skipped): ${result.skipped.join(', ')}`] : []),
    ];
    printer(io)(`${lines.join('\n')}\n`);
  }
  return result;
}
