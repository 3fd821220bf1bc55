import type { Selectable } from 'kysely';
import { CandorError, isCandorError } from '../../core/index.js';
import type { FrameworkTable } from '../schema.js';
import { fromJson, guardWrite, timestamp, toJson, type RepositoryContext } from './rows.js';

export interface FrameworkRecord {
  readonly id: string;
  readonly version: string;
  /** null for built-in frameworks. */
  readonly workspaceId: string | null;
  readonly name: string;
  /** The framework as saved; src/assessment validates its shape. */
  readonly definition: unknown;
  readonly createdAt: string;
}

export interface NewFramework {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly definition: unknown;
  readonly workspaceId?: string | null;
}

export interface FrameworkRepository {
  /**
   * Saves one version. Saving the same id, version and definition again is a no-op; a different
   * definition under an existing version is a CONFLICT (scorecards cite id + version, so a
   * version must never change meaning).
   */
  save(input: NewFramework): Promise<FrameworkRecord>;
  /** A version saved under exactly this workspace (default: the built-in rows). */
  get(id: string, version: string, workspaceId?: string | null): Promise<FrameworkRecord>;
  /** The highest version, comparing digit runs as numbers (`1.10` after `1.9`). */
  latest(id: string, workspaceId?: string | null): Promise<FrameworkRecord>;
  /** Every saved version, lowest first. */
  versions(id: string, workspaceId?: string | null): Promise<string[]>;
  /**
   * Every version of `id` a workspace can use, lowest first: its own and the built-in rows; where
   * both hold a version, its own.
   */
  visibleVersions(workspaceId: string, id: string): Promise<FrameworkRecord[]>;
  /** The latest version of each framework a workspace can use: its own and the built-ins. */
  listLatest(workspaceId: string | null): Promise<FrameworkRecord[]>;
}

const versionOrder = new Intl.Collator('en', { numeric: true }).compare;

/**
 * Competency frameworks, stored as JSON per (workspace, id, version); ids are unique per workspace.
 * @example await store.frameworks.save({ id: 'customer-facing', version: '1', name: 'Customer facing', definition })
 */
export function createFrameworkRepository(ctx: RepositoryContext): FrameworkRepository {
  const { db } = ctx;
  const scoped = (workspaceId: string | null) =>
    db
      .selectFrom('framework')
      .selectAll()
      .where('workspace_id', workspaceId === null ? 'is' : '=', workspaceId);
  const allVersions = async (id: string, workspaceId: string | null): Promise<FrameworkRecord[]> => {
    const rows = await scoped(workspaceId).where('id', '=', id).execute();
    return rows.map(toRecord).sort((a, b) => versionOrder(a.version, b.version));
  };
  const find = async (id: string, version: string, workspaceId: string | null) => {
    const row = await scoped(workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return row === undefined ? undefined : toRecord(row);
  };
  const get = async (
    id: string,
    version: string,
    workspaceId: string | null = null,
  ): Promise<FrameworkRecord> => {
    const found = await find(id, version, workspaceId);
    if (found === undefined) throw missing(id, version);
    return found;
  };
  return {
    async save(input) {
      const definition = toJson(input.definition);
      const workspaceId = input.workspaceId ?? null;
      const key = `${input.id}@${input.version}`;
      // Saving the same version again is a no-op: a unique violation here means it exists.
      await guardWrite('framework', key, () =>
        db
          .insertInto('framework')
          .values({
            id: input.id,
            version: input.version,
            workspace_id: workspaceId,
            name: input.name,
            definition,
            created_at: timestamp(ctx),
          })
          .execute(),
      ).catch((error: unknown) => {
        if (!isCandorError(error) || error.code !== 'CONFLICT') throw error;
      });
      const stored = await get(input.id, input.version, workspaceId);
      if (toJson(stored.definition) !== definition) {
        const message = `framework ${input.id} version ${input.version} is already saved with a different definition; give the change a new version`;
        throw new CandorError('CONFLICT', message, {
          entity: 'framework',
          id: input.id,
          version: input.version,
        });
      }
      return stored;
    },
    get,
    async latest(id, workspaceId = null) {
      const all = await allVersions(id, workspaceId);
      const newest = all.at(-1);
      if (newest === undefined) throw missing(id, null);
      return newest;
    },
    async versions(id, workspaceId = null) {
      return (await allVersions(id, workspaceId)).map((f) => f.version);
    },
    async visibleVersions(workspaceId, id) {
      const byVersion = new Map<string, FrameworkRecord>();
      for (const record of [...(await allVersions(id, null)), ...(await allVersions(id, workspaceId))])
        byVersion.set(record.version, record);
      return [...byVersion.values()].sort((a, b) => versionOrder(a.version, b.version));
    },
    async listLatest(workspaceId) {
      let query = db.selectFrom('framework').selectAll();
      query =
        workspaceId === null
          ? query.where('workspace_id', 'is', null)
          : query.where((eb) =>
              eb.or([eb('workspace_id', 'is', null), eb('workspace_id', '=', workspaceId)]),
            );
      const newest = new Map<string, FrameworkRecord>();
      for (const record of (await query.execute()).map(toRecord)) {
        const seen = newest.get(record.id);
        const newer = seen === undefined || versionOrder(record.version, seen.version) > 0;
        const ownOverBuiltIn =
          seen !== undefined && record.version === seen.version && record.workspaceId !== null;
        if (newer || ownOverBuiltIn) newest.set(record.id, record);
      }
      return [...newest.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
  };
}

function missing(id: string, version: string | null): CandorError {
  const message =
    version === null ? `framework ${id} not found` : `framework ${id} version ${version} not found`;
  return new CandorError('NOT_FOUND', message, { entity: 'framework', id, version });
}

function toRecord(row: Selectable<FrameworkTable>): FrameworkRecord {
  return {
    id: row.id,
    version: row.version,
    workspaceId: row.workspace_id,
    name: row.name,
    definition: fromJson<unknown>(row.definition, { entity: 'framework', id: row.id, field: 'definition' }),
    createdAt: row.created_at,
  };
}
