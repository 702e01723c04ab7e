import { co2eTonnes } from '@climalog/compliance';
import type { InstallationRow } from './installations.repository.js';

const REFRIGERANT_KINDS = new Set(['refrigeration', 'air_conditioning', 'heat_pump']);

/**
 * The essential fields still empty, by kind: what the "incomplete installations" report lists and
 * what keeps forecasts unknown. Saving without them is allowed; the gap is reported, never guessed.
 */
export function missingEssentials(i: InstallationRow): string[] {
  if (!i.kind) return ['kind'];
  const missing: string[] = [];
  const need = (field: string, value: unknown) => {
    if (value === null || value === undefined || value === '') missing.push(field);
  };
  if (REFRIGERANT_KINDS.has(i.kind)) {
    need('refrigerant', i.refrigerant);
    need('chargeKg', i.charge_kg);
    need('hermeticallySealed', i.hermetically_sealed);
    need('leakDetectionSystem', i.leak_detection_system);
    need('coolingCapacityKw', i.cooling_capacity_kw);
    need('comfortCooling', i.comfort_cooling);
  } else {
    need('heatingFuel', i.heating_fuel);
    need('heatingCapacityKw', i.heating_capacity_kw);
  }
  if (!i.commissioned_on && !i.forecast_start_on) missing.push('commissionedOn');
  return missing;
}

/** CO2 equivalent of the nominal charge with the GWP in force on the given day; exact, not rounded. */
export function co2eOf(i: Pick<InstallationRow, 'refrigerant' | 'charge_kg'>, onDate: string): number | null {
  if (!i.refrigerant || i.charge_kg === null) return null;
  return co2eTonnes(i.refrigerant, i.charge_kg, onDate);
}
