import { z } from 'zod';
import type { AppDeps, ServiceContext } from '../../context.js';
import { withTenant } from '../../db/tenant-scope.js';
import { AppError, fieldError, forbidden, notFound, type FieldError } from '../../http/errors.js';
import { audit } from '../audit/audit-recorder.js';
import { isManagerOrAbove } from '../users/roles.js';
import { IMPORT_COLUMNS, suggestMapping, type ImportKind } from './import-columns.js';
import { prepareRow, resolveReference } from './import-rows.js';
import { IMPORT_JOB, MAX_REPORTED_ERRORS } from './import-runner.js';
import { readSpreadsheet, type Cell } from './spreadsheet-reader.js';

const PREVIEW_ROWS = 20;

type ImportRow = {
  id: string;
  kind: ImportKind;
  status: 'preview' | 'queued' | 'running' | 'finished' | 'failed';
  filename: string;
  headers: string[];
  rows: Cell[][];
  mapping: Record<string, number>;
  total: number;
  processed: number;
  created_count: number;
  updated_count: number;
  failed_count: number;
  errors: Array<{ row: number } & FieldError>;
  failure: string | null;
  created_by: string | null;
  created_at: Date;
  finished_at: Date | null;
};

function assertCanImport(ctx: ServiceContext) {
  if (!isManagerOrAbove(ctx.principal)) throw forbidden('Imports are for managers and administrators.');
}

/**
 * An import as stored; `rows: 'sample'` reads only the first rows (the preview's sample) instead of
 * all of them, for when the validation summary of the whole file is already known.
 */
async function load(
  deps: AppDeps,
  tenantId: string,
  id: string,
  rows: 'all' | 'sample' = 'all',
): Promise<ImportRow> {
  const [row] = await withTenant(deps.db, tenantId, (tx) =>
    tx.query<ImportRow>(
      rows === 'all'
        ? 'select * from imports where tenant_id = $1 and id = $2'
        : `select id, kind, status, filename, headers, jsonb_path_query_array(rows, '$[0 to ${PREVIEW_ROWS - 1}]') as rows,
                  mapping, total, processed, created_count, updated_count, failed_count, errors, failure, created_by,
                  created_at, finished_at
             from imports where tenant_id = $1 and id = $2`,
      [tenantId, id],
    ),
  );
  if (!row) throw notFound('Import');
  return row;
}

type Validation = { invalidRows: number; rowErrors: Array<{ row: number } & FieldError> };

/**
 * Which rows of an import are invalid under a mapping: the rows never change after the upload, so
 * the wizard's progress polls need not validate every row of a large file again. Per process, a few
 * imports at a time; a miss (another process, an evicted entry) just validates again.
 */
const validations = new Map<string, Validation>();
const MAX_CACHED_VALIDATIONS = 20;

function validationKey(row: Pick<ImportRow, 'id' | 'mapping'>) {
  return `${row.id} ${JSON.stringify(row.mapping)}`;
}

function validate(row: ImportRow): Validation {
  const prepared = row.rows.map((cells, i) => prepareRow(row.kind, cells, row.mapping, i + 2));
  const invalid = prepared.filter((p) => p.errors.length > 0);
  const validation = {
    invalidRows: invalid.length,
    rowErrors: invalid
      .slice(0, MAX_REPORTED_ERRORS)
      .flatMap((p) => p.errors.map((e) => ({ row: p.row, ...e }))),
  };
  validations.set(validationKey(row), validation);
  if (validations.size > MAX_CACHED_VALIDATIONS) validations.delete(validations.keys().next().value!);
  return validation;
}

/** An import for the wizard, reading all its rows only when their validation is not known yet. */
async function loadForView(deps: AppDeps, tenantId: string, id: string) {
  const row = await load(deps, tenantId, id, 'sample');
  const known = validations.get(validationKey(row));
  if (known) return { row, validation: known };
  const whole = await load(deps, tenantId, id);
  return { row: whole, validation: validate(whole) };
}

