import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/**
 * The OpenAPI document as the fuzzer reads it: every operation with its parameters, request body
 * and documented success responses, and validators for those responses and for the
 * problem-details errors every 4xx answers with.
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  [key: string]: unknown;
};

export type Parameter = {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JsonSchema;
};

export type OpenApiDocument = {
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, JsonSchema> };
};

type OperationObject = {
  summary?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
};

export type Operation = {
  /** "POST /api/v1/customers" */
  key: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** The JSON request body's schema, refs resolved; undefined when the operation takes none. */
  body: JsonSchema | undefined;
  /** Uploads take the file itself as the body (not in the document: their parser is their own). */
  upload: boolean;
  /** Documented statuses and their JSON schema (undefined: no JSON body documented). */
  responses: Map<number, JsonSchema | undefined>;
};

const REF = '#/components/schemas/';

export function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  while (current.$ref?.startsWith(REF)) current = doc.components.schemas[current.$ref.slice(REF.length)]!;
  return current;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(byMethod)) {
      const parameters = op.parameters ?? [];
      const json = op.requestBody?.content['application/json']?.schema;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase() as Operation['method'],
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query'),
        body: json ? resolve(doc, json) : undefined,
        upload: path === '/api/v1/imports' || path === '/api/v1/installations/{id}/attachments',
        responses: new Map(
          Object.entries(op.responses).map(([status, r]) => [
            Number(status),
            r.content?.['application/json']?.schema,
          ]),
        ),
      });
    }
  }
  return operations;
}

/** The problem+json body of every error (apps/server/src/http/problem-details.ts). */
const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'requestId'],
  additionalProperties: false,
  properties: {
    type: { type: 'string', minLength: 1 },
    title: { type: 'string', minLength: 1 },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string', minLength: 1 },
    requestId: { type: 'string', minLength: 1 },
    reason: { type: 'string' },
    currentVersion: { type: 'integer' },
    errors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['field', 'message'],
        additionalProperties: false,
        properties: {
          field: { type: 'string', minLength: 1 },
          message: { type: 'string', minLength: 1 },
          code: { type: 'string' },
        },
      },
    },
  },
};

/** A JSON Schema 2020-12 validator (OpenAPI 3.1's dialect) with the string formats. */
export function newAjv(): Ajv2020 {
  // ajv-formats is CommonJS: its default export arrives wrapped under ESM.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
    ajv: Ajv2020,
  ) => void;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv;
}

export type ResponseValidators = {
  /** Validates a documented JSON response; returns the ajv errors as text, or null when it matches. */
  success(op: Operation, status: number, body: unknown): string | null;
  problem(body: unknown): string | null;
};

