import { addMonths, assertIsoDate, validDateOrNull, type IsoDate } from '../dates.js';
import { explainPeriodic } from '../i18n/explanations.js';
import type { Range, Rule } from '../rules/types.js';
import { inRange, known, unknown, unique, type Facts } from './conditions.js';
import { baseDate, buildContext, resolveRegion, type Base, type Context } from './context.js';
import { statusOf, strictest } from './periodic.js';
import { selectRules } from './select.js';
import type {
  BuildingEvaluation,
  BuildingInput,
  BuildingInstallation,
  EvaluationOptions,
  Forecast,
  IncompleteInstallation,
  MissingField,
} from './types.js';

type Comfort = { context: Context; kw: number; start: Base | null };

function lowerBound(range: Range | undefined): Range {
  if (!range) return {};
  if (range.gt !== undefined) return { gt: range.gt };
  return range.gte !== undefined ? { gte: range.gte } : {};
}

function isGone(context: Context): boolean {
  if (context.installation.archived === true) return true;
  const last = [...context.history]
    .reverse()
    .find((a) => a.type === 'decommissioning' || a.type === 'commissioning');
  return last?.type === 'decommissioning';
}

/**
 * The date the building became subject to a row: when, in commissioning order, the summed comfort capacity
 * first reached the row's lower threshold. Each installation dates from its own base chain.
 */
function subjectSince(comfort: readonly Comfort[], rule: Rule): Base | 'missing' | null {
  const key = (c: Comfort) => c.start?.date ?? '';
  const dated = [...comfort].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  let sum = 0;
  for (const c of dated) {
    if (!c.start) return 'missing';
    sum += c.kw;
    if (inRange(sum, lowerBound(rule.conditions.comfortCoolingKw))) return c.start;
  }
  return null;
}

function lastInspection(building: BuildingInput, comfort: readonly Comfort[]): IsoDate | null {
  const dates = [
    validDateOrNull(building.lastEnergyInspectionOn),
    ...comfort.flatMap((c) =>
      c.context.history.filter((a) => a.type === 'energy_inspection').map((a) => a.date),
    ),
  ].filter((d): d is IsoDate => d !== null);
  return dates.length > 0 ? dates.reduce((a, b) => (a > b ? a : b)) : null;
}

/**
 * Energy inspection of air conditioning for one building: the nominal cooling capacities of its comfort
 * installations (not archived, not decommissioned) are summed, and the regional rows decide on the sum.
 */
export function evaluateBuilding(
  building: BuildingInput,
  installations: readonly BuildingInstallation[],
  options: EvaluationOptions,
): BuildingEvaluation {
  const today = assertIsoDate(options.today, 'today');
  const lang = options.lang ?? 'en';
  const { region, assumed } = resolveRegion(building.region);
  const comfort: Comfort[] = [];
  const incomplete: IncompleteInstallation[] = [];
  for (const installation of installations) {
    const context = buildContext(installation, installation.activities, today, lang);
    if (installation.kind === 'heating' || isGone(context) || installation.comfortCooling === false) continue;
    const missing: MissingField[] = [];
    if (installation.comfortCooling !== true) missing.push('comfortCooling');
    const kw = installation.coolingCapacityKw;
    const validKw = typeof kw === 'number' && Number.isFinite(kw) && kw >= 0 ? kw : null;
    if (validKw === null) missing.push('coolingCapacityKw');
    const id = installation.id ?? null;
    const reference = installation.reference ?? null;
    if (missing.length > 0) incomplete.push({ id, reference, missing });
    else if (validKw !== null) comfort.push({ context, kw: validKw, start: baseDate(context, null) });
  }
  const result = (energyInspection: Forecast, sum: number | null): BuildingEvaluation => ({
    region,
    regionAssumed: assumed,
    comfortCoolingKw: sum,
    energyInspection,
    forecastDisabled: building.forecastEnabled === false,
    incompleteInstallations: incomplete,
  });

  if (incomplete.length > 0) {
    return result({ status: 'unknown', missing: unique(incomplete.flatMap((i) => i.missing)) }, null);
  }
  const sum = comfort.reduce((total, c) => total + c.kw, 0);
  if (building.forecastEnabled === false) return result(null, sum);

  const last = lastInspection(building, comfort);
  const facts: Facts = {
    gas: unknown('refrigerant'),
    co2eTonnes: unknown('refrigerant'),
    chargeKg: unknown('chargeKg'),
    hermeticallySealed: unknown('hermeticallySealed'),
    heatingFuel: unknown('heatingFuel'),
    heatingCapacityKw: unknown('heatingCapacityKw'),
    comfortCoolingKw: known(sum),
    subjectToLeakChecks: unknown(),
    executed: new Set(last ? ['energy_inspection' as const] : []),
  };
  const selection = selectRules('energy_inspection', region, 'air_conditioning', today, facts);
  if (selection.kind === 'none') return result(null, sum);
  if (selection.kind === 'unknown') return result({ status: 'unknown', missing: selection.missing }, sum);

  const candidates: { rule: Rule; base: Base; dueOn: IsoDate; intervalMonths: number }[] = [];
  const created = validDateOrNull(building.createdOn);
  for (const rule of selection.rules) {
    if (rule.intervalMonths === null) continue;
    const since = subjectSince(comfort, rule);
    if (since === 'missing') {
      for (const c of comfort.filter((x) => !x.start)) {
        incomplete.push({
          id: c.context.installation.id ?? null,
          reference: c.context.installation.reference ?? null,
          missing: ['commissionedOn'],
        });
      }
      return result({ status: 'unknown', missing: ['commissionedOn'] }, sum);
    }
    const base: Base | null =
      last && !rule.conditions.firstOnly
        ? { date: last, kind: 'last_check' }
        : (since ?? (created ? { date: created, kind: 'created' } : null));
    if (!base) return result({ status: 'unknown', missing: ['commissionedOn'] }, sum);
    candidates.push({
      rule,
      base,
      dueOn: addMonths(base.date, rule.intervalMonths),
      intervalMonths: rule.intervalMonths,
    });
  }
  const chosen = strictest(candidates);
  if (!chosen) return result(null, sum);
  const explanation = explainPeriodic(
    {
      obligation: 'energy_inspection',
      rule: chosen.rule,
      intervalMonths: chosen.intervalMonths,
      legalIntervalMonths: chosen.intervalMonths,
      custom: false,
      withLeakDetection: false,
      dueOn: chosen.dueOn,
      baseDate: chosen.base.date,
      baseKind: chosen.base.kind,
      facts: {
        refrigerant: null,
        chargeKg: null,
        co2eTonnes: null,
        heatingFuel: null,
        heatingCapacityKw: null,
        comfortCoolingKw: sum,
      },
    },
    lang,
  );
  return result(
    {
      status: statusOf(chosen.dueOn, today),
      dueOn: chosen.dueOn,
      intervalMonths: chosen.intervalMonths,
      rule: chosen.rule.id,
      source: chosen.rule.source,
      baseDate: chosen.base.date,
      baseKind: chosen.base.kind,
      explanation,
      mode: 'automatic',
      legalIntervalMonths: chosen.intervalMonths,
      toConfirm: chosen.rule.toConfirm,
    },
    sum,
  );
}
