/** `candor import <paths...> --kind customer`: many transcripts in, one interview each (issue 16). */
import path from 'node:path';
import { CandorError, loadConfig } from '../../core/index.js';
import { CONVERSATION_KINDS, normaliseOccurredAt, type InterviewMetadata } from '../../domain/index.js';
import {
  importTranscripts,
  type ConversationKind,
  type FileImportResult,
  type ImportSummary,
} from '../../knowledge/import/index.js';
import { inputLimitsFromEnv, tagStoredInterview, writeTranscriptText } from '../../pipeline/index.js';
import { loadKnowledgeConfig } from '../../server/webhooks/index.js';
import { openStore } from '../../store/index.js';
import { printer, type StoreIo } from '../context.js';
import { createProgress } from '../progress.js';

export interface ImportCliOptions {
  readonly kind: string;
  readonly account?: string | undefined;
  readonly segment?: string | undefined;
  readonly role?: string | undefined;
  readonly outcome?: string | undefined;
  /** When the conversations happened: YYYY-MM-DD or an ISO time. */
  readonly date?: string | undefined;
  readonly dataDir?: string | undefined;
  readonly workspace?: string | undefined;
  readonly json?: boolean | undefined;
}

/**
 * The kind and metadata the options give, checked before anything is read.
 * @throws CandorError VALIDATION_FAILED naming the option: an unknown kind, a date that is not one.
 */
export function importDefaults(options: ImportCliOptions): {
  kind: ConversationKind;
  metadata: InterviewMetadata;
} {
  const kind = options.kind as ConversationKind;
  if (!CONVERSATION_KINDS.includes(kind)) {
    throw new CandorError(
      'VALIDATION_FAILED',
      `--kind: expected one of ${CONVERSATION_KINDS.join(', ')}, got "${options.kind}"`,
      { field: 'kind' },
    );
  }
  if (options.date !== undefined && normaliseOccurredAt(options.date) === null) {
    throw new CandorError(
      'VALIDATION_FAILED',
      `--date: expected a date (YYYY-MM-DD) or ISO time (YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]), got "${options.date}"`,
      { field: 'date' },
    );
  }
  const metadata: InterviewMetadata = {
    ...(options.account === undefined ? {} : { account: options.account }),
    ...(options.segment === undefined ? {} : { segment: options.segment }),
    ...(options.role === undefined ? {} : { role: options.role }),
    ...(options.outcome === undefined ? {} : { outcome: options.outcome }),
    ...(options.date === undefined ? {} : { occurredAt: options.date }),
  };
  return { kind, metadata };
}

/**
 * Imports the transcripts of `paths` into the workspace: a progress line on stderr, then a table
 * of every file (or JSON with --json) on stdout. Keeps each file's text where the server keeps an
 * uploaded transcript, so the interview can be analysed later like an uploaded one.
 * @example const summary = await importCommand(['calls/'], { kind: 'customer', segment: 'SMB' })
 */
export async function importCommand(
  paths: readonly string[],
  options: ImportCliOptions,
  io: StoreIo = {},
): Promise<ImportSummary> {
  const { kind, metadata } = importDefaults(options);
  const env = io.env ?? process.env;
  const config = loadConfig(options.dataDir ? { ...env, CANDOR_DATA_DIR: options.dataDir } : env);
  const limits = inputLimitsFromEnv(env);
  const mediaDir = path.join(config.dataDir, 'media');
  const { webhookUrl } = loadKnowledgeConfig(env);
  const progress = createProgress('importing', 'files', io.progress);
  const store = io.store ?? (await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }));
  let summary: ImportSummary;
  try {
    // A fresh data folder has no workspace yet: the default one is made, as `candor serve` would.
    const slug = options.workspace ?? 'default';
    const workspace =
      slug === 'default' ? await store.workspaces.ensure({ slug }) : await store.workspaces.getBySlug(slug);
    summary = await importTranscripts(store, {
      workspaceId: workspace.id,
      paths,
      kind,
      metadata,
      maxBytes: limits.transcriptBytes,
      onProgress: ({ done, total }) => progress.update(done, total),
      keepSource: (interview, text) => writeTranscriptText(mediaDir, interview, text),
      tag: async (interview) => (await tagStoredInterview(store, interview.id, { webhookUrl }))?.length ?? 0,
    });
  } finally {
    if (io.store === undefined) await store.close();
  }
  progress.finish(summaryLine(summary));
  printer(io)(options.json ? `${JSON.stringify(summary, null, 2)}\n` : resultsTable(summary.files));
  return summary;
}

/** `7 files: 5 imported, 1 skipped (already imported), 1 failed` */
export function summaryLine(s: ImportSummary): string {
  const total = s.files.length;
  if (total === 0) return 'no files found';
  const parts = [`${s.imported} imported`];
  if (s.skipped > 0) parts.push(`${s.skipped} skipped (already imported)`);
  if (s.failed > 0) parts.push(`${s.failed} failed`);
  return `${total} file${total === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/** One line per file: status, segments, tags, interview id, file; errors and warnings under it. */
export function resultsTable(files: readonly FileImportResult[]): string {
  if (files.length === 0) return 'No files to import.\n';
  const header = ['status', 'segments', 'tags', 'interview', 'file'];
  const cells = files.map((f) => [
    f.status,
    f.status === 'imported' ? String(f.segments) : '',
    f.tags === null || f.tags === undefined ? '' : String(f.tags),
    f.interviewId ?? '',
    f.file,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) =>
    c
      .map((v, i) => (i === 1 || i === 2 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const errors = files.filter((f) => f.error !== null).map((f) => `  ${f.error}`);
  const warnings = files.filter((f) => f.warning).map((f) => `  ${f.warning}`);
  return (
    [
      line(header),
      ...cells.map(line),
      ...(errors.length > 0 ? ['', 'Errors:', ...errors] : []),
      ...(warnings.length > 0 ? ['', 'Warnings:', ...warnings] : []),
    ].join('\n') + '\n'
  );
}
