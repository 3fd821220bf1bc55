/** `candor demographics import FILE` and `candor audit` (docs/fairness.md). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import {
  AUDIT_FORMATS,
  buildAuditReport,
  importDemographics,
  renderAudit,
  type AuditFormat,
  type AuditReport,
} from '../../audit/index.js';
import { CandorError, loadConfig } from '../../core/index.js';
import { openStore, type Store } from '../../store/index.js';

export interface AuditCliOptions {
  /** Data folder (default: CANDOR_DATA_DIR or ./data). */
  readonly dataDir?: string | undefined;
  /** Workspace slug; `default` when absent. */
  readonly workspace?: string | undefined;
}

export interface AuditIo {
  /** An open store; otherwise one is opened from the environment and closed afterwards. */
  readonly store?: Store;
  readonly print?: (text: string) => void;
  readonly env?: NodeJS.ProcessEnv;
  readonly now?: Date;
}

async function withWorkspace<T>(
  options: AuditCliOptions,
  io: AuditIo,
  run: (store: Store, workspaceId: string) => Promise<T>,
): Promise<T> {
  const env = io.env ?? process.env;
  const config = loadConfig(options.dataDir ? { ...env, CANDOR_DATA_DIR: options.dataDir } : env);
  const store = io.store ?? (await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }));
  try {
    const workspace = await store.workspaces.getBySlug(options.workspace ?? 'default');
    return await run(store, workspace.id);
  } finally {
    if (io.store === undefined) await store.close();
  }
}

const printer = (io: AuditIo) => io.print ?? ((text: string) => process.stdout.write(text));

/**
 * `candor demographics import FILE`: stores every row or none.
 * @throws CandorError DEMOGRAPHICS_INVALID (file, line, column) or FILE_UNREADABLE.
 * @example await demographicsImport('demographics.csv', { dataDir: './data' })
 */
export async function demographicsImport(
  file: string,
  options: AuditCliOptions & { readonly json?: boolean | undefined } = {},
  io: AuditIo = {},
): Promise<{ file: string; candidates: number }> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const message = `${file}: cannot read it (${(error as Error).message})`;
    throw new CandorError('FILE_UNREADABLE', message, { file }, { cause: error });
  }
  const result = await withWorkspace(options, io, (store, workspaceId) =>
    importDemographics(store, { workspaceId, text, file: path.basename(file), updatedBy: 'cli' }),
  );
  printer(io)(
    options.json === true
      ? JSON.stringify(result) + '\n'
      : `${result.file}: stored the self-identified demographics of ${result.candidates} candidates\n`,
  );
  return result;
}

export interface AuditCommandOptions extends AuditCliOptions {
  readonly job?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly format?: AuditFormat | undefined;
}

/**
 * `candor audit`: the adverse-impact audit of the store, printed as md (default), html, json or csv.
 * @throws CandorError VALIDATION_FAILED (a bad date), NOT_FOUND (an unknown job).
 * @example await auditCommand({ job: 'job_1', from: '2025-01-01', format: 'html' })
 */
export async function auditCommand(
  options: AuditCommandOptions = {},
  io: AuditIo = {},
): Promise<AuditReport> {
  const report = await withWorkspace(options, io, (store, workspaceId) =>
    buildAuditReport(store, {
      workspaceId,
      jobId: options.job,
      from: options.from,
      to: options.to,
      explainGaps: true,
      ...(io.now === undefined ? {} : { now: io.now }),
    }),
  );
  printer(io)(renderAudit(report, options.format ?? 'md'));
  return report;
}

/** Adds `candor demographics import` and `candor audit` to the program. */
export function registerAuditCommands(cli: Command): void {
  const dataDir = () => new Option('--data-dir <dir>', 'data folder (default: CANDOR_DATA_DIR or ./data)');
  const workspace = () => new Option('--workspace <slug>', 'workspace').default('default');
  cli
    .command('demographics')
    .description("candidates' self-identified demographics, kept apart (docs/fairness.md)")
    .command('import')
    .description('store every row of a CSV file, or none if any row is wrong; importing again replaces')
    .argument('<file>', 'CSV: candidate,sex,race_ethnicity,age_band (each may be "declined")')
    .addOption(dataDir())
    .addOption(workspace())
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, opts: AuditCliOptions & { json?: boolean }) => {
      await demographicsImport(file, opts);
    });
  cli
    .command('audit')
    .description(
      'adverse-impact audit: selection and scoring rates, impact ratios, four-fifths (docs/fairness.md)',
    )
    .option('--job <id>', "only this job's applications")
    .option('--from <date>', 'applications from this date (YYYY-MM-DD)')
    .option('--to <date>', 'applications up to this date, inclusive (YYYY-MM-DD)')
    .addOption(new Option('--format <format>', 'output format').choices(AUDIT_FORMATS).default('md'))
    .addOption(dataDir())
    .addOption(workspace())
    .action(async (opts: AuditCommandOptions) => {
      await auditCommand(opts);
    });
}
