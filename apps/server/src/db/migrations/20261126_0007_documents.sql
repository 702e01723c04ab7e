-- Documents: the technician's certificate number (printed on work orders and certificates), the
-- record of every work order sent by email, and the chain of verifiable logbook exports.
alter table users add column certificate_number text check (length(certificate_number) <= 60);

create table work_order_sends (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid() unique,
  work_order_id uuid not null,
  recipients text[] not null,
  bcc text[] not null default '{}',
  language text not null check (language in ('nl', 'fr', 'en', 'de')),
  template_id uuid,
  subject text not null default '',
  status text not null check (status in ('queued', 'sent', 'failed')),
  attempts integer not null default 0,
  last_error text,
  created_by uuid,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, work_order_id) references work_orders (tenant_id, id) on delete cascade
);
create index work_order_sends_work_order on work_order_sends (tenant_id, work_order_id, created_at);
alter table work_order_sends enable row level security;
alter table work_order_sends force row level security;
create policy tenant_isolation on work_order_sends
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, update on work_order_sends to climalog_app;

-- Each export of an installation's logbook: a SHA-256 over the canonical entries, chained with the
-- previous export's digest. /verify/{digest} looks an export up by its digest (before a tenant is known).
create table logbook_exports (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid() unique,
  installation_id uuid not null,
  digest text not null unique,
  previous_digest text,
  entries_hash text not null,
  entry_count integer not null,
  format text not null check (format in ('pdf', 'xlsx')),
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, installation_id) references installations (tenant_id, id) on delete cascade
);
create index logbook_exports_installation on logbook_exports (tenant_id, installation_id, created_at);
alter table logbook_exports enable row level security;
alter table logbook_exports force row level security;
create policy tenant_isolation on logbook_exports
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert on logbook_exports to climalog_app;
