import { evaluateBuilding, evaluateInstallation, type Forecast, type Language } from '@climalog/compliance';
import type { Queryable } from '../../db/database.js';
import type { InstallationRow } from '../installations/installations.repository.js';
import { engineInput, executedActivities, regionsOf } from './forecast-evaluation.js';

const LANGUAGES: readonly Language[] = ['nl', 'fr', 'en', 'de'];
const INSTALLATION_TYPES = [
  'leakCheck',
  'heatingMaintenance',
  'heatingAudit',
  'leakRepair',
  'leakRetest',
] as const;
const TYPE_NAMES: Record<(typeof INSTALLATION_TYPES)[number], string> = {
  leakCheck: 'leak_check',
  heatingMaintenance: 'heating_maintenance',
  heatingAudit: 'heating_audit',
  leakRepair: 'leak_repair',
  leakRetest: 'leak_retest',
};

type Owner = {
  installationId: string | null;
  buildingId: string | null;
  customerId: string;
  locationId: string;
};

/** The same forecast in every language: only the explanation differs. */
async function insertForecast(
  tx: Queryable,
  tenantId: string,
  owner: Owner,
  type: string,
  byLanguage: Record<Language, Forecast>,
  now: Date,
) {
  const f = byLanguage.en;
  if (f === null) return;
  const explanations = Object.fromEntries(
    LANGUAGES.map((l) => [l, (byLanguage[l] as { explanation?: string } | null)?.explanation ?? '']),
  );
  const planned = f.status === 'unknown' ? null : f;
  await tx.query(
    `insert into forecasts (tenant_id, installation_id, building_id, type, status, due_on, interval_months, interval_days, rule, source, source_url,
       base_date, base_kind, missing, mode, to_confirm, explanations, customer_id, location_id, computed_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
    [
      tenantId,
      owner.installationId,
      owner.buildingId,
      type,
      planned ? 'planned' : 'unknown',
      planned?.dueOn ?? null,
      planned?.intervalMonths ?? null,
      planned?.intervalDays ?? null,
      planned?.rule ?? null,
      planned?.source.label ?? null,
      planned?.source.url ?? null,
      planned?.baseDate ?? null,
      planned?.baseKind ?? null,
      f.status === 'unknown' ? f.missing : [],
      planned?.mode ?? null,
      planned?.toConfirm ?? false,
      JSON.stringify(explanations),
      owner.customerId,
      owner.locationId,
      now,
    ],
  );
}

/**
 * Two transactions recomputing the same forecasts take turns: the second one waits until the first
 * has committed, then reads what it wrote (without this, both delete the old rows, both insert,
 * and the second fails on the unique index or stores a forecast computed without the first's
 * change). Transaction-scoped advisory locks, taken in one order, so they block nothing else.
 */
async function lockForecastsOf(tx: Queryable, owner: 'installation' | 'building', ids: readonly string[]) {
  await tx.query(
    `select pg_advisory_xact_lock(k) from (
       select distinct hashtextextended($1 || id, 0) as k from unnest($2::text[]) as id order by 1) as keys`,
    [`forecasts:${owner}:`, ids],
  );
}

/**
 * Recomputes and stores the forecasts of some installations and of the buildings they stand in,
 * inside the caller's transaction (so a change and its forecast commit together).
 */
export async function refreshInstallationForecasts(
  tx: Queryable,
  tenantId: string,
  installationIds: readonly string[],
  today: string,
  now: Date,
): Promise<void> {
  if (installationIds.length === 0) return;
  await lockForecastsOf(tx, 'installation', installationIds);
  const rows = await tx.query<InstallationRow>(
    `select i.*, '' as customer_name from installations i where i.tenant_id = $1 and i.id = any($2::uuid[])`,
    [tenantId, installationIds],
  );
  const history = await executedActivities(tx, tenantId, installationIds);
  const regions = await regionsOf(
    tx,
    tenantId,
    rows.map((r) => r.location_id),
  );
  await tx.query('delete from forecasts where tenant_id = $1 and installation_id = any($2::uuid[])', [
    tenantId,
    installationIds,
  ]);
  for (const row of rows) {
    const input = engineInput(row, regions.get(row.location_id) ?? null);
    const evaluations = Object.fromEntries(
      LANGUAGES.map((lang) => [
        lang,
        evaluateInstallation(input, history.get(row.id) ?? [], { today, lang }),
      ]),
    ) as Record<Language, ReturnType<typeof evaluateInstallation>>;
    const owner = {
      installationId: row.id,
      buildingId: null,
      customerId: row.customer_id,
      locationId: row.location_id,
    };
    for (const key of INSTALLATION_TYPES) {
      const byLanguage = Object.fromEntries(
        LANGUAGES.map((l) => [l, evaluations[l].forecast[key]]),
      ) as Record<Language, Forecast>;
      await insertForecast(tx, tenantId, owner, TYPE_NAMES[key], byLanguage, now);
    }
  }
  await refreshBuildingForecasts(tx, tenantId, [...new Set(rows.map((r) => r.building_id))], today, now);
}

/** Recomputes the air-conditioning energy inspection of some buildings. */
export async function refreshBuildingForecasts(
  tx: Queryable,
  tenantId: string,
  buildingIds: readonly string[],
  today: string,
  now: Date,
): Promise<void> {
  if (buildingIds.length === 0) return;
  await lockForecastsOf(tx, 'building', buildingIds);
  await tx.query('delete from forecasts where tenant_id = $1 and building_id = any($2::uuid[])', [
    tenantId,
    buildingIds,
  ]);
  const buildings = await tx.query<{
    id: string;
    location_id: string;
    customer_id: string;
    region: string | null;
    last_energy_inspection_on: string | null;
    forecast_enabled: boolean;
    created_at: Date;
  }>(
    `select b.id, b.location_id, l.customer_id, l.region, b.last_energy_inspection_on, b.forecast_enabled, b.created_at
       from buildings b join locations l on l.tenant_id = b.tenant_id and l.id = b.location_id
      where b.tenant_id = $1 and b.id = any($2::uuid[])`,
    [tenantId, buildingIds],
  );
  const installations = await tx.query<InstallationRow>(
    `select i.*, '' as customer_name from installations i where i.tenant_id = $1 and i.building_id = any($2::uuid[])`,
    [tenantId, buildingIds],
  );
  const history = await executedActivities(
    tx,
    tenantId,
    installations.map((i) => i.id),
  );
  for (const b of buildings) {
    const region = b.region as Parameters<typeof engineInput>[1];
    const members = installations
      .filter((i) => i.building_id === b.id)
      .map((i) => ({ ...engineInput(i, region), activities: history.get(i.id) ?? [] }));
    const input = {
      id: b.id,
      region,
      lastEnergyInspectionOn: b.last_energy_inspection_on,
      forecastEnabled: b.forecast_enabled,
      createdOn: b.created_at.toISOString().slice(0, 10),
    };
    const byLanguage = Object.fromEntries(
      LANGUAGES.map((lang) => [lang, evaluateBuilding(input, members, { today, lang }).energyInspection]),
    ) as Record<Language, Forecast>;
    await insertForecast(
      tx,
      tenantId,
      { installationId: null, buildingId: b.id, customerId: b.customer_id, locationId: b.location_id },
      'energy_inspection',
      byLanguage,
      now,
    );
  }
}

/** Installations a work order touches, before and after a change. */
export async function installationsOfWorkOrder(
  tx: Queryable,
  tenantId: string,
  workOrderId: string,
): Promise<string[]> {
  const rows = await tx.query<{ installation_id: string }>(
    'select installation_id from work_order_installations where tenant_id = $1 and work_order_id = $2',
    [tenantId, workOrderId],
  );
  return rows.map((r) => r.installation_id);
}

/** A location's region decides the rules: its installations and buildings are recomputed. */
export async function refreshLocationForecasts(
  tx: Queryable,
  tenantId: string,
  locationId: string,
  today: string,
  now: Date,
): Promise<void> {
  const installations = await tx.query<{ id: string }>(
    'select id from installations where tenant_id = $1 and location_id = $2',
    [tenantId, locationId],
  );
  const buildings = await tx.query<{ id: string }>(
    'select id from buildings where tenant_id = $1 and location_id = $2',
    [tenantId, locationId],
  );
  await refreshInstallationForecasts(
    tx,
    tenantId,
    installations.map((i) => i.id),
    today,
    now,
  );
  await refreshBuildingForecasts(
    tx,
    tenantId,
    buildings.map((b) => b.id),
    today,
    now,
  );
}
