/**
 * The one error type services throw. Codes are a closed set, mapped to HTTP status in one place
 * (problem-details.ts); services never speak HTTP.
 */
export type ErrorCode =
  | 'validation'
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal';

export type FieldError = { field: string; message: string; code?: string };

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation: 422,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
};

export const TITLE_BY_CODE: Record<ErrorCode, string> = {
  validation: 'Invalid input',
  bad_request: 'Bad request',
  unauthenticated: 'Not signed in',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  gone: 'No longer valid',
  payload_too_large: 'Request too large',
  unsupported_media_type: 'Unsupported content type',
  rate_limited: 'Too many requests',
  internal: 'Internal error',
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[];
  readonly retryAfterSeconds: number | undefined;
  /** A machine-readable reason within the code, e.g. 'expired' or 'used' for a 410. */
  readonly reason: string | undefined;
  /** A version_conflict says which version the server has, so a client can tell its own lost answer. */
  readonly currentVersion: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      errors?: FieldError[];
      retryAfterSeconds?: number;
      reason?: string;
      currentVersion?: number;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.errors = options.errors ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.reason = options.reason;
    this.currentVersion = options.currentVersion;
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found.`);
export const forbidden = (message = 'You do not have permission to do this.') =>
  new AppError('forbidden', message);
export const fieldError = (field: string, message: string, code = 'invalid') =>
  new AppError('validation', message, { errors: [{ field, message, code }] });
