import type { Queryable } from '../../db/database.js';
import { AppError, type FieldError } from '../../http/errors.js';

type ProductLine = { productId: string; quantity: number };
type Signature = { role: 'customer' | 'technician'; signerName: string; image: string };

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Signatures are PNG images, checked by their content (not the data URL's word for it), one per role. */
export function checkSignatures(signatures: readonly Signature[]): void {
  const errors: FieldError[] = [];
  const roles = new Set<string>();
  signatures.forEach((s, i) => {
    if (roles.has(s.role))
      errors.push({ field: `signatures.${i}.role`, message: 'One signature per role.', code: 'duplicate' });
    roles.add(s.role);
    const bytes = Buffer.from(s.image.slice(s.image.indexOf(',') + 1), 'base64');
    if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_MAGIC)) {
      errors.push({
        field: `signatures.${i}.image`,
        message: 'The signature is not a PNG image.',
        code: 'not_png',
      });
    }
  });
  if (errors.length > 0) throw new AppError('validation', 'The signatures are not valid.', { errors });
}

export async function replaceSignatures(
  tx: Queryable,
  tenantId: string,
  workOrderId: string,
  signatures: readonly Signature[],
  now: Date,
): Promise<void> {
  await tx.query('delete from work_order_signatures where tenant_id = $1 and work_order_id = $2', [
    tenantId,
    workOrderId,
  ]);
  for (const s of signatures) {
    await tx.query(
      'insert into work_order_signatures (tenant_id, work_order_id, role, signer_name, image, signed_at) values ($1, $2, $3, $4, $5, $6)',
      [tenantId, workOrderId, s.role, s.signerName, s.image, now],
    );
  }
}

/** Products used; every product must exist in this account's inventory. */
export async function replaceProducts(
  tx: Queryable,
  tenantId: string,
  workOrderId: string,
  lines: readonly ProductLine[],
): Promise<void> {
  const ids = lines.map((l) => l.productId);
  if (new Set(ids).size !== ids.length)
    throw new AppError('validation', 'Each product once.', {
      errors: [{ field: 'products', message: 'Each product once.', code: 'duplicate' }],
    });
  const found = ids.length
    ? await tx.query<{ id: string }>(
        'select id from products where tenant_id = $1 and id = any($2::uuid[])',
        [tenantId, ids],
      )
    : [];
  const known = new Set(found.map((f) => f.id));
  const errors = lines.flatMap((l, i) =>
    known.has(l.productId)
      ? []
      : [{ field: `products.${i}.productId`, message: 'No such product.', code: 'not_found' }],
  );
  if (errors.length > 0) throw new AppError('validation', 'Unknown products.', { errors });
  await tx.query('delete from work_order_products where tenant_id = $1 and work_order_id = $2', [
    tenantId,
    workOrderId,
  ]);
  for (const l of lines) {
    await tx.query(
      'insert into work_order_products (tenant_id, work_order_id, product_id, quantity) values ($1, $2, $3, $4)',
      [tenantId, workOrderId, l.productId, l.quantity],
    );
  }
}
