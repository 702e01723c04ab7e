import { addDays, addMonths, type IsoDate } from '../dates.js';
import { explainLeakRepair, explainLeakRetest } from '../i18n/explanations.js';
import type { Rule } from '../rules/types.js';
import { known, unknown, type Known } from './conditions.js';
import type { Context, DatedActivity } from './context.js';
import { evaluatePeriodic, statusOf, strictest } from './periodic.js';
import { selectRules } from './select.js';
import type { Forecast } from './types.js';

type LeakState =
  | { stage: 'none' }
  | { stage: 'repair'; leakFoundOn: IsoDate }
  | { stage: 'retest'; repairedOn: IsoDate; checksAfterRepair: readonly IsoDate[] };

/**
 * Where the installation stands after its last leak found: nothing pending, a repair pending, or a
 * verification check pending after the repair. A later check without a leak closes the episode: it shows
 * the circuit is tight (for the verification check it must meet the earliest-day rule, checked by the caller).
 */
export function leakState(history: readonly DatedActivity[]): LeakState {
  let lastLeak = -1;
  history.forEach((a, i) => {
    if (a.type === 'leak_check' && a.result === 'leak_found') lastLeak = i;
  });
  if (lastLeak < 0) return { stage: 'none' };
  const after = history.slice(lastLeak + 1);
  const repairIndex = after.findIndex((a) => a.type === 'leak_repair');
  if (repairIndex < 0) {
    const tightAgain = after.some((a) => a.type === 'leak_check');
    const leak = history[lastLeak];
    return tightAgain || !leak ? { stage: 'none' } : { stage: 'repair', leakFoundOn: leak.date };
  }
  const repair = after[repairIndex];
  if (!repair) return { stage: 'none' };
  const checksAfterRepair = after
    .slice(repairIndex + 1)
    .filter((a) => a.type === 'leak_check')
    .map((a) => a.date);
  return { stage: 'retest', repairedOn: repair.date, checksAfterRepair };
}

function subjectToLeakChecks(context: Context, date: IsoDate): Known<boolean> {
  const periodic = evaluatePeriodic(context, 'leak_check', date, false);
  if (periodic === null) return known(false);
  if (periodic.status === 'unknown') return unknown(...periodic.missing);
  return known(true);
}

function rulesFor(
  context: Context,
  obligation: 'leak_repair' | 'leak_retest',
  date: IsoDate,
): Rule[] | Forecast {
  if (!context.kind) return { status: 'unknown', missing: ['kind'] };
  const extra =
    obligation === 'leak_retest' ? { subjectToLeakChecks: subjectToLeakChecks(context, date) } : {};
  const selection = selectRules(obligation, context.region, context.kind, date, context.factsOn(date, extra));
  if (selection.kind === 'none') return null;
  if (selection.kind === 'unknown') return { status: 'unknown', missing: selection.missing };
  return selection.rules;
}

/** Deadline to repair a leak found: the rule in force on the day it was found decides. */
export function evaluateLeakRepair(context: Context): Forecast {
  const state = leakState(context.history);
  if (state.stage !== 'repair') return null;
  const rules = rulesFor(context, 'leak_repair', state.leakFoundOn);
  if (!Array.isArray(rules)) return rules;
  const chosen = strictest(
    rules.map((rule) => ({
      rule,
      dueOn: addDays(state.leakFoundOn, rule.deadlineDays ?? 0),
      intervalMonths: 0,
    })),
  );
  if (!chosen) return null;
  return {
    status: statusOf(chosen.dueOn, context.today),
    dueOn: chosen.dueOn,
    intervalMonths: 0,
    intervalDays: chosen.rule.deadlineDays ?? 0,
    rule: chosen.rule.id,
    source: chosen.rule.source,
    baseDate: state.leakFoundOn,
    baseKind: 'leak_found',
    explanation: explainLeakRepair(chosen.rule, state.leakFoundOn, context.lang),
    mode: 'automatic',
    legalIntervalMonths: 0,
    toConfirm: chosen.rule.toConfirm,
  };
}

/**
 * Verification check after a repair: within one month (EU, Wallonia, Flanders), in Flanders not on the
 * day of the repair. When several rows bind, the earliest deadline and the latest first day both hold.
 */
export function evaluateLeakRetest(context: Context): Forecast {
  const state = leakState(context.history);
  if (state.stage !== 'retest') return null;
  const rules = rulesFor(context, 'leak_retest', state.repairedOn);
  if (!Array.isArray(rules)) return rules;
  const earliestGap = Math.max(0, ...rules.map((r) => r.minDaysAfterBase ?? 0));
  const earliestOn = addDays(state.repairedOn, earliestGap);
  if (state.checksAfterRepair.some((date) => date >= earliestOn)) return null;
  // On equal deadlines, report the row that adds the not-on-the-same-day condition (the stricter text).
  const ordered = [...rules].sort((a, b) => (b.minDaysAfterBase ?? 0) - (a.minDaysAfterBase ?? 0));
  const chosen = strictest(
    ordered.map((rule) => ({
      rule,
      dueOn:
        rule.intervalMonths !== null
          ? addMonths(state.repairedOn, rule.intervalMonths)
          : addDays(state.repairedOn, rule.deadlineDays ?? 0),
      intervalMonths: rule.intervalMonths ?? 0,
    })),
  );
  if (!chosen) return null;
  return {
    status: statusOf(chosen.dueOn, context.today),
    dueOn: chosen.dueOn,
    intervalMonths: chosen.intervalMonths,
    rule: chosen.rule.id,
    source: chosen.rule.source,
    baseDate: state.repairedOn,
    baseKind: 'leak_repair',
    explanation: explainLeakRetest(chosen.rule, state.repairedOn, earliestGap > 0, context.lang),
    mode: 'automatic',
    legalIntervalMonths: chosen.intervalMonths,
    ...(earliestGap > 0 ? { earliestOn } : {}),
    toConfirm: chosen.rule.toConfirm,
  };
}
