import { describe, expect, it } from 'vitest';
import type { HeatingFuel } from '../rules/types.js';
import type { InstallationRegion } from './types.js';
import { boiler, forecastOf, planned } from '../test-support/fixtures.js';

type Row = readonly [InstallationRegion, HeatingFuel, number, string | null, number | null];

const summary = (f: ReturnType<typeof forecastOf>['heatingMaintenance']) =>
  f === null ? [null, null] : f.status === 'unknown' ? ['unknown', f.missing] : [f.rule, f.intervalMonths];

describe('heating maintenance by region, fuel and capacity', () => {
  it.each<Row>([
    ['flanders', 'gas', 19.9, null, null],
    ['flanders', 'gas', 20, 'vlg_heat_maint_gas', 24],
    ['flanders', 'gas', 400, 'vlg_heat_maint_gas', 24],
    ['flanders', 'liquid', 19.9, null, null],
    ['flanders', 'liquid', 20, 'vlg_heat_maint_oil', 12],
    ['flanders', 'solid', 8, 'vlg_heat_maint_solid', 12],
    ['flanders', 'other', 30, null, null],
    ['brussels', 'gas', 15, 'bru_heat_gas_2019', 24],
    ['brussels', 'liquid', 15, 'bru_heat_oil', 12],
    ['brussels', 'solid', 15, null, null],
    ['wallonia', 'liquid', 15, 'wal_heat_liquid_solid', 12],
    ['wallonia', 'solid', 15, 'wal_heat_liquid_solid', 12],
    ['wallonia', 'gas', 100, 'wal_heat_gas_small', 36],
    ['wallonia', 'gas', 100.1, 'wal_heat_gas_large', 24],
    ['other', 'gas', 400, null, null],
  ])('%s, %s, %d kW → %s', (region, heatingFuel, heatingCapacityKw, rule, months) => {
    const f = forecastOf(boiler({ region, heatingFuel, heatingCapacityKw }));
    expect(summary(f.heatingMaintenance)).toEqual([rule, months]);
  });

  it('uses the 3-year Brussels gas interval before 2019', () => {
    const f = forecastOf(boiler({ region: 'brussels', commissionedOn: '2016-05-01' }), [], '2018-12-31');
    expect(planned(f.heatingMaintenance)).toMatchObject({ rule: 'bru_heat_gas_2011', dueOn: '2019-05-01' });
    const after = forecastOf(boiler({ region: 'brussels', commissionedOn: '2016-05-01' }), [], '2019-01-01');
    expect(planned(after.heatingMaintenance)).toMatchObject({
      rule: 'bru_heat_gas_2019',
      dueOn: '2018-05-01',
    });
  });

  it('counts from the last maintenance and shows the Flemish tolerance', () => {
    const f = planned(
      forecastOf(boiler(), [{ type: 'heating_maintenance', date: '2025-03-10' }], '2026-04-01')
        .heatingMaintenance,
    );
    expect(f).toMatchObject({ dueOn: '2027-03-10', baseKind: 'last_check', toleranceUntil: '2027-06-10' });
    expect(f.explanation).toBe(
      'Heating maintenance every 24 months: gas, 25 kW (at least 20 kW) (BVR 8.12.2006); last maintenance 10/03/2025.',
    );
  });

  it('gives no heating forecast to cooling installations', () => {
    const f = forecastOf(boiler({ kind: 'air_conditioning', refrigerant: 'R-32', chargeKg: 1 }));
    expect(f.heatingMaintenance).toBeNull();
    expect(f.heatingAudit).toBeNull();
  });
});

describe('heating audit and diagnosis', () => {
  it.each<Row>([
    ['flanders', 'gas', 19.9, null, null],
    ['flanders', 'gas', 20, 'vlg_heat_audit_small', 60],
    ['flanders', 'liquid', 100, 'vlg_heat_audit_small', 60],
    ['flanders', 'liquid', 100.1, 'vlg_heat_audit_large_oil', 24],
    ['flanders', 'gas', 100.1, 'vlg_heat_audit_large_gas', 48],
    ['flanders', 'solid', 150, null, null],
    ['brussels', 'gas', 100, null, null],
    ['brussels', 'gas', 100.1, 'bru_heat_diag_large', 60],
    ['brussels', 'liquid', 250, 'bru_heat_diag_large', 60],
    ['wallonia', 'gas', 20, null, null],
  ])('%s, %s, %d kW → %s', (region, heatingFuel, heatingCapacityKw, rule, months) => {
    const f = forecastOf(boiler({ region, heatingFuel, heatingCapacityKw }));
    expect(summary(f.heatingAudit)).toEqual([rule, months]);
  });

  it('Flanders small boiler: first audit five years after commissioning', () => {
    const f = planned(forecastOf(boiler({ commissionedOn: '2021-09-15' })).heatingAudit);
    expect(f).toMatchObject({ dueOn: '2026-09-15', baseKind: 'commissioning' });
  });

  it('Wallonia: in-depth diagnosis once, with the next periodic control', () => {
    const gas = boiler({ region: 'wallonia', heatingCapacityKw: 30, commissionedOn: '2024-02-01' });
    const first = forecastOf(gas);
    expect(planned(first.heatingAudit)).toMatchObject({ rule: 'wal_heat_diag', dueOn: '2027-02-01' });
    expect(planned(first.heatingAudit).dueOn).toBe(planned(first.heatingMaintenance).dueOn);
    const done = forecastOf(gas, [{ type: 'heating_audit', date: '2025-02-01' }]);
    expect(done.heatingAudit).toBeNull();
  });

  it('Brussels heat pumps over 12 kW thermal: diagnosis every 5 years', () => {
    const hp = (heatingCapacityKw: number | null) =>
      forecastOf(
        boiler({
          kind: 'heat_pump',
          region: 'brussels',
          heatingFuel: null,
          heatingCapacityKw,
          refrigerant: 'R-32',
          chargeKg: 2,
        }),
      );
    expect(hp(12).heatingAudit).toBeNull();
    expect(planned(hp(12.5).heatingAudit)).toMatchObject({ rule: 'bru_heat_diag_hp', intervalMonths: 60 });
    expect(hp(null).heatingAudit).toEqual({ status: 'unknown', missing: ['heatingCapacityKw'] });
    expect(hp(12.5).heatingMaintenance).toBeNull();
    expect(hp(12.5).leakCheck).toBeNull(); // R-32 2 kg = 1.35 t
  });
});
