/**
 * Runs the rolling fairness check for a workspace against the store: the active overall model's
 * last N scored candidates (or the framework's overall score with no active model), their
 * demographics, and an alert stored (once while open) for each group under four-fifths, with its
 * webhook delivery queued in the same transaction.
 */
import type { FairnessAlertRecord, Store } from '../store/index.js';
import { GROUP_LABELS } from './demographic-values.js';
import {
  DEFAULT_FAIRNESS_MIN_GROUP,
  DEFAULT_FAIRNESS_WINDOW,
  rollingCheck,
  type RollingCheck,
} from './rolling-alert.js';

/** The target of the model the check watches. */
export const WATCHED_TARGET = 'overall';

export interface FairnessCheckOptions {
  readonly workspaceId: string;
  /** Scored candidates in the window (CANDOR_FAIRNESS_WINDOW, default 200). */
  readonly window?: number;
  /** Smallest group compared (CANDOR_FAIRNESS_MIN_GROUP, default 30). */
  readonly minGroup?: number;
  /** Where a new alert is posted (CANDOR_FAIRNESS_WEBHOOK_URL); none queued without it. */
  readonly webhookUrl?: string | null;
}

export interface FairnessCheckResult {
  readonly model: { readonly id: string; readonly version: number; readonly name: string } | null;
  readonly check: RollingCheck;
  /** Alerts stored by this run (an alert already open is not raised again). */
  readonly raised: readonly FairnessAlertRecord[];
}

/** An alert as the API and the webhook show it: group labels and aggregate numbers, nobody's values. */
export interface FairnessAlertView {
  readonly id: string;
  readonly model: { readonly id: string; readonly version: number; readonly name: string | null } | null;
  readonly category: FairnessAlertRecord['category'];
  readonly group: string;
  readonly groupLabel: string;
  readonly referenceGroup: string;
  readonly impactRatio: number;
  readonly members: number;
  readonly window: number;
  readonly message: string;
  readonly createdAt: string;
  readonly acknowledgedAt: string | null;
  readonly acknowledgedBy: string | null;
}

/**
 * The sentence the banner and the webhook carry.
 * @example alertMessage(alert) // 'scoring impact ratio 0.62 for Female over the last 200 candidates (model Overall v1)'
 */
export function alertMessage(alert: FairnessAlertRecord): string {
  const scorer =
    alert.modelId === null
      ? 'framework overall score'
      : `model ${alert.modelName ?? alert.modelId} v${alert.modelVersion ?? ''}`;
  return `scoring impact ratio ${alert.impactRatio.toFixed(2)} for ${GROUP_LABELS[alert.group] ?? alert.group} over the last ${alert.window} candidates (${scorer})`;
}

/** @example alertView(record).message */
export function alertView(alert: FairnessAlertRecord): FairnessAlertView {
  return {
    id: alert.id,
    model:
      alert.modelId === null
        ? null
        : { id: alert.modelId, version: alert.modelVersion ?? 0, name: alert.modelName },
    category: alert.category,
    group: alert.group,
    groupLabel: GROUP_LABELS[alert.group] ?? alert.group,
    referenceGroup: alert.referenceGroup,
    impactRatio: alert.impactRatio,
    members: alert.members,
    window: alert.window,
    message: alertMessage(alert),
    createdAt: alert.createdAt,
    acknowledgedAt: alert.acknowledgedAt,
    acknowledgedBy: alert.acknowledgedBy,
  };
}

/**
 * The webhook body of an alert, as posted and signed.
 * @example JSON.parse(fairnessWebhookBody(alert)).event // 'fairness.alert'
 */
export function fairnessWebhookBody(alert: FairnessAlertRecord): string {
  const { acknowledgedAt: _a, acknowledgedBy: _b, ...view } = alertView(alert);
  void _a;
  void _b;
  return JSON.stringify({ event: 'fairness.alert', workspaceId: alert.workspaceId, alert: view });
}

/**
 * Checks one workspace and stores what it finds.
 * @example const { raised } = await checkFairness(store, { workspaceId, webhookUrl: config.webhookUrl })
 */
export async function checkFairness(
  store: Store,
  options: FairnessCheckOptions,
): Promise<FairnessCheckResult> {
  const { workspaceId } = options;
  const active = await store.models.active(workspaceId, WATCHED_TARGET);
  const model = active === null ? null : { id: active.id, version: active.version, name: active.name };
  const scored = await store.fairnessAlerts.scoredWindow(
    workspaceId,
    options.window ?? DEFAULT_FAIRNESS_WINDOW,
    model,
  );
  const demographics = await store.demographics.forCandidates(
    workspaceId,
    scored.map((s) => s.candidateId),
  );
  const check = rollingCheck(
    scored.map((s) => ({ score: s.score, demographics: demographics.get(s.candidateId) ?? null })),
    { minGroup: options.minGroup ?? DEFAULT_FAIRNESS_MIN_GROUP },
  );
  const raised: FairnessAlertRecord[] = [];
  const url = options.webhookUrl ?? null;
  for (const g of check.alerts) {
    const alert = await store.fairnessAlerts.raise(
      {
        workspaceId,
        modelId: model?.id ?? null,
        modelVersion: model?.version ?? null,
        modelName: model?.name ?? null,
        category: g.category,
        group: g.group,
        referenceGroup: g.reference,
        impactRatio: g.impactRatio ?? 0,
        members: g.members,
        window: check.window,
      },
      url === null ? undefined : { url, body: fairnessWebhookBody },
    );
    if (alert !== null) raised.push(alert);
  }
  return { model, check, raised };
}
