/**
 * Frameworks and question sets a workspace can use: the built-in files shipped in `frameworks/`,
 * the built-in rows (no workspace) and the workspace's own rows. Ids are one namespace across
 * workspaces in the store, so a workspace may not reuse an id another one (or a built-in) holds.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { listBuiltinFrameworks, loadQuestionSet, type Framework } from '../../../assessment/index.js';
import { CandorError, packageRoot } from '../../../core/index.js';
import type { QuestionSet } from '../../../domain/index.js';
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
  const rows = await store.db
    .selectFrom('framework')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => eb.or([eb('workspace_id', 'is', null), eb('workspace_id', '=', workspaceId)]))
    .execute();
  const stored = rows.map((row): FrameworkRecord => ({
    id: row.id,
    version: row.version,
    workspaceId: row.workspace_id,
    name: row.name,
    definition: JSON.parse(row.definition) as unknown,
    createdAt: row.created_at,
  }));
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

/** A question set as the API shows it. */
export interface VisibleQuestionSet extends QuestionSet {
  readonly builtIn: boolean;
}

/**
 * The question set `id` as the workspace sees it: its own, else a built-in row, else a built-in
 * file; null when it may use none (an id of another workspace reads as unknown).
 * @example await findQuestionSet(store, ws.id, 'default') // { id: 'default', builtIn: true, … }
 */
export async function findQuestionSet(
  store: Store,
  workspaceId: string,
  id: string,
): Promise<VisibleQuestionSet | null> {
  const row = await store.db
    .selectFrom('question_set')
    .select('workspace_id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (row !== undefined && (row.workspace_id === null || row.workspace_id === workspaceId)) {
    const stored = await store.questionSets.get(id);
    return { ...stored, builtIn: stored.workspaceId === null };
  }
  const file = builtinQuestionSets().find((s) => s.id === id);
  return file === undefined ? null : { ...file, builtIn: true };
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
  const rows = await store.db
    .selectFrom('question_set as s')
    .leftJoin('question as q', 'q.question_set_id', 's.id')
    .select(['s.id', 's.name', 's.version', 's.workspace_id', (eb) => eb.fn.count('q.id').as('questions')])
    .where((eb) => eb.or([eb('s.workspace_id', 'is', null), eb('s.workspace_id', '=', workspaceId)]))
    .groupBy(['s.id', 's.name', 's.version', 's.workspace_id'])
    .execute();
  const byId = new Map<string, QuestionSetSummary>();
  for (const set of builtinQuestionSets()) {
    const { id, name, version } = set;
    byId.set(id, { id, name, version, builtIn: true, questionCount: set.questions.length });
  }
  // Built-in rows first, so the workspace's own row of the same id wins.
  rows.sort((a, b) => Number(a.workspace_id !== null) - Number(b.workspace_id !== null));
  for (const row of rows) {
    byId.set(row.id, {
      id: row.id,
      name: row.name,
      version: row.version,
      builtIn: row.workspace_id === null,
      questionCount: Number(row.questions),
    });
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Refuses an id the workspace cannot own: a built-in's, or one another workspace holds (ids are
 * one namespace in the store, and saving would overwrite or collide with theirs).
 * @throws CandorError CONFLICT
 * @example await claimId(store, ws.id, 'question set', 'sdr')
 */
export async function claimId(
  store: Store,
  workspaceId: string,
  entity: 'framework' | 'question set',
  id: string,
): Promise<void> {
  const builtIn =
    entity === 'framework'
      ? builtinFrameworks().some((f) => f.id === id)
      : builtinQuestionSets().some((s) => s.id === id);
  const table = entity === 'framework' ? 'framework' : 'question_set';
  const rows = await store.db.selectFrom(table).select('workspace_id').where('id', '=', id).execute();
  if (builtIn || rows.some((row) => row.workspace_id !== workspaceId)) {
    throw new CandorError('CONFLICT', `${entity} id "${id}" is taken; choose another id`, {
      entity,
      id,
      field: 'id',
    });
  }
}

/**
 * Checks that a job may point at this framework and question set. A built-in question set that
 * lives only in a file is saved as a built-in row first: `job.question_set_id` is a foreign key.
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
  const set = await findQuestionSet(store, workspaceId, questionSetId);
  if (set === null) {
    const message = `body.questionSetId: question set ${questionSetId} not found`;
    throw new CandorError('VALIDATION_FAILED', message, { in: 'body', field: 'questionSetId' });
  }
  const stored = await store.db
    .selectFrom('question_set')
    .select('id')
    .where('id', '=', questionSetId)
    .executeTakeFirst();
  if (stored === undefined) await store.questionSets.save(set, { workspaceId: null });
}
