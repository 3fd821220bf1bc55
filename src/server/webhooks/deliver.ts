/**
 * Delivers the webhook outbox (`webhook_delivery`): each due row is posted with its signature;
 * a 2xx marks it delivered, anything else (a status, a refused connection, a timeout) schedules
 * the next attempt after the next delay, and after the last one marks it failed. The outbox is a
 * table, so a restart picks up where the last process stopped.
 */
import type { Store, WebhookDeliveryRecord } from '../../store/index.js';
import { SIGNATURE_HEADER, signBody, TIMESTAMP_HEADER } from './signature.js';

export interface DeliveryOptions {
  readonly secret: string;
  /** Waits before each retry, in ms; attempts in all = 1 + its length. */
  readonly retryDelaysMs: readonly number[];
  readonly timeoutMs: number;
  readonly now?: () => Date;
}

/**
 * Posts one delivery once and records the outcome.
 * @example await attemptDelivery(store, delivery, { secret, retryDelaysMs: [1000, 4000, 16000], timeoutMs: 10_000 })
 */
export async function attemptDelivery(
  store: Store,
  delivery: WebhookDeliveryRecord,
  options: DeliveryOptions,
): Promise<WebhookDeliveryRecord> {
  const now = options.now ?? (() => new Date());
  let error: string | null = null;
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Candor-Webhook',
        [SIGNATURE_HEADER]: signBody(options.secret, delivery.body),
        [TIMESTAMP_HEADER]: now().toISOString(),
        'x-candor-event': delivery.event,
        'x-candor-delivery': delivery.id,
      },
      body: delivery.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    await response.body?.cancel();
    if (response.status < 200 || response.status > 299) error = `HTTP ${response.status}`;
  } catch (cause) {
    const c = cause as { message?: string; cause?: { code?: string; message?: string } };
    error = c.cause?.code ?? c.cause?.message ?? c.message ?? String(cause);
  }
  if (error === null) return store.fairnessAlerts.recordAttempt(delivery.id, { status: 'delivered' });
  const wait = options.retryDelaysMs[delivery.attempts];
  if (wait === undefined) return store.fairnessAlerts.recordAttempt(delivery.id, { status: 'failed', error });
  return store.fairnessAlerts.recordAttempt(delivery.id, {
    status: 'pending',
    error,
    nextAttemptAt: new Date(now().getTime() + wait).toISOString(),
  });
}

/**
 * Attempts every delivery due now; reports per delivery, never throws for one that fails.
 * @example const done = await deliverDue(store, options)
 */
export async function deliverDue(store: Store, options: DeliveryOptions): Promise<WebhookDeliveryRecord[]> {
  const now = options.now ?? (() => new Date());
  const due = await store.fairnessAlerts.dueDeliveries(now().toISOString());
  const results: WebhookDeliveryRecord[] = [];
  for (const d of due) results.push(await attemptDelivery(store, d, options));
  return results;
}
