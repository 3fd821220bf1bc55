import type { Selectable } from 'kysely';
import { newId } from '../../core/index.js';
import type { PipelineEventTable } from '../schema.js';
import { fromJson, guardWrite, notFound, timestamp, toJson, type RepositoryContext } from './rows.js';

export type EventPayload = Readonly<Record<string, unknown>>;

export interface PipelineEventRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly applicationId: string;
  /** e.g. `applied`, `stage_changed`, `interview_completed`, `rejected`, `hired`. */
  readonly kind: string;
  /** Who did it: a user id, or `system` / `agent`. */
  readonly actor: string;
  readonly reason: string | null;
  readonly payload: EventPayload;
  readonly occurredAt: string;
}

export interface NewPipelineEvent {
  readonly id?: string;
  readonly workspaceId: string;
  readonly applicationId: string;
  readonly kind: string;
  readonly actor: string;
  readonly reason?: string | null;
  readonly payload?: EventPayload;
  /** Defaults to now; imports from an ATS pass the original time. */
  readonly occurredAt?: string;
}

export interface PipelineEventRepository {
  append(input: NewPipelineEvent): Promise<PipelineEventRecord>;
  get(id: string): Promise<PipelineEventRecord>;
  /** An application's history, oldest first. */
  listByApplication(applicationId: string): Promise<PipelineEventRecord[]>;
  /** A workspace's events in time order, optionally from `since` (inclusive, ISO-8601). */
  listByWorkspace(workspaceId: string, options?: { since?: string }): Promise<PipelineEventRecord[]>;
}

/**
 * The append-only log of what happened to each application; recruiting KPIs are computed from it.
 * @example await store.pipelineEvents.append({ workspaceId: ws.id, applicationId: app.id, kind: 'stage_changed', actor: 'usr_1', payload: { to: 'interview' } })
 */
export function createPipelineEventRepository(ctx: RepositoryContext): PipelineEventRepository {
  const { db } = ctx;
  const get = async (id: string): Promise<PipelineEventRecord> => {
    const row = await db.selectFrom('pipeline_event').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('pipeline event', id);
    return toRecord(row);
  };
  return {
    async append(input) {
      const id = input.id ?? newId('evt');
      await guardWrite('pipeline event', id, () =>
        db
          .insertInto('pipeline_event')
          .values({
            id,
            workspace_id: input.workspaceId,
            application_id: input.applicationId,
            kind: input.kind,
            actor: input.actor,
            reason: input.reason ?? null,
            payload: toJson(input.payload ?? {}),
            occurred_at: input.occurredAt ?? timestamp(ctx),
          })
          .execute(),
      );
      return get(id);
    },
    get,
    async listByApplication(applicationId) {
      const rows = await db
        .selectFrom('pipeline_event')
        .selectAll()
        .where('application_id', '=', applicationId)
        .orderBy('occurred_at')
        .orderBy('id')
        .execute();
      return rows.map(toRecord);
    },
    async listByWorkspace(workspaceId, options = {}) {
      let query = db.selectFrom('pipeline_event').selectAll().where('workspace_id', '=', workspaceId);
      if (options.since !== undefined) query = query.where('occurred_at', '>=', options.since);
      const rows = await query.orderBy('occurred_at').orderBy('id').execute();
      return rows.map(toRecord);
    },
  };
}

function toRecord(row: Selectable<PipelineEventTable>): PipelineEventRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    applicationId: row.application_id,
    kind: row.kind,
    actor: row.actor,
    reason: row.reason,
    payload: fromJson<EventPayload>(row.payload, { entity: 'pipeline event', id: row.id, field: 'payload' }),
    occurredAt: row.occurred_at,
  };
}
