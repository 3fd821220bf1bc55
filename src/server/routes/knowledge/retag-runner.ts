/**
 * Tags a workspace's stored conversations again (`POST /knowledge/retag`), after its topics or
 * tracked names were edited: one task of the job queue, kind `knowledge-retag`, run in the server
 * process like a bulk import (the tagger itself runs in its own thread), followed on
 * `GET /tasks/:id` and `/tasks/:id/events`. An interview whose tagging throws is reported in the
 * result; the others are tagged all the same.
 */
import type { FastifyBaseLogger } from 'fastify';
import { newId, toCandorError } from '../../../core/index.js';
import { tagInThread } from '../../../knowledge/index.js';
import { tagStoredInterview, type Tagger } from '../../../pipeline/index.js';
import type { Store, TaskRecord } from '../../../store/index.js';
import { loadKnowledgeConfig } from '../../webhooks/index.js';
import { createTaskRunner, type TaskRunner } from './task-runner.js';

/** The task kind of a re-tagging (never claimed by the analysis worker). */
export const KNOWLEDGE_RETAG = 'knowledge-retag';

/** The payload key naming the workspace re-tagged, for `queue.listBySubject(workspaceId, key, workspaceId)`. */
export const RETAG_KEY = 'retagWorkspace';

/** Failures listed one by one in a result at most; `failed` counts them all. */
export const MAX_LISTED_FAILURES = 100;

/** What a re-tag task carries. */
export interface RetagPayload {
  /** The workspace (the same as the task's), under `RETAG_KEY`. */
  readonly [RETAG_KEY]: string;
  /** The interviews named, or null for every non-practice interview of the workspace at run time. */
  readonly interviewIds: readonly string[] | null;
  /** Who started it (the user id). */
  readonly userId: string;
}

export interface RetagFailure {
  readonly interviewId: string;
  readonly code: string;
  /** Why, naming the interview or the record that was wrong. */
  readonly error: string;
}

/** The result of a finished re-tag task. */
export interface RetagSummary {
  /** Interviews the task went through. */
  readonly interviews: number;
  readonly tagged: number;
  readonly failed: number;
  /** Practice interviews named in the request: a student's own, never tagged. */
  readonly skipped: number;
  /** The first `MAX_LISTED_FAILURES` failures, in the order they were tagged. */
  readonly failures: readonly RetagFailure[];
}

/** How long a re-tag holds its task between two interviews before another server may take it over, in ms. */
const LEASE_MS = 10 * 60_000;

/**
 * Every interview of the workspace the knowledge base holds (practice ones excepted), oldest first,
 * as `candor tag --all` takes them.
 */
export async function retagTargets(store: Store, workspaceId: string): Promise<string[]> {
  return store.interviews.listIds(workspaceId, { excludeKinds: ['practice'] });
}

/**
 * Tags each interview in turn, reporting progress (`3 of 40 interviews`) on the task; a throw
 * fails that interview alone. Null when the task was taken over by another server meanwhile.
 * @example const summary = await retagInterviews(store, ids, { tagger, report })
 */
export async function retagInterviews(
  store: Store,
  ids: readonly string[],
  options: {
    readonly webhookUrl: string | null;
    readonly tagger: Tagger;
    /** False when the task is no longer this server's: the loop stops. */
    readonly report: (done: number, total: number) => Promise<boolean>;
  },
): Promise<RetagSummary | null> {
  let tagged = 0;
  let skipped = 0;
  let failed = 0;
  const failures: RetagFailure[] = [];
  for (const [index, id] of ids.entries()) {
    try {
      const tags = await tagStoredInterview(store, id, {
        webhookUrl: options.webhookUrl,
        tagger: options.tagger,
      });
      if (tags === null) skipped += 1;
      else tagged += 1;
    } catch (error) {
      failed += 1;
      const e = toCandorError(error);
      if (failures.length < MAX_LISTED_FAILURES) {
        failures.push({ interviewId: id, code: e.code, error: e.message });
      }
    }
    if (!(await options.report(index + 1, ids.length))) return null;
  }
  return { interviews: ids.length, tagged, failed, skipped, failures };
}

/**
 * @example const runner = createRetagRunner(store, app.log); runner.kick()
 */
export function createRetagRunner(store: Store, log: FastifyBaseLogger): TaskRunner {
  const workerId = newId('retagger');
  const webhookUrl = loadKnowledgeConfig(process.env).webhookUrl;

  const runOne = async (task: TaskRecord): Promise<void> => {
    const payload = task.payload as unknown as RetagPayload;
    try {
      const ids = payload.interviewIds ?? (await retagTargets(store, task.workspaceId));
      const report = (done: number, total: number) =>
        store.queue.heartbeat(task.id, workerId, LEASE_MS, {
          stage: 'tagging',
          fraction: done / Math.max(total, 1),
          message: `${done} of ${total} interviews`,
        });
      await report(0, ids.length);
      const summary = await retagInterviews(store, ids, { webhookUrl, tagger: tagInThread, report });
      if (summary === null) {
        log.warn({ task: task.id }, 'knowledge retag: the task was taken over by another server');
        return;
      }
      await store.queue.complete(task.id, workerId, summary);
    } catch (error) {
      const e = toCandorError(error);
      log.error({ err: error, task: task.id }, 'knowledge retag failed');
      await store.queue
        .fail(task.id, workerId, e.message, { retryDelayMs: 0, permanent: true })
        .catch(() => false);
    }
  };

  return createTaskRunner({ store, log, workerId, kind: KNOWLEDGE_RETAG, leaseMs: LEASE_MS, run: runOne });
}
