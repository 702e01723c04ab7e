import { randomUUID } from 'node:crypto';
import type { AppDeps, ServiceContext } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { withTenant } from '../../db/tenant-scope.js';
import { fieldError, forbidden } from '../../http/errors.js';
import { assertVersion, isEmptyPatch } from '../../http/row-version.js';
import { formatEnterpriseNumber } from '../../security/enterprise-number.js';
import { audit } from '../audit/audit-recorder.js';
import { isAdministrator } from '../users/roles.js';
import type { SettingsPatch, SettingsView } from './settings.schemas.js';

const DEFAULTS: Omit<SettingsView, 'logo' | 'version' | 'updatedAt'> = {
  companyName: '',
  street: '',
  number: '',
  box: '',
  postcode: '',
  city: '',
  country: 'BE',
  phone: '',
  email: null,
  website: '',
  enterpriseNumber: null,
  vatNumber: null,
  certificates: [],
  bccAddresses: [],
  noteTemplates: [],
  emailTemplates: [],
  documentOptions: { footer: '', showTechnicianCertificate: true, showSignatures: true },
  defaults: { buildingForecastsEnabled: true },
};

type Row = { data: Partial<SettingsView>; logo: string | null; version: number; updated_at: Date };

/**
 * The account's settings with defaults filled in; the company name defaults to the account name.
 * An account that never saved its settings has no row and reads as version 1.
 */
export async function readSettings(tx: Queryable, tenantId: string): Promise<SettingsView> {
  const [row] = await tx.query<Row>(
    'select data, logo, version, updated_at from tenant_settings where tenant_id = $1',
    [tenantId],
  );
  const [tenant] = await tx.query<{ name: string; enterprise_number: string | null }>(
    'select name, enterprise_number from tenants where id = $1',
    [tenantId],
  );
  const data = { ...DEFAULTS, ...(row?.data ?? {}) };
  return {
    ...data,
    companyName: data.companyName || tenant?.name || '',
    enterpriseNumber:
      data.enterpriseNumber ??
      (tenant?.enterprise_number ? formatEnterpriseNumber(tenant.enterprise_number) : null),
    logo: row?.logo ?? null,
    version: row?.version ?? 1,
    updatedAt: row?.updated_at.toISOString() ?? null,
  };
}

/** Everybody reads the settings (technicians need the note templates); administrators change them. */
export async function getSettings(deps: AppDeps, ctx: ServiceContext): Promise<SettingsView> {
  return withTenant(deps.db, ctx.tenantId, (tx) => readSettings(tx, ctx.tenantId));
}

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47];

/** The logo must really be the PNG or JPEG it says it is (checked by its first bytes). */
function checkLogo(dataUrl: string): void {
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  const magic = dataUrl.startsWith('data:image/png') ? PNG : JPEG;
  if (!magic.every((b, i) => bytes[i] === b))
    throw fieldError('logo', 'The file is not the image it claims to be.', 'content_mismatch');
}

/** `expectedVersion` (body `version` or If-Match): a change made on an older version is a 409. */
export async function updateSettings(
  deps: AppDeps,
  ctx: ServiceContext,
  patch: SettingsPatch,
  expectedVersion?: number,
): Promise<SettingsView> {
  if (!isAdministrator(ctx.principal)) throw forbidden('Only administrators change the settings.');
  if (patch.logo) checkLogo(patch.logo);
  const now = deps.now();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    await tx.query('select 1 from tenant_settings where tenant_id = $1 for update', [ctx.tenantId]);
    const current = await readSettings(tx, ctx.tenantId);
    assertVersion(current.version, expectedVersion, 'the settings');
    if (isEmptyPatch(patch)) return current;
    const { logo, version: _version, ...fields } = patch;
    const next = {
      ...current,
      ...fields,
      // New templates get an id; existing ones keep theirs.
      noteTemplates: (fields.noteTemplates ?? current.noteTemplates).map((t) => ({
        ...t,
        id: t.id ?? randomUUID(),
      })),
      emailTemplates: (fields.emailTemplates ?? current.emailTemplates).map((t) => ({
        ...t,
        id: t.id ?? randomUUID(),
      })),
      enterpriseNumber:
        fields.enterpriseNumber === undefined
          ? current.enterpriseNumber
          : fields.enterpriseNumber && formatEnterpriseNumber(fields.enterpriseNumber),
    };
    const { logo: _logo, version: _current, updatedAt: _updatedAt, ...data } = next;
    // The first save writes version 2 (no row reads as 1). The lock above cannot hold a row that
    // does not exist yet, so the update repeats the check: of two first saves, one is refused.
    const written = await tx.query(
      `insert into tenant_settings (tenant_id, data, logo, updated_at, version) values ($1, $2, $3, $4, 2)
       on conflict (tenant_id) do update set data = excluded.data,
         logo = case when $5 then excluded.logo else tenant_settings.logo end, updated_at = excluded.updated_at,
         version = tenant_settings.version + 1
         where $6::integer is null or tenant_settings.version = $6::integer
       returning version`,
      [
        ctx.tenantId,
        JSON.stringify(data),
        logo ?? current.logo,
        now,
        logo !== undefined,
        expectedVersion ?? null,
      ],
    );
    if (written.length === 0)
      assertVersion((await readSettings(tx, ctx.tenantId)).version, expectedVersion, 'the settings');
    await audit(
      tx,
      ctx,
      {
        action: 'settings.updated',
        entityType: 'settings',
        entityId: ctx.tenantId,
        details: { changed: Object.keys(patch).filter((key) => key !== 'version') },
      },
      now,
    );
    return readSettings(tx, ctx.tenantId);
  });
}
