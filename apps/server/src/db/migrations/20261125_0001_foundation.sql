-- Foundation: accounts (tenants), users, sessions, sign-in secrets, audit log, rate limits, customers.
--
-- Tenant isolation: every tenant table has tenant_id, row-level security enabled AND forced, and a
-- policy that compares tenant_id with the transaction-local setting app.tenant_id. The application
-- runs tenant work as the role climalog_app (no BYPASSRLS, owns nothing); when the setting is absent
-- the policy compares with NULL and fails closed (zero rows, inserts refused).

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'climalog_app') then
    create role climalog_app nologin nosuperuser nobypassrls noinherit;
  end if;
end
$$;

-- The connecting (owner) role switches to climalog_app inside tenant transactions.
do $$
begin
  if not pg_has_role(current_user, 'climalog_app', 'member') then
    execute format('grant climalog_app to %I', current_user);
  end if;
end
$$;

grant usage on schema public to climalog_app;

create or replace function app_current_tenant() returns uuid
  language sql stable parallel safe
  as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

grant execute on function app_current_tenant() to climalog_app;

-- Company accounts. The tenant's own row is visible to it; creating accounts is an operator or
-- sign-up action that runs as the owner role.
create table tenants (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  kind text not null default 'service' check (kind in ('service', 'connect')),
  enterprise_number text check (enterprise_number ~ '^[01][0-9]{9}$'),
  require_two_factor boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table tenants enable row level security;
alter table tenants force row level security;
create policy tenant_isolation on tenants
  using (id = app_current_tenant()) with check (id = app_current_tenant());
grant select, update on tenants to climalog_app;

create table users (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid() unique,
  kind text not null default 'person' check (kind in ('person', 'system')),
  first_name text not null default '' check (length(first_name) <= 100),
  last_name text not null default '' check (length(last_name) <= 100),
  -- system users carry a display name instead of first/last name
  display_name text not null default '' check (length(display_name) <= 200),
  email text check (length(email) <= 254),
  language text not null default 'nl' check (language in ('nl', 'fr', 'en', 'de')),
  roles text[] not null default '{}'
    check (roles <@ array['technician', 'manager', 'administrator', 'account_manager']::text[]),
  sign_in_enabled boolean not null default false,
  password_hash text,
  password_changed_at timestamptz,
  totp_secret_encrypted text,
  totp_enabled_at timestamptz,
  totp_last_step bigint,
  deactivated_at timestamptz,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
-- Email is the sign-in name, so it is unique across the whole instance (case-insensitive).
create unique index users_email_unique on users (lower(email)) where email is not null;
create index users_tenant_created on users (tenant_id, created_at, id);
alter table users enable row level security;
alter table users force row level security;
create policy tenant_isolation on users
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update on users to climalog_app;

create table sessions (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid() unique,
  user_id uuid not null,
  token_hash text not null unique,
  csrf_token text not null,
  -- 'active', or an intermediate stage of sign-in with a second factor
  stage text not null check (stage in ('active', 'second_factor', 'enrol_second_factor')),
  ip text,
  user_agent text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ended_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
);
create index sessions_user on sessions (tenant_id, user_id) where ended_at is null;
alter table sessions enable row level security;
alter table sessions force row level security;
create policy tenant_isolation on sessions
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update on sessions to climalog_app;

-- One-time links sent by email: invitations (7 days) and password resets (1 hour).
create table email_tokens (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid() unique,
  user_id uuid not null,
  purpose text not null check (purpose in ('invitation', 'password_reset')),
  token_hash text not null unique,
  created_by uuid,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  revoked_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
);
create index email_tokens_user on email_tokens (tenant_id, user_id, purpose);
alter table email_tokens enable row level security;
alter table email_tokens force row level security;
create policy tenant_isolation on email_tokens
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update on email_tokens to climalog_app;

create table recovery_codes (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid() unique,
  user_id uuid not null,
  code_hash text not null,
  created_at timestamptz not null default now(),
  used_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
);
create index recovery_codes_user on recovery_codes (tenant_id, user_id);
alter table recovery_codes enable row level security;
alter table recovery_codes force row level security;
create policy tenant_isolation on recovery_codes
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on recovery_codes to climalog_app;

create table api_keys (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid() unique,
  user_id uuid not null,
  name text not null check (length(name) between 1 and 100),
  -- the public part of the key, to find it without scanning hashes
  prefix text not null unique,
  key_hash text not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
);
create index api_keys_user on api_keys (tenant_id, user_id);
alter table api_keys enable row level security;
alter table api_keys force row level security;
create policy tenant_isolation on api_keys
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update on api_keys to climalog_app;

-- The audit log: append-only (the application role may not update or delete), one hash chain per
-- tenant. audit_chain_heads serialises writers of one tenant so the chain never forks.
create table audit_events (
  tenant_id uuid not null references tenants (id) on delete cascade,
  seq bigint not null,
  id uuid not null default gen_random_uuid() unique,
  occurred_at timestamptz not null,
  actor_type text not null check (actor_type in ('user', 'system_user', 'end_customer', 'device', 'operator', 'anonymous')),
  actor_id uuid,
  actor_name text not null default '',
  action text not null check (action ~ '^[a-z_]+\.[a-z_]+$'),
  entity_type text,
  entity_id uuid,
  ip text,
  user_agent text,
  request_id text,
  details jsonb not null default '{}'::jsonb,
  prev_hash text not null,
  hash text not null,
  primary key (tenant_id, seq)
);
create index audit_events_time on audit_events (tenant_id, occurred_at);
create index audit_events_actor on audit_events (tenant_id, actor_id, seq);
create index audit_events_entity on audit_events (tenant_id, entity_id, seq);
create index audit_events_action on audit_events (tenant_id, action, seq);
alter table audit_events enable row level security;
alter table audit_events force row level security;
create policy tenant_isolation on audit_events
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert on audit_events to climalog_app;

create table audit_chain_heads (
  tenant_id uuid primary key references tenants (id) on delete cascade,
  last_seq bigint not null,
  last_hash text not null
);
alter table audit_chain_heads enable row level security;
alter table audit_chain_heads force row level security;
create policy tenant_isolation on audit_chain_heads
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update on audit_chain_heads to climalog_app;

-- Fixed-window counters for rate limits on sign-in paths; instance-wide, not tenant data, and never
-- touched by the application role.
create table rate_limit_buckets (
  key text not null,
  window_start timestamptz not null,
  hits integer not null,
  primary key (key, window_start)
);

create table customers (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid() unique,
  name text not null check (length(name) between 1 and 200),
  language text not null default 'nl' check (language in ('nl', 'fr', 'en', 'de')),
  enterprise_number text check (enterprise_number ~ '^[01][0-9]{9}$'),
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create index customers_tenant_created on customers (tenant_id, created_at, id);
create index customers_tenant_name on customers (tenant_id, lower(name));
alter table customers enable row level security;
alter table customers force row level security;
create policy tenant_isolation on customers
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on customers to climalog_app;
