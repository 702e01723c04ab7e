-- Idempotency keys survive the process that ran the request: the claim names that process (so a
-- key left "running" by a process that was killed can be taken over by the retry instead of
-- blocking it), and "committed" is written in the transaction of the request's change, with the
-- answer as it stood then, so a retry after a crash between commit and answer replays it instead of
-- running the change twice.
alter table idempotency_keys
  add column claim text not null default '',
  drop constraint idempotency_keys_state_check,
  add constraint idempotency_keys_state_check check (state in ('running', 'committed', 'done'));
