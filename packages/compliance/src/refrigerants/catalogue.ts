import { blendDefinitions } from './blends.js';
import { gwpVersionValidity } from './gwp-versions.js';
import { mixtureGwp } from './mixture.js';
import { pureSubstances, type PureSubstance } from './substances.js';
import type { Confidence, FgasAnnex, GwpEntry, GwpVersion, Refrigerant } from './types.js';

const VERSIONS: readonly GwpVersion[] = ['eu2014', 'eu2024'];

const substancesById = new Map<string, PureSubstance>(pureSubstances.map((s) => [s.id, s]));

function component(id: string): PureSubstance {
  const substance = substancesById.get(id);
  if (!substance) throw new Error(`Blend component ${id} is not in the substance table`);
  return substance;
}

/** Whole numbers as tables show them; the small HFO values (0.501, 4.5) keep up to three decimals. */
function displayGwp(value: number): number {
  return value >= 10 ? Math.round(value) : Math.round(value * 1000) / 1000;
}

function entry(version: GwpVersion, value: number, confidence: Confidence): GwpEntry {
  return {
    version,
    ...gwpVersionValidity[version],
    value,
    rounded: displayGwp(value),
    confidence,
    toConfirm: confidence === 'U',
  };
}

function fromSubstance(s: PureSubstance): Refrigerant {
  return {
    id: s.id,
    name: s.id,
    aliases: s.aliases,
    class: s.class,
    fgas: s.fgas,
    ozoneDepleting: s.ozoneDepleting,
    composition: null,
    gwp: VERSIONS.map((v) => entry(v, s.gwp[v].value, s.gwp[v].confidence)),
    ...(s.note ? { note: s.note } : {}),
  };
}

/**
 * A blend that contains any HFC is an Annex I mixture and is judged in t CO2e with its whole mixture GWP
 * (regulations.md eu2024_mixture_classification, U: whether the kg bands also apply to its HFO share is
 * open; we do not apply them). Only a blend of Annex II gases alone would follow the kg bands.
 */
function blendAnnex(parts: readonly PureSubstance[]): FgasAnnex | null {
  if (parts.some((p) => p.fgas === 'annex_i')) return 'annex_i';
  if (parts.some((p) => p.fgas === 'annex_ii_s1')) return 'annex_ii_s1';
  return null;
}

function fromBlend(definition: (typeof blendDefinitions)[number]): Refrigerant {
  const parts = definition.composition.map((p) => component(p.component));
  return {
    id: definition.id,
    name: definition.id,
    aliases: [],
    class: definition.class,
    fgas: blendAnnex(parts),
    ozoneDepleting: parts.some((p) => p.ozoneDepleting),
    composition: definition.composition,
    gwp: VERSIONS.map((v) => {
      // C = computed from V/S inputs; it inherits U when a fluorinated component's value is unverified
      // (the HFO values of 2024/573). Hydrocarbon components move the total by < 0.2 and do not count.
      const unsure = parts.some((p) => p.fgas !== null && p.gwp[v].confidence === 'U');
      return entry(
        v,
        mixtureGwp(definition.composition, (id) => component(id).gwp[v].value),
        unsure ? 'U' : 'C',
      );
    }),
  };
}

/** Every refrigerant of regulations.md §1 (plus R-22 for the Flemish ODS rows), pure substances first. */
export const refrigerants: readonly Refrigerant[] = [
  ...pureSubstances.map(fromSubstance),
  ...blendDefinitions.map(fromBlend),
];
