import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { AppDeps, ServiceContext } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { withTenant } from '../../db/tenant-scope.js';
import { fieldError, forbidden, notFound } from '../../http/errors.js';
import { imageDimensions, sniffFileType, stripImageMetadata } from '../../storage/file-types.js';
import { audit } from '../audit/audit-recorder.js';
import { canReadCustomers, canUpdateCustomer } from '../customers/customers.policy.js';
import { isManagerOrAbove } from '../users/roles.js';
import { findInstallation } from './installations.repository.js';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const MAX_PIXELS = 50_000_000;

export type AttachmentView = {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  createdAt: string;
  createdBy: string | null;
};

export type AttachmentRow = {
  id: string;
  storage_key: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  width: number | null;
  height: number | null;
  created_by: string | null;
  created_at: Date;
};

export const presentAttachment = (r: Omit<AttachmentRow, 'storage_key'>): AttachmentView => ({
  id: r.id,
  filename: r.filename,
  contentType: r.content_type,
  sizeBytes: r.size_bytes,
  width: r.width,
  height: r.height,
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by,
});

/** A file name to offer back on download: no path, no control characters, bounded. */
function cleanFilename(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .trim()
    .slice(0, 200);
  return base || `attachment.${extension}`;
}

export async function attachmentsOf(
  tx: Queryable,
  tenantId: string,
  installationIds: readonly string[],
): Promise<Map<string, AttachmentView[]>> {
  const map = new Map<string, AttachmentView[]>();
  if (installationIds.length === 0) return map;
  const rows = await tx.query<AttachmentRow & { installation_id: string }>(
    'select * from attachments where tenant_id = $1 and installation_id = any($2::uuid[]) order by created_at',
    [tenantId, installationIds],
  );
  for (const r of rows)
    map.set(r.installation_id, [...(map.get(r.installation_id) ?? []), presentAttachment(r)]);
  return map;
}

/**
 * Adds a photo or file to an installation: JPEG, PNG, WebP or PDF by content, at most 10 MB and 50
 * megapixels; photos lose their EXIF metadata (GPS position) before they are stored.
 */
export async function addAttachment(
  deps: AppDeps,
  ctx: ServiceContext,
  installationId: string,
  filename: string,
  data: Buffer,
): Promise<AttachmentView> {
  const type = sniffFileType(data);
  if (!type) throw fieldError('file', 'Attach a photo (JPEG, PNG, WebP) or a PDF.', 'unsupported_type');
  const size = type.contentType === 'application/pdf' ? null : imageDimensions(data, type.contentType);
  if (size && size.width * size.height > MAX_PIXELS)
    throw fieldError('file', 'The image has too many pixels.', 'too_many_pixels');
  const cleaned = type.contentType === 'application/pdf' ? data : stripImageMetadata(data, type.contentType);
  const now = deps.now();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const installation = await findInstallation(tx, ctx.tenantId, installationId);
    if (!installation) throw notFound('Installation');
    if (!canReadCustomers(ctx.principal)) throw forbidden();
    const id = randomUUID();
    const key = `${ctx.tenantId}/${id}`;
    // Stored first: if the row fails, an orphan file is harmless; a row without its file is not.
    await deps.storage.put(key, cleaned, type.contentType);
    const [row] = await tx.query<AttachmentRow>(
      `insert into attachments (tenant_id, id, installation_id, storage_key, filename, content_type, size_bytes, width, height, created_by, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning *`,
      [
        ctx.tenantId,
        id,
        installationId,
        key,
        cleanFilename(filename, type.extension),
        type.contentType,
        cleaned.length,
        size?.width ?? null,
        size?.height ?? null,
        ctx.principal.userId,
        now,
      ],
    );
    await audit(
      tx,
      ctx,
      {
        action: 'attachment.added',
        entityType: 'attachment',
        entityId: id,
        details: { installationId, contentType: type.contentType, sizeBytes: cleaned.length },
      },
      now,
    );
    return presentAttachment(row!);
  });
}

export async function openAttachment(
  deps: AppDeps,
  ctx: ServiceContext,
  installationId: string,
  id: string,
  options: { shownInline?: boolean } = {},
): Promise<{ view: AttachmentView; stream: Readable }> {
  if (!canReadCustomers(ctx.principal)) throw forbidden();
  const row = await withTenant(deps.db, ctx.tenantId, async (tx) => {
    const [found] = await tx.query<AttachmentRow>(
      'select * from attachments where tenant_id = $1 and installation_id = $2 and id = $3',
      [ctx.tenantId, installationId, id],
    );
    if (!found) throw notFound('Attachment');
    // A photo shown on the installation page is part of that page's (audited) view; only taking
    // a copy of the file is a download of its own.
    if (options.shownInline && found.content_type.startsWith('image/')) return found;
    await audit(
      tx,
      ctx,
      {
        action: 'attachment.downloaded',
        entityType: 'attachment',
        entityId: id,
        details: { installationId },
      },
      deps.now(),
    );
    return found;
  });
  return { view: presentAttachment(row), stream: await deps.storage.get(row.storage_key) };
}

/** Whoever may change the installation, or a manager, removes an attachment. */
export async function deleteAttachment(
  deps: AppDeps,
  ctx: ServiceContext,
  installationId: string,
  id: string,
): Promise<void> {
  const now = deps.now();
  const key = await withTenant(deps.db, ctx.tenantId, async (tx) => {
    const installation = await findInstallation(tx, ctx.tenantId, installationId);
    if (!installation) throw notFound('Installation');
    const [row] = await tx.query<AttachmentRow>(
      'delete from attachments where tenant_id = $1 and installation_id = $2 and id = $3 returning *',
      [ctx.tenantId, installationId, id],
    );
    if (!row) throw notFound('Attachment');
    if (
      !isManagerOrAbove(ctx.principal) &&
      !(canUpdateCustomer(ctx.principal, installation) || row.created_by === ctx.principal.userId)
    ) {
      throw forbidden('Technicians remove only their own attachments.');
    }
    await audit(
      tx,
      ctx,
      {
        action: 'attachment.deleted',
        entityType: 'attachment',
        entityId: id,
        details: { installationId, filename: row.filename },
      },
      now,
    );
    return row.storage_key;
  });
  await deps.storage.remove(key);
}
