-- Lists page off indexes in their own order (measured with npm run bench, scenarios lists and
-- list-growth): without them a page sorted by a nullable column sorts every installation of the
-- account (100,000 installations: 0.9–1.8 s for a 50-row page by reference or charge), and the
-- overdue forecasts sorted every overdue forecast of the account for each page.
--
-- Installations: each sortable column that may be empty, in both directions (missing values last
-- either way, so the descending order is not the ascending one read backwards), for the lists of
-- installations in use.
create index installations_reference_asc on installations (tenant_id, (nullif(lower(reference), '')), id)
  where archived_at is null;
create index installations_reference_desc on installations (tenant_id, (nullif(lower(reference), '')) desc nulls last, id desc)
  where archived_at is null;
create index installations_refrigerant_asc on installations (tenant_id, refrigerant, id) where archived_at is null;
create index installations_refrigerant_desc on installations (tenant_id, refrigerant desc nulls last, id desc)
  where archived_at is null;
create index installations_charge_asc on installations (tenant_id, charge_kg, id) where archived_at is null;
create index installations_charge_desc on installations (tenant_id, charge_kg desc nulls last, id desc)
  where archived_at is null;
create index installations_commissioned_asc on installations (tenant_id, commissioned_on, id) where archived_at is null;
create index installations_commissioned_desc on installations (tenant_id, commissioned_on desc nulls last, id desc)
  where archived_at is null;

-- Forecast views: by (due date, type, installation or building) within a status, the order the
-- views page in; it also serves what forecasts_due (tenant_id, status, due_on) did.
create index forecasts_view_order on forecasts (tenant_id, status, due_on, type, (coalesce(installation_id, building_id)));
drop index forecasts_due;
