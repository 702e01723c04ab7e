import { describe, expect, it } from 'vitest';
import { evaluateBuilding } from './building.js';
import type { BuildingInput, BuildingInstallation, InstallationRegion } from './types.js';
import { ac, planned, TODAY } from '../test-support/fixtures.js';

const unit = (id: string, coolingCapacityKw: number | null, extra: Partial<BuildingInstallation> = {}) =>
  ac({ id, reference: id.toUpperCase(), coolingCapacityKw, commissionedOn: '2022-05-01', ...extra });

const building = (region: InstallationRegion | null, extra: Partial<BuildingInput> = {}): BuildingInput => ({
  id: 'b1',
  region,
  lastEnergyInspectionOn: null,
  createdOn: '2022-01-01',
  ...extra,
});

const inspect = (b: BuildingInput, installations: BuildingInstallation[], today = TODAY) =>
  evaluateBuilding(b, installations, { today });

describe('AC energy inspection per building', () => {
  it('sums the comfort installations and needs more than 12 kW', () => {
    expect(inspect(building('flanders'), [unit('a', 6), unit('b', 6)])).toMatchObject({
      comfortCoolingKw: 12,
      energyInspection: null,
    });
    const over = inspect(building('flanders'), [unit('a', 6), unit('b', 6.5)]);
    expect(over.comfortCoolingKw).toBe(12.5);
    expect(planned(over.energyInspection)).toMatchObject({
      rule: 'vlg_ac_inspection',
      intervalMonths: 60,
      dueOn: '2027-05-01',
      baseKind: 'commissioning',
    });
  });

  it('leaves out process cooling, heating, archived and decommissioned installations', () => {
    const result = inspect(building('flanders'), [
      unit('a', 10),
      unit('process', 50, { comfortCooling: false }),
      unit('old', 50, { archived: true }),
      unit('gone', 50, { activities: [{ type: 'decommissioning', date: '2025-01-01' }] }),
      unit('boiler', 50, { kind: 'heating' }),
    ]);
    expect(result.comfortCoolingKw).toBe(10);
    expect(result.energyInspection).toBeNull();
  });

  it('counts from the last inspection, else from when the sum passed 12 kW', () => {
    const units = [
      unit('a', 8, { commissionedOn: '2020-03-01' }),
      unit('b', 8, { commissionedOn: '2021-07-01' }),
    ];
    expect(planned(inspect(building('flanders'), units).energyInspection)).toMatchObject({
      baseDate: '2021-07-01',
      dueOn: '2026-07-01',
    });
    const inspected = inspect(building('flanders', { lastEnergyInspectionOn: '2023-02-10' }), units);
    expect(planned(inspected.energyInspection)).toMatchObject({
      baseDate: '2023-02-10',
      baseKind: 'last_check',
      dueOn: '2028-02-10',
    });
  });

  it('Brussels: first diagnosis within 6 months, then 15 years up to 100 kW, 5 years above', () => {
    const small = [unit('a', 20, { commissionedOn: '2025-06-01' })];
    expect(planned(inspect(building('brussels'), small).energyInspection)).toMatchObject({
      rule: 'bru_ac_diag_initial',
      dueOn: '2025-12-01',
      status: 'overdue',
    });
    const after = inspect(building('brussels', { lastEnergyInspectionOn: '2025-10-01' }), small);
    expect(planned(after.energyInspection)).toMatchObject({
      rule: 'bru_ac_diag_periodic_small',
      dueOn: '2040-10-01',
    });
    const large = [unit('a', 60), unit('b', 40.5)];
    const big = inspect(building('brussels', { lastEnergyInspectionOn: '2025-10-01' }), large);
    expect(planned(big.energyInspection)).toMatchObject({
      rule: 'bru_ac_diag_periodic_large',
      dueOn: '2030-10-01',
    });
    expect(
      planned(
        inspect(building('brussels', { lastEnergyInspectionOn: '2025-10-01' }), [unit('a', 100)])
          .energyInspection,
      ).rule,
    ).toBe('bru_ac_diag_periodic_small');
  });

  it('Wallonia: every 5 years, flagged to confirm', () => {
    const f = planned(inspect(building('wallonia'), [unit('a', 13)]).energyInspection);
    expect(f).toMatchObject({ rule: 'wal_ac_inspection', intervalMonths: 60, toConfirm: true });
  });

  it('outside Belgium the directive sets no period, so no date', () => {
    expect(inspect(building('other'), [unit('a', 200)]).energyInspection).toBeNull();
    expect(inspect(building(null), [unit('a', 13)])).toMatchObject({
      region: 'flanders',
      regionAssumed: true,
    });
  });

  it('is unknown when a comfort installation has no capacity, and names it', () => {
    const result = inspect(building('flanders'), [
      unit('a', 20),
      unit('b', null),
      unit('c', 5, { comfortCooling: null }),
    ]);
    expect(result.energyInspection).toEqual({
      status: 'unknown',
      missing: ['coolingCapacityKw', 'comfortCooling'],
    });
    expect(result.comfortCoolingKw).toBeNull();
    expect(result.incompleteInstallations).toEqual([
      { id: 'b', reference: 'B', missing: ['coolingCapacityKw'] },
      { id: 'c', reference: 'C', missing: ['comfortCooling'] },
    ]);
  });

  it('respects the building forecast switch', () => {
    const off = inspect(building('flanders', { forecastEnabled: false }), [unit('a', 20)]);
    expect(off).toMatchObject({ energyInspection: null, forecastDisabled: true, comfortCoolingKw: 20 });
  });

  it('explains itself', () => {
    const f = planned(inspect(building('flanders'), [unit('a', 14.5)]).energyInspection);
    expect(f.explanation).toBe(
      'AC energy inspection every 60 months: comfort cooling 14.5 kW in this building, over 12 kW (VLAREM II); commissioned 01/05/2022.',
    );
  });
});
