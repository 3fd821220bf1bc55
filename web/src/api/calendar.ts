/**
 * An interviewer's calendar settings (CalDAV address and credentials, working hours, zone, daily
 * cap) and a job's candidate pulse (NPS overall and per round): the follow-up agent's last web-app
 * calls, kept apart from `index.ts`. The types name `openapi.gen.ts`.
 */
import { request } from './client';
import type { components } from './openapi.gen';
import type { Body as RouteBody, Ok, ReadonlyDeep } from './openapi-helpers';

/** What `GET /users/:id/calendar` answers: never the password, only `hasPassword`. */
export type InterviewerCalendar = ReadonlyDeep<components['schemas']['InterviewerCalendar']>;
/** What `PUT /users/:id/calendar` takes: a password left out keeps the stored one, null forgets it. */
export type CalendarChange = ReadonlyDeep<RouteBody<'/api/v1/users/{id}/calendar', 'put'>>;
/** A job's NPS with promoters, passives and detractors, overall and per round. */
export type JobPulse = ReadonlyDeep<Ok<'/api/v1/jobs/{id}/pulse', 'get'>>;

const enc = encodeURIComponent;

/** @example const calendar = await calendarApi.get(userId) */
export const calendarApi = {
  get: (userId: string) => request<InterviewerCalendar>('GET', `/users/${enc(userId)}/calendar`),
  update: (userId: string, change: CalendarChange) =>
    request<InterviewerCalendar>('PUT', `/users/${enc(userId)}/calendar`, { body: change }),
};

/** @example const pulse = await pulseApi.forJob(jobId) */
export const pulseApi = {
  forJob: (jobId: string) => request<JobPulse>('GET', `/jobs/${enc(jobId)}/pulse`),
};
