import type { ErrorBody } from './types';

/** Base path of the versioned API; the web app is served from the same origin. */
export const API_BASE = '/api/v1';

/**
 * A failed API call, with the server's words. `status` 0 means the server could not be reached.
 *
 * @example
 * try { await api.jobs.create(job) } catch (e) { if (e instanceof ApiError) show(e.message) }
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remembers the CSRF token of the cookie session (from `POST /auth/login` or `GET /me`). */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

/** Called when a request answers 401, so the app can send the user back to sign in. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Turns any failure into words a person can act on. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}

function headersFor(method: string, json: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (json) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  return headers;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> | null = null;
  try {
    body = (await response.json()) as Partial<ErrorBody>;
  } catch {
    body = null;
  }
  const error = body?.error;
  if (error && typeof error.message === 'string') {
    return new ApiError(response.status, error.code, error.message, error.details);
  }
  return new ApiError(response.status, 'HTTP_' + response.status, `The server answered ${response.status}.`);
}

function handleFailure(error: ApiError, path: string): ApiError {
  if (error.status === 401 && !path.startsWith('/auth/') && path !== '/me') onUnauthenticated?.();
  return error;
}

export type Query = Record<string, string | number | undefined>;

/** The URL of an API path with its query, e.g. for a download link. */
export function urlFor(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(key, String(value));
  }
  const search = params.toString();
  return API_BASE + path + (search ? '?' + search : '');
}

/**
 * One JSON request to the API; resolves to the parsed body (undefined for 204) or throws `ApiError`.
 *
 * @example
 * const { jobs } = await request<{ jobs: JobListItem[] }>('GET', '/jobs')
 */
export async function request<T>(
  method: string,
  path: string,
  options: { body?: unknown; query?: Query; signal?: AbortSignal } = {},
): Promise<T> {
  const hasBody = options.body !== undefined;
  let response: Response;
  try {
    response = await fetch(urlFor(path, options.query), {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, hasBody),
      body: hasBody ? JSON.stringify(options.body) : null,
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(
      0,
      'NETWORK',
      'Could not reach the Candor server. Check the connection and try again.',
    );
  }
  if (!response.ok) throw handleFailure(await toApiError(response), path);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/**
 * Sends a multipart form with upload progress (fetch cannot report it). Fields are appended in
 * order, so text fields the server reads before the file must come first.
 *
 * @example
 * const media = await upload<Media>(`/interviews/${id}/media`, [['position', '0'], ['file', blob, 'a.webm']], setFraction)
 */
export function upload<T>(
  path: string,
  fields: readonly (readonly [string, string] | readonly [string, Blob, string])[],
  onProgress?: (fraction: number) => void,
): Promise<T> {
  const form = new FormData();
  for (const field of fields) {
    if (field.length === 3) form.append(field[0], field[1], field[2]);
    else form.append(field[0], field[1]);
  }
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', urlFor(path));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () =>
      reject(
        new ApiError(
          0,
          'NETWORK',
          'The upload did not reach the server. Check the connection and try again.',
        ),
      );
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        } catch {
          reject(new ApiError(xhr.status, 'BAD_RESPONSE', 'The server sent an answer the app cannot read.'));
        }
        return;
      }
      const response = new Response(xhr.responseText || null, { status: xhr.status });
      void toApiError(response).then((error) => reject(handleFailure(error, path)));
    };
    xhr.send(form);
  });
}
