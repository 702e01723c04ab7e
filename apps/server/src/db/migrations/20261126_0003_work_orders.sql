-- Work orders (the logbook), their activities, inventory products, refrigerant cylinders with a
-- movement ledger, and per-tenant counters for human-readable numbers.

create table tenant_counters (
  tenant_id uuid not null references tenants (id) on delete cascade,
  name text not null,
  value bigint not null,
  primary key (tenant_id, name)
);
alter table tenant_counters enable row level security;
alter table tenant_counters force row level security;
create policy tenant_isolation on tenant_counters
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update on tenant_counters to climalog_app;

create table products (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid() unique,
  name text not null check (length(name) between 1 and 200),
  sku text check (length(sku) <= 60),
  unit text not null default 'piece' check (length(unit) between 1 and 20),
  notes text not null default '' check (length(notes) <= 2000),
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index products_name on products (tenant_id, lower(name));
alter table products enable row level security;
alter table products force row level security;
create policy tenant_isolation on products
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on products to climalog_app;

create table cylinders (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid() unique,
  kind text not null check (kind in ('supply', 'recovery')),
  -- null for a recovery cylinder that takes mixed refrigerant
  refrigerant text check (length(refrigerant) <= 30),
  serial_number text not null default '' check (length(serial_number) <= 100),
  capacity_kg numeric(10, 3) not null check (capacity_kg > 0 and capacity_kg <= 2000),
  -- The database itself refuses a content below zero or above capacity, so concurrent withdrawals
  -- can never overdraw a cylinder whatever the application does.
  content_kg numeric(10, 3) not null check (content_kg >= 0),
  notes text not null default '' check (length(notes) <= 2000),
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  check (content_kg <= capacity_kg)
);
alter table cylinders enable row level security;
alter table cylinders force row level security;
create policy tenant_isolation on cylinders
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on cylinders to climalog_app;

create table work_orders (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid() unique,
  number bigint not null,
  customer_id uuid not null,
  status text not null check (status in ('to_be_executed', 'executed', 'cancelled')),
  planned_on date,
  executed_on date,
  executor_id uuid,
  notes text not null default '' check (length(notes) <= 20000),
  -- optimistic concurrency: every change increments it; a stale write is refused
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  foreign key (tenant_id, executor_id) references users (tenant_id, id),
  check (status <> 'executed' or executed_on is not null)
);
create index work_orders_list on work_orders (tenant_id, coalesce(executed_on, planned_on), id);
create index work_orders_customer on work_orders (tenant_id, customer_id);
create index work_orders_executor on work_orders (tenant_id, executor_id);
alter table work_orders enable row level security;
alter table work_orders force row level security;
create policy tenant_isolation on work_orders
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on work_orders to climalog_app;

create table work_order_installations (
  tenant_id uuid not null,
  work_order_id uuid not null,
  installation_id uuid not null,
  primary key (tenant_id, work_order_id, installation_id),
  foreign key (tenant_id, work_order_id) references work_orders (tenant_id, id) on delete cascade,
  foreign key (tenant_id, installation_id) references installations (tenant_id, id)
);
create index work_order_installations_installation on work_order_installations (tenant_id, installation_id);
alter table work_order_installations enable row level security;
alter table work_order_installations force row level security;
create policy tenant_isolation on work_order_installations
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on work_order_installations to climalog_app;

create table activities (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid() unique,
  work_order_id uuid not null,
  installation_id uuid not null,
  type text not null check (type in ('commissioning', 'leak_check', 'leak_repair', 'refrigerant_added',
    'refrigerant_recovered', 'maintenance', 'repair', 'measurements', 'heating_maintenance', 'heating_audit',
    'energy_inspection', 'decommissioning')),
  position integer not null default 0,
  -- typed columns the logbook, reports and forecasts query; the rest of the body is in details
  result text check (result in ('no_leak', 'leak_found')),
  refrigerant text check (length(refrigerant) <= 30),
  quantity_kg numeric(10, 3) check (quantity_kg > 0 and quantity_kg <= 10000),
  cylinder_id uuid,
  details jsonb not null default '{}'::jsonb,
  primary key (tenant_id, id),
  foreign key (tenant_id, work_order_id) references work_orders (tenant_id, id) on delete cascade,
  foreign key (tenant_id, installation_id) references installations (tenant_id, id),
  foreign key (tenant_id, cylinder_id) references cylinders (tenant_id, id)
);
create index activities_installation on activities (tenant_id, installation_id, type);
create index activities_work_order on activities (tenant_id, work_order_id);
alter table activities enable row level security;
alter table activities force row level security;
create policy tenant_isolation on activities
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on activities to climalog_app;

-- Every change of a cylinder's content, linked to the activity that caused it.
create table cylinder_movements (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid() unique,
  cylinder_id uuid not null,
  work_order_id uuid,
  activity_id uuid,
  delta_kg numeric(10, 3) not null,
  reason text not null check (reason in ('withdrawal', 'recovery', 'reversal', 'adjustment')),
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, cylinder_id) references cylinders (tenant_id, id) on delete cascade
);
create index cylinder_movements_cylinder on cylinder_movements (tenant_id, cylinder_id, created_at);
create index cylinder_movements_work_order on cylinder_movements (tenant_id, work_order_id);
alter table cylinder_movements enable row level security;
alter table cylinder_movements force row level security;
create policy tenant_isolation on cylinder_movements
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert on cylinder_movements to climalog_app;

create table work_order_products (
  tenant_id uuid not null,
  work_order_id uuid not null,
  product_id uuid not null,
  quantity numeric(10, 3) not null check (quantity > 0 and quantity <= 100000),
  primary key (tenant_id, work_order_id, product_id),
  foreign key (tenant_id, work_order_id) references work_orders (tenant_id, id) on delete cascade,
  foreign key (tenant_id, product_id) references products (tenant_id, id)
);
alter table work_order_products enable row level security;
alter table work_order_products force row level security;
create policy tenant_isolation on work_order_products
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on work_order_products to climalog_app;

create table work_order_signatures (
  tenant_id uuid not null,
  work_order_id uuid not null,
  role text not null check (role in ('customer', 'technician')),
  signer_name text not null default '' check (length(signer_name) <= 200),
  -- a PNG data URL drawn on the device; small by construction (checked by the service)
  image text not null check (length(image) <= 400000),
  signed_at timestamptz not null,
  primary key (tenant_id, work_order_id, role),
  foreign key (tenant_id, work_order_id) references work_orders (tenant_id, id) on delete cascade
);
alter table work_order_signatures enable row level security;
alter table work_order_signatures force row level security;
create policy tenant_isolation on work_order_signatures
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on work_order_signatures to climalog_app;
