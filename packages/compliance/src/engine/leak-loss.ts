import { addDays, addMonths, startOfYear } from '../dates.js';
import { findRefrigerant } from '../refrigerants/lookup.js';
import { inRange } from './conditions.js';
import type { Context } from './context.js';
import { selectRules } from './select.js';
import type { LeakLoss } from './types.js';

/**
 * Relative leak loss = (refrigerant added − refrigerant recovered) / nominal charge × 100 over the period.
 * Subtracting what was recovered keeps a drain-and-refill (repair, evacuation) from counting as a leak:
 * the Flemish formula deducts what was put back after draining.
 *
 * Period: where a regional limit exists (Flanders, Brussels: "per calendar year") the calendar year to
 * date, which is how the logbook recomputes it after each top-up; elsewhere, for information, the last
 * 12 months (no legal limit, never `exceeded`).
 */
export function evaluateLeakLoss(context: Context): LeakLoss | null {
  const { installation, kind, today } = context;
  if (!kind || kind === 'heating') return null;
  const charge = installation.chargeKg;
  if (typeof charge !== 'number' || !Number.isFinite(charge) || charge <= 0) return null;

  const selection = selectRules('leak_loss_limit', context.region, kind, today, context.factsOn(today));
  const limitRule = selection.kind === 'rules' ? (selection.rules[0] ?? null) : null;
  const sinceDate =
    limitRule?.limitPeriod === 'calendar_year' ? startOfYear(today) : addDays(addMonths(today, -12), 1);

  const own = context.refrigerant?.id ?? null;
  const sameGas = (name: string | null | undefined) => !name || !own || findRefrigerant(name)?.id === own;
  let added = 0;
  let recovered = 0;
  for (const a of context.history) {
    if (a.date < sinceDate || !sameGas(a.refrigerant)) continue;
    const kg =
      typeof a.quantityKg === 'number' && Number.isFinite(a.quantityKg) && a.quantityKg > 0
        ? a.quantityKg
        : 0;
    if (a.type === 'refrigerant_added') added += kg;
    if (a.type === 'refrigerant_recovered') recovered += kg;
  }
  const exact = (Math.max(0, added - recovered) / charge) * 100;
  const limitPercent = limitRule?.limitPercent ?? null;
  return {
    percent: Math.round(exact * 100) / 100,
    sinceDate,
    limitPercent,
    // "≤ 5 %" is allowed: only a loss above the limit exceeds it.
    exceeded: limitPercent !== null && !inRange(exact, { lte: limitPercent }),
    rule: limitRule?.id ?? null,
  };
}
