import { SERVER_DIST } from './paths.mjs';
import { KINDS, NAMES, PLACES } from './seed-data.mjs';

/**
 * Bulk data straight through SQL, shaped as the server writes it (see
 * apps/server/src/db/migrations and modules/work-orders): Belgian customers with valid enterprise
 * numbers, one location each at a real postcode in Flanders, Brussels or Wallonia (region derived
 * by the app's own rule), its default building, installations with the common refrigerants and
 * charges, and years of executed work orders with leak checks, leak repairs and top-ups.
 * Rows are keyed by number (customer_number "K000123", external references "SEED-L-…"/"SEED-I-…"),
 * so a later call adds to what an earlier one made: seed 10 000, measure, seed up to 100 000.
 *
 * Used by `npm run seed` (bench/seed.mjs) and by the benchmark scenarios. Stored forecasts are not
 * written here: `recomputeForecasts` runs the server's own recompute (apps/server/dist). Not
 * written either: audit records of the bulk rows, labels, components and attachments.
 */

/** @typedef {import('./database.mjs').SqlConnection} SqlConnection */

/**
 * Something to run SQL on: a direct connection (begin/commit on it), or the server's Database
 * (its `transaction`, which keeps every statement on one pooled connection).
 * @typedef {{ query: SqlConnection['query'],
 *   transaction?: <T>(fn: (tx: { query: SqlConnection['query'] }) => Promise<T>) => Promise<T> }} Sql
 */

/** The server's compiled modules (apps/server/dist), loaded when first needed. */
const serverModule = (/** @type {string} */ path) => import(`${SERVER_DIST}/${path}`);

/**
 * Runs fn in one transaction.
 * @template T
 * @param {Sql} sql
 * @param {(tx: { query: SqlConnection['query'] }) => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function inTransaction(sql, fn) {
  if (sql.transaction) return sql.transaction(fn);
  await sql.query('begin');
  try {
    const result = await fn(sql);
    await sql.query('commit');
    return result;
  } catch (error) {
    await sql.query('rollback');
    throw error;
  }
}

/** The places with the region the app derives from each postcode (modules/locations/region.ts). */
async function places() {
  const { regionFromAddress } = await serverModule('modules/locations/region.js');
  return {
    postcodes: PLACES.map((p) => p[0]),
    cities: PLACES.map((p) => p[1]),
    languages: PLACES.map((p) => p[2]),
    regions: PLACES.map((p) => regionFromAddress('BE', p[0])),
  };
}

/**
 * Installations numbered from..to-1 for one tenant, with the customers (one per `perCustomer`
 * installations), locations and default buildings they need.
 * @param {Sql} sql
 * @param {{ tenantId: string, userId: string, from: number, to: number, perCustomer?: number }} options
 */
