import type { AppDeps, Language, ServiceContext } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { withTenant } from '../../db/tenant-scope.js';
import { decodeCursor, pageFrom } from '../../http/cursor.js';
import { AppError, fieldError, forbidden } from '../../http/errors.js';
import { isManagerOrAbove } from '../users/roles.js';
import { createWorkOrder } from '../work-orders/work-orders.service.js';
import type { ActivityType } from '../work-orders/activities.schemas.js';
import type { WorkOrderView } from '../work-orders/work-orders.schemas.js';

export const FORECAST_TYPES = [
  'leak_check',
  'heating_maintenance',
  'heating_audit',
  'leak_repair',
  'leak_retest',
  'energy_inspection',
] as const;
export type ForecastType = (typeof FORECAST_TYPES)[number];
export type ForecastListView = 'future' | 'all' | 'unknown' | 'overdue';

export type ForecastFilter = {
  view: ForecastListView;
  type?: ForecastType | undefined;
  from?: string | undefined;
  to?: string | undefined;
  customerId?: string | undefined;
  locationId?: string | undefined;
};

type Row = {
  installation_id: string | null;
  building_id: string | null;
  type: ForecastType;
  status: 'planned' | 'unknown';
  due_on: string | null;
  interval_months: number | null;
  rule: string | null;
  source: string | null;
  base_date: string | null;
  base_kind: string | null;
  missing: string[];
  explanations: Record<Language, string>;
  customer_id: string;
  customer_name: string;
  location_id: string;
  reference: string | null;
  building_name: string | null;
  building_default: boolean | null;
  owner_id: string;
};

/** Forecasts are for managers and administrators (PRODUCT.md §1). */
function assertCanSeeForecasts(ctx: ServiceContext) {
  if (!isManagerOrAbove(ctx.principal)) throw forbidden('Forecasts are for managers and administrators.');
}

const today = (deps: AppDeps) => deps.now().toISOString().slice(0, 10);

/** Where the previous page ended: its due date (null: unknown), type and installation/building. */
export type ForecastPosition = { dueOn: string | null; type: ForecastType; ownerId: string };

const OWNER = 'coalesce(f.installation_id, f.building_id)';

// Written out rather than a parameter (as the installation list's archived filter), so the
// planner sees the status and due-date range and pages each view off forecasts_view_order.
const VIEWS: Record<ForecastListView, (today: () => string) => string> = {
  unknown: () => "f.status = 'unknown'",
  overdue: (today) => `f.status = 'planned' and f.due_on < ${today()}`,
  future: (today) => `f.status = 'planned' and f.due_on >= ${today()}`,
  all: () => 'true',
};

/**
 * One page of stored forecasts: by due date (unknown ones last), type and installation or
 * building, keyset-paged on those three in the order of the index forecasts_view_order, so a page
 * is an index range instead of sorting every forecast of the view (as a text sort key did).
 */
