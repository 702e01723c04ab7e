import { describe, expect, it } from 'vitest';
import { evaluateInstallation } from './installation.js';
import { ac, boiler, forecastOf, leakCheckOf, planned, TODAY } from '../test-support/fixtures.js';

describe('missing inputs give unknown, naming the API fields', () => {
  it.each([
    [{ refrigerant: null }, ['refrigerant']],
    [{ refrigerant: 'R-999X' }, ['refrigerant']],
    [{ chargeKg: null }, ['chargeKg']],
    [{ chargeKg: Number.NaN }, ['chargeKg']],
    [{ refrigerant: null, chargeKg: null }, ['refrigerant', 'chargeKg']],
    [{ leakDetectionSystem: null }, ['leakDetectionSystem']],
    [{ kind: null }, ['kind']],
    [{ commissionedOn: null, createdOn: null }, ['commissionedOn']],
  ] as const)('%j → %j', (overrides, missing) => {
    expect(leakCheckOf(ac(overrides))).toEqual({ status: 'unknown', missing });
  });

  it('asks only for what decides the answer', () => {
    expect(leakCheckOf(ac({ refrigerant: 'R-290', chargeKg: null, leakDetectionSystem: null }))).toBeNull();
    expect(leakCheckOf(ac({ chargeKg: 1, hermeticallySealed: null, leakDetectionSystem: null }))).toBeNull();
    expect(
      forecastOf(boiler({ heatingFuel: 'solid', heatingCapacityKw: null })).heatingMaintenance,
    ).toMatchObject({
      status: 'overdue',
      dueOn: '2026-01-15',
      rule: 'vlg_heat_maint_solid',
    });
    expect(forecastOf(boiler({ heatingFuel: null })).heatingMaintenance).toEqual({
      status: 'unknown',
      missing: ['heatingFuel'],
    });
    expect(forecastOf(boiler({ heatingCapacityKw: null })).heatingMaintenance).toEqual({
      status: 'unknown',
      missing: ['heatingCapacityKw'],
    });
  });

  it('rejects an invalid evaluation date instead of guessing one', () => {
    expect(() => evaluateInstallation(ac(), [], { today: '01/04/2026' })).toThrow(RangeError);
  });
});

describe('base date precedence', () => {
  const full = ac({ commissionedOn: '2025-02-01', forecastStartOn: '2025-03-01', createdOn: '2025-04-01' });

  it('takes the last executed check first', () => {
    const f = planned(
      leakCheckOf(full, [
        { type: 'leak_check', date: '2025-06-01', result: 'no_leak' },
        { type: 'leak_check', date: '2025-09-01', result: 'no_leak' },
        { type: 'maintenance', date: '2025-12-01' },
      ]),
    );
    expect([f.baseDate, f.baseKind, f.dueOn]).toEqual(['2025-09-01', 'last_check', '2026-09-01']);
  });

  it('ignores activities dated after the evaluation date and invalid dates', () => {
    const f = planned(
      leakCheckOf(full, [
        { type: 'leak_check', date: '2026-05-01' },
        { type: 'leak_check', date: '2025-02-30' },
      ]),
    );
    expect([f.baseDate, f.baseKind]).toEqual(['2025-02-01', 'commissioning']);
  });

  it('then commissioning (field, else the logged commissioning), forecast start, date added', () => {
    const base = (o: Parameters<typeof ac>[0], acts = []) => {
      const f = planned(leakCheckOf(ac(o), acts));
      return [f.baseDate, f.baseKind];
    };
    expect(base({ commissionedOn: '2025-02-01', forecastStartOn: '2025-03-01' })).toEqual([
      '2025-02-01',
      'commissioning',
    ]);
    expect(
      planned(leakCheckOf(ac({ commissionedOn: null }), [{ type: 'commissioning', date: '2025-01-20' }]))
        .baseDate,
    ).toBe('2025-01-20');
    expect(base({ commissionedOn: null, forecastStartOn: '2025-03-01' })).toEqual([
      '2025-03-01',
      'forecast_start',
    ]);
    expect(base({ commissionedOn: null, forecastStartOn: null, createdOn: '2025-04-01' })).toEqual([
      '2025-04-01',
      'created',
    ]);
  });
});

