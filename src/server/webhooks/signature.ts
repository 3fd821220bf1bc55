/** Webhook signatures: `sha256=<hex HMAC-SHA256 of the raw body>` with the webhook secret. */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying the signature. */
export const SIGNATURE_HEADER = 'x-candor-signature';
/** The header carrying the attempt's time (ISO-8601). */
export const TIMESTAMP_HEADER = 'x-candor-timestamp';

/** @example signBody('s3cret', '{"event":"fairness.alert"}') // 'sha256=9f…' */
export function signBody(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * What a receiver runs: whether `signature` is this body's, compared in constant time.
 * @example verifySignature(secret, rawBody, req.headers['x-candor-signature'])
 */
export function verifySignature(secret: string, body: string | Buffer, signature: unknown): boolean {
  if (typeof signature !== 'string') return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
