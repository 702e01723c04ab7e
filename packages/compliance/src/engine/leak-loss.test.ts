import { describe, expect, it } from 'vitest';
import { evaluateInstallation } from './installation.js';
import type { Activity, InstallationInput } from './types.js';
import { ac, boiler } from '../test-support/fixtures.js';

const loss = (installation: InstallationInput, activities: Activity[], today = '2026-06-30') =>
  evaluateInstallation(installation, activities, { today }).leakLoss;

const added = (date: string, quantityKg: number, refrigerant?: string): Activity => ({
  type: 'refrigerant_added',
  date,
  quantityKg,
  ...(refrigerant ? { refrigerant } : {}),
});

describe('relative leak loss', () => {
  it('Flanders: per calendar year to date, limit 5 %, exactly 5 % is allowed', () => {
    const r = ac({ chargeKg: 10 });
    expect(loss(r, [added('2025-12-20', 3), added('2026-02-01', 0.5)])).toEqual({
      percent: 5,
      sinceDate: '2026-01-01',
      limitPercent: 5,
      exceeded: false,
      rule: 'vlg_max_relative_leak_loss',
    });
    expect(loss(r, [added('2026-02-01', 0.5), added('2026-05-01', 0.01)])).toMatchObject({
      percent: 5.1,
      exceeded: true,
    });
  });

  it('Brussels: calendar year, 5 %, for HFC installations', () => {
    expect(loss(ac({ region: 'brussels', chargeKg: 4 }), [added('2026-03-01', 0.3)])).toMatchObject({
      percent: 7.5,
      sinceDate: '2026-01-01',
      limitPercent: 5,
      exceeded: true,
    });
  });

  it('elsewhere: the last 12 months, for information, without a limit', () => {
    expect(
      loss(ac({ region: 'wallonia', chargeKg: 4 }), [added('2025-06-30', 1), added('2025-07-01', 0.4)]),
    ).toEqual({
      percent: 10,
      sinceDate: '2025-07-01',
      limitPercent: null,
      exceeded: false,
      rule: null,
    });
  });

  it('does not count refrigerant put back after draining, nor other gases', () => {
    const r = ac({ chargeKg: 10 });
    const acts: Activity[] = [
      { type: 'refrigerant_recovered', date: '2026-03-01', quantityKg: 9.5 },
      added('2026-03-02', 10),
      added('2026-04-01', 2, 'R-32'),
      added('2026-04-02', 0.2, 'r410a'),
    ];
    expect(loss(r, acts)).toMatchObject({ percent: 7, exceeded: true });
  });

  it('needs a nominal charge and a cooling installation', () => {
    expect(loss(ac({ chargeKg: null }), [added('2026-02-01', 1)])).toBeNull();
    expect(loss(ac({ chargeKg: 0 }), [added('2026-02-01', 1)])).toBeNull();
    expect(loss(boiler(), [])).toBeNull();
  });
});
