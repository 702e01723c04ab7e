import type { ValidateFunction } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { newAjv, type JsonSchema, type Operation } from './fuzz-openapi';
import {
  anyJsonValue,
  deepJson,
  hostileNumber,
  mutate,
  nastyString,
  oddPathValue,
  oddQueryValue,
  percentEncode,
  valueOf,
  type IdPool,
} from './fuzz-values';
import type { Credential } from './fuzz-world';

/**
 * One generated request for an operation: who sends it, and at most one hostile place (a body
 * field, the whole body, its content type, a query or path value, a header) in an otherwise
 * plausible request, so a 4xx can be held to naming the field that was at fault.
 */
export type FuzzRequest = {
  credential: Credential;
  url: string;
  headers: Record<string, string>;
  /** JSON value, or raw text/bytes when the mutation is below the JSON level. */
  payload: string | Buffer | undefined;
  /** What was broken, and where (dotted body path, `query.x`, `path.x`, `header.x`), or 'none'. */
  mutation: { kind: string; field: string };
  /** The request is invalid by the OpenAPI document itself: a 2xx for it is a bug. */
  invalidByDocument: boolean;
};

/** Which pool of ids a path parameter takes, from the path segment before it. */
const SEGMENT_KIND: Record<string, string> = {
  customers: 'customer',
  locations: 'location',
  buildings: 'building',
  installations: 'installation',
  attachments: 'attachment',
  components: 'component',
  users: 'user',
  'api-keys': 'key',
  labels: 'label',
  products: 'product',
  cylinders: 'cylinder',
  'work-orders': 'workOrder',
  imports: 'import',
  devices: 'device',
  'by-token': 'token',
};

const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/xml',
  'text/html',
  'application/json; charset=utf-16',
  'application/json-patch+json',
  'image/svg+xml',
  '',
];

export type RequestFactory = (op: Operation) => fc.Arbitrary<FuzzRequest>;

