/**
 * Fairness alerts and the webhook outbox (migration 0011). Holds group labels and aggregate
 * numbers only: no person's demographics are written here or read from here.
 */
import type { ColumnType, Kysely, Selectable } from 'kysely';
import { newId } from '../../core/index.js';
import { violatesUnique } from '../dialect.js';
import type { Database } from '../schema.js';
import { chunks, fromJson, notFound, timestamp, type RepositoryContext } from './rows.js';

type Immutable<T> = ColumnType<T, T, never>;

export type FairnessAlertCategory = 'sex' | 'race_ethnicity' | 'age';
export type WebhookStatus = 'pending' | 'delivered' | 'failed';

/** The tables of migration 0011, added to the store's `Database` with `withTables`. */
export interface FairnessAlertTables {
  fairness_alert: {
    id: Immutable<string>;
    workspace_id: Immutable<string>;
    scorer: Immutable<string>;
    model_id: Immutable<string | null>;
    model_version: Immutable<number | null>;
    model_name: Immutable<string | null>;
    category: Immutable<FairnessAlertCategory>;
    group_name: Immutable<string>;
    reference_group: Immutable<string>;
    impact_ratio: Immutable<number>;
    members: Immutable<number>;
    window_size: Immutable<number>;
    created_at: Immutable<string>;
    acknowledged_by: string | null;
    acknowledged_at: string | null;
  };
  webhook_delivery: {
    id: Immutable<string>;
    workspace_id: Immutable<string>;
    event: Immutable<string>;
    url: Immutable<string>;
    body: Immutable<string>;
    status: WebhookStatus;
    attempts: number;
    next_attempt_at: string;
    last_error: string | null;
    created_at: Immutable<string>;
    finished_at: string | null;
  };
}

/** The model an alert is about; null model fields mean the framework's overall score. */
export interface AlertScorer {
  readonly modelId: string | null;
  readonly modelVersion: number | null;
  readonly modelName: string | null;
}

export interface NewFairnessAlert extends AlertScorer {
  readonly workspaceId: string;
  readonly category: FairnessAlertCategory;
  readonly group: string;
  readonly referenceGroup: string;
  readonly impactRatio: number;
  readonly members: number;
  readonly window: number;
}

export interface FairnessAlertRecord extends NewFairnessAlert {
  readonly id: string;
  readonly createdAt: string;
  readonly acknowledgedBy: string | null;
  readonly acknowledgedAt: string | null;
}

export interface WebhookDeliveryRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly event: string;
  readonly url: string;
  /** The exact JSON text posted and signed. */
  readonly body: string;
  readonly status: WebhookStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

/** One candidate's latest score by the watched scorer, newest first. */
export interface ScoredCandidate {
  readonly candidateId: string;
  readonly score: number;
  readonly scoredAt: string;
}

export interface FairnessAlertRepository {
  /**
   * The last `size` scored candidates of a workspace, newest first: each candidate's latest
   * scorecard counts once, and only if it was scored by `model` (its `body.model` id and version;
   * its prediction is the score) or, with `model` null, by the framework (its overall score).
   */
  scoredWindow(
    workspaceId: string,
    size: number,
    model: { readonly id: string; readonly version: number } | null,
    /** Scorecards read per round trip (default 1000); tests make it small to cross pages. */
    options?: { readonly pageSize?: number },
  ): Promise<ScoredCandidate[]>;
  /**
   * Stores an alert unless the same (model, category, group) alert is open; with `webhook`, the
   * delivery is queued in the same transaction (`body` built from the stored alert). Returns
   * null when one is already open.
   */
  raise(
    alert: NewFairnessAlert,
    webhook?: { readonly url: string; readonly body: (alert: FairnessAlertRecord) => string },
  ): Promise<FairnessAlertRecord | null>;
  /** A workspace's alerts, newest first; only the unacknowledged with `open`. */
  list(workspaceId: string, options?: { readonly open?: boolean }): Promise<FairnessAlertRecord[]>;
  /** Marks an alert acknowledged (once: a second call keeps the first). NOT_FOUND outside the workspace. */
  acknowledge(workspaceId: string, id: string, userId: string): Promise<FairnessAlertRecord>;
  /** Pending deliveries due at `now` (ISO), oldest first. */
  dueDeliveries(now: string, limit?: number): Promise<WebhookDeliveryRecord[]>;
  /** Records an attempt: delivered, failed for good, or pending again at `nextAttemptAt`. */
  recordAttempt(
    id: string,
    outcome:
      | { readonly status: 'delivered' }
      | { readonly status: 'failed'; readonly error: string }
      | { readonly status: 'pending'; readonly error: string; readonly nextAttemptAt: string },
  ): Promise<WebhookDeliveryRecord>;
  /** A workspace's deliveries, newest first. */
  deliveries(workspaceId: string): Promise<WebhookDeliveryRecord[]>;
}