/** What the wizard shows: the mapping, a sample of mapped rows, per-row problems and the progress. */
async function describe(
  deps: AppDeps,
  tenantId: string,
  { row, validation }: { row: ImportRow; validation: Validation },
) {
  const prepared = row.rows
    .slice(0, PREVIEW_ROWS)
    .map((cells, i) => prepareRow(row.kind, cells, row.mapping, i + 2));
  // References (customer, location) are checked for the sample; the import checks every row.
  const sample = await withTenant(deps.db, tenantId, async (tx) => {
    const items = [];
    for (const p of prepared.slice(0, PREVIEW_ROWS)) {
      const reference =
        p.errors.length === 0 ? await resolveReference(tx, tenantId, row.kind, p) : { id: null };
      items.push({
        row: p.row,
        values: p.body,
        errors: reference.error ? [...p.errors, reference.error] : p.errors,
      });
    }
    return items;
  });
  const finished = row.status === 'finished' || row.status === 'failed';
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    filename: row.filename,
    headers: row.headers,
    mapping: row.mapping,
    fields: IMPORT_COLUMNS[row.kind].map((c) => c.field),
    total: row.total,
    validRows: row.total - validation.invalidRows,
    invalidRows: validation.invalidRows,
    sample,
    rowErrors: finished ? row.errors : validation.rowErrors,
    progress: {
      processed: row.processed,
      created: row.created_count,
      updated: row.updated_count,
      failed: row.failed_count,
      percent: row.total ? Math.round((row.processed / row.total) * 100) : 100,
    },
    failure: row.failure,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

export type ImportView = Awaited<ReturnType<typeof describe>>;

export async function createImport(
  deps: AppDeps,
  ctx: ServiceContext,
  kind: ImportKind,
  filename: string,
  file: Buffer,
): Promise<ImportView> {
  assertCanImport(ctx);
  const sheet = await readSpreadsheet(file);
  if (sheet.rows.length === 0)
    throw fieldError('file', 'The file has no rows below the column names.', 'empty');
  const mapping = suggestMapping(kind, sheet.headers);
  const now = deps.now();
  const id = await withTenant(deps.db, ctx.tenantId, async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `insert into imports (tenant_id, kind, status, filename, headers, rows, mapping, total, created_by, created_at)
       values ($1, $2, 'preview', $3, $4, $5, $6, $7, $8, $9) returning id`,
      [
        ctx.tenantId,
        kind,
        filename.slice(0, 255),
        sheet.headers,
        JSON.stringify(sheet.rows),
        JSON.stringify(mapping),
        sheet.rows.length,
        ctx.principal.userId,
        now,
      ],
    );
    return row!.id;
  });
  return describe(deps, ctx.tenantId, await loadForView(deps, ctx.tenantId, id));
}

export async function getImport(deps: AppDeps, ctx: ServiceContext, id: string): Promise<ImportView> {
  assertCanImport(ctx);
  return describe(deps, ctx.tenantId, await loadForView(deps, ctx.tenantId, id));
}

export const mappingInput = z.record(z.string(), z.number().int().min(0).max(99));

export async function updateMapping(
  deps: AppDeps,
  ctx: ServiceContext,
  id: string,
  mapping: Record<string, number>,
): Promise<ImportView> {
  assertCanImport(ctx);
  const current = await load(deps, ctx.tenantId, id);
  if (current.status !== 'preview')
    throw new AppError('conflict', 'This import has already started.', { reason: 'already_started' });
  const fields = new Set(IMPORT_COLUMNS[current.kind].map((c) => c.field));
  for (const [field, index] of Object.entries(mapping)) {
    if (!fields.has(field))
      throw fieldError(`mapping.${field}`, 'Not a field of this import.', 'unknown_field');
    if (index >= current.headers.length)
      throw fieldError(`mapping.${field}`, 'There is no such column.', 'unknown_column');
  }
  await withTenant(deps.db, ctx.tenantId, (tx) =>
    tx.query('update imports set mapping = $3 where tenant_id = $1 and id = $2', [
      ctx.tenantId,
      id,
      JSON.stringify(mapping),
    ]),
  );
  return describe(deps, ctx.tenantId, await loadForView(deps, ctx.tenantId, id));
}

/** Starts the import in the background; the wizard follows its progress with GET. */
export async function startImport(deps: AppDeps, ctx: ServiceContext, id: string): Promise<ImportView> {
  assertCanImport(ctx);
  await withTenant(deps.db, ctx.tenantId, async (tx) => {
    const rows = await tx.query(
      "update imports set status = 'queued', progress_at = $3 where tenant_id = $1 and id = $2 and status = 'preview' returning id",
      [ctx.tenantId, id, deps.now()],
    );
    if (rows.length === 0) {
      const [exists] = await tx.query('select 1 from imports where tenant_id = $1 and id = $2', [
        ctx.tenantId,
        id,
      ]);
      if (!exists) throw notFound('Import');
      throw new AppError('conflict', 'This import has already started.', { reason: 'already_started' });
    }
    await audit(tx, ctx, { action: 'import.started', entityType: 'import', entityId: id }, deps.now());
    deps.jobs.enqueue(tx, IMPORT_JOB, { tenantId: ctx.tenantId, importId: id });
  });
  return describe(deps, ctx.tenantId, await loadForView(deps, ctx.tenantId, id));
}
