/**
 * A workspace's knowledge taxonomy (migration 0023): its topics with their synonyms, and the
 * competitors and products it tracks with their aliases. Names are unique per workspace ignoring
 * case and accents (`name_key`, see name-key.ts).
 */
import type { Kysely, Selectable } from 'kysely';
import { CandorError, newId } from '../../core/index.js';
import type { TopicDefinition, TrackedName, TrackedNameKind } from '../../domain/index.js';
import { violatesUnique, type UniqueKey } from '../dialect.js';
import { nameSortKey } from '../name-key.js';
import type { Database } from '../schema.js';
import { cleanName, cleanTerms } from './knowledge-terms.js';
import { fromJson, notFound, timestamp, type RepositoryContext } from './rows.js';

// Types, not interfaces: `withTables` needs index-compatible records.
export type KnowledgeTaxonomyTables = {
  knowledge_topic: {
    id: string;
    workspace_id: string;
    name: string;
    name_key: string;
    /** JSON array of strings. */
    synonyms: string;
    created_at: string;
    updated_at: string;
  };
  knowledge_name: {
    id: string;
    workspace_id: string;
    kind: TrackedNameKind;
    name: string;
    name_key: string;
    /** JSON array of strings. */
    aliases: string;
    created_at: string;
    updated_at: string;
  };
};

export const TRACKED_NAME_KINDS = ['competitor', 'product'] as const satisfies readonly TrackedNameKind[];

