import { validDateOrNull, type IsoDate } from '../dates.js';
import { co2eTonnes } from '../refrigerants/co2e.js';
import { findRefrigerant } from '../refrigerants/lookup.js';
import type { Refrigerant } from '../refrigerants/types.js';
import type { GasFamily, InstallationKind, Obligation, Region } from '../rules/types.js';
import { known, unknown, type Facts, type Known } from './conditions.js';
import type {
  Activity,
  ActivityType,
  BaseKind,
  InstallationInput,
  InstallationRegion,
  Language,
  MissingField,
} from './types.js';

export type DatedActivity = Activity & { date: IsoDate };

export type Context = {
  installation: InstallationInput;
  kind: InstallationKind | null;
  region: Region;
  regionAssumed: boolean;
  refrigerant: Refrigerant | null;
  /** Executed activities dated on or before today, oldest first (same-day entries keep their input order). */
  history: readonly DatedActivity[];
  today: IsoDate;
  lang: Language;
  factsOn: (date: IsoDate, extra?: Partial<Facts>) => Facts;
};

/**
 * Location region → rule region. `other` (outside Belgium) gets the EU rows only. Unknown: regulations.md
 * says customer's region, then the service company's, then Flanders; the caller passes the first it knows,
 * and the engine falls back to Flanders and says so (`regionAssumed`).
 */
export function resolveRegion(region: InstallationRegion | null | undefined): {
  region: Region;
  assumed: boolean;
} {
  if (region === 'flanders' || region === 'brussels' || region === 'wallonia')
    return { region, assumed: false };
  if (region === 'other') return { region: 'eu', assumed: false };
  return { region: 'flanders', assumed: true };
}

const ACTIVITY_OF: Partial<Record<Obligation, ActivityType>> = {
  leak_check: 'leak_check',
  heating_maintenance: 'heating_maintenance',
  heating_audit: 'heating_audit',
  energy_inspection: 'energy_inspection',
};

export function activityOf(obligation: Obligation): ActivityType | null {
  return ACTIVITY_OF[obligation] ?? null;
}

export function sortedHistory(
  activities: readonly Activity[] | null | undefined,
  today: IsoDate,
): DatedActivity[] {
  return (activities ?? [])
    .map((activity, index) => ({ activity, index, date: validDateOrNull(activity.date) }))
    .filter(
      (a): a is { activity: Activity; index: number; date: IsoDate } => a.date !== null && a.date <= today,
    )
    .sort((a, b) => (a.date === b.date ? a.index - b.index : a.date < b.date ? -1 : 1))
    .map((a) => ({ ...a.activity, date: a.date }));
}

function finiteNonNegative(value: number | null | undefined, field: MissingField): Known<number> {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? known(value) : unknown(field);
}

function bool(value: boolean | null | undefined, field: MissingField): Known<boolean> {
  return typeof value === 'boolean' ? known(value) : unknown(field);
}

function gasFamily(refrigerant: Refrigerant): GasFamily | null {
  return refrigerant.fgas ?? (refrigerant.ozoneDepleting ? 'ods' : null);
}

export function buildContext(
  installation: InstallationInput,
  activities: readonly Activity[] | null | undefined,
  today: IsoDate,
  lang: Language,
): Context {
  const { region, assumed } = resolveRegion(installation.region);
  // An unrecognised name counts as missing: its GWP cannot be known, and guessing one could hide a duty.
  const refrigerant = findRefrigerant(installation.refrigerant);
  const history = sortedHistory(activities, today);
  const executed = new Set<Obligation>();
  for (const obligation of Object.keys(ACTIVITY_OF) as Obligation[]) {
    if (history.some((a) => a.type === ACTIVITY_OF[obligation])) executed.add(obligation);
  }
  const charge = finiteNonNegative(installation.chargeKg, 'chargeKg');

  const factsOn = (date: IsoDate, extra: Partial<Facts> = {}): Facts => {
    const missingCo2e: MissingField[] = [
      ...(refrigerant ? [] : ['refrigerant' as const]),
      ...(charge.known ? [] : ['chargeKg' as const]),
    ];
    const co2e = refrigerant && charge.known ? co2eTonnes(refrigerant, charge.value, date) : null;
    return {
      gas: refrigerant ? known(gasFamily(refrigerant)) : unknown('refrigerant'),
      co2eTonnes: co2e !== null ? known(co2e) : unknown(...missingCo2e),
      chargeKg: charge,
      hermeticallySealed: bool(installation.hermeticallySealed, 'hermeticallySealed'),
      heatingFuel: installation.heatingFuel ? known(installation.heatingFuel) : unknown('heatingFuel'),
      heatingCapacityKw: finiteNonNegative(installation.heatingCapacityKw, 'heatingCapacityKw'),
      comfortCoolingKw: unknown('coolingCapacityKw'),
      subjectToLeakChecks: unknown(),
      executed,
      ...extra,
    };
  };

  return {
    installation,
    kind: installation.kind ?? null,
    region,
    regionAssumed: assumed,
    refrigerant,
    history,
    today,
    lang,
    factsOn,
  };
}

export type Base = { date: IsoDate; kind: BaseKind };

/**
 * Base date, first available: the last executed action of that kind → commissioning date (the field,
 * else a logged commissioning) → start date for forecasts → date the installation was added.
 */
export function baseDate(context: Context, activity: ActivityType | null, skipLast = false): Base | null {
  if (activity && !skipLast) {
    const last = [...context.history].reverse().find((a) => a.type === activity);
    if (last) return { date: last.date, kind: 'last_check' };
  }
  const { installation } = context;
  const commissioned =
    validDateOrNull(installation.commissionedOn) ??
    context.history.find((a) => a.type === 'commissioning')?.date ??
    null;
  if (commissioned) return { date: commissioned, kind: 'commissioning' };
  const start = validDateOrNull(installation.forecastStartOn);
  if (start) return { date: start, kind: 'forecast_start' };
  const created = validDateOrNull(installation.createdOn);
  return created ? { date: created, kind: 'created' } : null;
}
