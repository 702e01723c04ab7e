import { canonicalJson } from './audit-chain.js';

/** Lists of sub-records are compared by content: replacing them gives new ids without a change. */
const withoutIds = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map((item) =>
        item && typeof item === 'object'
          ? Object.fromEntries(Object.entries(item).filter(([k]) => k !== 'id'))
          : item,
      )
    : value;

/**
 * The fields of a patch that really changed a record, comparing its view before and after — so the
 * audit log says "name changed", not every field the client happened to send. `labelIds` in a patch
 * is compared as the record's `labels`.
 */
export function changedFields(patch: object, before: object, after: object): string[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return Object.entries(patch)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key)
    .filter((key) => {
      const viewKey = key === 'labelIds' ? 'labels' : key;
      if (!(viewKey in b) || !(viewKey in a)) return true;
      return canonicalJson(withoutIds(b[viewKey])) !== canonicalJson(withoutIds(a[viewKey]));
    });
}