export async function seedInstallations(sql, { tenantId, userId, from, to, perCustomer = 50 }) {
  if (to <= from) return;
  const firstCustomer = Math.floor(from / perCustomer);
  const lastCustomer = Math.floor((to - 1) / perCustomer);
  const p = await places();
  await inTransaction(sql, async (tx) => {
    // A valid enterprise number per customer: 0 + seven digits, then 97 − (first eight mod 97).
    await tx.query(
      `insert into customers (tenant_id, name, language, customer_number, enterprise_number, vat_number, email, phone,
                              created_by, created_at, updated_at)
       select $1::uuid,
              (names->'kinds'->>((n * 7) % jsonb_array_length(names->'kinds'))) || ' ' ||
              (names->'surnames'->>((n * 13 + n / 7) % jsonb_array_length(names->'surnames'))) || ' ' ||
              (names->'forms'->>(n % jsonb_array_length(names->'forms'))),
              lang, 'K' || lpad(n::text, 6, '0'), en, 'BE' || en,
              'info' || n || '@example.be', '+32 ' || (2 + n % 8) || ' ' || lpad((n::bigint * 7919 % 1000000)::text, 6, '0'),
              $2::uuid, now() - interval '10 years' + n * interval '5 minutes', now() - interval '10 years' + n * interval '5 minutes'
         from generate_series($3::int, $4::int) n
        cross join lateral (select ($5::text[])[1 + (n * 31) % cardinality($5::text[])] as lang) l
        cross join lateral (select $6::jsonb -> lang as names) nm
        cross join lateral (select lpad((2000000 + (n::bigint * 7919) % 7999999)::text, 8, '0') as prefix) e0
        cross join lateral (select prefix || lpad((97 - prefix::bigint % 97)::text, 2, '0') as en) e
        where not exists (select 1 from customers c where c.tenant_id = $1::uuid and c.customer_number = 'K' || lpad(n::text, 6, '0'))`,
      [tenantId, userId, firstCustomer, lastCustomer, p.languages, JSON.stringify(NAMES)],
    );
    // The location's place is the one its customer's language was picked from (same index).
    await tx.query(
      `insert into locations (tenant_id, customer_id, name, street, number, postcode, city, country, region,
                              external_reference, created_by, created_at, updated_at)
       select c.tenant_id, c.id, '', $6::jsonb -> c.language -> 'streets' ->> (n % jsonb_array_length($6::jsonb -> c.language -> 'streets')),
              (1 + n * 7 % 180)::text, ($3::text[])[k], ($4::text[])[k], 'BE', ($5::text[])[k],
              'SEED-L-' || n, $2::uuid, c.created_at, c.created_at
         from generate_series($7::int, $8::int) n
         join customers c on c.tenant_id = $1::uuid and c.customer_number = 'K' || lpad(n::text, 6, '0')
        cross join lateral (select 1 + (n * 31) % cardinality($3::text[]) as k) place
        where not exists (select 1 from locations l where l.tenant_id = c.tenant_id and l.customer_id = c.id)`,
      [
        tenantId,
        userId,
        p.postcodes,
        p.cities,
        p.regions,
        JSON.stringify(NAMES),
        firstCustomer,
        lastCustomer,
      ],
    );
    await tx.query(
      `insert into buildings (tenant_id, location_id, name, is_default, forecast_enabled, created_by, created_at, updated_at)
       select l.tenant_id, l.id, 'Default', true, true, $2::uuid, l.created_at, l.created_at
         from generate_series($3::int, $4::int) n
         join locations l on l.tenant_id = $1::uuid and l.external_reference = 'SEED-L-' || n
        where not exists (select 1 from buildings b where b.tenant_id = l.tenant_id and b.location_id = l.id)`,
      [tenantId, userId, firstCustomer, lastCustomer],
    );
    await tx.query(
      `insert into installations (tenant_id, building_id, location_id, customer_id, kind, reference, brand, model,
              serial_number, refrigerant, charge_kg, hermetically_sealed, leak_detection_system, cooling_capacity_kw,
              comfort_cooling, heating_fuel, heating_capacity_kw, commissioned_on, token, external_reference,
              created_by, created_at, updated_at)
       select $1::uuid, b.id, l.id, l.customer_id, s.kind,
              (k.refs->>(g % jsonb_array_length(k.refs))) || ' ' || (1 + g % ${perCustomer > 4 ? 4 : 1}),
              k.brands->>(g % jsonb_array_length(k.brands)),
              upper(substr(md5(g::text), 1, 3)) || '-' || (g % 997), 'SN' || lpad(g::text, 9, '0'),
              k.refrigerants->>((g / 10) % jsonb_array_length(k.refrigerants)),
              case when s.kind <> 'heating' and g % 17 <> 0 then
                case s.kind when 'refrigeration' then round(2 + (g::bigint * 7919 % 7800) / 100.0, 2)
                            when 'heat_pump' then round(0.9 + (g::bigint * 7919 % 800) / 100.0, 2)
                            else round(0.7 + (g::bigint * 7919 % 1150) / 100.0, 2) end end,
              case when s.kind <> 'heating' then g % 3 = 0 end,
              case when s.kind <> 'heating' then g % 11 = 0 end,
              case when s.kind <> 'heating' then round(2 + (g % 200) * 0.5, 1) end,
              case s.kind when 'refrigeration' then false when 'heating' then null else true end,
              case when s.kind = 'heating' then (array['gas', 'gas', 'gas', 'liquid'])[1 + g % 4] end,
              case s.kind when 'heating' then 20 + g % 80 when 'heat_pump' then 8 + g % 10 end,
              case when g % 23 <> 0 then date '2012-01-01' + (g * 37 % 4700) end,
              substr(t.code, 1, 5) || '-' || substr(t.code, 6, 5) || '-' || substr(t.code, 11, 5) || '-' || substr(t.code, 16, 5),
              'SEED-I-' || g, $2::uuid, now() - interval '10 years' + g * interval '1 minute',
              now() - interval '10 years' + g * interval '1 minute'
         from generate_series($3::int, $4::int - 1) g
         cross join lateral (select (array['air_conditioning', 'air_conditioning', 'air_conditioning',
                'air_conditioning', 'refrigeration', 'refrigeration', 'refrigeration', 'heat_pump', 'heat_pump',
                'heating'])[1 + g % 10] as kind) s
         cross join lateral (select $6::jsonb -> 'brands' -> s.kind as brands, $6::jsonb -> 'references' -> s.kind as refs,
                coalesce($6::jsonb -> 'refrigerants' -> s.kind, '[null]'::jsonb) as refrigerants) k
         join locations l on l.tenant_id = $1::uuid and l.external_reference = 'SEED-L-' || (g / $5::int)
         join buildings b on b.tenant_id = $1::uuid and b.location_id = l.id and b.is_default
         cross join lateral (select translate(upper(md5($1::text || ':' || g)), '0123456789ABCDEF',
                '23456789ABCDEFGH') as code) t`,
      [tenantId, userId, from, to, perCustomer, JSON.stringify(KINDS)],
    );
  });
  // A database in use has statistics (autovacuum); a freshly bulk-loaded one needs them made.
  await sql.query('analyze customers, locations, buildings, installations');
}

