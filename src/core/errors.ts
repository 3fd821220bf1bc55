/**
 * The one error type of Candor. Codes are a closed list: callers switch on `code`,
 * people read `message`, and `details` carries the context (file, line, field, id).
 */
export const ERROR_CODES = [
  'TRANSCRIPT_INVALID',
  'FILE_UNREADABLE',
  'FILE_TOO_LARGE',
  'MEDIA_UNREADABLE',
  'SPEAKER_CHOICE_NEEDED',
  'FRAMEWORK_INVALID',
  'FRAMEWORK_NOT_FOUND',
  'JOB_INVALID',
  'QUESTIONS_INVALID',
  'RATINGS_INVALID',
  'FEATURES_INVALID',
  'DEMOGRAPHICS_INVALID',
  'MODEL_INVALID',
  'CONFIG_INVALID',
  'NOT_FOUND',
  'LINK_INVALID',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUOTA_EXCEEDED',
  'RATE_LIMITED',
  'VALIDATION_FAILED',
  'ASSET_MISSING',
  'CALENDAR_UNAVAILABLE',
  'INTERNAL',
] as const;

export type CandorErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status for every code; exhaustive so a new code cannot be forgotten. */
export const HTTP_STATUS: Record<CandorErrorCode, number> = {
  TRANSCRIPT_INVALID: 422,
  FILE_UNREADABLE: 422,
  FILE_TOO_LARGE: 413,
  MEDIA_UNREADABLE: 422,
  SPEAKER_CHOICE_NEEDED: 422,
  FRAMEWORK_INVALID: 422,
  FRAMEWORK_NOT_FOUND: 404,
  JOB_INVALID: 422,
  QUESTIONS_INVALID: 422,
  RATINGS_INVALID: 422,
  FEATURES_INVALID: 422,
  DEMOGRAPHICS_INVALID: 422,
  MODEL_INVALID: 422,
  CONFIG_INVALID: 500,
  NOT_FOUND: 404,
  /** An interview link that is unknown, expired, revoked or already used. */
  LINK_INVALID: 410,
  CONFLICT: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  QUOTA_EXCEEDED: 403,
  RATE_LIMITED: 429,
  VALIDATION_FAILED: 400,
  ASSET_MISSING: 500,
  /** A CalDAV server refused a request or could not be reached (details: url, status). */
  CALENDAR_UNAVAILABLE: 502,
  INTERNAL: 500,
};

/** Errors a user can fix by changing their input; the CLI exits 2 for these. */
export const INPUT_ERROR_CODES: ReadonlySet<CandorErrorCode> = new Set<CandorErrorCode>([
  'TRANSCRIPT_INVALID',
  'FILE_UNREADABLE',
  'FILE_TOO_LARGE',
  'MEDIA_UNREADABLE',
  'SPEAKER_CHOICE_NEEDED',
  'FRAMEWORK_INVALID',
  'FRAMEWORK_NOT_FOUND',
  'JOB_INVALID',
  'QUESTIONS_INVALID',
  'RATINGS_INVALID',
  'FEATURES_INVALID',
  'DEMOGRAPHICS_INVALID',
  'MODEL_INVALID',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'CONFIG_INVALID',
]);

export type ErrorDetails = Readonly<Record<string, unknown>>;

export class CandorError extends Error {
  override readonly name = 'CandorError';

  /**
   * @example throw new CandorError('TRANSCRIPT_INVALID', 'line 14: expected "-->"', { line: 14 })
   */
  constructor(
    readonly code: CandorErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toJSON(): { code: CandorErrorCode; message: string; details: ErrorDetails } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export function isCandorError(error: unknown): error is CandorError {
  return error instanceof CandorError;
}

/** Wraps anything thrown into a CandorError; used only at the edges (CLI, HTTP, job runner). */
export function toCandorError(error: unknown): CandorError {
  if (error instanceof CandorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CandorError('INTERNAL', message, {}, { cause: error });
}
