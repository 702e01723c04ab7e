/**
 * Bulk data straight through SQL, shaped as the server writes it (see
 * apps/server/src/db/migrations): customers, each with one location and its default building, and
 * installations spread over them with a realistic mix of kinds, refrigerants and missing data.
 * Rows are keyed by number (customer_number / external_reference "BENCH-<n>"), so a later call
 * adds to what an earlier one made: seed 10 000, measure, seed up to 100 000, measure.
 *
 * Not written: forecasts (the server computes them on change or on its nightly recompute), audit
 * records, labels, components and attachments.
 */

/** @typedef {import('./database.mjs').SqlConnection} SqlConnection */

const POSTCODES = [
  ['9000', 'Gent', 'flanders'],
  ['2000', 'Antwerpen', 'flanders'],
  ['1000', 'Brussel', 'brussels'],
  ['4000', 'Liège', 'wallonia'],
  ['8000', 'Brugge', 'flanders'],
  ['3000', 'Leuven', 'flanders'],
  ['5000', 'Namur', 'wallonia'],
];

/**
 * Installations numbered from..to-1 for one tenant, with the customers (one per `perCustomer`
 * installations), locations and default buildings they need.
 * @param {SqlConnection} sql
 * @param {{ tenantId: string, userId: string, from: number, to: number, perCustomer?: number }} options
 */
export async function seedInstallations(sql, { tenantId, userId, from, to, perCustomer = 50 }) {
  if (to <= from) return;
  const firstCustomer = Math.floor(from / perCustomer);
  const lastCustomer = Math.floor((to - 1) / perCustomer);
  const postcodes = `(values ${POSTCODES.map((_, i) => `(${i}, $${3 + i * 3}, $${4 + i * 3}, $${5 + i * 3})`).join(', ')}) as p(n, postcode, city, region)`;
  const postcodeParams = POSTCODES.flat();
  await sql.query('begin');
  try {
    await sql.query(
      `insert into customers (tenant_id, name, language, customer_number, email, created_by, created_at, updated_at)
       select $1::uuid, 'Bench customer ' || n, (array['nl', 'nl', 'fr', 'en'])[1 + n % 4], 'BENCH-' || n,
              'customer' || n || '@example.test', $2::uuid, now() - interval '10 years' + n * interval '1 hour',
              now() - interval '10 years' + n * interval '1 hour'
         from generate_series($3::int, $4::int) n
        where not exists (select 1 from customers c where c.tenant_id = $1::uuid and c.customer_number = 'BENCH-' || n)`,
      [tenantId, userId, firstCustomer, lastCustomer],
    );
    await sql.query(
      `insert into locations (tenant_id, customer_id, name, street, number, postcode, city, country, region,
                              external_reference, created_by, created_at, updated_at)
       select c.tenant_id, c.id, '', 'Bench street', (1 + substr(c.customer_number, 7)::int % 200)::text,
              p.postcode, p.city, 'BE', p.region, c.customer_number, $2::uuid, c.created_at, c.created_at
         from customers c
         join ${postcodes} on p.n = substr(c.customer_number, 7)::int % ${POSTCODES.length}
        where c.tenant_id = $1::uuid and c.customer_number like 'BENCH-%'
          and not exists (select 1 from locations l where l.tenant_id = c.tenant_id and l.customer_id = c.id)`,
      [tenantId, userId, ...postcodeParams],
    );
    await sql.query(
      `insert into buildings (tenant_id, location_id, name, is_default, forecast_enabled, created_by, created_at, updated_at)
       select l.tenant_id, l.id, 'Default', true, true, $2::uuid, l.created_at, l.created_at
         from locations l
        where l.tenant_id = $1::uuid and l.external_reference like 'BENCH-%'
          and not exists (select 1 from buildings b where b.tenant_id = l.tenant_id and b.location_id = l.id)`,
      [tenantId, userId],
    );
    await sql.query(
      `insert into installations (tenant_id, building_id, location_id, customer_id, kind, reference, brand, model,
              serial_number, refrigerant, charge_kg, hermetically_sealed, leak_detection_system, cooling_capacity_kw,
              comfort_cooling, heating_fuel, heating_capacity_kw, commissioned_on, token, external_reference,
              created_by, created_at, updated_at)
       select $1::uuid, b.id, l.id, c.id, s.kind, 'Unit ' || g,
              (array['Daikin', 'Mitsubishi Electric', 'Carrier', 'Bitzer', 'Viessmann', 'Vaillant'])[1 + g % 6],
              'M-' || (g % 997), 'SN' || lpad(g::text, 9, '0'),
              case when s.kind <> 'heating' then (array['R-410A', 'R-32', 'R-134a', 'R-404A', 'R-407C'])[1 + g % 5] end,
              case when s.kind <> 'heating' and g % 17 <> 0 then round(0.5 + (g * 7919 % 4000) / 100.0, 3) end,
              case when s.kind <> 'heating' then g % 3 = 0 end,
              case when s.kind <> 'heating' then g % 11 = 0 end,
              case when s.kind <> 'heating' then round(2 + (g % 200) * 0.5, 1) end,
              case s.kind when 'refrigeration' then false when 'heating' then null else true end,
              case when s.kind = 'heating' then (array['gas', 'liquid'])[1 + g % 2] end,
              case s.kind when 'heating' then 20 + g % 80 when 'heat_pump' then 8 + g % 10 end,
              case when g % 23 <> 0 then date '2010-01-01' + (g * 37 % 5800) end,
              substr(t.code, 1, 5) || '-' || substr(t.code, 6, 5) || '-' || substr(t.code, 11, 5) || '-' || substr(t.code, 16, 5),
              'BENCH-I-' || g, $2::uuid, now() - interval '10 years' + g * interval '1 minute',
              now() - interval '10 years' + g * interval '1 minute'
         from generate_series($3::int, $4::int - 1) g
         cross join lateral (select (array['air_conditioning', 'air_conditioning', 'air_conditioning',
                'air_conditioning', 'refrigeration', 'refrigeration', 'refrigeration', 'heat_pump', 'heat_pump',
                'heating'])[1 + g % 10] as kind) s
         join customers c on c.tenant_id = $1::uuid and c.customer_number = 'BENCH-' || (g / $5::int)
         join locations l on l.tenant_id = $1::uuid and l.customer_id = c.id
         join buildings b on b.tenant_id = $1::uuid and b.location_id = l.id and b.is_default
         cross join lateral (select translate(upper(md5(c.id::text || ':' || g)), '0123456789ABCDEF',
                '23456789ABCDEFGH') as code) t`,
      [tenantId, userId, from, to, perCustomer],
    );
    await sql.query('commit');
  } catch (error) {
    await sql.query('rollback');
    throw error;
  }
  // A database in use has statistics (autovacuum); a freshly bulk-loaded one needs them made.
  await sql.query('analyze customers, locations, buildings, installations');
}
