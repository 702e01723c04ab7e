import { describe, expect, it } from 'vitest';
import type { LogbookEntry } from '../api';
import { certificatesOf } from './certificates';

const entry = (...types: string[]) =>
  ({
    activities: types.map((type, i) => ({ id: String(i), type })),
  }) as unknown as Pick<LogbookEntry, 'activities'>;

describe('certificatesOf', () => {
  it('offers one certificate per certifying activity type, in a fixed order', () => {
    expect(certificatesOf(entry('energy_inspection', 'leak_check', 'leak_check'))).toEqual([
      'leak_check',
      'energy_inspection',
    ]);
    expect(certificatesOf(entry('heating_audit', 'heating_maintenance'))).toEqual([
      'heating_maintenance',
      'heating_audit',
    ]);
  });

  it('offers none for work without a certificate', () => {
    expect(certificatesOf(entry('repair', 'refrigerant_added', 'leak_repair'))).toEqual([]);
    expect(certificatesOf(entry())).toEqual([]);
  });
});
