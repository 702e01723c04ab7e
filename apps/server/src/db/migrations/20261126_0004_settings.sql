-- Company settings of an account: company information, logo, certificates, BCC addresses, note and
-- email templates, document options and defaults. One row per account; the shape is validated by
-- the settings schema, so it lives in one jsonb document.
create table tenant_settings (
  tenant_id uuid primary key references tenants (id) on delete cascade,
  data jsonb not null default '{}'::jsonb,
  -- PNG or JPEG as a data URL, checked by content
  logo text check (length(logo) <= 700000),
  updated_at timestamptz not null default now()
);
alter table tenant_settings enable row level security;
alter table tenant_settings force row level security;
create policy tenant_isolation on tenant_settings
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update on tenant_settings to climalog_app;