/**
 * Technicians (no sign-in) to be the executors of the seeded work orders; returns their ids.
 * @param {Sql} sql
 * @param {{ tenantId: string, userId: string, count: number }} options
 * @returns {Promise<string[]>}
 */
export async function seedTechnicians(sql, { tenantId, userId, count }) {
  const rows = await sql.query(
    `insert into users (tenant_id, kind, first_name, last_name, language, roles, sign_in_enabled, created_by)
     select $1::uuid, 'person', (array['Tom', 'Julie', 'Karim', 'Sofie', 'Jens', 'Manon', 'Lucas', 'Emma'])[1 + n % 8],
            (array['Claes', 'Lambert', 'Peeters', 'Dubois', 'Maes', 'Martin', 'Jacobs', 'Simon'])[1 + (n * 3) % 8],
            (array['nl', 'fr'])[1 + n % 2], array['technician'], false, $2::uuid
       from generate_series(1, $3::int) n
     returning id`,
    [tenantId, userId, count],
  );
  return rows.map((r) => /** @type {string} */ (r.id));
}

/**
 * Executed work orders for installations from..to-1 (as seedInstallations numbered them): one a
 * year for `years` years (not before commissioning), each with its activities as the server
 * writes them (activities.writer.ts): a leak check for refrigerant installations (one in 12 finds a
 * leak, followed by the repair and a top-up; one in 9 others gets a top-up), maintenance of heating
 * and heat pumps, measurements now and then. Numbers continue the tenant's work order counter.
 * @param {Sql} sql
 * @param {{ tenantId: string, userId: string, technicianIds: string[], from: number, to: number,
 *   years: number }} options
 * @returns {Promise<number>} work orders written
 */
