import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  isIsoDate,
  isWithin,
  startOfYear,
  validDateOrNull,
} from './dates.js';

describe('calendar dates', () => {
  it('adds months and clamps to the end of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-03-31', 6)).toBe('2025-09-30');
    expect(addMonths('2025-08-15', 6)).toBe('2026-02-15');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2026-03-14', 12)).toBe('2027-03-14');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -12)).toBe('2025-01-15');
    expect(addMonths('2020-01-01', 180)).toBe('2035-01-01');
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-01-10', 14)).toBe('2026-01-24');
    expect(addDays('2025-12-25', 10)).toBe('2026-01-04');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2000-03-01', -1)).toBe('2000-02-29');
    expect(addDays('1900-03-01', -1)).toBe('1900-02-28');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2024-12-31')).toBe(-1);
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate('2025-01-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(validDateOrNull('2025-02-30')).toBeNull();
    expect(() => addMonths('garbage', 1)).toThrow(RangeError);
  });

  it('has inclusive, open-ended validity windows', () => {
    expect(isWithin('2024-03-10', null, '2024-03-10')).toBe(true);
    expect(isWithin('2024-03-11', null, '2024-03-10')).toBe(false);
    expect(isWithin('2024-03-11', '2024-03-11', null)).toBe(true);
    expect(startOfYear('2026-07-04')).toBe('2026-01-01');
  });
});
