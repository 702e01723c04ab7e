-- Idempotency keys (every POST), and the field app's devices with their access and refresh tokens.

-- Instance-wide like the rate limits: looked up by the owner role, keyed by who sent the request.
create table idempotency_keys (
  scope text not null,
  key text not null check (length(key) between 1 and 255),
  request_hash text not null,
  state text not null check (state in ('running', 'done')),
  response_status integer,
  response_type text,
  response_body text,
  created_at timestamptz not null default now(),
  primary key (scope, key)
);
create index idempotency_keys_created on idempotency_keys (created_at);

create table devices (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid() unique,
  user_id uuid not null,
  installation_id text not null check (length(installation_id) between 8 and 100),
  name text not null default '' check (length(name) <= 100),
  app_version text not null default '' check (length(app_version) <= 40),
  os text not null default '' check (length(os) <= 100),
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  revoked_at timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, user_id, installation_id),
  foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
);
alter table devices enable row level security;
alter table devices force row level security;
create policy tenant_isolation on devices
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update on devices to climalog_app;

-- Refresh tokens rotate: each use issues the next in the same family; a reused one revokes the family.
create table device_tokens (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid() unique,
  device_id uuid not null,
  kind text not null check (kind in ('access', 'refresh')),
  family_id uuid not null,
  token_hash text not null unique,
  expires_at timestamptz not null,
  used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, device_id) references devices (tenant_id, id) on delete cascade
);
create index device_tokens_family on device_tokens (tenant_id, family_id);
alter table device_tokens enable row level security;
alter table device_tokens force row level security;
create policy tenant_isolation on device_tokens
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update on device_tokens to climalog_app;
