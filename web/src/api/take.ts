/**
 * Interviews by link: the candidate's public calls (`/take/:token`, no session, no CSRF header:
 * the token in the path is the key) and the recruiter's invitation calls (session + CSRF as usual).
 */
import { ApiError, request, urlFor } from './client';
import type { components } from './openapi.gen';
import type { Body as RouteBody, Ok, ReadonlyDeep } from './openapi-helpers';

type Schemas = components['schemas'];

export type TakeState = ReadonlyDeep<Schemas['TakeState']>;
export type Invitation = ReadonlyDeep<Schemas['Invitation']>;
export type InviteResult = ReadonlyDeep<Ok<'/api/v1/jobs/{id}/invitations', 'post'>>;
export type InviteRequest = RouteBody<'/api/v1/jobs/{id}/invitations', 'post'>;
export type SelfIdentification = RouteBody<'/api/v1/take/{token}/self-identification', 'post'>;
export type LinkProblem = 'unknown' | 'expired' | 'revoked' | 'completed';

const enc = encodeURIComponent;

/** The reason of a 410 LINK_INVALID, or null for any other error. */
export function linkProblemOf(error: unknown): LinkProblem | null {
  if (!(error instanceof ApiError) || error.status !== 410) return null;
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  return reason === 'expired' || reason === 'revoked' || reason === 'completed' ? reason : 'unknown';
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      error?: { code: string; message: string; details?: unknown };
    };
    if (body.error)
      return new ApiError(response.status, body.error.code, body.error.message, body.error.details);
  } catch {
    // not JSON: fall through
  }
  return new ApiError(response.status, 'HTTP_' + response.status, `The server answered ${response.status}.`);
}

/** One public call (also used by ./micro-tasks.ts): no cookie (so no CSRF check applies), JSON or raw bytes. */
export async function publicCall<T>(
  method: string,
  path: string,
  options: { json?: unknown; bytes?: Blob; query?: Record<string, number> } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | null = null;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.bytes !== undefined) {
    headers['content-type'] = 'application/octet-stream';
    body = options.bytes;
  }
  let response: Response;
  try {
    response = await fetch(urlFor(path, options.query), { method, credentials: 'omit', headers, body });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      'Could not reach the server. Check your connection; we will keep trying.',
    );
  }
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/**
 * The candidate's calls, all keyed by the link's token.
 * @example const state = await takeApi.state(token)
 */
export const takeApi = {
  state: (token: string) => publicCall<TakeState>('GET', `/take/${enc(token)}`),
  consent: (token: string, noticeVersion: string) =>
    publicCall<TakeState>('POST', `/take/${enc(token)}/consent`, { json: { noticeVersion } }),
  startAttempt: (token: string, position: number) =>
    publicCall<{ position: number; attempt: number; bytes: number }>(
      'POST',
      `/take/${enc(token)}/answers/${position}/attempts`,
    ),
  sendChunk: (token: string, position: number, attempt: number, offset: number, chunk: Blob) =>
    publicCall<{ bytes: number }>('PUT', `/take/${enc(token)}/answers/${position}/attempts/${attempt}`, {
      bytes: chunk,
      query: { offset },
    }),
  finishAttempt: (token: string, position: number, attempt: number) =>
    publicCall<TakeState>('POST', `/take/${enc(token)}/answers/${position}/attempts/${attempt}/finish`),
  typeAnswer: (token: string, position: number, text: string) =>
    publicCall<TakeState>('POST', `/take/${enc(token)}/answers/${position}/text`, { json: { text } }),
  complete: (token: string) => publicCall<TakeState>('POST', `/take/${enc(token)}/complete`),
  selfIdentify: (token: string, answers: SelfIdentification) =>
    publicCall<void>('POST', `/take/${enc(token)}/self-identification`, { json: answers }),
};

/**
 * The recruiter's calls on a job's invitations.
 * @example const { invitations, failures } = await invitationsApi.invite(jobId, { csv })
 */
export const invitationsApi = {
  list: (jobId: string) => request<{ invitations: Invitation[] }>('GET', `/jobs/${enc(jobId)}/invitations`),
  invite: (jobId: string, body: InviteRequest) =>
    request<InviteResult>('POST', `/jobs/${enc(jobId)}/invitations`, { body }),
  revoke: (id: string) => request<Invitation>('POST', `/invitations/${enc(id)}/revoke`, { body: {} }),
  newLink: (id: string, deadline?: string) =>
    request<Invitation>('POST', `/invitations/${enc(id)}/link`, { body: deadline ? { deadline } : {} }),
};
