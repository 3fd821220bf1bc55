import type { Selectable } from 'kysely';
import { newId } from '../core/index.js';
import { fromJson, notFound, toJson, type RepositoryContext } from './repositories/rows.js';
import type { TaskStatus, TaskTable } from './schema.js';

/** How far a running task has got; shown on the page while it runs. */
export interface TaskProgress {
  readonly stage: string;
  /** 0–1, when known. */
  readonly fraction: number | null;
  readonly message?: string;
}

export interface TaskRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly kind: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly status: TaskStatus;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly runAt: string;
  readonly lockedBy: string | null;
  readonly lockedUntil: string | null;
  readonly progress: TaskProgress | null;
  readonly result: unknown;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewTask {
  readonly workspaceId: string;
  readonly kind: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /** Runs allowed before the task is marked failed; default 3. */
  readonly maxAttempts?: number;
}

/**
 * Background work that survives a crash: a task is claimed with a lease; a worker that dies
 * leaves the lease to run out, and the next claim takes the task again (attempts + 1).
 * One table, one query code for SQLite and PostgreSQL; the claim is a compare-and-set update,
 * so any number of worker processes can share the queue.
 */
export interface JobQueue {
  enqueue(input: NewTask): Promise<TaskRecord>;
  /** @throws CandorError NOT_FOUND */
  get(id: string): Promise<TaskRecord>;
  /**
   * Takes the oldest runnable task of one of `kinds`: queued and due, or running with an expired
   * lease. Returns null when there is none. A task whose lease ran out on its last allowed attempt
   * (its worker died every time) is marked failed instead of being run again.
   */
  claim(workerId: string, kinds: readonly string[], leaseMs: number): Promise<TaskRecord | null>;
  /** Records progress and extends the lease; false when the worker no longer holds the task. */
  heartbeat(id: string, workerId: string, leaseMs: number, progress?: TaskProgress): Promise<boolean>;
  complete(id: string, workerId: string, result: unknown): Promise<boolean>;
  /**
   * Gives a running task back to the queue as if it had never been claimed (a worker shutting
   * down): queued, due now, the attempt not counted. False when the worker no longer holds it.
   */
  release(id: string, workerId: string): Promise<boolean>;
  /**
   * Records a failed attempt: back to `queued` after `retryDelayMs` while attempts remain,
   * else `failed`. `permanent` skips the retries (bad input will not get better).
   */
  fail(
    id: string,
    workerId: string,
    error: string,
    options: { retryDelayMs: number; permanent?: boolean },
  ): Promise<boolean>;
  /** Tasks whose payload names `subjectId` under `key`, newest first. */
  listBySubject(workspaceId: string, key: string, subjectId: string): Promise<TaskRecord[]>;
  /**
   * For each of `subjectIds`, the newest task (latest `createdAt`, then largest id) whose payload
   * names it under `key`, like `listBySubject(…)[0]` for many subjects in one query.
   */
  latestForSubjects(
    workspaceId: string,
    key: string,
    subjectIds: readonly string[],
  ): Promise<Map<string, TaskRecord>>;
}

/** Up to this many subjects, tasks are prefiltered by `payload like`; beyond, one scan of the workspace's tasks is cheaper. */
const LIKE_LIMIT = 100;

const CLAIM_TRIES = 5;

/**
 * The job queue on the store's database.
 * @example
 * const task = await queue.enqueue({ workspaceId, kind: 'analyze-interview', payload: { interviewId } })
 * const mine = await queue.claim('worker-1', ['analyze-interview'], 30_000)
 */