export function responseValidators(doc: OpenApiDocument): ResponseValidators {
  const ajv = newAjv();
  ajv.addSchema({ $id: 'openapi', components: doc.components });
  const rewrite = (schema: unknown): unknown =>
    JSON.parse(JSON.stringify(schema).replaceAll(`"${REF}`, `"openapi${REF}`));
  const compiled = new Map<string, ValidateFunction>();
  const problem = ajv.compile(PROBLEM_SCHEMA);
  const text = (v: ValidateFunction) =>
    (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
  return {
    success(op, status, body) {
      const schema = op.responses.get(status);
      if (!schema) return null;
      const key = `${op.key} ${status}`;
      let validate = compiled.get(key);
      if (!validate) {
        validate = ajv.compile(rewrite(schema) as object);
        compiled.set(key, validate);
      }
      return validate(body) ? null : text(validate);
    },
    problem(body) {
      return problem(body) ? null : text(problem);
    },
  };
}

/**
 * What an error body must never show: stack frames, source paths, SQL, driver or runtime messages.
 * The patterns are chosen so the fuzzer's own input, when an error echoes it, cannot match them.
 */
const LEAKS: Array<[string, RegExp]> = [
  ['stack frame', /\n\s+at .+[(:]\d+|\bat (async )?[\w.<>]+ \(/],
  ['source path', /(\/work\/|\/home\/|\/usr\/|node_modules|\/src\/[\w/-]+\.[jt]s|[\w-]+\.(ts|js|mjs):\d+)/],
  [
    'SQL',
    /\b(select\s+[\w*,\s.()]+\s+from|insert\s+into\s+\w|update\s+\w+\s+set\s|delete\s+from\s+\w|where\s+tenant_id)\b/i,
  ],
  [
    'database message',
    /(syntax error at|violates (unique|foreign key|check|not-null)|duplicate key value|invalid input syntax for|out of range for type|value too long for type|null value in column|invalid byte sequence|unsupported Unicode escape|cannot be converted to text|relation "|column "|PGlite|pg-protocol|SQLSTATE|ECONNREFUSED|climalog_app)/i,
  ],
  [
    'runtime message',
    /(TypeError|RangeError|ReferenceError|Cannot read propert|is not a function|is not iterable|undefined is not|Maximum call stack)/,
  ],
];

export function leakIn(body: string): string | null {
  for (const [name, pattern] of LEAKS) {
    const match = pattern.exec(body);
    if (match) return `${name}: ${JSON.stringify(match[0])}`;
  }
  return null;
}

export type Answer = { statusCode: number; headers: Record<string, unknown>; body: string };

/**
 * What every answer must be: never a 5xx; a 2xx only with a documented status, matching its
 * schema, and never for a request the document itself says is invalid; a 4xx as problem+json
 * that names the faulty field when a field was at fault and shows nothing of the server's insides.
 * Returns what is wrong, or null.
 */
export function judge(
  validators: ResponseValidators,
  op: Operation,
  request: { mutation: { kind: string; field: string }; invalidByDocument: boolean },
  res: Answer,
): string | null {
  const status = res.statusCode;
  const type = String(res.headers['content-type'] ?? '');
  if (status >= 500) return `${status}: ${res.body.slice(0, 300)}`;
  if (status < 400) {
    // After a dot segment the URL names another operation, whose answer this one's document does not describe.
    if (request.mutation.kind === 'dot-segment') return null;
    if (!op.responses.has(status)) return `undocumented status ${status}`;
    if (request.invalidByDocument)
      return `accepted (${status}) a request its document calls invalid (${request.mutation.kind} at ${request.mutation.field})`;
    if (!/json/.test(type) || status === 204) return null;
    const mismatch = validators.success(op, status, JSON.parse(res.body));
    return mismatch ? `${status} body does not match its documented schema: ${mismatch}` : null;
  }
  const leak = leakIn(res.body);
  if (leak) return `${status} error body shows ${leak}`;
  if (!/^application\/problem\+json/.test(type)) return `${status} is not problem+json (${type})`;
  let problem: { status?: number; title?: string; errors?: Array<{ field: string }> };
  try {
    problem = JSON.parse(res.body);
  } catch {
    return `${status} body is not JSON`;
  }
  const invalid = validators.problem(problem);
  if (invalid) return `${status} problem body: ${invalid}`;
  if (problem.status !== status) return `problem status ${problem.status} ≠ ${status}`;
  if ((status === 400 || status === 422) && problem.title === 'Invalid input' && !problem.errors)
    return `${status} invalid input without field errors`;
  const field = request.mutation.field;
  if (
    status === 400 &&
    problem.title === 'Invalid input' &&
    request.invalidByDocument &&
    field &&
    field !== 'body'
  ) {
    const named = problem.errors!.some(
      (e) =>
        e.field === field ||
        e.field.startsWith(`${field}.`) ||
        field.startsWith(`${e.field}.`) ||
        ['body', 'query', 'path'].includes(e.field),
    );
    if (!named)
      return `400 does not name ${field} (${request.mutation.kind}); names ${problem.errors!.map((e) => e.field).join(', ')}`;
  }
  return null;
}

/** fast-check's report with the error first and the counterexample cut short (deep JSON is long). */
export function failureSummary(message: string): string {
  const at = message.indexOf('Got error:');
  return `${message.slice(at < 0 ? 0 : at, (at < 0 ? 0 : at) + 1200)}\n${message.slice(0, at < 0 ? 0 : Math.min(at, 600))}`;
}
