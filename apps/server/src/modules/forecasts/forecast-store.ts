import { evaluateBuilding, evaluateInstallation, type Forecast, type Language } from '@climalog/compliance';
import type { Queryable } from '../../db/database.js';
import { atEndOfBatch } from '../../db/tenant-scope.js';
import {
  ENGINE_COLUMNS,
  engineInput,
  executedActivities,
  regionsOf,
  type EngineRow,
} from './forecast-evaluation.js';

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

/** One stored forecast: the same forecast in every language, only the explanation differs. */
type ForecastRecord = {
  installation_id: string | null;
  building_id: string | null;
  type: string;
  status: 'planned' | 'unknown';
  due_on: string | null;
  interval_months: number | null;
  interval_days: number | null;
  rule: string | null;
  source: string | null;
  source_url: string | null;
  base_date: string | null;
  base_kind: string | null;
  missing: readonly string[];
  mode: string | null;
  to_confirm: boolean;
  explanations: Record<string, string>;
  customer_id: string;
  location_id: string;
};

/** The row to store for a forecast, or null when the obligation does not apply. */
function forecastRecord(
  owner: Owner,
  type: string,
  byLanguage: Record<Language, Forecast>,
): ForecastRecord | null {
  const f = byLanguage.en;
  if (f === null) return null;
  const explanations = Object.fromEntries(
    LANGUAGES.map((l) => [l, (byLanguage[l] as { explanation?: string } | null)?.explanation ?? '']),
  );
  const planned = f.status === 'unknown' ? null : f;
  return {
    installation_id: owner.installationId,
    building_id: owner.buildingId,
    type,
    status: planned ? 'planned' : 'unknown',
    due_on: planned?.dueOn ?? null,
    interval_months: planned?.intervalMonths ?? null,
    interval_days: planned?.intervalDays ?? null,
    rule: planned?.rule ?? null,
    source: planned?.source.label ?? null,
    source_url: planned?.source.url ?? null,
    base_date: planned?.baseDate ?? null,
    base_kind: planned?.baseKind ?? null,
    missing: f.status === 'unknown' ? f.missing : [],
    mode: planned?.mode ?? null,
    to_confirm: planned?.toConfirm ?? false,
    explanations,
    customer_id: owner.customerId,
    location_id: owner.locationId,
  };
}

// Rows per insert statement: a few thousand forecasts of about 1 kB each (four explanations).
const INSERT_CHUNK = 2000;

/**
 * Stores forecasts with one statement per chunk (rows as a JSON array) instead of one per forecast:
 * recomputing thousands of installations is then a few round trips, not tens of thousands.
 */
async function insertForecasts(
  tx: Queryable,
  tenantId: string,
  records: readonly ForecastRecord[],
  now: Date,
): Promise<void> {
  for (let i = 0; i < records.length; i += INSERT_CHUNK) {
    await tx.query(
      `insert into forecasts (tenant_id, installation_id, building_id, type, status, due_on, interval_months, interval_days, rule,
         source, source_url, base_date, base_kind, missing, mode, to_confirm, explanations, customer_id, location_id, computed_at)
       select $1, r.installation_id, r.building_id, r.type, r.status, r.due_on, r.interval_months, r.interval_days, r.rule,
              r.source, r.source_url, r.base_date, r.base_kind, r.missing, r.mode, r.to_confirm, r.explanations,
              r.customer_id, r.location_id, $2
         from jsonb_to_recordset($3::jsonb) as r(installation_id uuid, building_id uuid, type text, status text,
              due_on date, interval_months integer, interval_days integer, rule text, source text, source_url text,
              base_date date, base_kind text, missing text[], mode text, to_confirm boolean, explanations jsonb,
              customer_id uuid, location_id uuid)`,
      [tenantId, now, JSON.stringify(records.slice(i, i + INSERT_CHUNK))],
    );
  }
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
  // In an import batch, once for all the rows of the batch, at its end.
  const runAll = async (lists: Array<readonly string[]>) => {
    const ids = [...new Set(lists.flat())];
    const buildingIds = await storeInstallationForecasts(tx, tenantId, ids, today, now);
    await refreshBuildingForecasts(tx, tenantId, buildingIds, today, now);
  };
  const key = `forecasts:installations:${tenantId}:${today}`;
  if (!atEndOfBatch(tx, { key, item: installationIds, runAll })) await runAll([installationIds]);
}

/**
 * Recomputes and stores the forecasts of some installations only; returns the buildings they stand
 * in, whose energy inspection the caller must refresh (a building's forecast counts all of its
 * installations, so a batch of installations from many buildings would read each building whole).
 */
export async function storeInstallationForecasts(
  tx: Queryable,
  tenantId: string,
  installationIds: readonly string[],
  today: string,
  now: Date,
): Promise<string[]> {
  if (installationIds.length === 0) return [];
  await lockForecastsOf(tx, 'installation', installationIds);
  const rows = await tx.query<EngineRow>(
    `select ${ENGINE_COLUMNS} from installations i where i.tenant_id = $1 and i.id = any($2::uuid[])`,
    [tenantId, installationIds],
  );
  await tx.query('delete from forecasts where tenant_id = $1 and installation_id = any($2::uuid[])', [
    tenantId,
    installationIds,
  ]);
  return storeForecastsOf(tx, tenantId, rows, today, now);
}

/**
 * Evaluates installations read with ENGINE_COLUMNS and inserts their forecasts (the caller deleted
 * the old ones); returns the buildings they stand in.
 */
async function storeForecastsOf(
  tx: Queryable,
  tenantId: string,
  rows: readonly EngineRow[],
  today: string,
  now: Date,
): Promise<string[]> {
  if (rows.length === 0) return [];
  const installationIds = rows.map((r) => r.id);
  const history = await executedActivities(tx, tenantId, installationIds);
  const regions = await regionsOf(
    tx,
    tenantId,
    rows.map((r) => r.location_id),
  );
  const records: ForecastRecord[] = [];
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
      const record = forecastRecord(owner, TYPE_NAMES[key], byLanguage);
      if (record) records.push(record);
    }
  }
  await insertForecasts(tx, tenantId, records, now);
  return [...new Set(rows.map((r) => r.building_id))];
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
  const key = `forecasts:buildings:${tenantId}:${today}`;
  const runAll = (lists: Array<readonly string[]>) =>
    storeBuildingForecasts(tx, tenantId, [...new Set(lists.flat())], today, now);
  if (!atEndOfBatch(tx, { key, item: buildingIds, runAll })) await runAll([buildingIds]);
}

async function storeBuildingForecasts(
  tx: Queryable,
  tenantId: string,
  buildingIds: readonly string[],
  today: string,
  now: Date,
): Promise<void> {
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
  const installations = await tx.query<EngineRow>(
    `select ${ENGINE_COLUMNS} from installations i where i.tenant_id = $1 and i.building_id = any($2::uuid[])`,
    [tenantId, buildingIds],
  );
  const history = await executedActivities(
    tx,
    tenantId,
    installations.map((i) => i.id),
  );
  const records: ForecastRecord[] = [];
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
    const record = forecastRecord(
      { installationId: null, buildingId: b.id, customerId: b.customer_id, locationId: b.location_id },
      'energy_inspection',
      byLanguage,
    );
    if (record) records.push(record);
  }
  await insertForecasts(tx, tenantId, records, now);
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
