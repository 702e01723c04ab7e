import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../apps/server/src/test-support/test-app';
import {
  attachmentBody,
  attachmentContentType,
  fakePngDataUrl,
  hostileFilename,
  importFiles,
} from './support/fuzz-files';
import {
  failureSummary,
  judge,
  operationsOf,
  responseValidators,
  type OpenApiDocument,
  type Operation,
  type ResponseValidators,
} from './support/fuzz-openapi';
import { percentEncode } from './support/fuzz-values';
import { createWorld, randomIp, type Credential, type World } from './support/fuzz-world';
import { FULL, sized } from './support/mode';

/**
 * Upload fuzzing: imports get broken and hostile .xlsx/.csv files and zip bombs; attachments get
 * SVG, HTML and polyglot files under path-traversal names; signatures and the logo get data URLs
 * that are not the PNG they claim. Every answer is judged like the API fuzzer's; accepted files
 * must be stored as what their bytes are, served so they never run as a page, and nothing may be
 * written outside the data directory. Replay with FUZZ_SEED=<seed>.
 */
const SEED = Number(process.env.FUZZ_SEED ?? randomInt(2 ** 31));
const MARKER = `climalog-fuzz-escape-${SEED}`;

let t: TestApp;
let world: World;
let validators: ResponseValidators;
let ops: Map<string, Operation>;

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  const doc = t.app.swagger() as unknown as OpenApiDocument;
  validators = responseValidators(doc);
  ops = new Map(operationsOf(doc).map((op) => [op.key, op]));
});
afterAll(async () => t?.close());

const failures: string[] = [];
let requests = 0;

async function send(
  op: Operation,
  url: string,
  credential: Credential,
  headers: Record<string, string>,
  payload: Buffer | string,
  invalidByDocument = false,
  field = 'file',
) {
  const res = await t.app.inject({
    method: op.method,
    url,
    headers: { ...world.headers(credential, op.method), ...headers },
    remoteAddress: randomIp(),
    payload,
  });
  requests += 1;
  const wrong = judge(validators, op, { mutation: { kind: 'upload', field }, invalidByDocument }, res);
  return { res, wrong };
}

/** Runs one property; a failure is recorded with its seed and the run goes on. */
async function property<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  runs: number,
  check: (value: T) => Promise<void>,
) {
  const seed = SEED + failures.length + name.length;
  try {
    await fc.assert(fc.asyncProperty(arbitrary, check), {
      seed,
      numRuns: runs,
      endOnFailure: true,
      includeErrorInReport: true,
    });
  } catch (error) {
    failures.push(
      `${name} (FUZZ_SEED=${SEED}, fast-check seed ${seed}):\n${failureSummary((error as Error).message)}`,
    );
  }
}

