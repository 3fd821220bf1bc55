import type { Kysely, Selectable } from 'kysely';
import { CandorError } from '../../core/index.js';
import type { Database, ModelSource, ScoringModelTable } from '../schema.js';
import { fromJson, guardWrite, notFound, timestamp, type RepositoryContext } from './rows.js';

export type { ModelSource };

export interface ModelRecord {
  readonly workspaceId: string;
  readonly id: string;
  readonly version: number;
  readonly target: string;
  readonly name: string;
  /** The model file as stored; src/model checks its shape (`parseModel`). */
  readonly definition: unknown;
  readonly source: ModelSource;
  /** The workspace's active model of its target. */
  readonly active: boolean;
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface NewModel {
  readonly workspaceId: string;
  readonly id: string;
  readonly version: number;
  readonly target: string;
  readonly name: string;
  readonly definition: unknown;
  readonly source: ModelSource;
  /** A user id, or `cli`. */
  readonly createdBy: string;
}

export interface ModelRepository {
  /**
   * Stores one version of a model. The same id, version and definition again changes nothing
   * (`added: false`); a different definition under a stored version, or a model id stored with
   * another target, is a CONFLICT: scorecards cite id + version, so a version never changes meaning.
   */
  add(input: NewModel): Promise<{ readonly model: ModelRecord; readonly added: boolean }>;
  /** One version, or the highest version when `version` is absent; NOT_FOUND otherwise. */
  get(workspaceId: string, id: string, version?: number): Promise<ModelRecord>;
  /** Every stored version of a model, highest first; empty when there is none. */
  versions(workspaceId: string, id: string): Promise<ModelRecord[]>;
  /** Every stored version of every model of a workspace: by id, highest version first. */
  list(workspaceId: string): Promise<ModelRecord[]>;
  /** The active model of a target, or null. */
  active(workspaceId: string, target: string): Promise<ModelRecord | null>;
  /**
   * Makes this version the active model of its target, in one transaction: the model active
   * before for that target (any id or version) stops being active. NOT_FOUND for an unknown version.
   */
  activate(workspaceId: string, id: string, version: number): Promise<ModelRecord>;
}

const canonical = (definition: unknown) => JSON.stringify(definition);

/**
 * Trained scoring models per workspace (migration 0009).
 * @example await store.models.add({ workspaceId, id: 'overall-model', version: 1, target: 'overall', name, definition: model, source: 'import', createdBy: 'cli' })
 */
export function createModelRepository(ctx: RepositoryContext): ModelRepository {
  const { db } = ctx;
  const rowsOf = (q: Kysely<Database>, workspaceId: string, id: string) =>
    q
      .selectFrom('scoring_model')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .orderBy('version', 'desc')
      .execute();
  const get = async (workspaceId: string, id: string, version?: number): Promise<ModelRecord> => {
    const rows = await rowsOf(db, workspaceId, id);
    const row = version === undefined ? rows[0] : rows.find((r) => r.version === version);
    if (row === undefined) {
      if (version === undefined) throw notFound('model', id);
      throw new CandorError('NOT_FOUND', `model ${id} version ${version} not found`, {
        entity: 'model',
        id,
        version,
      });
    }
    return toRecord(row);
  };
  return {
    async add(input) {
      return guardWrite('model', `${input.id} version ${input.version}`, () =>
        db.transaction().execute(async (trx) => {
          const stored = await rowsOf(trx, input.workspaceId, input.id);
          const other = stored.find((r) => r.target !== input.target);
          if (other !== undefined) {
            throw new CandorError(
              'CONFLICT',
              `model ${input.id} is stored for target ${other.target}, not ${input.target}: give this model another id`,
              { entity: 'model', id: input.id, target: other.target },
            );
          }
          const same = stored.find((r) => r.version === input.version);
          if (same !== undefined) {
            if (same.definition === canonical(input.definition))
              return { model: toRecord(same), added: false };
            throw new CandorError(
              'CONFLICT',
              `model ${input.id} version ${input.version} is already stored with other content: give the new file a higher version`,
              { entity: 'model', id: input.id, version: input.version },
            );
          }
          const row = {
            workspace_id: input.workspaceId,
            id: input.id,
            version: input.version,
            target: input.target,
            name: input.name,
            definition: canonical(input.definition),
            source: input.source,
            active: 0,
            created_by: input.createdBy,
            created_at: timestamp(ctx),
          };
          await trx.insertInto('scoring_model').values(row).execute();
          return { model: toRecord(row), added: true };
        }),
      );
    },
    get,
    async versions(workspaceId, id) {
      return (await rowsOf(db, workspaceId, id)).map(toRecord);
    },
    async list(workspaceId) {
      const rows = await db
        .selectFrom('scoring_model')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('id')
        .orderBy('version', 'desc')
        .execute();
      return rows.map(toRecord);
    },
    async active(workspaceId, target) {
      const row = await db
        .selectFrom('scoring_model')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('target', '=', target)
        .where('active', '=', 1)
        .executeTakeFirst();
      return row === undefined ? null : toRecord(row);
    },
    async activate(workspaceId, id, version) {
      const model = await get(workspaceId, id, version);
      await guardWrite('active model', `${model.target}`, () =>
        db.transaction().execute(async (trx) => {
          await trx
            .updateTable('scoring_model')
            .set({ active: 0 })
            .where('workspace_id', '=', workspaceId)
            .where('target', '=', model.target)
            .where('active', '=', 1)
            .execute();
          await trx
            .updateTable('scoring_model')
            .set({ active: 1 })
            .where('workspace_id', '=', workspaceId)
            .where('id', '=', id)
            .where('version', '=', version)
            .execute();
        }),
      );
      return { ...model, active: true };
    },
  };
}

function toRecord(row: Selectable<ScoringModelTable>): ModelRecord {
  return {
    workspaceId: row.workspace_id,
    id: row.id,
    version: row.version,
    target: row.target,
    name: row.name,
    definition: fromJson<unknown>(row.definition, {
      entity: 'model',
      id: `${row.id} version ${row.version}`,
      field: 'definition',
    }),
    source: row.source,
    active: row.active === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}
