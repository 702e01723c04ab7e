import { addMonths, type IsoDate } from '../dates.js';
import { explainPeriodic, type PeriodicFacts } from '../i18n/explanations.js';
import type { Obligation, Rule } from '../rules/types.js';
import { unique, type Facts } from './conditions.js';
import { activityOf, baseDate, type Base, type Context } from './context.js';
import { selectRules } from './select.js';
import type { Forecast, MissingField, PlannedForecast } from './types.js';

export type PeriodicObligation = 'leak_check' | 'heating_maintenance' | 'heating_audit';

type Candidate = {
  rule: Rule;
  dueOn: IsoDate;
  intervalMonths: number;
  base: Base;
  withLeakDetection: boolean;
};

/** Custom intervals replace the legal one only for the main periodic service of an installation. */
const CUSTOMISABLE: ReadonlySet<Obligation> = new Set<Obligation>(['leak_check', 'heating_maintenance']);

export function statusOf(dueOn: IsoDate, today: IsoDate): 'planned' | 'overdue' {
  return dueOn < today ? 'overdue' : 'planned';
}

function customInterval(context: Context): number | null {
  const months = context.installation.customIntervalMonths;
  return typeof months === 'number' && Number.isInteger(months) && months >= 1 && months <= 120
    ? months
    : null;
}

function periodicFacts(context: Context, facts: Facts): PeriodicFacts {
  return {
    refrigerant: context.refrigerant?.id ?? null,
    chargeKg: facts.chargeKg.known ? facts.chargeKg.value : null,
    co2eTonnes: facts.co2eTonnes.known ? facts.co2eTonnes.value : null,
    heatingFuel: facts.heatingFuel.known ? facts.heatingFuel.value : null,
    heatingCapacityKw: facts.heatingCapacityKw.known ? facts.heatingCapacityKw.value : null,
    comfortCoolingKw: null,
  };
}

/**
 * The legally required periodic action of one kind, as of `date` (today for forecasts; the repair date
 * when deciding whether a verification check is owed). `applyCustom` lets the installation's custom
 * interval replace the legal one (never where no legal duty exists).
 */
export function evaluatePeriodic(
  context: Context,
  obligation: PeriodicObligation,
  date: IsoDate = context.today,
  applyCustom = true,
): Forecast {
  if (!context.kind) return { status: 'unknown', missing: ['kind'] };
  const facts = context.factsOn(date);
  const selection = selectRules(obligation, context.region, context.kind, date, facts);
  if (selection.kind === 'none') return null;
  if (selection.kind === 'unknown') return { status: 'unknown', missing: selection.missing };

  const missing: MissingField[] = [];
  const candidates: Candidate[] = [];
  const lds = context.installation.leakDetectionSystem;
  for (const rule of selection.rules) {
    if (rule.dueWith) {
      const companion = evaluatePeriodic(context, rule.dueWith as PeriodicObligation, date, false);
      if (companion === null) continue;
      if (companion.status === 'unknown') {
        missing.push(...companion.missing);
        continue;
      }
      const base = { date: companion.baseDate, kind: companion.baseKind };
      candidates.push({
        rule,
        dueOn: companion.dueOn,
        intervalMonths: companion.intervalMonths,
        base,
        withLeakDetection: false,
      });
      continue;
    }
    if (rule.intervalMonths === null) continue;
    let intervalMonths = rule.intervalMonths;
    let withLeakDetection = false;
    if (rule.intervalMonthsWithLeakDetection !== undefined) {
      if (typeof lds !== 'boolean') {
        missing.push('leakDetectionSystem');
        continue;
      }
      if (lds) {
        intervalMonths = rule.intervalMonthsWithLeakDetection;
        withLeakDetection = true;
      }
    }
    // A first-only row (first diagnosis) is by definition not preceded by an action of its kind.
    const base = baseDate(context, activityOf(obligation), rule.conditions.firstOnly === true);
    if (!base) {
      missing.push('commissionedOn');
      continue;
    }
    candidates.push({
      rule,
      dueOn: addMonths(base.date, intervalMonths),
      intervalMonths,
      base,
      withLeakDetection,
    });
  }
  if (missing.length > 0) return { status: 'unknown', missing: unique(missing) };
  const chosen = strictest(candidates);
  if (!chosen) return null;

  let { dueOn, intervalMonths } = chosen;
  const custom =
    applyCustom && CUSTOMISABLE.has(obligation) && context.installation.forecastMode === 'custom';
  if (custom) {
    const months = customInterval(context);
    if (months === null) return { status: 'unknown', missing: ['customIntervalMonths'] };
    intervalMonths = months;
    dueOn = addMonths(chosen.base.date, months);
  }
  return planned(context, obligation, facts, chosen, dueOn, intervalMonths, custom);
}

/** Earliest due date wins; then the shorter interval; then table order (EU rows first). */
export function strictest<T extends { dueOn: IsoDate; intervalMonths: number }>(
  candidates: readonly T[],
): T | null {
  let best: T | null = null;
  for (const c of candidates) {
    if (!best || c.dueOn < best.dueOn || (c.dueOn === best.dueOn && c.intervalMonths < best.intervalMonths))
      best = c;
  }
  return best;
}

function planned(
  context: Context,
  obligation: PeriodicObligation,
  facts: Facts,
  chosen: Candidate,
  dueOn: IsoDate,
  intervalMonths: number,
  custom: boolean,
): PlannedForecast {
  const explanation = explainPeriodic(
    {
      obligation,
      rule: chosen.rule,
      intervalMonths,
      legalIntervalMonths: chosen.intervalMonths,
      custom,
      withLeakDetection: chosen.withLeakDetection,
      dueOn,
      baseDate: chosen.base.date,
      baseKind: chosen.base.kind,
      facts: periodicFacts(context, facts),
    },
    context.lang,
  );
  return {
    status: statusOf(dueOn, context.today),
    dueOn,
    intervalMonths,
    rule: chosen.rule.id,
    source: chosen.rule.source,
    baseDate: chosen.base.date,
    baseKind: chosen.base.kind,
    explanation,
    mode: custom ? 'custom' : 'automatic',
    legalIntervalMonths: chosen.intervalMonths,
    ...(chosen.rule.toleranceMonths ? { toleranceUntil: addMonths(dueOn, chosen.rule.toleranceMonths) } : {}),
    toConfirm: chosen.rule.toConfirm,
  };
}
