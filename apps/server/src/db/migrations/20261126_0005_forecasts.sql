-- Stored forecasts: one row per installation (or building) and obligation, recomputed in the same
-- transaction as any change that affects it and nightly (rule versions start, dates pass). The
-- forecast views are plain indexed queries on these rows. Whether a planned row is overdue is
-- decided at query time (due_on < today), so it never goes stale between recomputes.
create table forecasts (
  tenant_id uuid not null references tenants (id) on delete cascade,
  -- exactly one of installation_id / building_id
  installation_id uuid,
  building_id uuid,
  type text not null check (type in ('leak_check', 'heating_maintenance', 'heating_audit', 'leak_repair', 'leak_retest', 'energy_inspection')),
  status text not null check (status in ('planned', 'unknown')),
  due_on date,
  interval_months integer,
  interval_days integer,
  rule text,
  source text,
  source_url text,
  base_date date,
  base_kind text,
  missing text[] not null default '{}',
  mode text,
  to_confirm boolean not null default false,
  -- the explanation sentence in every language, so lists need no re-evaluation
  explanations jsonb not null default '{}'::jsonb,
  customer_id uuid not null,
  location_id uuid not null,
  computed_at timestamptz not null,
  check ((installation_id is null) <> (building_id is null)),
  check (status <> 'planned' or due_on is not null),
  foreign key (tenant_id, installation_id) references installations (tenant_id, id) on delete cascade,
  foreign key (tenant_id, building_id) references buildings (tenant_id, id) on delete cascade
);
create unique index forecasts_installation on forecasts (tenant_id, installation_id, type) where installation_id is not null;
create unique index forecasts_building on forecasts (tenant_id, building_id, type) where building_id is not null;
create index forecasts_due on forecasts (tenant_id, status, due_on);
create index forecasts_customer on forecasts (tenant_id, customer_id, due_on);
create index forecasts_location on forecasts (tenant_id, location_id, due_on);
alter table forecasts enable row level security;
alter table forecasts force row level security;
create policy tenant_isolation on forecasts
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on forecasts to climalog_app;