export function createJobQueue(ctx: RepositoryContext): JobQueue {
  const { db } = ctx;
  const later = (ms: number) => new Date(Date.parse(ctx.clock()) + ms).toISOString();
  const get = async (id: string): Promise<TaskRecord> => {
    const row = await db.selectFrom('task').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('task', id);
    return toRecord(row);
  };
  const held = (id: string, workerId: string) =>
    db
      .updateTable('task')
      .where('id', '=', id)
      .where('locked_by', '=', workerId)
      .where('status', '=', 'running');

  return {
    async enqueue(input) {
      const id = newId('task');
      const now = ctx.clock();
      await db
        .insertInto('task')
        .values({
          id,
          workspace_id: input.workspaceId,
          kind: input.kind,
          payload: toJson(input.payload),
          status: 'queued',
          max_attempts: input.maxAttempts ?? 3,
          run_at: now,
          locked_by: null,
          locked_until: null,
          progress: toJson({ stage: 'queued', fraction: null }),
          result: null,
          last_error: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      return get(id);
    },
    get,
    async claim(workerId, kinds, leaseMs) {
      if (kinds.length === 0) return null;
      for (let attempt = 0; attempt < CLAIM_TRIES; attempt++) {
        const now = ctx.clock();
        const candidate = await db
          .selectFrom('task')
          .select(['id', 'status', 'attempts', 'max_attempts', 'locked_until'])
          .where('kind', 'in', kinds)
          .where((eb) =>
            eb.or([
              eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
              eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
            ]),
          )
          .orderBy('run_at')
          .orderBy('id')
          .limit(1)
          .executeTakeFirst();
        if (candidate === undefined) return null;
        const abandoned = candidate.status === 'running' && candidate.attempts >= candidate.max_attempts;
        const message = `the worker stopped during attempt ${candidate.attempts} of ${candidate.max_attempts} (its lease ran out)`;
        // Compare-and-set on status, attempts and lease end: a heartbeat of the worker that still
        // holds the task moves its lease end, so a claim racing that heartbeat changes no row.
        const result = await db
          .updateTable('task')
          .set(
            abandoned
              ? {
                  status: 'failed',
                  locked_by: null,
                  locked_until: null,
                  last_error: message,
                  progress: toJson({ stage: 'failed', fraction: null, message }),
                  updated_at: now,
                }
              : {
                  status: 'running',
                  attempts: candidate.attempts + 1,
                  locked_by: workerId,
                  locked_until: later(leaseMs),
                  progress: toJson({ stage: 'started', fraction: 0 }),
                  updated_at: now,
                },
          )
          .where('id', '=', candidate.id)
          .where('status', '=', candidate.status)
          .where('attempts', '=', candidate.attempts)
          .where((eb) =>
            candidate.locked_until === null
              ? eb('locked_until', 'is', null)
              : eb('locked_until', '=', candidate.locked_until),
          )
          .executeTakeFirst();
        if (result.numUpdatedRows === 1n && !abandoned) return get(candidate.id);
      }
      return null;
    },
    async heartbeat(id, workerId, leaseMs, progress) {
      const result = await held(id, workerId)
        .set({
          locked_until: later(leaseMs),
          updated_at: ctx.clock(),
          ...(progress === undefined ? {} : { progress: toJson(progress) }),
        })
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
    async complete(id, workerId, result) {
      const done = await held(id, workerId)
        .set({
          status: 'done',
          locked_by: null,
          locked_until: null,
          result: toJson(result),
          progress: toJson({ stage: 'done', fraction: 1 }),
          last_error: null,
          updated_at: ctx.clock(),
        })
        .executeTakeFirst();
      return done.numUpdatedRows === 1n;
    },
    async release(id, workerId) {
      const task = await get(id);
      const result = await held(id, workerId)
        .set({
          status: 'queued',
          attempts: Math.max(0, task.attempts - 1),
          locked_by: null,
          locked_until: null,
          run_at: ctx.clock(),
          progress: toJson({ stage: 'queued', fraction: null }),
          updated_at: ctx.clock(),
        })
        .where('attempts', '=', task.attempts)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
    async fail(id, workerId, error, { retryDelayMs, permanent = false }) {
      const task = await get(id);
      const retry = !permanent && task.attempts < task.maxAttempts;
      const result = await held(id, workerId)
        .set({
          status: retry ? 'queued' : 'failed',
          locked_by: null,
          locked_until: null,
          run_at: retry ? later(retryDelayMs) : task.runAt,
          last_error: error,
          progress: toJson({ stage: retry ? 'retrying' : 'failed', fraction: null, message: error }),
          updated_at: ctx.clock(),
        })
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
    async listBySubject(workspaceId, key, subjectId) {
      // Payloads are small JSON objects written by `enqueue`; a LIKE prefilter keeps this one
      // query for both databases, and the exact match is checked after parsing.
      const rows = await db
        .selectFrom('task')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('payload', 'like', `%${JSON.stringify(subjectId)}%`)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toRecord).filter((t) => t.payload[key] === subjectId);
    },
    async latestForSubjects(workspaceId, key, subjectIds) {
      const wanted = new Set(subjectIds);
      const newest = new Map<string, TaskRecord>();
      if (wanted.size === 0) return newest;
      const query = db.selectFrom('task').selectAll().where('workspace_id', '=', workspaceId);
      const rows =
        wanted.size > LIKE_LIMIT
          ? await query.execute()
          : await query
              .where((eb) => eb.or([...wanted].map((id) => eb('payload', 'like', `%${JSON.stringify(id)}%`))))
              .execute();
      for (const row of rows) {
        const task = toRecord(row);
        const subject = task.payload[key];
        if (typeof subject !== 'string' || !wanted.has(subject)) continue;
        const seen = newest.get(subject);
        const newer =
          seen === undefined ||
          task.createdAt > seen.createdAt ||
          (task.createdAt === seen.createdAt && task.id > seen.id);
        if (newer) newest.set(subject, task);
      }
      return newest;
    },
  };
}

function toRecord(row: Selectable<TaskTable>): TaskRecord {
  const where = (field: string) => ({ entity: 'task', id: row.id, field });
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    kind: row.kind,
    payload: fromJson<Record<string, unknown>>(row.payload, where('payload')),
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until,
    progress: row.progress === null ? null : fromJson<TaskProgress>(row.progress, where('progress')),
    result: row.result === null ? null : fromJson<unknown>(row.result, where('result')),
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