describe(`upload fuzzing (${FULL ? 'full' : 'quick'}, seed ${SEED})`, () => {
  it('imports: broken and hostile spreadsheets and zip bombs are refused or previewed, never a 5xx', async () => {
    const op = ops.get('POST /api/v1/imports')!;
    const start = ops.get('POST /api/v1/imports/{id}/start')!;
    const files = await importFiles();
    const importsBefore = await countImports();
    let created = 0;
    await property(
      'imports',
      fc.record({
        file: files,
        kind: fc.constantFrom('customers', 'locations', 'installations'),
        filename: hostileFilename(MARKER),
        credential: fc.constantFrom<Credential>('session', 'session', 'apiKey', 'field', 'none'),
        run: fc.boolean(),
      }),
      sized(25, 700),
      async ({ file, kind, filename, credential, run }) => {
        const name = percentEncode(filename);
        const url = `/api/v1/imports?kind=${kind}&filename=${name}`;
        const { res, wrong } = await send(
          op,
          url,
          credential,
          { 'content-type': file.type },
          file.bytes,
          filename.length > 255,
          'filename',
        );
        if (wrong)
          throw new Error(`${file.name} as ${file.type} named ${JSON.stringify(filename)}: ${wrong}`);
        if (res.statusCode !== 201) return;
        created += 1;
        // Random bytes may well be text (a CSV of one odd column); zips that are no workbook may not pass.
        if (
          /bomb|zip|PK header|truncated xlsx/.test(file.name) &&
          !(file.name === 'truncated xlsx' && file.bytes.length < 4)
        )
          throw new Error(`${file.name} was accepted as an import`);
        if (!run) return;
        // Run it to the end: the worker must finish it (finished or failed), never leave it hanging.
        const id = JSON.parse(res.body).id as string;
        const started = await send(start, `/api/v1/imports/${id}/start`, 'session', {}, '', false, '');
        if (started.wrong) throw new Error(`start after ${file.name}: ${started.wrong}`);
        await t.deps.jobs.drain();
        const after = await t.app.inject({
          method: 'GET',
          url: `/api/v1/imports/${id}`,
          headers: world.headers('session', 'GET'),
        });
        const state = JSON.parse(after.body);
        if (started.res.statusCode === 202 && !['finished', 'failed'].includes(state.status))
          throw new Error(`${file.name}: import left ${state.status} after its job ran`);
        const leak = state.failure && /at |\/|sql|error:/i.test(state.failure) ? state.failure : null;
        if (leak) throw new Error(`${file.name}: import failure shows ${leak}`);
      },
    );
    expect(await countImports()).toBe(importsBefore + created);
    reportFailures();
    expect(existsSync('/tmp/climalog-zip-slip.xml')).toBe(false);
  });

  it('attachments: SVG, HTML and polyglots under traversal names are refused or stored as what they are', async () => {
    const op = ops.get('POST /api/v1/installations/{id}/attachments')!;
    const download = ops.get('GET /api/v1/installations/{id}/attachments/{attachmentId}')!;
    const installation = world.ids.installation![0]!;
    await property(
      'attachments',
      fc.record({
        file: attachmentBody,
        type: attachmentContentType,
        filename: hostileFilename(MARKER),
        credential: fc.constantFrom<Credential>('session', 'session', 'apiKey', 'field', 'none'),
        inline: fc.boolean(),
      }),
      sized(30, 700),
      async ({ file, type, filename, credential, inline }) => {
        const url = `/api/v1/installations/${installation}/attachments?filename=${percentEncode(filename)}`;
        const { res, wrong } = await send(
          op,
          url,
          credential,
          { 'content-type': type },
          file.bytes,
          filename.length > 255,
          'filename',
        );
        if (wrong) throw new Error(`${file.name} as ${type} named ${JSON.stringify(filename)}: ${wrong}`);
        if (res.statusCode !== 201) return;
        const stored = JSON.parse(res.body) as { id: string; filename: string; contentType: string };
        if (!['image/jpeg', 'image/png', 'image/webp', 'application/pdf'].includes(stored.contentType))
          throw new Error(`${file.name} stored as ${stored.contentType}`);
        // The type is decided by the leading bytes: a file that starts like a PNG, JPEG, WebP or PDF
        // is kept as one (and served as one, never sniffed); nothing else may get in.
        if (/^(svg|html|gif-html polyglot|empty|zip)$/.test(file.name))
          throw new Error(`${file.name} (sent as ${type}) accepted as ${stored.contentType}`);
        if (/[/\\\u0000-\u001f]|^\.\.?$/.test(stored.filename))
          throw new Error(`file name stored as ${JSON.stringify(stored.filename)}`);
        const got = await send(
          download,
          `/api/v1/installations/${installation}/attachments/${stored.id}?inline=${inline}`,
          'session',
          {},
          '',
          false,
          '',
        );
        if (got.wrong) throw new Error(`download of ${file.name}: ${got.wrong}`);
        const h = got.res.headers;
        if (h['content-type'] !== stored.contentType) throw new Error(`served as ${h['content-type']}`);
        if (
          h['x-content-type-options'] !== 'nosniff' ||
          !String(h['content-security-policy']).includes('sandbox')
        )
          throw new Error('served without nosniff and a sandbox policy');
        const disposition = String(h['content-disposition']);
        if (
          /[\r\n]/.test(disposition) ||
          !/^(inline|attachment); filename="[A-Za-z0-9._-]*";/.test(disposition)
        )
          throw new Error(`content-disposition ${JSON.stringify(disposition)}`);
        if (!got.res.rawPayload.equals(file.bytes)) throw new Error('served bytes differ from the upload');
      },
    );
    // Nothing escaped the data directory: no file named after the marker anywhere above it.
    for (let dir = resolve(t.dataDir), i = 0; i < 6; dir = resolve(dir, '..'), i++) {
      const names = await readdir(dir).catch(() => [] as string[]);
      expect(
        names.filter((n) => n.includes(MARKER)),
        dir,
      ).toEqual([]);
    }
    const stored = await listFiles(t.dataDir);
    expect(stored.filter((f) => f.includes(MARKER) || f.includes('..'))).toEqual([]);
    reportFailures();
  });

  it('signatures and the logo: data URLs that are not the PNG they claim are refused', async () => {
    const patchWorkOrder = ops.get('PATCH /api/v1/work-orders/{id}')!;
    const patchSettings = ops.get('PATCH /api/v1/settings')!;
    const draft = await world.admin.post('/api/v1/work-orders', {
      installationIds: [world.ids.installation![0]],
    });
    expect(draft.statusCode).toBe(201);
    await property(
      'signatures',
      fc.record({
        image: fakePngDataUrl,
        role: fc.constantFrom('customer', 'technician'),
        logo: fc.boolean(),
        credential: fc.constantFrom<Credential>('session', 'apiKey', 'field'),
      }),
      sized(10, 200),
      async ({ image, role, logo, credential }) => {
        const { res, wrong } = logo
          ? await send(
              patchSettings,
              '/api/v1/settings',
              credential,
              { 'content-type': 'application/json' },
              JSON.stringify({ logo: image.url }),
              false,
              'logo',
            )
          : await send(
              patchWorkOrder,
              `/api/v1/work-orders/${draft.data.id}`,
              credential,
              { 'content-type': 'application/json' },
              JSON.stringify({ signatures: [{ role, signerName: 'An Peeters', image: image.url }] }),
              false,
              'signatures.0.image',
            );
        if (wrong) throw new Error(`${image.name}: ${wrong}`);
        if (res.statusCode < 300)
          throw new Error(`${image.name} accepted as a ${logo ? 'logo' : 'signature'}`);
        if (res.statusCode === 422) {
          const fields = (JSON.parse(res.body).errors as Array<{ field: string }>).map((e) => e.field);
          const expected = logo ? 'logo' : 'signatures.0.image';
          if (!fields.includes(expected))
            throw new Error(`${image.name}: 422 names ${fields.join(', ')}, not ${expected}`);
        }
      },
    );
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    console.info(`fuzz-uploads ${t.deps.db.kind} seed ${SEED}: ${requests} requests`);
    reportFailures();
  });
});

function reportFailures(): void {
  const found = failures.splice(0);
  expect(found, found.join('\n\n')).toEqual([]);
}

async function countImports(): Promise<number> {
  return (await t.deps.db.query<{ n: number }>('select count(*)::int as n from imports'))[0]!.n;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  return entries.map((e) => join(dir, e));
}
