-- An import's run is held by one runner at a time: `runner` names it, `progress_at` is when it was
-- queued or last committed a batch (the rows of a batch and the progress in the same transaction).
-- A run that stopped committing (its process was killed) is taken up again where it stood.
alter table imports add column runner uuid;
alter table imports add column progress_at timestamptz;
create index imports_running on imports (tenant_id, progress_at) where status in ('queued', 'running');
