import { describe, expect, it } from 'vitest';
import type { Activity, InstallationRegion } from './types.js';
import { ac, forecastOf, planned } from '../test-support/fixtures.js';

const found = (date: string): Activity => ({ type: 'leak_check', date, result: 'leak_found' });
const tight = (date: string): Activity => ({ type: 'leak_check', date, result: 'no_leak' });
const repaired = (date: string): Activity => ({ type: 'leak_repair', date });

const after = (region: InstallationRegion, activities: Activity[], today = '2026-02-01', overrides = {}) =>
  forecastOf(ac({ region, ...overrides }), activities, today);

describe('leak repair deadline', () => {
  it.each([
    ['flanders', 'vlg_repair_14d', '2026-01-24', 14],
    ['wallonia', 'wal_repair_10d', '2026-01-20', 10],
    ['brussels', 'eu2024_repair_leak', '2026-01-10', 0],
    ['other', 'eu2024_repair_leak', '2026-01-10', 0],
  ] as const)('%s: %s, due %s', (region, rule, dueOn, days) => {
    const f = planned(after(region, [found('2026-01-10')], '2026-01-10').leakRepair);
    expect(f).toMatchObject({
      rule,
      dueOn,
      intervalDays: days,
      intervalMonths: 0,
      baseKind: 'leak_found',
      status: 'planned',
    });
  });

  it('is overdue the day after the deadline', () => {
    expect(planned(after('flanders', [found('2026-01-10')], '2026-01-24').leakRepair).status).toBe('planned');
    expect(planned(after('flanders', [found('2026-01-10')], '2026-01-25').leakRepair).status).toBe('overdue');
  });

  it('is cleared by the repair, or by a later check without leak', () => {
    expect(after('flanders', [found('2026-01-10'), repaired('2026-01-12')]).leakRepair).toBeNull();
    expect(after('flanders', [found('2026-01-10'), repaired('2026-01-10')]).leakRepair).toBeNull();
    expect(after('flanders', [found('2026-01-10'), tight('2026-01-15')]).leakRepair).toBeNull();
    expect(
      after('flanders', [found('2025-01-10'), repaired('2025-01-12'), found('2026-01-20')]).leakRepair,
    ).not.toBeNull();
  });

  it('uses the rule in force on the day the leak was found', () => {
    const old = planned(after('other', [found('2024-03-10')], '2024-03-20').leakRepair);
    expect(old.rule).toBe('eu2014_repair_and_verify');
    expect(planned(after('other', [found('2024-03-11')], '2024-03-20').leakRepair).rule).toBe(
      'eu2024_repair_leak',
    );
  });

  it('does not apply to gases outside the F-gas and ODS rules', () => {
    expect(
      after('flanders', [found('2026-01-10')], '2026-01-10', { refrigerant: 'R-290' }).leakRepair,
    ).toBeNull();
    expect(after('flanders', [found('2026-01-10')], '2026-01-10', { refrigerant: null }).leakRepair).toEqual({
      status: 'unknown',
      missing: ['refrigerant'],
    });
  });

  it('explains itself in every language', () => {
    const text = (lang: 'nl' | 'fr' | 'en' | 'de') =>
      planned(forecastOf(ac(), [found('2026-01-10')], '2026-01-10', lang).leakRepair).explanation;
    expect(text('en')).toBe(
      'Repair the leak within 14 days (VLAREM II art. 5.16.3.3); leak found 10/01/2026.',
    );
    expect(text('nl')).toBe(
      'Lek herstellen binnen 14 dagen (VLAREM II art. 5.16.3.3); lek vastgesteld 10/01/2026.',
    );
    expect(text('fr')).toContain('dans les 14 jours');
    expect(text('de')).toContain('innerhalb von 14 Tagen');
  });
});

describe('verification check after the repair', () => {
  it('Flanders: within one month, not on the day of the repair', () => {
    const f = planned(after('flanders', [found('2026-01-10'), repaired('2026-01-31')]).leakRetest);
    expect(f).toMatchObject({
      rule: 'vlg_retest_after_repair',
      dueOn: '2026-02-28',
      earliestOn: '2026-02-01',
      intervalMonths: 1,
      baseDate: '2026-01-31',
      baseKind: 'leak_repair',
    });
    expect(f.explanation).toContain('not on the day of the repair');
    const sameDay = after('flanders', [found('2026-01-10'), repaired('2026-01-31'), tight('2026-01-31')]);
    expect(sameDay.leakRetest).not.toBeNull();
    const nextDay = after('flanders', [found('2026-01-10'), repaired('2026-01-31'), tight('2026-02-01')]);
    expect(nextDay.leakRetest).toBeNull();
  });

  it('EU: within one month for equipment that needs leak checks; a same-day check counts', () => {
    const f = planned(after('other', [found('2026-01-10'), repaired('2026-01-12')]).leakRetest);
    expect(f).toMatchObject({ rule: 'eu2024_verify_repair', dueOn: '2026-02-12' });
    expect(f.earliestOn).toBeUndefined();
    expect(
      after('other', [found('2026-01-10'), repaired('2026-01-12'), tight('2026-01-12')]).leakRetest,
    ).toBeNull();
    const small = after('other', [found('2026-01-10'), repaired('2026-01-12')], '2026-02-01', {
      chargeKg: 1,
    });
    expect(small.leakRepair).toBeNull();
    expect(small.leakRetest).toBeNull();
  });

  it('Wallonia follows the EU month; Brussels asks for a check at every repair', () => {
    // Same month as the EU row, which is reported on a tie.
    expect(
      planned(after('wallonia', [found('2026-01-10'), repaired('2026-01-12')]).leakRetest),
    ).toMatchObject({
      rule: 'eu2024_verify_repair',
      dueOn: '2026-02-12',
    });
    expect(planned(after('brussels', [found('2026-01-10'), repaired('2026-01-12')]).leakRetest).rule).toBe(
      'eu2024_verify_repair',
    );
    const smallBrussels = after('brussels', [found('2026-01-10'), repaired('2026-01-12')], '2026-02-01', {
      chargeKg: 1,
    });
    expect(planned(smallBrussels.leakRetest)).toMatchObject({
      rule: 'bru_event_checks',
      dueOn: '2026-01-12',
    });
  });

  it('a new leak found at the verification check restarts the repair deadline', () => {
    const f = after('flanders', [found('2026-01-10'), repaired('2026-01-12'), found('2026-01-20')]);
    expect(planned(f.leakRepair)).toMatchObject({ dueOn: '2026-02-03' });
    expect(f.leakRetest).toBeNull();
  });

  it('the verification check resets the periodic leak check too', () => {
    const f = after('flanders', [found('2026-01-10'), repaired('2026-01-12'), tight('2026-01-20')]);
    expect(planned(f.leakCheck)).toMatchObject({ baseDate: '2026-01-20', dueOn: '2027-01-20' });
  });
});