type Db = Kysely<Database & FairnessAlertTables>;

const OPEN_KEY = {
  name: 'fairness_alert_open',
  table: 'fairness_alert',
  columns: ['workspace_id', 'scorer', 'category', 'group_name'],
};

/** @example await store.fairnessAlerts.list(workspaceId, { open: true }) */
export function createFairnessAlertRepository(ctx: RepositoryContext): FairnessAlertRepository {
  const db: Db = ctx.db.withTables<Pick<FairnessAlertTables, keyof FairnessAlertTables>>();
  const getDelivery = async (id: string) => {
    const row = await db.selectFrom('webhook_delivery').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('webhook_delivery', id);
    return toDelivery(row);
  };
  return {
    scoredWindow: (workspaceId, size, model, options) =>
      scoredWindow(db, workspaceId, size, model, options?.pageSize ?? WINDOW_PAGE),
    async raise(alert, webhook) {
      const record: FairnessAlertRecord = {
        ...alert,
        id: newId('alert'),
        createdAt: timestamp(ctx),
        acknowledgedBy: null,
        acknowledgedAt: null,
      };
      try {
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('fairness_alert')
            .values({
              id: record.id,
              workspace_id: record.workspaceId,
              scorer: scorerKey(record),
              model_id: record.modelId,
              model_version: record.modelVersion,
              model_name: record.modelName,
              category: record.category,
              group_name: record.group,
              reference_group: record.referenceGroup,
              impact_ratio: record.impactRatio,
              members: record.members,
              window_size: record.window,
              created_at: record.createdAt,
            })
            .execute();
          if (webhook !== undefined) {
            await trx
              .insertInto('webhook_delivery')
              .values({
                id: newId('whd'),
                workspace_id: record.workspaceId,
                event: 'fairness.alert',
                url: webhook.url,
                body: webhook.body(record),
                status: 'pending',
                attempts: 0,
                next_attempt_at: record.createdAt,
                created_at: record.createdAt,
              })
              .execute();
          }
        });
      } catch (error) {
        if (violatesUnique(error, OPEN_KEY)) return null;
        throw error;
      }
      return record;
    },
    async list(workspaceId, options = {}) {
      let q = db.selectFrom('fairness_alert').selectAll().where('workspace_id', '=', workspaceId);
      if (options.open === true) q = q.where('acknowledged_at', 'is', null);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map(toAlert);
    },
    async acknowledge(workspaceId, id, userId) {
      const find = () =>
        db
          .selectFrom('fairness_alert')
          .selectAll()
          .where('id', '=', id)
          .where('workspace_id', '=', workspaceId)
          .executeTakeFirst();
      if ((await find()) === undefined) throw notFound('fairness alert', id);
      await db
        .updateTable('fairness_alert')
        .set({ acknowledged_by: userId, acknowledged_at: timestamp(ctx) })
        .where('id', '=', id)
        .where('workspace_id', '=', workspaceId)
        .where('acknowledged_at', 'is', null)
        .execute();
      return toAlert((await find())!);
    },
    async dueDeliveries(now, limit = 20) {
      const rows = await db
        .selectFrom('webhook_delivery')
        .selectAll()
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toDelivery);
    },
    async recordAttempt(id, outcome) {
      const done = outcome.status === 'pending' ? null : timestamp(ctx);
      const current = await getDelivery(id);
      await db
        .updateTable('webhook_delivery')
        .set({
          status: outcome.status,
          attempts: current.attempts + 1,
          last_error: outcome.status === 'delivered' ? null : outcome.error.slice(0, 500),
          finished_at: done,
          ...(outcome.status === 'pending' ? { next_attempt_at: outcome.nextAttemptAt } : {}),
        })
        .where('id', '=', id)
        .execute();
      return getDelivery(id);
    },
    async deliveries(workspaceId) {
      const rows = await db
        .selectFrom('webhook_delivery')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toDelivery);
    },
  };
}

