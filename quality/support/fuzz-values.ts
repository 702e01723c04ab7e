import fc from 'fast-check';
import type { JsonSchema } from './fuzz-openapi';

/**
 * fast-check arbitraries for the fuzzer: plausible values generated from a JSON schema (so a
 * request gets past the first check and reaches deeper code), and the hostile values and
 * mutations that are then put into one place of it.
 */

/** Known ids by kind ("customer", "installation", …): fields named `customerId`/`installationIds` get them. */
export type IdPool = (kind: string) => string[];

const DAY_MS = 86_400_000;
const BASE_DAY = Date.UTC(2020, 0, 1);
export const isoDate = fc
  .integer({ min: 0, max: 6000 })
  .map((d) => new Date(BASE_DAY + d * DAY_MS).toISOString().slice(0, 10));
const isoDateTime = fc
  .integer({ min: 0, max: 6000 * 24 * 60 })
  .map((m) => new Date(BASE_DAY + m * 60_000).toISOString());

/** A 1×1 transparent PNG, for the data-URL fields (signatures, logo). */
export const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** Strings that break naive code: direction marks, emoji, combining marks, surrogates, NUL, injection. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\ud83d',
  '🧊❄️🔥👩🏽‍🔧',
  '\u202eevil\u202c',
  'مرحبا بالعالم',
  'שלום עולם',
  'Z̸̡̢͉̫̈́͒a̴̧̛͔̓l̶̙̓g̵̝̈́o̷̹͝',
  'e\u0301\u0301\u0301\u0301\u0301',
  '\ufeff\u200b\u200d\u2060',
  '\u2028\u2029',
  '\r\n\t\u0007\u001b[31m',
  "O'Brien; --",
  "1' or '1'='1",
  '"; drop table customers; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}${7*7}',
  '%s%s%n%x',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '-1',
  '1e309',
  'NaN',
  '0x7fffffff',
  '=cmd|"/c calc"!A1',
  '+32 9 123 45 67',
  'ｆｕｌｌｗｉｄｔｈ',
  '\uffff\ufffe',
];

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('a', 'é', '🧊', '\u0301', 'ش', '\u0000'), fc.integer({ min: 190, max: 300_000 }))
      .map(([c, n]) => c.repeat(n)),
  },
);

export const hostileNumber = fc.constantFrom(
  -1,
  0,
  -0,
  1.5,
  -2147483649,
  2147483648,
  2 ** 53 + 1,
  1e308,
  -1e308,
  Number.MIN_VALUE,
);

/** Values of every JSON type, small and odd, for wrong-type mutations. */
export const anyJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 42, 3.14, '', 'text', [], {}, ['a'], [1, 2], { a: 1 }, [null]),
  hostileNumber,
  nastyString,
);

const idKind = (name: string): string | null => {
  const m = /^(\w+?)Ids?$/.exec(name);
  if (!m) return name === 'id' || name === 'duplicateId' ? 'any' : null;
  return m[1]!;
};

/** A value that fits the schema, as far as one can tell from the schema; ids come from the pool. */
export function valueOf(schema: JsonSchema, name: string, pool: IdPool, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => valueOf(s, name, pool, depth)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
      const max = schema.maximum ?? Math.max(min + 1000, 1000);
      return type === 'integer'
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, 2 ** 31)) })
        : fc.double({ min, max: Math.min(max, 1e6), noNaN: true, noDefaultInfinity: true });
    }
    case 'string':
      return stringOf(schema, name, pool);
    case 'array': {
      if (!schema.items) return fc.constant([]);
      const maxLength = Math.min(schema.maxItems ?? 3, 3);
      const minLength = Math.min(schema.minItems ?? 0, maxLength);
      return fc.array(valueOf(schema.items, name, pool, depth + 1), { minLength, maxLength });
    }
    case 'object':
    case undefined: {
      if (!schema.properties) {
        if (typeof schema.additionalProperties === 'object' && depth < 3)
          return fc.dictionary(
            fc.string({ minLength: 1, maxLength: 12 }),
            valueOf(schema.additionalProperties, name, pool, depth + 1),
            { maxKeys: 3 },
          );
        return type === 'object' ? fc.constant({}) : anyJsonValue;
      }
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(schema.properties);
      if (depth > 4) return fc.constant({});
      return fc
        .tuple(
          ...entries.map(([key, s]) =>
            required.has(key)
              ? valueOf(s, key, pool, depth + 1).map((v) => [key, v] as const)
              : fc.option(
                  valueOf(s, key, pool, depth + 1).map((v) => [key, v] as const),
                  { freq: 2 },
                ),
          ),
        )
        .map((pairs) => Object.fromEntries(pairs.filter((p): p is readonly [string, unknown] => p !== null)));
    }
    default:
      return anyJsonValue;
  }
}