export function selectForecasts(
  tx: Queryable,
  tenantId: string,
  f: ForecastFilter,
  todayIso: string,
  after: ForecastPosition | null,
  limit: number,
): Promise<Row[]> {
  const values: unknown[] = [tenantId];
  /** A parameter: only those the statement uses are sent (PostgreSQL must know each one's type). */
  const $ = (value: unknown, type: string) => `$${values.push(value)}::${type}`;
  const where = [VIEWS[f.view](() => $(todayIso, 'date'))];
  if (f.type) where.push(`f.type = ${$(f.type, 'text')}`);
  if (f.from) where.push(`f.due_on >= ${$(f.from, 'date')}`);
  if (f.to) where.push(`f.due_on <= ${$(f.to, 'date')}`);
  if (f.customerId) where.push(`f.customer_id = ${$(f.customerId, 'uuid')}`);
  if (f.locationId) where.push(`f.location_id = ${$(f.locationId, 'uuid')}`);
  // Planned views never hold a NULL due date: their keyset is one row comparison.
  const planned = f.view === 'overdue' || f.view === 'future';
  if (after) {
    const rest = `${$(after.type, 'text')}, ${$(after.ownerId, 'uuid')}`;
    if (after.dueOn === null) where.push(`(f.due_on is null and (f.type, ${OWNER}) > (${rest}))`);
    else {
      const next = `(f.due_on, f.type, ${OWNER}) > (${$(after.dueOn, 'date')}, ${rest})`;
      where.push(planned ? next : `(${next} or f.due_on is null)`);
    }
  }
  return tx.query<Row>(
    `select f.installation_id, f.building_id, f.type, f.status, f.due_on::text as due_on, f.interval_months, f.rule, f.source, f.base_date::text as base_date,
            f.base_kind, f.missing, f.explanations, f.customer_id, c.name as customer_name, f.location_id, i.reference, b.name as building_name,
            b.is_default as building_default, ${OWNER} as owner_id
       from forecasts f
       join customers c on c.tenant_id = f.tenant_id and c.id = f.customer_id
       left join installations i on i.tenant_id = f.tenant_id and i.id = f.installation_id
       left join buildings b on b.tenant_id = f.tenant_id and b.id = f.building_id
      where f.tenant_id = $1 and ${where.join(' and ')}
      order by f.due_on${planned ? '' : ' nulls last'}, f.type, ${OWNER}
      limit ${$(limit, 'int')}`,
    values,
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The cursor's position; a tampered one is a 400 naming the cursor, never a failed cast. */
function positionFrom(cursor: string | undefined): ForecastPosition | null {
  const decoded = decodeCursor(cursor, ['string?', 'string', 'string'] as const);
  if (!decoded) return null;
  const [dueOn, type, ownerId] = decoded;
  const valid =
    (dueOn === null ||
      (DATE.test(dueOn) &&
        !dueOn.startsWith('0000') &&
        new Date(`${dueOn}T00:00:00Z`).toISOString().slice(0, 10) === dueOn)) &&
    (FORECAST_TYPES as readonly string[]).includes(type) &&
    UUID.test(ownerId);
  if (!valid) {
    throw new AppError('bad_request', 'The cursor is not valid; start again from the first page.', {
      errors: [{ field: 'cursor', message: 'Invalid cursor.', code: 'invalid_cursor' }],
    });
  }
  return { dueOn, type: type as ForecastType, ownerId };
}

const positionOf = (r: Row): [string | null, string, string] => [r.due_on, r.type, r.owner_id];

async function queryForecasts(
  deps: AppDeps,
  ctx: ServiceContext,
  f: ForecastFilter,
  after: ForecastPosition | null,
  limit: number,
): Promise<Row[]> {
  return withTenant(deps.db, ctx.tenantId, (tx) =>
    selectForecasts(tx, ctx.tenantId, f, today(deps), after, limit),
  );
}

export type ForecastItem = ReturnType<typeof present>;

function present(r: Row, lang: Language, todayIso: string) {
  return {
    installationId: r.installation_id,
    buildingId: r.building_id,
    type: r.type,
    status:
      r.status === 'unknown'
        ? ('unknown' as const)
        : r.due_on! < todayIso
          ? ('overdue' as const)
          : ('planned' as const),
    dueOn: r.due_on,
    intervalMonths: r.interval_months,
    rule: r.rule,
    source: r.source,
    baseDate: r.base_date,
    baseKind: r.base_kind,
    missing: r.missing,
    explanation: r.explanations[lang] || r.explanations.en || '',
    customerId: r.customer_id,
    customerName: r.customer_name,
    locationId: r.location_id,
    reference: r.reference ?? r.building_name ?? '',
    /** The building is a location's default one (the web app shows its name translated). */
    isDefaultBuilding: r.building_default === true,
  };
}

export async function listForecasts(
  deps: AppDeps,
  ctx: ServiceContext,
  query: ForecastFilter & { limit: number; cursor?: string | undefined; lang?: Language | undefined },
) {
  assertCanSeeForecasts(ctx);
  const rows = await queryForecasts(deps, ctx, query, positionFrom(query.cursor), query.limit + 1);
  const todayIso = today(deps);
  return pageFrom(
    rows,
    query.limit,
    (r) => present(r, query.lang ?? ctx.principal.language, todayIso),
    positionOf,
  );
}

export async function* exportForecasts(
  deps: AppDeps,
  ctx: ServiceContext,
  query: ForecastFilter & { lang?: Language | undefined },
): AsyncGenerator<ForecastItem[]> {
  assertCanSeeForecasts(ctx);
  let after: ForecastPosition | null = null;
  const todayIso = today(deps);
  for (;;) {
    const rows = await queryForecasts(deps, ctx, query, after, 1000);
    if (rows.length === 0) return;
    yield rows.map((r) => present(r, query.lang ?? ctx.principal.language, todayIso));
    const [dueOn, type, ownerId] = positionOf(rows.at(-1)!);
    after = { dueOn, type: type as ForecastType, ownerId };
  }
}

/** Work per month for the coming 12 months, plus what is overdue and unknown: the workload chart. */
export async function forecastSummary(
  deps: AppDeps,
  ctx: ServiceContext,
  filter: { type?: ForecastType | undefined },
) {
  assertCanSeeForecasts(ctx);
  const todayIso = today(deps);
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const rows = await tx.query<{ bucket: string; count: number }>(
      `select case when status = 'unknown' then 'unknown' when due_on < $2::date then 'overdue' else to_char(due_on, 'YYYY-MM') end as bucket,
              count(*)::int as count
         from forecasts where tenant_id = $1 and ($3::text is null or type = $3)
          and (status = 'unknown' or due_on < ($2::date + interval '12 months'))
        group by 1`,
      [ctx.tenantId, todayIso, filter.type ?? null],
    );
    const counts = new Map(rows.map((r) => [r.bucket, r.count]));
    const start = new Date(`${todayIso.slice(0, 7)}-01T00:00:00Z`);
    const months = Array.from({ length: 12 }, (_, i) => {
      const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1));
      const month = d.toISOString().slice(0, 7);
      return { month, count: counts.get(month) ?? 0 };
    });
    return { overdue: counts.get('overdue') ?? 0, unknown: counts.get('unknown') ?? 0, months };
  });
}

/** The activity that clears a forecast of each kind. */
const ACTIVITY_FOR: Record<ForecastType, ActivityType> = {
  leak_check: 'leak_check',
  leak_retest: 'leak_check',
  leak_repair: 'leak_repair',
  heating_maintenance: 'heating_maintenance',
  heating_audit: 'heating_audit',
  energy_inspection: 'energy_inspection',
};

/** Plans the work a forecast asks for: a work order "to be executed" with the matching activity. */
export async function scheduleForecast(
  deps: AppDeps,
  ctx: ServiceContext,
  input: {
    installationId: string;
    type: ForecastType;
    plannedOn: string;
    executorId?: string | null | undefined;
  },
): Promise<WorkOrderView> {
  assertCanSeeForecasts(ctx);
  if (input.plannedOn < today(deps))
    throw fieldError('plannedOn', 'Plan the work for today or later.', 'past_date');
  return createWorkOrder(deps, ctx, {
    installationIds: [input.installationId],
    status: 'to_be_executed',
    plannedOn: input.plannedOn,
    executorId: input.executorId ?? null,
    activities: [{ installationId: input.installationId, type: ACTIVITY_FOR[input.type] } as never],
  });
}
