import { isWithin, type IsoDate } from '../dates.js';
import { rules as allRules } from '../rules/index.js';
import type { InstallationKind, Obligation, Region, Rule } from '../rules/types.js';
import { evaluateConditions, unique, type Facts } from './conditions.js';
import type { MissingField } from './types.js';

export type Selection =
  { kind: 'none' } | { kind: 'unknown'; missing: MissingField[] } | { kind: 'rules'; rules: Rule[] };

/**
 * Rows that can decide something: a period, a day deadline, a link to another obligation's date, or a
 * limit. Rows without any (the EPBD "regular inspection") are shipped as information only.
 */
function isOperative(rule: Rule): boolean {
  return (
    rule.intervalMonths !== null ||
    rule.deadlineDays !== undefined ||
    rule.dueWith !== undefined ||
    rule.limitPercent !== undefined
  );
}

/**
 * The rows of one obligation that bind an installation on a date: EU rows everywhere, plus the rows of
 * its region; each in force on that date; conditions met; not cancelled by an exemption row. Picking the
 * strictest of them is the caller's job, because that needs due dates.
 */
export function selectRules(
  obligation: Obligation,
  region: Region,
  installationKind: InstallationKind,
  date: IsoDate,
  facts: Facts,
  ruleSet: readonly Rule[] = allRules,
): Selection {
  const inForce = ruleSet.filter(
    (rule) =>
      rule.obligation === obligation &&
      (rule.region === 'eu' || rule.region === region) &&
      rule.installationKinds.includes(installationKind) &&
      isWithin(date, rule.validFrom, rule.validTo),
  );
  const exemptions = inForce
    .filter((rule) => rule.effect === 'exempt' && !rule.toConfirm) // an unverified exemption never removes a duty
    .map((rule) => ({ rule, match: evaluateConditions(rule.conditions, facts, obligation) }));

  const binding: Rule[] = [];
  const missing: MissingField[] = [];
  let undecided = false;
  for (const rule of inForce) {
    if (rule.effect !== 'require' || !isOperative(rule)) continue;
    const match = evaluateConditions(rule.conditions, facts, obligation);
    if (match.kind === 'no') continue;
    if (match.kind === 'unknown') {
      missing.push(...match.missing);
      undecided = true;
      continue;
    }
    const against = exemptions.filter((e) => e.rule.exempts?.includes(rule.id));
    if (against.some((e) => e.match.kind === 'match')) continue;
    const open = against.filter((e) => e.match.kind === 'unknown');
    if (open.length > 0) {
      missing.push(...open.flatMap((e) => (e.match.kind === 'unknown' ? e.match.missing : [])));
      undecided = true;
      continue;
    }
    binding.push(rule);
  }
  if (undecided) return { kind: 'unknown', missing: unique(missing) };
  if (binding.length === 0) return { kind: 'none' };
  const fixed = binding.filter((rule) => !rule.fallbackOnly);
  return { kind: 'rules', rules: fixed.length > 0 ? fixed : binding };
}
