-- Photos and files attached to installations. The bytes live in the object store under a generated
-- key; the name the user gave is kept only to offer it back on download.
create table attachments (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid() unique,
  installation_id uuid not null,
  storage_key text not null unique,
  filename text not null check (length(filename) between 1 and 255),
  content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size_bytes integer not null check (size_bytes > 0),
  width integer,
  height integer,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, installation_id) references installations (tenant_id, id) on delete cascade
);
create index attachments_installation on attachments (tenant_id, installation_id, created_at);
alter table attachments enable row level security;
alter table attachments force row level security;
create policy tenant_isolation on attachments
  using (tenant_id = app_current_tenant()) with check (tenant_id = app_current_tenant());
grant select, insert, delete on attachments to climalog_app;
