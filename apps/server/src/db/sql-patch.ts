/**
 * Column lists for inserts and partial updates built from the fields actually present (undefined =
 * leave as is, null = clear), mapping API names to columns. Column names come from the caller's
 * fixed map, never from input.
 */
function presentFields<K extends string>(fields: Partial<Record<K, unknown>>, columns: Record<K, string>) {
  return (Object.keys(columns) as K[])
    .filter((key) => fields[key] !== undefined)
    .map((key) => ({ column: columns[key], value: fields[key] }));
}

/** `col = $n` assignments for an UPDATE, numbered from firstParam. */
export function patchAssignments<K extends string>(
  patch: Partial<Record<K, unknown>>,
  columns: Record<K, string>,
  firstParam: number,
): { assignments: string[]; values: unknown[] } {
  const present = presentFields(patch, columns);
  return {
    assignments: present.map((f, i) => `${f.column} = $${firstParam + i}`),
    values: present.map((f) => f.value),
  };
}

/** Column names and `$n` placeholders for an INSERT, numbered from firstParam. */
export function insertColumns<K extends string>(
  fields: Partial<Record<K, unknown>>,
  columns: Record<K, string>,
  firstParam: number,
): { columns: string[]; placeholders: string[]; values: unknown[] } {
  const present = presentFields(fields, columns);
  return {
    columns: present.map((f) => f.column),
    placeholders: present.map((_, i) => `$${firstParam + i}`),
    values: present.map((f) => f.value),
  };
}
