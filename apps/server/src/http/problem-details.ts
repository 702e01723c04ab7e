import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, STATUS_BY_CODE, TITLE_BY_CODE, type FieldError } from './errors.js';

type ValidationIssue = {
  instancePath: string;
  message?: string;
  keyword: string;
  params?: Record<string, unknown>;
};

const CONTEXT_FIELD: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'headers',
};

/** Turns schema issues into field errors; unknown keys get one error each, named by the key. */
export function fieldErrorsFrom(issues: ValidationIssue[], context: string | undefined): FieldError[] {
  return issues.flatMap((issue) => {
    const path = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params?.keys)) {
      return (issue.params.keys as string[]).map((key) => ({
        field: path ? `${path}.${key}` : key,
        message: 'Unknown field.',
        code: 'unknown_field',
      }));
    }
    return [
      {
        field: path || CONTEXT_FIELD[context ?? 'body'] || 'body',
        message: issue.message ?? 'Invalid value.',
        code: issue.keyword,
      },
    ];
  });
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  title: string,
  detail: string,
  extra: { errors?: FieldError[]; reason?: string; currentVersion?: number } = {},
) {
  const type =
    status >= 500
      ? 'about:blank'
      : `https://climalog.org/problems/${title.toLowerCase().replace(/\s+/g, '-')}`;
  return reply
    .status(status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type,
      title,
      status,
      detail,
      requestId: request.id,
      ...(extra.reason ? { reason: extra.reason } : {}),
      ...(extra.currentVersion !== undefined ? { currentVersion: extra.currentVersion } : {}),
      ...(extra.errors && extra.errors.length > 0 ? { errors: extra.errors } : {}),
    });
}

/**
 * The single place errors become HTTP: problem+json (RFC 9457) with the request id, field errors
 * for bad input, and a 500 only for real faults — whose details stay in the log.
 */
export function handleError(
  error: FastifyError | AppError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error instanceof AppError) {
    if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
    return send(reply, request, STATUS_BY_CODE[error.code], TITLE_BY_CODE[error.code], error.message, {
      errors: error.errors,
      reason: error.reason,
      currentVersion: error.currentVersion,
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext;
    return send(reply, request, 400, 'Invalid input', 'Some fields are missing or not valid.', {
      errors: fieldErrorsFrom(error.validation as ValidationIssue[], context),
    });
  }
  const fastifyError = error as FastifyError;
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const known: Record<string, [string, string]> = {
      FST_ERR_CTP_BODY_TOO_LARGE: [
        'Request too large',
        'The request body is larger than this endpoint accepts.',
      ],
      FST_ERR_CTP_INVALID_MEDIA_TYPE: [
        'Unsupported content type',
        // Most endpoints take JSON; uploads take the file itself, typed as what it is.
        request.url.includes('/attachments')
          ? 'Send the photo (JPEG, PNG, WebP) or PDF itself as the body, with its own Content-Type.'
          : request.url.includes('/imports')
            ? 'Send the .xlsx or .csv file itself as the body, with its own Content-Type.'
            : 'Send JSON with Content-Type: application/json.',
      ],
      FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
        'Bad request',
        'The Content-Length header does not match the body.',
      ],
      FST_ERR_CTP_EMPTY_JSON_BODY: ['Bad request', 'The JSON body is empty.'],
      FST_ERR_CTP_INVALID_JSON_BODY: ['Bad request', 'The body is not valid JSON.'],
    };
    const [title, detail] = known[fastifyError.code] ?? [
      status === 400 ? 'Bad request' : (TITLE_BY_STATUS[status] ?? 'Bad request'),
      // Fastify's own 4xx messages (malformed JSON, prototype poisoning) carry no secrets.
      fastifyError.message,
    ];
    const isBody =
      status === 400 && /json|body|proto|constructor/i.test(`${fastifyError.code} ${fastifyError.message}`);
    return send(reply, request, status, title, detail, {
      errors: isBody ? [{ field: 'body', message: detail, code: fastifyError.code ?? 'bad_request' }] : [],
    });
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(
    reply,
    request,
    500,
    'Internal error',
    'Something went wrong on our side. The request id helps support find it.',
  );
}

const TITLE_BY_STATUS: Record<number, string> = {
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  413: 'Request too large',
  415: 'Unsupported content type',
  429: 'Too many requests',
};

/**
 * Errors Fastify raises before a route is found — broken percent-encoding in the address, a path
 * segment longer than any id — answered as problem+json like every other error.
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
    const detail = tooLong
      ? 'A part of the address is longer than any id or name it can hold.'
      : 'The address has broken percent-encoding.';
    return send(reply, request, tooLong ? 414 : 400, tooLong ? 'Address too long' : 'Bad request', detail, {
      errors: [{ field: 'path', message: detail, code: tooLong ? 'too_long' : 'bad_url' }],
    });
  }
  return handleError(error, request, reply);
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(
    reply,
    request,
    404,
    'Not found',
    `There is no ${request.method} ${request.url.split('?')[0]}.`,
  );
}