export interface TopicRecord extends TopicDefinition {
  readonly workspaceId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface TrackedNameRecord extends TrackedName {
  readonly workspaceId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewTopic {
  readonly name: string;
  readonly synonyms?: readonly string[];
}

export interface NewTrackedName {
  readonly kind: TrackedNameKind;
  readonly name: string;
  readonly aliases?: readonly string[];
}

export interface TopicRepository {
  /** The workspace's topics by name (ignoring case and accents). */
  list(workspaceId: string): Promise<TopicRecord[]>;
  /** @throws CandorError NOT_FOUND */
  get(id: string): Promise<TopicRecord>;
  /** @throws CandorError VALIDATION_FAILED naming the field; CONFLICT naming the name taken */
  create(workspaceId: string, input: NewTopic): Promise<TopicRecord>;
  /** @throws CandorError NOT_FOUND, VALIDATION_FAILED, CONFLICT */
  update(id: string, patch: Partial<NewTopic>): Promise<TopicRecord>;
  /** @throws CandorError NOT_FOUND */
  remove(id: string): Promise<void>;
}

export interface TrackedNameRepository {
  /** The workspace's tracked names by name, only one kind with `kind`. */
  list(workspaceId: string, options?: { readonly kind?: TrackedNameKind }): Promise<TrackedNameRecord[]>;
  /** @throws CandorError NOT_FOUND */
  get(id: string): Promise<TrackedNameRecord>;
  /** @throws CandorError VALIDATION_FAILED naming the field; CONFLICT naming the name taken */
  create(workspaceId: string, input: NewTrackedName): Promise<TrackedNameRecord>;
  /** @throws CandorError NOT_FOUND, VALIDATION_FAILED, CONFLICT */
  update(id: string, patch: Partial<NewTrackedName>): Promise<TrackedNameRecord>;
  /** @throws CandorError NOT_FOUND */
  remove(id: string): Promise<void>;
}

type Db = Kysely<Database & KnowledgeTaxonomyTables>;

const TOPIC_KEY: UniqueKey = {
  name: 'knowledge_topic_name_unique',
  table: 'knowledge_topic',
  columns: ['workspace_id', 'name_key'],
};
const NAME_KEY: UniqueKey = {
  name: 'knowledge_name_name_unique',
  table: 'knowledge_name',
  columns: ['workspace_id', 'name_key'],
};

/** Turns the unique violation of `key` into a CONFLICT naming the name; other errors pass. */
async function uniqueName<T>(entity: string, name: string, key: UniqueKey, write: () => Promise<T>) {
  try {
    return await write();
  } catch (error) {
    if (!violatesUnique(error, key)) throw error;
    throw new CandorError(
      'CONFLICT',
      `${entity} "${name}" already exists (names are compared ignoring case and accents)`,
      { entity, field: 'name', name },
      { cause: error },
    );
  }
}

/** Checks the fields of a new topic: the trimmed name and synonyms. */
export function cleanTopic(input: NewTopic): { name: string; synonyms: string[] } {
  return { name: cleanName(input.name, 'name'), synonyms: cleanTerms(input.synonyms ?? [], 'synonyms') };
}

function checkKind(kind: unknown): TrackedNameKind {
  if (!(TRACKED_NAME_KINDS as readonly unknown[]).includes(kind)) {
    throw new CandorError('VALIDATION_FAILED', `kind: expected competitor or product, got ${String(kind)}`, {
      field: 'kind',
    });
  }
  return kind as TrackedNameKind;
}

/** @example const topic = await createTopicRepository(ctx).create(ws.id, { name: 'Pricing', synonyms: ['price'] }) */
export function createTopicRepository(ctx: RepositoryContext): TopicRepository {
  const db: Db = ctx.db.withTables<KnowledgeTaxonomyTables>();
  const get = async (id: string) => {
    const row = await db.selectFrom('knowledge_topic').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('topic', id);
    return toTopic(row);
  };
  return {
    async list(workspaceId) {
      const rows = await db
        .selectFrom('knowledge_topic')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('name_key')
        .orderBy('id')
        .execute();
      return rows.map(toTopic);
    },
    get,
    async create(workspaceId, input) {
      const { name, synonyms } = cleanTopic(input);
      const id = newId('topic');
      const now = timestamp(ctx);
      await uniqueName('topic', name, TOPIC_KEY, () =>
        db
          .insertInto('knowledge_topic')
          .values({
            id,
            workspace_id: workspaceId,
            name,
            name_key: nameSortKey(name),
            synonyms: JSON.stringify(synonyms),
            created_at: now,
            updated_at: now,
          })
          .execute(),
      );
      return get(id);
    },
    async update(id, patch) {
      const current = await get(id);
      const name = patch.name === undefined ? current.name : cleanName(patch.name, 'name');
      const synonyms =
        patch.synonyms === undefined ? current.synonyms : cleanTerms(patch.synonyms, 'synonyms');
      await uniqueName('topic', name, TOPIC_KEY, () =>
        db
          .updateTable('knowledge_topic')
          .set({
            name,
            name_key: nameSortKey(name),
            synonyms: JSON.stringify(synonyms),
            updated_at: timestamp(ctx),
          })
          .where('id', '=', id)
          .execute(),
      );
      return get(id);
    },
    async remove(id) {
      const result = await db.deleteFrom('knowledge_topic').where('id', '=', id).executeTakeFirst();
      if (result.numDeletedRows === 0n) throw notFound('topic', id);
    },
  };
}

/** @example await createTrackedNameRepository(ctx).create(ws.id, { kind: 'competitor', name: 'Gong', aliases: ['gong.io'] }) */
export function createTrackedNameRepository(ctx: RepositoryContext): TrackedNameRepository {
  const db: Db = ctx.db.withTables<KnowledgeTaxonomyTables>();
  const get = async (id: string) => {
    const row = await db.selectFrom('knowledge_name').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('tracked name', id);
    return toTrackedName(row);
  };
  return {
    async list(workspaceId, options = {}) {
      let q = db.selectFrom('knowledge_name').selectAll().where('workspace_id', '=', workspaceId);
      if (options.kind !== undefined) q = q.where('kind', '=', options.kind);
      const rows = await q.orderBy('name_key').orderBy('id').execute();
      return rows.map(toTrackedName);
    },
    get,
    async create(workspaceId, input) {
      const kind = checkKind(input.kind);
      const name = cleanName(input.name, 'name');
      const aliases = cleanTerms(input.aliases ?? [], 'aliases');
      const id = newId('tname');
      const now = timestamp(ctx);
      await uniqueName('tracked name', name, NAME_KEY, () =>
        db
          .insertInto('knowledge_name')
          .values({
            id,
            workspace_id: workspaceId,
            kind,
            name,
            name_key: nameSortKey(name),
            aliases: JSON.stringify(aliases),
            created_at: now,
            updated_at: now,
          })
          .execute(),
      );
      return get(id);
    },
    async update(id, patch) {
      const current = await get(id);
      const kind = patch.kind === undefined ? current.kind : checkKind(patch.kind);
      const name = patch.name === undefined ? current.name : cleanName(patch.name, 'name');
      const aliases = patch.aliases === undefined ? current.aliases : cleanTerms(patch.aliases, 'aliases');
      await uniqueName('tracked name', name, NAME_KEY, () =>
        db
          .updateTable('knowledge_name')
          .set({
            kind,
            name,
            name_key: nameSortKey(name),
            aliases: JSON.stringify(aliases),
            updated_at: timestamp(ctx),
          })
          .where('id', '=', id)
          .execute(),
      );
      return get(id);
    },
    async remove(id) {
      const result = await db.deleteFrom('knowledge_name').where('id', '=', id).executeTakeFirst();
      if (result.numDeletedRows === 0n) throw notFound('tracked name', id);
    },
  };
}

export function toTopic(row: Selectable<KnowledgeTaxonomyTables['knowledge_topic']>): TopicRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    synonyms: fromJson<string[]>(row.synonyms, { entity: 'topic', id: row.id, field: 'synonyms' }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toTrackedName(row: Selectable<KnowledgeTaxonomyTables['knowledge_name']>): TrackedNameRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    kind: row.kind,
    name: row.name,
    aliases: fromJson<string[]>(row.aliases, { entity: 'tracked name', id: row.id, field: 'aliases' }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