describe('forecast modes', () => {
  it('custom replaces the legal interval where a duty exists, and says so', () => {
    const f = planned(leakCheckOf(ac({ forecastMode: 'custom', customIntervalMonths: 6 })));
    expect(f).toMatchObject({
      dueOn: '2025-07-15',
      intervalMonths: 6,
      legalIntervalMonths: 12,
      mode: 'custom',
    });
    expect(f.rule).toBe('eu2024_leak_check_hfc_5t');
    expect(f.explanation).toContain('every 6 months (custom interval; legal: every 12 months)');
    expect(planned(leakCheckOf(ac({ forecastMode: 'custom', customIntervalMonths: 120 }))).dueOn).toBe(
      '2035-01-15',
    );
  });

  it('custom creates nothing where the law asks nothing', () => {
    expect(
      leakCheckOf(ac({ refrigerant: 'R-290', forecastMode: 'custom', customIntervalMonths: 6 })),
    ).toBeNull();
  });

  it.each([null, 0, 121, 2.5, -3])('custom with interval %j is unknown', (customIntervalMonths) => {
    expect(leakCheckOf(ac({ forecastMode: 'custom', customIntervalMonths }))).toEqual({
      status: 'unknown',
      missing: ['customIntervalMonths'],
    });
  });

  it('custom applies to heating maintenance but not to the heating audit', () => {
    const f = forecastOf(
      boiler({ heatingCapacityKw: 150, forecastMode: 'custom', customIntervalMonths: 12 }),
    );
    expect(planned(f.heatingMaintenance).intervalMonths).toBe(12);
    expect(planned(f.heatingAudit).intervalMonths).toBe(48);
  });

  it('none returns no forecast and surfaces the reason', () => {
    const result = evaluateInstallation(
      ac({ forecastMode: 'none', forecastModeReason: 'Out of service for the winter' }),
      [{ type: 'leak_check', date: '2026-01-05', result: 'leak_found' }],
      { today: TODAY },
    );
    expect(result.forecast).toEqual({
      leakCheck: null,
      heatingMaintenance: null,
      heatingAudit: null,
      leakRepair: null,
      leakRetest: null,
    });
    expect(result.forecastMode).toBe('none');
    expect(result.forecastDisabled).toEqual({
      reason: 'forecast_mode_none',
      note: 'Out of service for the winter',
    });
    expect(result.co2eTonnes).toBe(5.22);
  });

  it('archived and decommissioned installations leave the forecast', () => {
    expect(evaluateInstallation(ac({ archived: true }), [], { today: TODAY }).forecastDisabled).toEqual({
      reason: 'archived',
      note: null,
    });
    const gone = evaluateInstallation(ac(), [{ type: 'decommissioning', date: '2026-02-01' }], {
      today: TODAY,
    });
    expect(gone.forecast.leakCheck).toBeNull();
    expect(gone.forecastDisabled).toEqual({ reason: 'decommissioned', note: '2026-02-01' });
    const back = evaluateInstallation(
      ac(),
      [
        { type: 'decommissioning', date: '2025-06-01' },
        { type: 'commissioning', date: '2025-09-01' },
      ],
      { today: TODAY },
    );
    expect(back.forecastDisabled).toBeNull();
  });

  it('reports the region used and whether it was assumed', () => {
    expect(evaluateInstallation(ac({ region: null }), [], { today: TODAY })).toMatchObject({
      region: 'flanders',
      regionAssumed: true,
    });
    expect(evaluateInstallation(ac({ region: 'other' }), [], { today: TODAY })).toMatchObject({
      region: 'eu',
      regionAssumed: false,
    });
  });
});
