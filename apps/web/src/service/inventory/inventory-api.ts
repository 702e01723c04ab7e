import { api } from '../../api/client';
import { ApiError } from '../../api/problem';
import type { Cylinder, CylinderKind, CylinderMovement, Product } from '../../api/work-types';

export const PRODUCTS_KEY = ['products'] as const;
export const CYLINDERS_KEY = ['cylinders'] as const;

export type ProductInput = { name: string; sku: string | null; unit: string; notes: string };

export const listProducts = (archived = false) =>
  api.get<{ items: Product[] }>('/products', { archived: String(archived) }).then((r) => r.items);
export const createProduct = (input: ProductInput) => api.post<Product>('/products', input);
/** With `version` (edit forms) a newer one on the server is a 409 version_conflict. */
export const updateProduct = (
  id: string,
  input: Partial<ProductInput> & { archived?: boolean; version?: number },
) => api.patch<Product>(`/products/${id}`, input);

/** One product as it is now (there is no GET /products/:id): a deleted one is a 404. */
export const getProduct = (id: string) =>
  listProducts(true).then(
    (items) => items.find((p) => p.id === id) ?? Promise.reject(new ApiError(404, { detail: 'Not found.' })),
  );

export type CylinderInput = {
  kind: CylinderKind;
  refrigerant: string | null;
  serialNumber: string;
  capacityKg: number;
  contentKg: number;
  notes: string;
};
export type CylinderPatch = { serialNumber?: string; notes?: string; contentKg?: number; archived?: boolean };

export const listCylinders = (
  filters: { kind?: CylinderKind; refrigerant?: string | null; archived?: boolean } = {},
) =>
  api
    .get<{ items: Cylinder[] }>('/cylinders', {
      kind: filters.kind,
      refrigerant: filters.refrigerant,
      archived: String(filters.archived ?? false),
    })
    .then((r) => r.items);
export const getCylinder = (id: string) =>
  api.get<Cylinder & { movements: CylinderMovement[] }>(`/cylinders/${id}`);
export const createCylinder = (input: CylinderInput) => api.post<Cylinder>('/cylinders', input);
/** `version`: the one the form was opened on (withdrawals change it too); a newer one is a 409. */
export const updateCylinder = (id: string, input: CylinderPatch & { version: number }) =>
  api.patch<Cylinder>(`/cylinders/${id}`, input);
