/**
 * Micro-tasks (the follow-up agent's one extra question after an interview): the candidate's
 * public calls by link, and the hiring team's view of a scorecard's versions before and after.
 */
import { request } from './client';
import type { components } from './openapi.gen';
import type { Ok, ReadonlyDeep } from './openapi-helpers';
import { publicCall } from './take';

type Schemas = components['schemas'];

export type CandidateMicroTask = ReadonlyDeep<Schemas['CandidateMicroTask']>;
export type ScorecardVersions = ReadonlyDeep<Ok<'/api/v1/scorecards/{id}/versions', 'get'>>;
export type MicroTaskSwitch = ReadonlyDeep<Ok<'/api/v1/micro-tasks/switch', 'get'>>;

const enc = encodeURIComponent;
type Result = { microTask: CandidateMicroTask | null };

/** @example const { microTask } = await microTaskApi.get(token) */
export const microTaskApi = {
  get: (token: string) => publicCall<Result>('GET', `/take/${enc(token)}/micro-task`),
  answerText: (token: string, text: string) =>
    publicCall<Result>('POST', `/take/${enc(token)}/micro-task/text`, { json: { text } }),
  answerRecording: (token: string, recording: Blob) =>
    publicCall<Result>('POST', `/take/${enc(token)}/micro-task/recording`, { bytes: recording }),
  versions: (scorecardId: string) =>
    request<ScorecardVersions>('GET', `/scorecards/${enc(scorecardId)}/versions`),
};
