import type { IsoDate } from '../dates.js';

/** Confidence marks of regulations.md: V verified, S secondary source, C computed by us, U unverified. */
export type Confidence = 'V' | 'S' | 'C' | 'U';

/** GWP tables of the two F-gas regulations; the switch is the entry into force of 2024/573. */
export type GwpVersion = 'eu2014' | 'eu2024';

export type RefrigerantClass =
  | 'hfc'
  | 'hfc_blend'
  | 'hfc_hc_blend'
  | 'hfc_hfo_blend'
  | 'hfo'
  | 'hcfo'
  | 'hcfc'
  | 'hydrocarbon'
  | 'natural';

/**
 * Where the F-gas regulation lists the gas: Annex I (HFCs; thresholds in t CO2e) or Annex II section 1
 * (unsaturated HFCs/HCFCs, the HFOs/HCFOs; thresholds in kg under 2024/573). null = not a fluorinated
 * greenhouse gas (hydrocarbons, CO2, ammonia, and the ozone-depleting HCFCs, which have their own regulation).
 */
export type FgasAnnex = 'annex_i' | 'annex_ii_s1';

export type CompositionPart = { component: string; massPercent: number };

export type GwpEntry = {
  version: GwpVersion;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  /** Unrounded; blends are computed with the mass-weighted mixture method. */
  value: number;
  /** As tables show it: a whole number from 10 up, else up to three decimals (HFOs: 0.501). */
  rounded: number;
  confidence: Confidence;
  toConfirm: boolean;
};

export type Refrigerant = {
  id: string;
  name: string;
  aliases: readonly string[];
  class: RefrigerantClass;
  fgas: FgasAnnex | null;
  ozoneDepleting: boolean;
  /** Nominal mass % (ASHRAE 34 / ISO 817); null for a pure substance. */
  composition: readonly CompositionPart[] | null;
  gwp: readonly GwpEntry[];
  note?: string;
};
