import {
  evaluateBuilding,
  evaluateInstallation,
  type Activity,
  type BuildingEvaluation,
  type Forecast,
  type InstallationEvaluation,
  type InstallationInput,
} from '@climalog/compliance';
import type { Language } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import type { InstallationRow } from '../installations/installations.repository.js';
import type { ForecastView, InstallationForecastView, LeakLossView } from './forecast.schemas.js';

/** Executed activities per installation: the history the engine counts from (planned work does not count). */
export async function executedActivities(
  tx: Queryable,
  tenantId: string,
  installationIds: readonly string[],
): Promise<Map<string, Activity[]>> {
  const map = new Map<string, Activity[]>();
  if (installationIds.length === 0) return map;
  const rows = await tx.query<{
    installation_id: string;
    type: Activity['type'];
    date: string;
    result: Activity['result'];
    refrigerant: string | null;
    quantity_kg: number | null;
  }>(
    // Each activity looks up its own work order by key ("offset 0" keeps the subquery from being
    // flattened into a join): joined, the planner may hash every work order of the account for
    // the few activities of one page (npm run bench, scenario lists).
    `select a.installation_id, a.type, w.executed_on::text as date, a.result, a.refrigerant, a.quantity_kg
       from activities a
       cross join lateral (select w.executed_on from work_orders w
                            where w.tenant_id = a.tenant_id and w.id = a.work_order_id
                              and w.status = 'executed' and w.executed_on is not null offset 0) w
      where a.tenant_id = $1 and a.installation_id = any($2::uuid[])
      order by w.executed_on, a.position`,
    [tenantId, installationIds],
  );
  for (const r of rows) {
    const activity = {
      type: r.type,
      date: r.date,
      result: r.result,
      refrigerant: r.refrigerant,
      quantityKg: r.quantity_kg,
    };
    const list = map.get(r.installation_id);
    if (list) list.push(activity);
    else map.set(r.installation_id, [activity]);
  }
  return map;
}

/** The regions of the installations' locations. */
export async function regionsOf(
  tx: Queryable,
  tenantId: string,
  locationIds: readonly string[],
): Promise<Map<string, InstallationInput['region']>> {
  if (locationIds.length === 0) return new Map();
  const rows = await tx.query<{ id: string; region: InstallationInput['region'] }>(
    'select id, region from locations where tenant_id = $1 and id = any($2::uuid[])',
    [tenantId, [...new Set(locationIds)]],
  );
  return new Map(rows.map((r) => [r.id, r.region]));
}

/** The columns of an installation the engine reads (and the ids that place it): `select ${ENGINE_COLUMNS}`. */
export const ENGINE_COLUMNS = `i.id, i.customer_id, i.location_id, i.building_id, i.reference, i.kind, i.refrigerant, i.charge_kg,
  i.hermetically_sealed, i.leak_detection_system, i.cooling_capacity_kw, i.comfort_cooling, i.heating_fuel,
  i.heating_capacity_kw, i.commissioned_on, i.forecast_start_on, i.created_at, i.forecast_mode,
  i.custom_interval_months, i.forecast_mode_reason, i.archived_at`;

export type EngineRow = Pick<
  InstallationRow,
  | 'id'
  | 'customer_id'
  | 'location_id'
  | 'building_id'
  | 'reference'
  | 'kind'
  | 'refrigerant'
  | 'charge_kg'
  | 'hermetically_sealed'
  | 'leak_detection_system'
  | 'cooling_capacity_kw'
  | 'comfort_cooling'
  | 'heating_fuel'
  | 'heating_capacity_kw'
  | 'commissioned_on'
  | 'forecast_start_on'
  | 'created_at'
  | 'forecast_mode'
  | 'custom_interval_months'
  | 'forecast_mode_reason'
  | 'archived_at'
>;

export function engineInput(row: EngineRow, region: InstallationInput['region']): InstallationInput {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    region,
    refrigerant: row.refrigerant,
    chargeKg: row.charge_kg,
    hermeticallySealed: row.hermetically_sealed,
    leakDetectionSystem: row.leak_detection_system,
    coolingCapacityKw: row.cooling_capacity_kw,
    comfortCooling: row.comfort_cooling,
    heatingFuel: row.heating_fuel,
    heatingCapacityKw: row.heating_capacity_kw,
    commissionedOn: row.commissioned_on,
    forecastStartOn: row.forecast_start_on,
    createdOn: row.created_at.toISOString().slice(0, 10),
    forecastMode: row.forecast_mode,
    customIntervalMonths: row.custom_interval_months,
    forecastModeReason: row.forecast_mode_reason,
    archived: row.archived_at !== null,
  };
}

