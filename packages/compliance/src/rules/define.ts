import type { Rule } from './types.js';

export type RuleInput = Omit<Rule, 'toConfirm' | 'effect'> & { effect?: Rule['effect'] };

/** Fills the defaults every row shares, so that the tables stay readable. */
export function defineRule(input: RuleInput): Rule {
  return { effect: 'require', ...input, toConfirm: input.confidence === 'U' };
}

export const COOLING_KINDS = ['refrigeration', 'air_conditioning', 'heat_pump'] as const;