export function requestFactory(pool: IdPool): RequestFactory {
  const ajv = newAjv();
  const cache = new WeakMap<object, ValidateFunction>();
  const valid = (schema: JsonSchema, value: unknown) => {
    let v = cache.get(schema);
    if (!v) {
      v = ajv.compile(schema);
      cache.set(schema, v);
    }
    return v(value);
  };

  return (op) => {
    const portal = op.path.startsWith('/api/v1/portal/');
    const credential: fc.Arbitrary<Credential> = portal
      ? fc.constantFrom<Credential>('portal', 'portal', 'portal', 'none', 'session')
      : fc.constantFrom<Credential>('session', 'session', 'session', 'apiKey', 'apiKey', 'field', 'none');

    const pathValues = fc.tuple(
      ...op.pathParams.map((p) => {
        const segment = op.path.split('/').at(op.path.split('/').indexOf(`{${p.name}}`) - 1)!;
        const kind = op.path.startsWith('/api/v1/customers/{id}/merge') ? 'customer' : SEGMENT_KIND[segment];
        const known = kind ? pool(kind) : [];
        return p.schema.enum
          ? valueOf(p.schema, p.name, pool)
          : known.length
            ? fc.constantFrom(...known)
            : valueOf(p.schema, p.name, pool);
      }),
    );
    const queryValues = fc.tuple(
      ...op.queryParams.map((p) =>
        p.required
          ? valueOf(p.schema, p.name, pool).map((v) => [p.name, v] as const)
          : fc.option(
              valueOf(p.schema, p.name, pool).map((v) => [p.name, v] as const),
              { freq: 2 },
            ),
      ),
    );
    const body = op.body ? valueOf(op.body, 'body', pool) : fc.constant(undefined);

    const targets: Array<{ weight: number; arbitrary: fc.Arbitrary<string> }> = [
      { weight: 1, arbitrary: fc.constant('none') },
      { weight: 2, arbitrary: fc.constant('headers') },
    ];
    if (op.body || op.method !== 'GET')
      targets.push({ weight: op.body ? 10 : 2, arbitrary: fc.constant('body') });
    targets.push({ weight: op.queryParams.length ? 4 : 1, arbitrary: fc.constant('query') });
    if (op.pathParams.length) targets.push({ weight: 3, arbitrary: fc.constant('path') });

    return fc
      .record({
        credential,
        target: fc.oneof(...targets),
        path: pathValues,
        query: queryValues,
        body,
        pick: fc.nat(),
        bodyKind: fc.constantFrom(
          'wrong-type',
          'wrong-type',
          'missing',
          'unknown',
          'proto',
          'nasty',
          'nasty',
          'number',
          'not-an-object',
          'deep',
          'broken-json',
          'content-type',
          'oversized',
          'valid',
        ),
        replacement: anyJsonValue,
        nasty: nastyString,
        number: hostileNumber,
        odd: oddQueryValue,
        oddPath: oddPathValue,
        header: fc.constantFrom('if-match', 'idempotency-key', 'accept', 'authorization', 'origin', 'csrf'),
        contentType: fc.constantFrom(...WRONG_CONTENT_TYPES),
        depth: fc.integer({ min: 500, max: 20_000 }),
      })
      .map((g): FuzzRequest => {
        let mutation = { kind: 'none', field: '' };
        let invalid = false;
        const headers: Record<string, string> = {};

        // Path.
        const pathValues = g.path.map((v) => percentEncode(String(v)));
        if (g.target === 'path') {
          const i = g.pick % op.pathParams.length;
          pathValues[i] = g.oddPath;
          mutation = { kind: 'path', field: op.pathParams[i]!.name };
          invalid = !valid(op.pathParams[i]!.schema, safeDecode(g.oddPath));
          // A dot segment is resolved away by every HTTP client (and by the server's router): the
          // request then addresses another resource, so it is judged without this operation's rules.
          if (g.oddPath === '..' || g.oddPath === '.') {
            mutation = { kind: 'dot-segment', field: op.pathParams[i]!.name };
            invalid = false;
          }
        }
        let url = op.path;
        op.pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, pathValues[i]!)));

        // Query.
        const query: Array<[string, string]> = g.query
          .filter((q): q is readonly [string, unknown] => q !== null)
          .map(([k, v]) => [k, percentEncode(String(v))]);
        if (g.target === 'query') {
          const param = op.queryParams.length ? op.queryParams[g.pick % op.queryParams.length]! : undefined;
          const style = g.pick % 4;
          if (!param || style === 0) {
            const name = ['colour', '__proto__', 'constructor[prototype]', 'limit[]', ''][g.pick % 5]!;
            query.push([name, g.odd]);
            mutation = { kind: 'unknown-query', field: name };
            invalid =
              op.queryParams.length > 0 && name !== '' && !op.queryParams.some((q) => q.name === name);
          } else if (style === 1) {
            // An array where a scalar goes: the parameter twice.
            query.push([param.name, g.odd], [param.name, g.odd]);
            mutation = { kind: 'repeated-query', field: param.name };
          } else {
            const rest = query.filter(([k]) => k !== param.name);
            query.length = 0;
            query.push(...rest, [param.name, g.odd]);
            mutation = { kind: 'odd-query', field: param.name };
            const schema = param.schema;
            const decoded = safeDecode(g.odd);
            invalid =
              decoded !== null &&
              !valid(schema, decoded) &&
              !(schema.type === 'integer' || schema.type === 'number'
                ? valid(schema, Number(decoded))
                : false) &&
              !(schema.type === 'boolean' && (decoded === 'true' || decoded === 'false'));
          }
        }
        if (query.length) url += `?${query.map(([k, v]) => (k ? `${percentEncode(k)}=${v}` : v)).join('&')}`;

        // Body.
        let payload: string | Buffer | undefined;
        if (op.body) {
          headers['content-type'] = 'application/json';
          let value: unknown = g.body;
          if (g.target === 'body') {
            switch (g.bodyKind) {
              case 'valid':
                break;
              case 'deep':
                payload = `{"deep":${deepJson(g.depth, g.pick % 2 === 0)}}`;
                // The whole body is replaced: which field a union of bodies names for it is its own choice.
                mutation = { kind: 'deep', field: 'body' };
                invalid = true;
                break;
              case 'broken-json':
                payload = [
                  '{"name": "Half',
                  '{,}',
                  '{"a":1,}',
                  "{'a':1}",
                  '\u0000',
                  '{"a":NaN}',
                  '{"a":1e999}',
                ][g.pick % 7]!;
                mutation = { kind: 'broken-json', field: 'body' };
                invalid = true;
                break;
              case 'content-type':
                headers['content-type'] = g.contentType;
                if (g.contentType === '') delete headers['content-type'];
                payload = JSON.stringify(value);
                mutation = { kind: 'content-type', field: 'body' };
                // JSON is UTF-8 whatever charset the header names (RFC 8259): that one may pass.
                invalid = !g.contentType.startsWith('application/json');
                break;
              case 'oversized':
                payload = JSON.stringify({
                  ...(value as object),
                  notes: 'x'.repeat(1_100_000 + (g.pick % 1000)),
                });
                mutation = { kind: 'oversized', field: 'body' };
                invalid = true;
                break;
              default: {
                const replacement =
                  g.bodyKind === 'nasty'
                    ? g.nasty
                    : g.bodyKind === 'number'
                      ? g.number
                      : g.bodyKind === 'unknown'
                        ? g.nasty
                        : g.replacement;
                const m = mutate(value, op.body, g.bodyKind, g.pick, replacement);
                value = m.body;
                mutation = m.mutation;
              }
            }
          }
          if (payload === undefined) {
            payload = JSON.stringify(value) ?? 'null';
            invalid = invalid || !valid(op.body, JSON.parse(payload));
          }
        } else if (g.target === 'body') {
          // A body where the operation takes none.
          headers['content-type'] = g.pick % 2 ? 'application/json' : g.contentType || 'text/plain';
          payload = g.pick % 3 === 0 ? deepJson(g.depth, true) : JSON.stringify({ unexpected: g.nasty });
          mutation = { kind: 'unexpected-body', field: 'body' };
        }

        // Headers.
        if (g.target === 'headers') {
          mutation = { kind: `header-${g.header}`, field: g.header };
          const junk = g.nasty.replace(/[^\x20-\x7e]/g, '?').slice(0, 8000);
          switch (g.header) {
            case 'if-match':
              headers['if-match'] = [junk, '"-1"', 'W/"999999999999"', '*', '"1", "2"'][g.pick % 5]!;
              break;
            case 'idempotency-key':
              headers['idempotency-key'] = junk || 'k';
              break;
            case 'accept':
              headers.accept = ['application/xml', 'text/html', '*/*;q=0', junk][g.pick % 4]!;
              break;
            case 'origin':
              headers.origin = 'https://evil.example';
              break;
            case 'csrf':
              headers['x-csrf-token'] = junk;
              break;
            case 'authorization':
              headers.authorization = [
                'Bearer',
                'Bearer clk_',
                `Bearer ${junk}`,
                'Basic YTpi',
                `Bearer clk_${'a'.repeat(5000)}`,
              ][g.pick % 5]!;
              break;
          }
        }

        return {
          credential: g.credential,
          url,
          headers,
          payload,
          mutation,
          invalidByDocument: invalid,
        };
      });
  };
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
