import type { IsoDate } from '../dates.js';
import type { Confidence } from '../refrigerants/types.js';

export type Region = 'eu' | 'flanders' | 'brussels' | 'wallonia';

export type InstallationKind = 'refrigeration' | 'air_conditioning' | 'heat_pump' | 'heating';

export type HeatingFuel = 'gas' | 'liquid' | 'solid' | 'other';

export type Obligation =
  | 'leak_check'
  | 'leak_repair'
  | 'leak_retest'
  | 'leak_loss_limit'
  | 'heating_maintenance'
  | 'heating_audit'
  | 'energy_inspection';

/**
 * The gas family a row is about: the two F-gas annexes, or ozone-depleting substances (HCFCs such as R-22,
 * covered by Regulation 1005/2009 and VLAREM II, not by the F-gas regulation).
 */
export type GasFamily = 'annex_i' | 'annex_ii_s1' | 'ods';

/** Bounds of a numeric condition; `gte`/`lte` include the bound, `gt`/`lt` exclude it. */
export type Range = { gte?: number; gt?: number; lt?: number; lte?: number };

export type RuleConditions = {
  gas?: readonly GasFamily[];
  /** On the unrounded CO2e, with the GWP valid on the date that matters. */
  co2eTonnes?: Range;
  chargeKg?: Range;
  /** Hermetically sealed and labelled as such (the API's `hermeticallySealed`). */
  hermeticallySealed?: boolean;
  heatingFuel?: readonly HeatingFuel[];
  heatingCapacityKw?: Range;
  /** Sum of the nominal cooling capacities of the comfort installations of one building. */
  comfortCoolingKw?: Range;
  /** Only while no action of this obligation has ever been executed (first diagnosis, one-off audit). */
  firstOnly?: boolean;
  /** Only for equipment that itself needs periodic leak checks (EU verification check after a repair). */
  subjectToLeakChecks?: boolean;
};

/** `label` is the short citation used in explanations, e.g. "EU 2024/573 art. 5". */
export type RuleSource = { regulation: string; article: string; label: string; url?: string };

export type Rule = {
  id: string;
  obligation: Obligation;
  /** `exempt` rows cancel the `require` rows they name, for installations that meet their conditions. */
  effect: 'require' | 'exempt';
  exempts?: readonly string[];
  region: Region;
  installationKinds: readonly InstallationKind[];
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  conditions: RuleConditions;
  /** null: the law sets no period (EU "without undue delay", EPBD "regular inspection"). */
  intervalMonths: number | null;
  intervalMonthsWithLeakDetection?: number;
  /** Deadlines counted in days (leak repair: Flanders 14, Wallonia 10). */
  deadlineDays?: number;
  /** A verification check on the day of the repair does not count (Flanders). */
  minDaysAfterBase?: number;
  /**
   * Applies only when no other row of the obligation does: the EU "without undue delay" (due the day the
   * leak was found) stands back where a region sets a fixed period, which is how Belgian law makes it concrete.
   */
  fallbackOnly?: boolean;
  /** Due together with the next periodic action of another obligation (Walloon in-depth diagnosis). */
  dueWith?: Obligation;
  /** Relative leak loss limit in % of the nominal charge, and the period it is measured over. */
  limitPercent?: number;
  limitPeriod?: 'calendar_year' | 'two_calendar_years';
  /** Legal tolerance after the due date; informative, the due date itself does not move. */
  toleranceMonths?: number;
  source: RuleSource;
  confidence: Confidence;
  /** Set for every U row: shipped, flagged, see README for how each kind of U row counts. */
  toConfirm: boolean;
  note?: string;
};
