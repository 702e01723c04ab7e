import { refrigerants } from './catalogue.js';
import type { Refrigerant } from './types.js';

/**
 * Reduces a refrigerant name to a spelling-free key: `R410A`, `r-410a`, `R 410 A` and `410A` all become
 * `R410A`; `R-1234ze(E)` becomes `R1234ZEE`.
 */
export function refrigerantKey(name: string): string {
  const key = name.toUpperCase().replace(/[\s\-_().,/]+/g, '');
  return /^\d/.test(key) ? `R${key}` : key;
}

const byKey = new Map<string, Refrigerant>();
for (const refrigerant of refrigerants) {
  for (const name of [refrigerant.id, ...refrigerant.aliases]) byKey.set(refrigerantKey(name), refrigerant);
}

/** The catalogue entry for a name written any common way, or null when we do not know it. */
export function findRefrigerant(name: string | null | undefined): Refrigerant | null {
  if (typeof name !== 'string' || name.trim() === '') return null;
  return byKey.get(refrigerantKey(name)) ?? null;
}

/** The catalogue spelling (`"R-410A"`) of a name, or null when unknown. */
export function normalizeRefrigerantName(name: string | null | undefined): string | null {
  return findRefrigerant(name)?.id ?? null;
}
