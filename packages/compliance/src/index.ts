export { addDays, addMonths, daysBetween, isIsoDate, type IsoDate } from './dates.js';

export { refrigerants } from './refrigerants/catalogue.js';
export { findRefrigerant, normalizeRefrigerantName, refrigerantKey } from './refrigerants/lookup.js';
export { co2eTonnes, gwpEntryOn, gwpOn } from './refrigerants/co2e.js';
export { EU2014_TO, EU2024_FROM, gwpVersionOn } from './refrigerants/gwp-versions.js';
export { mixtureGwp } from './refrigerants/mixture.js';
export type {
  CompositionPart,
  Confidence,
  FgasAnnex,
  GwpEntry,
  GwpVersion,
  Refrigerant,
  RefrigerantClass,
} from './refrigerants/types.js';

export { rules, ruleById } from './rules/index.js';
export type {
  GasFamily,
  HeatingFuel,
  InstallationKind,
  Obligation,
  Range,
  Region,
  Rule,
  RuleConditions,
  RuleSource,
} from './rules/types.js';

export { evaluateInstallation, leakLossOf } from './engine/installation.js';
export { evaluateBuilding } from './engine/building.js';
export { resolveRegion } from './engine/context.js';
export type * from './engine/types.js';

export { formatNumber } from './i18n/format.js';
