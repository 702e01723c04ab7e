import { api } from '../../api/client';
import type { Cylinder, CylinderKind, CylinderMovement, Product } from '../../api/work-types';

export const PRODUCTS_KEY = ['products'] as const;
export const CYLINDERS_KEY = ['cylinders'] as const;

export type ProductInput = { name: string; sku: string | null; unit: string; notes: string };

export const listProducts = (archived = false) =>
  api.get<{ items: Product[] }>('/products', { archived: String(archived) }).then((r) => r.items);
export const createProduct = (input: ProductInput) => api.post<Product>('/products', input);
export const updateProduct = (id: string, input: Partial<ProductInput> & { archived?: boolean }) =>
  api.patch<Product>(`/products/${id}`, input);

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
export const updateCylinder = (id: string, input: CylinderPatch) =>
  api.patch<Cylinder>(`/cylinders/${id}`, input);
