/**
 * The fields of `next` that differ from `current`: a PATCH sends only those, so that the audit
 * log (which lists the fields sent) names what really changed.
 */
export function changedFields<T extends Record<string, unknown>>(current: T, next: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(current[key]) !== JSON.stringify(next[key])) changes[key] = next[key];
  }
  return changes;
}

export const isEmpty = (value: object) => Object.keys(value).length === 0;