/** The engine's forecast in the API's shape: the legal source as a readable string. */
export function presentForecast(f: Forecast): ForecastView {
  if (f === null) return null;
  if (f.status === 'unknown') return { status: 'unknown', missing: [...f.missing] };
  return {
    status: f.status,
    dueOn: f.dueOn,
    intervalMonths: f.intervalMonths,
    intervalDays: f.intervalDays ?? null,
    rule: f.rule,
    source: f.source.label,
    sourceUrl: f.source.url ?? null,
    baseDate: f.baseDate,
    baseKind: f.baseKind,
    explanation: f.explanation,
    mode: f.mode,
    legalIntervalMonths: f.legalIntervalMonths,
    earliestOn: f.earliestOn ?? null,
    toleranceUntil: f.toleranceUntil ?? null,
    toConfirm: f.toConfirm,
  };
}

export function presentEvaluation(e: InstallationEvaluation): {
  forecast: InstallationForecastView;
  leakLoss: LeakLossView;
} {
  return {
    forecast: {
      leakCheck: presentForecast(e.forecast.leakCheck),
      heatingMaintenance: presentForecast(e.forecast.heatingMaintenance),
      heatingAudit: presentForecast(e.forecast.heatingAudit),
      leakRepair: presentForecast(e.forecast.leakRepair),
      leakRetest: presentForecast(e.forecast.leakRetest),
    },
    leakLoss: e.leakLoss
      ? {
          percent: e.leakLoss.percent,
          sinceDate: e.leakLoss.sinceDate,
          limitPercent: e.leakLoss.limitPercent,
          exceeded: e.leakLoss.exceeded,
        }
      : null,
  };
}

/** Evaluates each installation on `today`, explanations in the reader's language. */
export async function evaluateInstallations(
  tx: Queryable,
  tenantId: string,
  rows: readonly InstallationRow[],
  today: string,
  lang: Language,
): Promise<Map<string, InstallationEvaluation>> {
  const ids = rows.map((r) => r.id);
  const history = await executedActivities(tx, tenantId, ids);
  const regions = await regionsOf(
    tx,
    tenantId,
    rows.map((r) => r.location_id),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      evaluateWith(r, regions.get(r.location_id) ?? null, history.get(r.id) ?? [], today, lang),
    ]),
  );
}

/** Evaluates one installation whose region and executed history the caller read. */
export function evaluateWith(
  row: EngineRow,
  region: InstallationInput['region'],
  history: readonly Activity[],
  today: string,
  lang: Language,
): InstallationEvaluation {
  return evaluateInstallation(engineInput(row, region), history, { today, lang });
}

/** The energy inspection of one building: its comfort installations' capacities added up. */
export async function evaluateBuildingOf(
  tx: Queryable,
  tenantId: string,
  building: {
    id: string;
    location_id: string;
    last_energy_inspection_on: string | null;
    forecast_enabled: boolean;
    created_at: Date;
  },
  today: string,
  lang: Language,
): Promise<BuildingEvaluation> {
  const rows = await tx.query<InstallationRow>(
    `select i.*, '' as customer_name from installations i where i.tenant_id = $1 and i.building_id = $2`,
    [tenantId, building.id],
  );
  const regions = await regionsOf(tx, tenantId, [building.location_id]);
  const history = await executedActivities(
    tx,
    tenantId,
    rows.map((r) => r.id),
  );
  const region = regions.get(building.location_id) ?? null;
  return evaluateBuilding(
    {
      id: building.id,
      region,
      lastEnergyInspectionOn: building.last_energy_inspection_on,
      forecastEnabled: building.forecast_enabled,
      createdOn: building.created_at.toISOString().slice(0, 10),
    },
    rows.map((r) => ({ ...engineInput(r, region), activities: history.get(r.id) ?? [] })),
    { today, lang },
  );
}
