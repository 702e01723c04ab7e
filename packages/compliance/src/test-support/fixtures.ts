import { gwpOn } from '../refrigerants/co2e.js';
import { evaluateInstallation } from '../engine/installation.js';
import type { Activity, Forecast, InstallationInput, Language, PlannedForecast } from '../engine/types.js';

export const TODAY = '2026-04-01';

/** A complete comfort AC in Flanders: R-410A 2.5 kg = 5.22 t CO2e. */
export function ac(overrides: Partial<InstallationInput> = {}): InstallationInput {
  return {
    id: 'ac-1',
    reference: 'AC-1',
    kind: 'air_conditioning',
    region: 'flanders',
    refrigerant: 'R-410A',
    chargeKg: 2.5,
    hermeticallySealed: false,
    leakDetectionSystem: false,
    coolingCapacityKw: 7,
    comfortCooling: true,
    heatingFuel: null,
    heatingCapacityKw: null,
    commissionedOn: '2025-01-15',
    forecastStartOn: null,
    createdOn: '2025-01-10',
    forecastMode: 'automatic',
    customIntervalMonths: null,
    forecastModeReason: null,
    archived: false,
    ...overrides,
  };
}

export function boiler(overrides: Partial<InstallationInput> = {}): InstallationInput {
  return ac({
    kind: 'heating',
    refrigerant: null,
    chargeKg: null,
    hermeticallySealed: null,
    leakDetectionSystem: null,
    coolingCapacityKw: null,
    comfortCooling: false,
    heatingFuel: 'gas',
    heatingCapacityKw: 25,
    ...overrides,
  });
}

export function forecastOf(
  installation: InstallationInput,
  activities: readonly Activity[] = [],
  today: string = TODAY,
  lang: Language = 'en',
) {
  return evaluateInstallation(installation, activities, { today, lang }).forecast;
}

export function leakCheckOf(
  installation: InstallationInput,
  activities: readonly Activity[] = [],
  today = TODAY,
): Forecast {
  return forecastOf(installation, activities, today).leakCheck;
}

/** Narrows a forecast to a dated one, failing the test with the actual value otherwise. */
export function planned(forecast: Forecast): PlannedForecast {
  if (forecast === null || forecast.status === 'unknown') {
    throw new Error(`expected a dated forecast, got ${JSON.stringify(forecast)}`);
  }
  return forecast;
}

/** Charge (kg) that gives `tonnes` t CO2e with the GWP valid on `date`. */
export function kgFor(refrigerant: string, tonnes: number, date = TODAY): number {
  const gwp = gwpOn(refrigerant, date);
  if (gwp === null) throw new Error(`unknown refrigerant ${refrigerant}`);
  return (tonnes * 1000) / gwp;
}
