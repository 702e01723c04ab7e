import type { CompositionPart } from './types.js';

// Fixed-point factors: mass % to 3 decimals, GWP to 3 decimals. Summing integers keeps the blend GWP
// exactly what the legal formula gives (0.5 × 675 + 0.5 × 3500 = 2087.5, not 2087.4999…).
const PERCENT_SCALE = 1000;
const GWP_SCALE = 1000;

/**
 * The mixture method of 517/2014 Annex IV and 2024/573 Annex VI: Σ (mass fraction × GWP) over all
 * components, including the non-fluorinated ones. `gwpOf` returns the component's GWP in the version wanted.
 */
export function mixtureGwp(
  composition: readonly CompositionPart[],
  gwpOf: (component: string) => number,
): number {
  let sum = 0;
  for (const part of composition) {
    sum += Math.round(part.massPercent * PERCENT_SCALE) * Math.round(gwpOf(part.component) * GWP_SCALE);
  }
  return sum / (100 * PERCENT_SCALE * GWP_SCALE);
}

export function compositionTotal(composition: readonly CompositionPart[]): number {
  return (
    composition.reduce((total, part) => total + Math.round(part.massPercent * PERCENT_SCALE), 0) /
    PERCENT_SCALE
  );
}