export async function seedWorkOrders(sql, { tenantId, userId, technicianIds, from, to, years }) {
  if (to <= from || years <= 0) return 0;
  const written = await inTransaction(sql, async (tx) => {
    const [counter] = await tx.query(
      `select coalesce((select value from tenant_counters where tenant_id = $1 and name = 'work_order'), 0)::bigint as value`,
      [tenantId],
    );
    const base = Number(counter?.value ?? 0);
    // One row per installation and year, numbered; executed on a weekday-ish date of that year.
    await tx.query(
      `create temporary table seed_visits on commit drop as
       select $2::bigint + row_number() over (order by g, y) as number, i.id as installation_id, i.customer_id,
              i.kind, i.refrigerant, i.charge_kg, g, y,
              (current_date - (y * 365 + (g * 37 + y * 11) % 300 + 1))::date as executed_on
         from generate_series($3::int, $4::int - 1) g
         join installations i on i.tenant_id = $1::uuid and i.external_reference = 'SEED-I-' || g
        cross join generate_series(0, $5::int - 1) y
        where i.commissioned_on is null
           or i.commissioned_on <= current_date - (y * 365 + (g * 37 + y * 11) % 300 + 1)`,
      [tenantId, base, from, to, years],
    );
    const [visits] = await tx.query('select count(*)::int as count from seed_visits');
    const count = Number(visits?.count ?? 0);
    await tx.query(
      `insert into work_orders (tenant_id, number, customer_id, status, executed_on, executor_id, notes, created_by,
                                created_at, updated_at)
       select $1::uuid, v.number, v.customer_id, 'executed', v.executed_on,
              ($2::uuid[])[1 + (v.g + v.y) % cardinality($2::uuid[])],
              case v.kind when 'heating' then 'Yearly maintenance of the boiler.'
                          when 'refrigeration' then 'Periodic leak check and service of the cooling installation.'
                          else 'Yearly service and leak check.' end,
              $3::uuid, v.executed_on + time '16:30', v.executed_on + time '16:30'
         from seed_visits v`,
      [tenantId, technicianIds, userId],
    );
    await tx.query(
      `insert into work_order_installations (tenant_id, work_order_id, installation_id)
       select $1::uuid, w.id, v.installation_id
         from seed_visits v join work_orders w on w.tenant_id = $1::uuid and w.number = v.number`,
      [tenantId],
    );
    // leak = this visit found a leak; topUp = refrigerant added without one.
    await tx.query(
      `insert into activities (tenant_id, work_order_id, installation_id, type, position, result, refrigerant, quantity_kg, details)
       select $1::uuid, w.id, v.installation_id, a.type, a.position, a.result, a.refrigerant, a.quantity_kg, a.details
         from seed_visits v
         join work_orders w on w.tenant_id = $1::uuid and w.number = v.number
        cross join lateral (select (v.number * 7919) % 12 = 0 as leak, (v.number * 104729) % 9 = 0 as top_up) r
        cross join lateral (values
          (v.kind <> 'heating' and v.refrigerant is not null, 'leak_check', 0,
           case when r.leak then 'leak_found' else 'no_leak' end, null::text, null::numeric,
           case when r.leak then jsonb_build_object('method', 'direct', 'leakLocation',
                  (array['Flare nut on the liquid line', 'Schrader valve', 'Evaporator coil', 'Brazed joint at the compressor'])[1 + v.g % 4])
                else jsonb_build_object('method', (array['direct', 'indirect'])[1 + (v.g + v.y) % 2]) end),
          (v.kind <> 'heating' and v.refrigerant is not null and r.leak, 'leak_repair', 1, null, null, null,
           jsonb_build_object('description', 'Repaired the leak and pressure-tested the circuit with nitrogen.')),
          (v.refrigerant is not null and v.charge_kg is not null and (r.leak or r.top_up), 'refrigerant_added', 2, null,
           v.refrigerant, greatest(0.1, round(v.charge_kg * (0.04 + ((v.number * 31) % 12) / 100.0), 2)),
           jsonb_build_object('notes', case when r.leak then 'Topped up after the repair' else 'Topped up to the nominal charge' end)),
          (v.kind in ('heating', 'heat_pump'), case v.kind when 'heating' then 'heating_maintenance' else 'maintenance' end, 3,
           null, null, null, jsonb_build_object('description', 'Cleaned, checked safety devices and combustion/flow settings.')),
          ((v.number % 4) = 0, 'measurements', 4, null, null, null,
           jsonb_build_object('measurements', jsonb_build_array(
             jsonb_build_object('name', 'Suction pressure', 'value', 2 + (v.number % 30) / 10.0, 'unit', 'bar'),
             jsonb_build_object('name', 'Superheat', 'value', 4 + v.number % 6, 'unit', 'K'))))
        ) as a(wanted, type, position, result, refrigerant, quantity_kg, details)
        where a.wanted`,
      [tenantId],
    );
    await tx.query(
      `insert into tenant_counters (tenant_id, name, value) values ($1, 'work_order', $2)
       on conflict (tenant_id, name) do update set value = excluded.value`,
      [tenantId, base + count],
    );
    return count;
  });
  await sql.query('analyze work_orders, work_order_installations, activities');
  return written;
}

/**
 * The server's runtime (apps/server/dist) on a data directory or PostgreSQL database, as the CLI
 * opens it: the data-directory lock (refused while a server holds it), migrations, the database.
 * @param {{ dataDir: string, databaseUrl?: string | undefined }} where
 */
export async function openServerRuntime({ dataDir, databaseUrl }) {
  const { loadConfig } = await serverModule('config.js');
  const { openRuntime } = await serverModule('runtime.js');
  const { createLogger } = await serverModule('logger.js');
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '' });
  return openRuntime(config, { roles: [], purpose: 'seed', log: createLogger('warn') });
}

/**
 * Stores every forecast the way the server does (its nightly recompute, forecast-recompute.ts).
 * @param {{ db: unknown, now: () => Date }} deps  the runtime's deps
 * @param {(done: number) => void} [onProgress]
 * @returns {Promise<number>} installations recomputed
 */
export async function recomputeForecasts(deps, onProgress) {
  const { recomputeAllForecasts } = await serverModule('modules/forecasts/forecast-recompute.js');
  return recomputeAllForecasts(deps, onProgress);
}
