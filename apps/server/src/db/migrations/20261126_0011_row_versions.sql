-- Row versions against lost updates, as work orders already have: every change adds one, reads
-- return it (in the record and as its ETag), and a change made on an older version is refused with
-- a 409. Existing rows start at 1. For the settings, an account without a row reads as version 1;
-- its first save writes version 2.
alter table customers add column version integer not null default 1;
alter table locations add column version integer not null default 1;
alter table buildings add column version integer not null default 1;
alter table installations add column version integer not null default 1;
alter table tenant_settings add column version integer not null default 1;
alter table labels add column version integer not null default 1;
alter table products add column version integer not null default 1;
alter table cylinders add column version integer not null default 1;
