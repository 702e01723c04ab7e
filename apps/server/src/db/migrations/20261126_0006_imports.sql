-- Imports of customers, locations and installations from .xlsx/.csv: the parsed rows wait here for
-- the preview and the column mapping, then a background job imports them and reports progress.
create table imports (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid() unique,
  kind text not null check (kind in ('customers', 'locations', 'installations')),
  status text not null check (status in ('preview', 'queued', 'running', 'finished', 'failed')),
  filename text not null default '' check (length(filename) <= 255),
  headers text[] not null,
  rows jsonb not null,
  mapping jsonb not null default '{}'::jsonb,
  total integer not null,
  processed integer not null default 0,
  created_count integer not null default 0,
  updated_count integer not null default 0,
  failed_count integer not null default 0,
  -- [{ row, field, message }] of the rows that did not land
  errors jsonb not null default '[]'::jsonb,
  failure text,
  created_by uuid,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  primary key (tenant_id, id)
);
alter table imports enable row level security;
alter table imports force row level security;
create policy tenant_isolation on imports
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update, delete on imports to climalog_app;

create index locations_external_reference on locations (tenant_id, external_reference) where external_reference is not null;
create index installations_external_reference on installations (tenant_id, external_reference) where external_reference is not null;
