/**
 * Frameworks and question sets a workspace can use: the built-in files shipped in `frameworks/`,
 * the built-in rows (no workspace) and the workspace's own rows. Ids are unique per workspace
 * (another workspace's ids are neither visible nor taken); a built-in's id is taken everywhere.
 * The database is reached only through the store's repositories.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { listBuiltinFrameworks, loadQuestionSet, type Framework } from '../../../assessment/index.js';
import { CandorError, isCandorError, packageRoot } from '../../../core/index.js';
import type { QuestionSet } from '../../../domain/index.js';
import { findQuestionSet } from '../../../pipeline/index.js';
import type { FrameworkRecord, Store } from '../../../store/index.js';

/** Compares versions digit run by digit run (`1.10.0` after `1.9.0`), like the framework store. */
const versionOrder = new Intl.Collator('en', { numeric: true }).compare;

let fileFrameworks: readonly Framework[] | undefined;
let fileQuestionSets: readonly QuestionSet[] | undefined;

/**
 * The frameworks in `frameworks/*.yaml`, read once.
 * @example builtinFrameworks().map((f) => f.id) // ['default']
 */
export function builtinFrameworks(): readonly Framework[] {
  return (fileFrameworks ??= listBuiltinFrameworks());
}

/**
 * The question sets in `frameworks/questions/*.yaml`, read once.
 * @example builtinQuestionSets().find((s) => s.id === 'default')?.questions.length
 */
export function builtinQuestionSets(): readonly QuestionSet[] {
  if (fileQuestionSets !== undefined) return fileQuestionSets;
  const dir = path.join(packageRoot(), 'frameworks', 'questions');
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  return (fileQuestionSets = files.sort().map((f) => loadQuestionSet(path.join(dir, f))));
}

/** A framework version as the API shows it. */
export interface FrameworkVersion {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly builtIn: boolean;
  readonly definition: Framework;
}

function fromFile(framework: Framework): FrameworkVersion {
  const { id, version, name } = framework;
  return { id, version, name, builtIn: true, definition: framework };
}

function fromRow(record: FrameworkRecord): FrameworkVersion {
  const { id, version, name } = record;
  // Rows are validated with FrameworkSchema when saved (POST /frameworks, the CLI).
  return {
    id,
    version,
    name,
    builtIn: record.workspaceId === null,
    definition: record.definition as Framework,
  };
}

/**
 * Every version of framework `id` the workspace may use (files, built-in rows, its own rows).
 * @example (await frameworkVersions(store, ws.id, 'default')).map((f) => f.version) // ['1.1.0']
 */
export async function frameworkVersions(
  store: Store,
  workspaceId: string,
  id: string,
): Promise<FrameworkVersion[]> {
  const stored = await store.frameworks.visibleVersions(workspaceId, id);
  const files = builtinFrameworks().filter((f) => f.id === id);
  const byVersion = new Map<string, FrameworkVersion>();
  for (const version of [...files.map(fromFile), ...stored.map(fromRow)]) {
    if (!byVersion.has(version.version)) byVersion.set(version.version, version);
  }
  return [...byVersion.values()].sort((a, b) => versionOrder(a.version, b.version));
}

/**
 * The newest version of each framework the workspace may use, by id.
 * @example (await listFrameworks(store, ws.id)).map((f) => f.id) // ['default', 'sales']
 */
export async function listFrameworks(store: Store, workspaceId: string): Promise<FrameworkVersion[]> {
  const newest = new Map<string, FrameworkVersion>();
  const all = [
    ...builtinFrameworks().map(fromFile),
    ...(await store.frameworks.listLatest(workspaceId)).map(fromRow),
  ];
  for (const framework of all) {
    const seen = newest.get(framework.id);
    if (seen === undefined || versionOrder(framework.version, seen.version) > 0)
      newest.set(framework.id, framework);
  }
  return [...newest.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One line of the question-set list. */
export interface QuestionSetSummary {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly builtIn: boolean;
  readonly questionCount: number;
}

/**
 * The question sets the workspace may use, by id; its own shadow built-ins of the same id.
 * @example (await listQuestionSets(store, ws.id))[0] // { id: 'default', builtIn: true, questionCount: 12, … }
 */
export async function listQuestionSets(store: Store, workspaceId: string): Promise<QuestionSetSummary[]> {
  const byId = new Map<string, QuestionSetSummary>();
  for (const set of builtinQuestionSets()) {
    const { id, name, version } = set;
    byId.set(id, { id, name, version, builtIn: true, questionCount: set.questions.length });
  }
  const rows = await store.questionSets.listVisible(workspaceId);
  // Built-in rows first, so the workspace's own row of the same id wins.
  rows.sort((a, b) => Number(a.workspaceId !== null) - Number(b.workspaceId !== null));
  for (const row of rows) {
    const { id, name, version, questionCount } = row;
    byId.set(id, { id, name, version, builtIn: row.workspaceId === null, questionCount });
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Refuses an id the workspace cannot own: a built-in's (a file or a built-in row). Another
 * workspace's ids are no concern: ids are unique per workspace.
 * @throws CandorError CONFLICT
 * @example await claimId(store, 'question set', 'sdr')
 */
export async function claimId(store: Store, entity: 'framework' | 'question set', id: string): Promise<void> {
  const builtIn =
    entity === 'framework'
      ? builtinFrameworks().some((f) => f.id === id) || (await store.frameworks.versions(id)).length > 0
      : builtinQuestionSets().some((s) => s.id === id) ||
        (await store.questionSets.get(id).then(
          () => true,
          () => false,
        ));
  if (builtIn) {
    throw new CandorError('CONFLICT', `${entity} id "${id}" is built in; choose another id`, {
      entity,
      id,
      field: 'id',
    });
  }
}

/**
 * Checks that a job may point at this framework and question set, as its workspace sees them.
 * @throws CandorError VALIDATION_FAILED naming `frameworkId` or `questionSetId`
 * @example await prepareJobReferences(store, ws.id, { frameworkId: 'default', questionSetId: 'default' })
 */
export async function prepareJobReferences(
  store: Store,
  workspaceId: string,
  refs: { frameworkId?: string | null; questionSetId?: string | null },
): Promise<void> {
  const { frameworkId, questionSetId } = refs;
  if (frameworkId != null && (await frameworkVersions(store, workspaceId, frameworkId)).length === 0) {
    const message = `body.frameworkId: framework ${frameworkId} not found`;
    throw new CandorError('VALIDATION_FAILED', message, { in: 'body', field: 'frameworkId' });
  }
  if (questionSetId == null) return;
  await findQuestionSet(store, workspaceId, questionSetId).catch((error: unknown) => {
    if (!isCandorError(error) || error.code !== 'NOT_FOUND') throw error;
    const message = `body.questionSetId: question set ${questionSetId} not found`;
    throw new CandorError(
      'VALIDATION_FAILED',
      message,
      { in: 'body', field: 'questionSetId' },
      { cause: error },
    );
  });
}
