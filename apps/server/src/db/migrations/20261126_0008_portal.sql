-- Customer portal: authorization codes per customer or per location (stored as hashes only) and the
-- portal sessions opened with them. Both are looked up by hash before the tenant is known.
create table portal_access (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid() unique,
  scope text not null check (scope in ('customer', 'location')),
  customer_id uuid not null,
  location_id uuid,
  code_hash text not null unique,
  require_installation_token boolean not null default false,
  enabled boolean not null default true,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  check ((scope = 'location') = (location_id is not null)),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade,
  foreign key (tenant_id, location_id) references locations (tenant_id, id) on delete cascade
);
create unique index portal_access_customer on portal_access (tenant_id, customer_id) where scope = 'customer';
create unique index portal_access_location on portal_access (tenant_id, location_id) where scope = 'location';
alter table portal_access enable row level security;
alter table portal_access force row level security;
create policy tenant_isolation on portal_access
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on portal_access to climalog_app;

create table portal_sessions (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid() unique,
  access_id uuid not null,
  token_hash text not null unique,
  -- set when the location requires the installation token: the session sees only this installation
  installation_id uuid,
  language text not null default 'nl' check (language in ('nl', 'fr', 'en', 'de')),
  ip text,
  user_agent text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ended_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, access_id) references portal_access (tenant_id, id) on delete cascade
);
create index portal_sessions_access on portal_sessions (tenant_id, access_id) where ended_at is null;
alter table portal_sessions enable row level security;
alter table portal_sessions force row level security;
create policy tenant_isolation on portal_sessions
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update on portal_sessions to climalog_app;