function stringOf(schema: JsonSchema, name: string, pool: IdPool): fc.Arbitrary<string> {
  if (schema.format === 'uuid') {
    const kind = idKind(name);
    const known = kind ? pool(kind) : [];
    return known.length
      ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...known) }, fc.uuid())
      : fc.uuid();
  }
  if (schema.format === 'date') return isoDate;
  if (schema.format === 'date-time') return isoDateTime;
  if (schema.pattern?.startsWith('^data:image'))
    return fc.constant(`data:image/png;base64,${TINY_PNG_BASE64}`);
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  if (/email|login|^to$/i.test(name))
    return fc.constantFrom('an.peeters@example.be', 'x@y.be', 'not-an-email');
  const maxLength = Math.min(schema.maxLength ?? 40, 40);
  const minLength = Math.min(schema.minLength ?? 0, maxLength);
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength: Math.max(minLength, 1), maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength }) },
    ...(schema.maxLength ? [fc.constant('ä'.repeat(schema.maxLength))] : []),
  );
}

/** Where in a request body a mutation went (dotted field path), for checking the error names it. */
export type Mutation = { kind: string; field: string };

const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];

/** Sets an own property, even one named __proto__ (which a plain assignment would not create). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A copy of `body` with one mutation at a property path chosen by `pick`. */
export function mutate(
  body: unknown,
  schema: JsonSchema,
  kind: string,
  pick: number,
  replacement: unknown,
): { body: unknown; mutation: Mutation } {
  if (kind === 'not-an-object') return { body: replacement, mutation: { kind, field: 'body' } };
  const copy = structuredClone(body) as Record<string, unknown>;
  // Walk down into nested objects now and then, so nested fields get hit too.
  let target = copy;
  let targetSchema = schema;
  const path: string[] = [];
  for (let depth = 0; depth < 2 && pick % 3 === 0; depth++) {
    const nested = Object.entries(target).filter(([, v]) => v && typeof v === 'object');
    if (nested.length === 0) break;
    const [key, value] = nested[(pick >> (depth + 2)) % nested.length]!;
    const sub = targetSchema.properties?.[key];
    const item = Array.isArray(value) ? value[0] : value;
    if (!item || typeof item !== 'object' || Array.isArray(item)) break;
    path.push(key);
    if (Array.isArray(value)) path.push('0');
    target = item as Record<string, unknown>;
    targetSchema = (Array.isArray(value) ? sub?.items : sub) ?? {};
    targetSchema = targetSchema.anyOf?.find((s) => s.type === 'object') ?? targetSchema;
  }
  const keys = Object.keys(targetSchema.properties ?? target);
  const key = keys.length ? keys[pick % keys.length]! : 'field';
  const field = [...path, key].join('.');
  switch (kind) {
    case 'missing': {
      const required = targetSchema.required ?? [];
      const gone = required.length ? required[pick % required.length]! : key;
      delete target[gone];
      return { body: copy, mutation: { kind, field: [...path, gone].join('.') } };
    }
    case 'unknown': {
      const name =
        typeof replacement === 'string' && replacement.length > 0 ? replacement.slice(0, 64) : 'colour';
      setOwn(target, name, { polluted: true, prototype: { polluted: true } });
      return { body: copy, mutation: { kind, field: [...path, name].join('.') } };
    }
    case 'proto': {
      setOwn(target, FORBIDDEN_KEYS[pick % FORBIDDEN_KEYS.length]!, { polluted: true });
      return { body: copy, mutation: { kind, field: 'body' } };
    }
    default:
      target[key] = replacement;
      return { body: copy, mutation: { kind, field } };
  }
}

/** `depth` levels of nested arrays or objects, as JSON text (built without recursion). */
export function deepJson(depth: number, objects: boolean): string {
  return objects
    ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** Path parameter values: mostly the tenant's own ids, then ids that are no uuids, odd numbers, traversal. */
export const oddPathValue: fc.Arbitrary<string> = fc.oneof(
  fc.uuid(),
  fc.constantFrom(
    'not-a-uuid',
    '00000000-0000-0000-0000-000000000000',
    'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
    '-1',
    '0',
    '99999999999999999999999',
    '1e309',
    'null',
    'undefined',
    '..',
    '%2e%2e%2f%2e%2e',
    '..%2f..%2fetc%2fpasswd',
    '%00',
    '%',
    '%zz',
    '%ED%A0%80',
    '%F0%9F%A7%8A',
    "1'%20or%20'1'%3D'1",
    'a'.repeat(5000),
    '__proto__',
    'constructor',
  ),
  nastyString.map((s) => percentEncode(s.slice(0, 2000))),
);

/** Percent-encodes every byte of the UTF-8 form (lone surrogates become U+FFFD, as a browser sends them). */
export function percentEncode(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');
}

/** Query values that are not what the parameter takes, URL-encoded where needed (or left broken). */
export const oddQueryValue: fc.Arbitrary<string> = fc.oneof(
  oddPathValue,
  hostileNumber.map(String),
  fc.constantFrom(
    '',
    'true',
    'yes',
    '[]',
    '{}',
    '2026-02-30',
    '2026-13-01',
    '9999-12-31',
    '0000-00-00',
    '-name',
  ),
);
