-- The logbook hierarchy: customers (extended) → locations → buildings → installations, with labels.
-- Same tenant-isolation pattern as the foundation: tenant_id first in every key, RLS enabled and
-- forced, composite foreign keys so no row can point into another tenant.

alter table customers
  add column internal_name text not null default '' check (length(internal_name) <= 200),
  add column customer_number text check (length(customer_number) <= 50),
  add column vat_number text check (vat_number ~ '^[A-Z]{2}[0-9A-Z]{2,13}$'),
  add column email text check (length(email) <= 254),
  add column phone text check (length(phone) <= 40),
  add column mobile text check (length(mobile) <= 40),
  add column website text check (length(website) <= 200),
  add column notes text not null default '' check (length(notes) <= 5000);
create index customers_number on customers (tenant_id, customer_number) where customer_number is not null;

create table locations (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid() unique,
  customer_id uuid not null,
  name text not null default '' check (length(name) <= 200),
  street text not null default '' check (length(street) <= 200),
  number text not null default '' check (length(number) <= 20),
  box text not null default '' check (length(box) <= 20),
  postcode text not null default '' check (length(postcode) <= 20),
  city text not null default '' check (length(city) <= 100),
  country text not null default 'BE' check (country ~ '^[A-Z]{2}$'),
  -- null when it cannot be derived (a Belgian address without a postcode)
  region text check (region in ('flanders', 'brussels', 'wallonia', 'other')),
  -- true when the region was given, not derived from the postcode
  region_manual boolean not null default false,
  notes text not null default '' check (length(notes) <= 5000),
  external_reference text check (length(external_reference) <= 100),
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id)
);
create index locations_customer on locations (tenant_id, customer_id);
alter table locations enable row level security;
alter table locations force row level security;
create policy tenant_isolation on locations
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on locations to climalog_app;

create table location_contacts (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid() unique,
  location_id uuid not null,
  name text not null check (length(name) between 1 and 200),
  role text not null default '' check (length(role) <= 100),
  email text check (length(email) <= 254),
  phone text check (length(phone) <= 40),
  position integer not null default 0,
  primary key (tenant_id, id),
  foreign key (tenant_id, location_id) references locations (tenant_id, id) on delete cascade
);
create index location_contacts_location on location_contacts (tenant_id, location_id);
alter table location_contacts enable row level security;
alter table location_contacts force row level security;
create policy tenant_isolation on location_contacts
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on location_contacts to climalog_app;

create table buildings (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid() unique,
  location_id uuid not null,
  name text not null check (length(name) between 1 and 200),
  is_default boolean not null default false,
  forecast_enabled boolean not null default true,
  last_energy_inspection_on date,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, location_id) references locations (tenant_id, id) on delete cascade
);
create index buildings_location on buildings (tenant_id, location_id);
-- One default building per location.
create unique index buildings_one_default on buildings (tenant_id, location_id) where is_default;
alter table buildings enable row level security;
alter table buildings force row level security;
create policy tenant_isolation on buildings
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on buildings to climalog_app;

create table installations (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid() unique,
  building_id uuid not null,
  -- denormalised from the building for indexed lists; kept in step by the service
  location_id uuid not null,
  customer_id uuid not null,
  kind text check (kind in ('refrigeration', 'air_conditioning', 'heat_pump', 'heating')),
  reference text not null default '' check (length(reference) <= 100),
  brand text not null default '' check (length(brand) <= 100),
  model text not null default '' check (length(model) <= 100),
  serial_number text not null default '' check (length(serial_number) <= 100),
  refrigerant text check (length(refrigerant) <= 30),
  charge_kg numeric(12, 3) check (charge_kg >= 0 and charge_kg <= 100000),
  hermetically_sealed boolean,
  leak_detection_system boolean,
  cooling_capacity_kw numeric(12, 3) check (cooling_capacity_kw >= 0 and cooling_capacity_kw <= 100000),
  comfort_cooling boolean,
  heating_fuel text check (heating_fuel in ('gas', 'liquid', 'solid', 'other')),
  heating_capacity_kw numeric(12, 3) check (heating_capacity_kw >= 0 and heating_capacity_kw <= 100000),
  commissioned_on date,
  forecast_start_on date,
  forecast_mode text not null default 'automatic' check (forecast_mode in ('automatic', 'custom', 'none')),
  custom_interval_months integer check (custom_interval_months between 1 and 120),
  forecast_mode_reason text not null default '' check (length(forecast_mode_reason) <= 500),
  notes text not null default '' check (length(notes) <= 10000),
  external_reference text check (length(external_reference) <= 100),
  token text not null unique,
  archived_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, building_id) references buildings (tenant_id, id),
  foreign key (tenant_id, location_id) references locations (tenant_id, id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id)
);
create index installations_list on installations (tenant_id, archived_at, created_at, id);
create index installations_location on installations (tenant_id, location_id);
create index installations_customer on installations (tenant_id, customer_id);
create index installations_building on installations (tenant_id, building_id);
create index installations_serial on installations (tenant_id, lower(serial_number));
alter table installations enable row level security;
alter table installations force row level security;
create policy tenant_isolation on installations
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on installations to climalog_app;

create table installation_components (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid() unique,
  installation_id uuid not null,
  kind text not null check (length(kind) between 1 and 50),
  brand text not null default '' check (length(brand) <= 100),
  model text not null default '' check (length(model) <= 100),
  serial_number text not null default '' check (length(serial_number) <= 100),
  notes text not null default '' check (length(notes) <= 2000),
  position integer not null default 0,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, installation_id) references installations (tenant_id, id) on delete cascade
);
create index installation_components_installation on installation_components (tenant_id, installation_id);
alter table installation_components enable row level security;
alter table installation_components force row level security;
create policy tenant_isolation on installation_components
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on installation_components to climalog_app;

create table labels (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid() unique,
  scope text not null check (scope in ('customer', 'location', 'installation', 'work_order')),
  name text not null check (length(name) between 1 and 60),
  colour text not null default '#0b7285' check (colour ~ '^#[0-9a-f]{6}$'),
  description text not null default '' check (length(description) <= 500),
  -- roles that may put the label on or take it off; empty = everybody
  settable_by text[] not null default '{}'
    check (settable_by <@ array['technician', 'manager', 'administrator', 'account_manager']::text[]),
  print_on_work_order boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create unique index labels_name on labels (tenant_id, scope, lower(name));
alter table labels enable row level security;
alter table labels force row level security;
create policy tenant_isolation on labels
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on labels to climalog_app;

create table label_assignments (
  tenant_id uuid not null,
  label_id uuid not null,
  entity_id uuid not null,
  primary key (tenant_id, label_id, entity_id),
  foreign key (tenant_id, label_id) references labels (tenant_id, id) on delete cascade
);
create index label_assignments_entity on label_assignments (tenant_id, entity_id);
alter table label_assignments enable row level security;
alter table label_assignments force row level security;
create policy tenant_isolation on label_assignments
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on label_assignments to climalog_app;
