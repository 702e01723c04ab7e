import type { GasFamily, HeatingFuel, Obligation, Range, RuleConditions } from '../rules/types.js';
import type { MissingField } from './types.js';

/** A fact the engine either knows or knows it lacks (with the API fields that would supply it). */
export type Known<T> = { known: true; value: T } | { known: false; missing: readonly MissingField[] };

export const known = <T>(value: T): Known<T> => ({ known: true, value });
export const unknown = <T>(...missing: MissingField[]): Known<T> => ({ known: false, missing });

export type Facts = {
  /** null value = known not to be a regulated gas (R-290, R-744, R-717…). */
  gas: Known<GasFamily | null>;
  co2eTonnes: Known<number>;
  chargeKg: Known<number>;
  hermeticallySealed: Known<boolean>;
  heatingFuel: Known<HeatingFuel>;
  heatingCapacityKw: Known<number>;
  comfortCoolingKw: Known<number>;
  subjectToLeakChecks: Known<boolean>;
  /** Obligations for which an action has been executed at least once. */
  executed: ReadonlySet<Obligation>;
};

export type Match =
  { kind: 'match' } | { kind: 'no' } | { kind: 'unknown'; missing: readonly MissingField[] };

/**
 * Floating-point slack for thresholds: 5000 / 1430 × 1430 / 1000 may come out as 4.999999999999999, and
 * "exactly 5 t CO2e" must count as 5. A nanotonne is far below anything a scale can weigh.
 */
const EPSILON = 1e-9;

export function inRange(value: number, range: Range): boolean {
  const slack = (bound: number) => EPSILON * Math.max(1, Math.abs(bound));
  if (range.gte !== undefined && value < range.gte - slack(range.gte)) return false;
  if (range.gt !== undefined && value <= range.gt + slack(range.gt)) return false;
  if (range.lt !== undefined && value >= range.lt - slack(range.lt)) return false;
  if (range.lte !== undefined && value > range.lte + slack(range.lte)) return false;
  return true;
}

function check<T>(fact: Known<T>, test: (value: T) => boolean): Match {
  if (!fact.known) return { kind: 'unknown', missing: fact.missing };
  return test(fact.value) ? { kind: 'match' } : { kind: 'no' };
}

/**
 * Three-valued AND over a row's conditions: any definite "no" rules the row out (whatever is unknown);
 * otherwise any unknown makes the row unknown, naming every missing field; otherwise it matches.
 */
export function evaluateConditions(conditions: RuleConditions, facts: Facts, obligation: Obligation): Match {
  const results: Match[] = [];
  const { gas, co2eTonnes, chargeKg, hermeticallySealed, heatingFuel, heatingCapacityKw, comfortCoolingKw } =
    conditions;
  if (gas) results.push(check(facts.gas, (g) => g !== null && gas.includes(g)));
  if (co2eTonnes) results.push(check(facts.co2eTonnes, (v) => inRange(v, co2eTonnes)));
  if (chargeKg) results.push(check(facts.chargeKg, (v) => inRange(v, chargeKg)));
  if (hermeticallySealed !== undefined) {
    results.push(check(facts.hermeticallySealed, (v) => v === hermeticallySealed));
  }
  if (heatingFuel) results.push(check(facts.heatingFuel, (f) => heatingFuel.includes(f)));
  if (heatingCapacityKw) results.push(check(facts.heatingCapacityKw, (v) => inRange(v, heatingCapacityKw)));
  if (comfortCoolingKw) results.push(check(facts.comfortCoolingKw, (v) => inRange(v, comfortCoolingKw)));
  if (conditions.subjectToLeakChecks !== undefined) {
    const wanted = conditions.subjectToLeakChecks;
    results.push(check(facts.subjectToLeakChecks, (v) => v === wanted));
  }
  if (conditions.firstOnly) results.push(facts.executed.has(obligation) ? { kind: 'no' } : { kind: 'match' });

  if (results.some((r) => r.kind === 'no')) return { kind: 'no' };
  if (results.some((r) => r.kind === 'unknown')) {
    return {
      kind: 'unknown',
      missing: unique(results.flatMap((r) => (r.kind === 'unknown' ? r.missing : []))),
    };
  }
  return { kind: 'match' };
}

export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