function scorerKey(s: AlertScorer): string {
  return s.modelId === null ? 'framework' : `model:${s.modelId}@${s.modelVersion ?? ''}`;
}

/** Scorecards read per round trip while filling the window. */
const WINDOW_PAGE = 1000;

async function scoredWindow(
  db: Db,
  workspaceId: string,
  size: number,
  model: { readonly id: string; readonly version: number } | null,
  pageSize: number,
): Promise<ScoredCandidate[]> {
  const window: ScoredCandidate[] = [];
  const seen = new Set<string>();
  let after: { at: string; id: string } | null = null;
  // Newest first, a page at a time (keyset), until the window is full: each candidate's first
  // row is their latest scorecard, and only it counts.
  for (;;) {
    let q = db
      .selectFrom('scorecard_summary as s')
      .innerJoin('application as a', 'a.id', 's.application_id')
      .innerJoin('candidate as c', 'c.id', 'a.candidate_id')
      .select(['s.scorecard_id', 's.overall_score', 's.created_at', 'a.candidate_id'])
      .where('c.workspace_id', '=', workspaceId);
    if (after !== null) {
      const { at, id } = after;
      q = q.where((eb) =>
        eb.or([
          eb('s.created_at', '<', at),
          eb.and([eb('s.created_at', '=', at), eb('s.scorecard_id', '<', id)]),
        ]),
      );
    }
    const page = await q
      .orderBy('s.created_at', 'desc')
      .orderBy('s.scorecard_id', 'desc')
      .limit(pageSize)
      .execute();
    const latest = page.filter((r) => !seen.has(r.candidate_id) && seen.add(r.candidate_id));
    const bodies =
      model === null
        ? new Map<string, string>()
        : await bodiesOf(
            db,
            latest.map((r) => r.scorecard_id),
          );
    for (const r of latest) {
      const score =
        model === null ? r.overall_score : modelScore(bodies.get(r.scorecard_id), r.scorecard_id, model);
      if (score === null) continue;
      window.push({ candidateId: r.candidate_id, score, scoredAt: r.created_at });
      if (window.length === size) return window;
    }
    const last = page.at(-1);
    if (last === undefined || page.length < pageSize) return window;
    after = { at: last.created_at, id: last.scorecard_id };
  }
}

async function bodiesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const batch of chunks(ids)) {
    const rows = await db.selectFrom('scorecard').select(['id', 'body']).where('id', 'in', batch).execute();
    for (const r of rows) found.set(r.id, r.body);
  }
  return found;
}

/** The model's 0–100 prediction in a scorecard body, when that model (id and version) scored it. */
function modelScore(
  text: string | undefined,
  id: string,
  model: { readonly id: string; readonly version: number },
): number | null {
  const body = fromJson<{
    model?: { id?: unknown; version?: unknown; prediction?: { score?: unknown } };
  } | null>(text ?? 'null', { entity: 'scorecard', id, field: 'body' });
  const m = body?.model;
  if (m?.id !== model.id || m.version !== model.version) return null;
  return typeof m.prediction?.score === 'number' ? m.prediction.score : null;
}

function toAlert(row: Selectable<FairnessAlertTables['fairness_alert']>): FairnessAlertRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    modelId: row.model_id,
    modelVersion: row.model_version === null ? null : Number(row.model_version),
    modelName: row.model_name,
    category: row.category,
    group: row.group_name,
    referenceGroup: row.reference_group,
    impactRatio: Number(row.impact_ratio),
    members: Number(row.members),
    window: Number(row.window_size),
    createdAt: row.created_at,
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: row.acknowledged_at,
  };
}

function toDelivery(row: Selectable<FairnessAlertTables['webhook_delivery']>): WebhookDeliveryRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    event: row.event,
    url: row.url,
    body: row.body,
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}
