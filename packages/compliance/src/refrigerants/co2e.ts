import { assertIsoDate, type IsoDate } from '../dates.js';
import { gwpVersionOn } from './gwp-versions.js';
import { findRefrigerant } from './lookup.js';
import type { GwpEntry, Refrigerant } from './types.js';

function resolve(refrigerant: Refrigerant | string): Refrigerant | null {
  return typeof refrigerant === 'string' ? findRefrigerant(refrigerant) : refrigerant;
}

/** The GWP row valid on a date: 517/2014 values up to 10 March 2024, 2024/573 values from 11 March 2024. */
export function gwpEntryOn(refrigerant: Refrigerant | string, onDate: IsoDate): GwpEntry | null {
  const found = resolve(refrigerant);
  if (!found) return null;
  const version = gwpVersionOn(assertIsoDate(onDate, 'onDate'));
  return found.gwp.find((g) => g.version === version) ?? null;
}

/**
 * The GWP on a date as the regulation's tables and the trade publish it: whole numbers for blends
 * (R-410A 2088, R-404A 3922), up to three decimals for the small HFO values. A blend's exact
 * mass-weighted average (R-410A 2087.5) stays available as the entry's `value`; CO2e and every
 * threshold use the published figure, which is what operators, certificates and the F-gas
 * portal state, so a charge shown as "5.00 t CO2e" is judged as 5 t.
 */
export function gwpOn(refrigerant: Refrigerant | string, onDate: IsoDate): number | null {
  return gwpEntryOn(refrigerant, onDate)?.rounded ?? null;
}

/**
 * Tonnes CO2 equivalent = published GWP × kg / 1000, not rounded (thresholds are compared with this value;
 * round only to display). null when the refrigerant is unknown or the charge is not a finite, non-negative number.
 */
export function co2eTonnes(
  refrigerant: Refrigerant | string,
  chargeKg: number,
  onDate: IsoDate,
): number | null {
  const gwp = gwpOn(refrigerant, onDate);
  if (gwp === null || !Number.isFinite(chargeKg) || chargeKg < 0) return null;
  return (gwp * chargeKg) / 1000;
}
