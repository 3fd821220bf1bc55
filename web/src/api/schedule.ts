/**
 * Picking an interview time by link (the follow-up agent's scheduling messages link to
 * `/schedule/<token>`): the candidate's public calls, no session; the token is the key.
 */
import type { Ok, ReadonlyDeep } from './openapi-helpers';
import { publicCall } from './take';

/** The offer: `status` is open, booked, superseded, cancelled or expired; slots only while open. */
export type ScheduleOffer = ReadonlyDeep<Ok<'/api/v1/schedule/{token}', 'get'>>;
export type SchedulePick = ReadonlyDeep<Ok<'/api/v1/schedule/{token}', 'post'>>;

const enc = encodeURIComponent;

/** @example const offer = await scheduleApi.offer(token) */
export const scheduleApi = {
  offer: (token: string) => publicCall<ScheduleOffer>('GET', `/schedule/${enc(token)}`),
  pick: (token: string, slot: number) =>
    publicCall<SchedulePick>('POST', `/schedule/${enc(token)}`, { json: { slot } }),
};
