/**
 * SMS through a provider with Twilio's Messages API (POST
 * `<base>/2010-04-01/Accounts/<sid>/Messages.json`, form-encoded To, From, Body, HTTP basic auth
 * with the account sid and auth token; https://www.twilio.com/docs/messaging/api/message-resource),
 * and the check of its inbound webhooks' `X-Twilio-Signature`
 * (https://www.twilio.com/docs/usage/security#validating-requests).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SmsSettings } from './config.js';
import { DeliveryError, type Channel, type Sent } from './channel-error.js';

/** Twilio's error for a recipient who replied STOP: they opted out at the carrier. */
const UNSUBSCRIBED_RECIPIENT = 21610;

/** @example const sms = smsChannel({ baseUrl: 'http://127.0.0.1:4010', accountSid: 'AC1', authToken: 't', from: '+15005550006' }) */
export function smsChannel(settings: SmsSettings, fetcher: typeof fetch = fetch): Channel {
  const url = `${settings.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`;
  return {
    async send(message): Promise<Sent> {
      let res: Response;
      try {
        res = await fetcher(url, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ To: message.to, From: settings.from, Body: message.body }).toString(),
          signal: AbortSignal.timeout(15_000),
        });
      } catch (error) {
        throw new DeliveryError(`SMS provider unreachable: ${(error as Error).message}`, 'temporary');
      }
      const text = await res.text();
      const body = (() => {
        try {
          return JSON.parse(text) as { sid?: string; code?: number; message?: string };
        } catch {
          return {};
        }
      })();
      if (res.ok) return { providerId: body.sid ?? null, from: settings.from };
      const reason = `SMS provider answered ${res.status}${body.code ? ` (code ${body.code})` : ''}: ${body.message ?? text.slice(0, 200)}`;
      if (res.status === 429 || res.status >= 500) throw new DeliveryError(reason, 'temporary');
      throw new DeliveryError(reason, 'permanent', body.code === UNSUBSCRIBED_RECIPIENT);
    },
  };
}

/**
 * Twilio's request signature: base64 HMAC-SHA1, keyed with the auth token, of the full URL the
 * provider called followed by each POST parameter's name and value, sorted by name.
 * @example twilioSignature(token, 'https://example.com/myapp', { CallSid: 'CA123', Digits: '1234' })
 */
export function twilioSignature(
  authToken: string,
  url: string,
  params: Readonly<Record<string, string>>,
): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

/** Whether a webhook's `X-Twilio-Signature` matches, compared in constant time. */
export function verifyTwilioSignature(
  authToken: string,
  url: string,
  params: Readonly<Record<string, string>>,
  signature: unknown,
): boolean {
  if (typeof signature !== 'string' || signature === '') return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
