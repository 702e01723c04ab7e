import { randomInt } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Database } from '../../apps/server/src/db/database.js';
import type { TenantFixture } from '../../apps/server/src/test-support/tenant-fixture.js';
import { TestClient } from '../../apps/server/src/test-support/test-client.js';

/**
 * The pieces of the cross-tenant attack suite: tenant B's four kinds of credentials, a scan of any
 * response for tenant A's data, and a fingerprint of everything tenant A has in the database.
 */

export type CredentialName = 'session' | 'apiKey' | 'device' | 'portal';
export const CREDENTIALS: CredentialName[] = ['session', 'apiKey', 'device', 'portal'];

type Headers = Record<string, string>;

/** Tenant B's credentials as request headers; each can be renewed when an operation ended it. */
export class Credentials {
  private readonly headers = new Map<CredentialName, Headers>();
  renewals = 0;

  constructor(
    private readonly app: FastifyInstance,
    private readonly own: TenantFixture,
  ) {}

  async init(): Promise<void> {
    for (const name of CREDENTIALS) this.headers.set(name, await this.open(name));
  }

  get(name: CredentialName): Headers {
    return this.headers.get(name)!;
  }

  /** Checks a credential still works and opens a new one when it does not. */
  async ensure(name: CredentialName): Promise<void> {
    const probe = await this.app.inject({
      method: 'GET',
      url: name === 'portal' ? '/api/v1/portal/session' : '/api/v1/me',
      headers: this.get(name),
      remoteAddress: randomIp(),
    });
    if (probe.statusCode === 200) return;
    this.renewals += 1;
    this.headers.set(name, await this.open(name));
  }

  private async open(name: CredentialName): Promise<Headers> {
    const client = new TestClient(this.app);
    const fail = (res: LightMyRequestResponse) => {
      throw new Error(`could not open B's ${name} credential: ${res.statusCode} ${res.body}`);
    };
    if (name === 'session') {
      const res = await client.post('/api/v1/auth/login', {
        login: this.own.email,
        password: this.own.password,
      });
      if (res.statusCode !== 200) fail(res);
      return { cookie: client.cookie!, 'x-csrf-token': client.csrfToken! };
    }
    if (name === 'apiKey') return { authorization: `Bearer ${this.own.secrets.apiKey}` };
    if (name === 'device') {
      if (!this.headers.has('device')) return { authorization: `Bearer ${this.own.secrets.accessToken}` };
      const res = await client.post('/api/v1/auth/tokens', {
        login: this.own.email,
        password: this.own.password,
        installationId: this.own.deviceInstallationId,
        deviceName: 'Tablet B',
      });
      if (res.statusCode !== 200) fail(res);
      return { authorization: `Bearer ${res.data.accessToken}` };
    }
    let res = await client.post('/api/v1/portal/session', { code: this.own.secrets.portalCode });
    if (res.statusCode === 429 && this.headers.has('session')) {
      // The attack's wrong installation tokens used up the code's failure allowance: a new code.
      const issued = await this.app.inject({
        method: 'POST',
        url: `/api/v1/locations/${this.own.ids.location}/portal-code`,
        headers: { ...this.get('session'), 'content-type': 'application/json' },
        payload: '{}',
        remoteAddress: randomIp(),
      });
      if (issued.statusCode !== 201) fail(issued);
      this.own.secrets.portalCode = (JSON.parse(issued.body) as { code: string }).code;
      res = await client.post('/api/v1/portal/session', { code: this.own.secrets.portalCode });
    }
    if (res.statusCode !== 200) fail(res);
    return { cookie: client.cookie! };
  }
}

/** A fresh client address per request, so that rate limits never hide what a request would do. */
export const randomIp = (): string => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** Everything that identifies tenant A's data: ids, texts (the marker) and secrets. */
export function canariesOf(victim: TenantFixture): Map<string, string> {
  const canaries = new Map<string, string>();
  for (const [key, value] of Object.entries(victim.ids)) canaries.set(value.toLowerCase(), `id ${key}`);
  canaries.set(victim.marker.toLowerCase(), 'a text of A (marker)');
  canaries.set(victim.email.toLowerCase(), 'the administrator’s email');
  canaries.set(victim.deviceInstallationId.toLowerCase(), 'the device installation ID');
  for (const [key, value] of Object.entries(victim.secrets))
    canaries.set(value.toLowerCase(), `secret ${key}`);
  return canaries;
}

/** The readable text of a response: JSON and text as they are, PDFs and spreadsheets decoded. */
export async function responseText(res: LightMyRequestResponse): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  const head = JSON.stringify(res.headers);
  if (type.includes('application/pdf') && res.rawPayload.subarray(0, 4).toString() === '%PDF') {
    try {
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(res.rawPayload)), {
        mergePages: true,
      });
      return `${head}\n${text}\n${res.rawPayload.toString('latin1')}`;
    } catch {
      return `${head}\n${res.rawPayload.toString('latin1')}`;
    }
  }
  if (type.includes('spreadsheetml')) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => {
      cells.push(sheet.name);
      sheet.eachRow((row) => cells.push(JSON.stringify(row.values)));
    });
    return `${head}\n${cells.join('\n')}`;
  }
  return `${head}\n${res.rawPayload.toString('utf8')}`;
}

/** Which of A's canaries a text contains (case-insensitive: ids may come back in any case). */
export function foundCanaries(text: string, canaries: Map<string, string>, allowed: Set<string>): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (const [value, what] of canaries) if (!allowed.has(value) && lower.includes(value)) found.push(what);
  return found;
}

/** The tables that hold tenant rows, read from the catalogue (never a list that can go stale). */
export async function tenantTables(db: Database): Promise<string[]> {
  const rows = await db.query<{ table: string }>(
    `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
      order by 1`,
  );
  return rows.map((r) => r.table);
}

/**
 * A digest per table of every row tenant A has (plus its tenants row), read as the database owner
 * outside any tenant scope. Comparing two of them shows which tables changed.
 */
export async function fingerprintQuery(
  db: Database,
): Promise<(tenantId: string) => Promise<Map<string, string>>> {
  const tables = await tenantTables(db);
  const parts = tables.map(
    (t) =>
      `select '${t}' as t, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${t}" x where x.tenant_id = $1`,
  );
  parts.push(
    `select 'tenants' as t, md5(coalesce(string_agg(x::text, '|'), '')) as h from tenants x where x.id = $1`,
  );
  const sql = parts.join('\nunion all\n');
  return async (tenantId) => {
    const rows = await db.query<{ t: string; h: string }>(sql, [tenantId]);
    return new Map(rows.map((r) => [r.t, r.h]));
  };
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([t, h]) => before.get(t) !== h).map(([t]) => t);
}
