/** One entry of `errors` in a problem+json answer: the field it belongs to and why. */
export type FieldProblem = { field: string; message: string; code?: string };

/** The RFC 9457 body every API error carries. */
export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  requestId: string;
  reason?: string;
  errors?: FieldProblem[];
};

/**
 * An API call that did not succeed: the HTTP status, the problem body and the field errors keyed
 * by field name (the names the forms use). `status` 0 means the server could not be reached.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly reason: string | undefined;
  readonly requestId: string | undefined;
  readonly fieldProblems: FieldProblem[];
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, body: Partial<ProblemBody>, retryAfterSeconds?: number) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.reason = body.reason;
    this.requestId = body.requestId;
    this.fieldProblems = body.errors ?? [];
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The first problem reported for a field, if any. */
  fieldProblem(field: string): FieldProblem | undefined {
    return this.fieldProblems.find((p) => p.field === field);
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/**
 * A change refused because someone else changed the record first (409, reason
 * version_conflict): the PATCH carried the version the form was opened on, and nothing was written.
 */
export const isVersionConflict = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.reason === 'version_conflict';

function isProblemBody(value: unknown): value is Partial<ProblemBody> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Builds the error for a failed response, whether or not its body is problem+json. */
export async function problemFromResponse(response: Response): Promise<ApiError> {
  let body: Partial<ProblemBody> = {};
  try {
    const parsed: unknown = await response.json();
    if (isProblemBody(parsed)) body = parsed;
  } catch {
    // Not JSON (a proxy error page, for example): the status alone has to do.
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ApiError(
    response.status,
    body,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}
