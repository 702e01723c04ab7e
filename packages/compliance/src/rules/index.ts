import { energyInspectionRules } from './energy-inspection.rules.js';
import { heatingRules } from './heating.rules.js';
import { leakCheckRules } from './leak-check.rules.js';
import { leakFollowUpRules, leakLossRules } from './leak-follow-up.rules.js';
import type { Rule } from './types.js';

/** Every rule row the engine knows, in table order (which also breaks ties: EU rows come first). */
export const rules: readonly Rule[] = [
  ...leakCheckRules,
  ...leakFollowUpRules,
  ...leakLossRules,
  ...heatingRules,
  ...energyInspectionRules,
];

const byId = new Map(rules.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | null {
  return byId.get(id) ?? null;
}
