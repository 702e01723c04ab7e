import { useCallback, useState } from 'react';

/** Minimal form state: the values and a setter per field. */
export function useFields<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const set = useCallback(
    <K extends keyof T>(field: K) =>
      (value: T[K]) =>
        setValues((current) => ({ ...current, [field]: value })),
    [],
  );
  return { values, set, setValues };
}

/** The text of an input's change event. */
export const text = (onChange: (value: string) => void) => (event: { currentTarget: { value: string } }) =>
  onChange(event.currentTarget.value);
