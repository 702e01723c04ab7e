import type { Confidence, FgasAnnex, GwpVersion, RefrigerantClass } from './types.js';

/** A GWP as one regulation's annex gives it, with how sure we are of the number. */
export type GwpValue = { value: number; confidence: Confidence; note?: string };

export type PureSubstance = {
  id: string;
  aliases: readonly string[];
  class: RefrigerantClass;
  fgas: FgasAnnex | null;
  ozoneDepleting: boolean;
  gwp: Readonly<Record<GwpVersion, GwpValue>>;
  note?: string;
};

const same = (value: number, confidence: Confidence): Record<GwpVersion, GwpValue> => ({
  eu2014: { value, confidence },
  eu2024: { value, confidence },
});

/**
 * Non-fluorinated substances: 517/2014 Annex IV gives AR4 values (V). 2024/573 Annex VI may use AR6
 * values (propane ≈ 0.02); that is unverified (regulations.md gwp_annex_vi_2024, U), so the 2014 value is
 * carried forward and flagged. It changes no obligation (these gases have no EU leak-check duty) and moves
 * the blends of the catalogue by less than 0.2.
 */
const hydrocarbon = (value: number): Record<GwpVersion, GwpValue> => ({
  eu2014: { value, confidence: 'V' },
  eu2024: {
    value,
    confidence: 'U',
    note: '517/2014 Annex IV value carried forward; 2024/573 Annex VI to confirm',
  },
});

export const pureSubstances: readonly PureSubstance[] = [
  // 2024/573 Annex I keeps the AR4 100-year values of 517/2014 Annex I (V).
  {
    id: 'R-23',
    aliases: ['HFC-23'],
    class: 'hfc',
    fgas: 'annex_i',
    ozoneDepleting: false,
    gwp: same(14800, 'V'),
  },
  {
    id: 'R-32',
    aliases: ['HFC-32'],
    class: 'hfc',
    fgas: 'annex_i',
    ozoneDepleting: false,
    gwp: same(675, 'V'),
  },
  {
    id: 'R-125',
    aliases: ['HFC-125'],
    class: 'hfc',
    fgas: 'annex_i',
    ozoneDepleting: false,
    gwp: same(3500, 'V'),
  },
  {
    id: 'R-134a',
    aliases: ['HFC-134a'],
    class: 'hfc',
    fgas: 'annex_i',
    ozoneDepleting: false,
    gwp: same(1430, 'V'),
  },
  {
    id: 'R-143a',
    aliases: ['HFC-143a'],
    class: 'hfc',
    fgas: 'annex_i',
    ozoneDepleting: false,
    gwp: same(4470, 'V'),
  },
  {
    id: 'R-227ea',
    aliases: ['HFC-227ea'],
    class: 'hfc',
    fgas: 'annex_i',
    ozoneDepleting: false,
    gwp: same(3220, 'V'),
  },
  // Annex II section 1: 517/2014 values and the AR6 values 2024/573 is recalled to use (both U).
  {
    id: 'R-1234yf',
    aliases: ['HFO-1234yf'],
    class: 'hfo',
    fgas: 'annex_ii_s1',
    ozoneDepleting: false,
    gwp: { eu2014: { value: 4, confidence: 'U' }, eu2024: { value: 0.501, confidence: 'U' } },
  },
  {
    id: 'R-1234ze(E)',
    aliases: ['HFO-1234ze(E)', 'R-1234ze', 'HFO-1234ze'],
    class: 'hfo',
    fgas: 'annex_ii_s1',
    ozoneDepleting: false,
    gwp: { eu2014: { value: 7, confidence: 'U' }, eu2024: { value: 1.37, confidence: 'U' } },
  },
  {
    id: 'R-1233zd(E)',
    aliases: ['HCFO-1233zd(E)', 'R-1233zd', 'HCFO-1233zd'],
    class: 'hcfo',
    fgas: 'annex_ii_s1',
    ozoneDepleting: false,
    gwp: { eu2014: { value: 4.5, confidence: 'U' }, eu2024: { value: 3.88, confidence: 'U' } },
  },
  {
    id: 'R-290',
    aliases: ['propane'],
    class: 'hydrocarbon',
    fgas: null,
    ozoneDepleting: false,
    gwp: hydrocarbon(3),
  },
  {
    id: 'R-600',
    aliases: ['butane', 'n-butane'],
    class: 'hydrocarbon',
    fgas: null,
    ozoneDepleting: false,
    gwp: hydrocarbon(4),
  },
  {
    id: 'R-600a',
    aliases: ['isobutane'],
    class: 'hydrocarbon',
    fgas: null,
    ozoneDepleting: false,
    gwp: hydrocarbon(3),
  },
  {
    id: 'R-601',
    aliases: ['pentane', 'n-pentane'],
    class: 'hydrocarbon',
    fgas: null,
    ozoneDepleting: false,
    gwp: hydrocarbon(5),
  },
  {
    id: 'R-601a',
    aliases: ['isopentane'],
    class: 'hydrocarbon',
    fgas: null,
    ozoneDepleting: false,
    gwp: hydrocarbon(5),
  },
  {
    id: 'R-1270',
    aliases: ['propylene', 'propene'],
    class: 'hydrocarbon',
    fgas: null,
    ozoneDepleting: false,
    gwp: hydrocarbon(2),
  },
  {
    id: 'R-170',
    aliases: ['ethane'],
    class: 'hydrocarbon',
    fgas: null,
    ozoneDepleting: false,
    gwp: hydrocarbon(6),
  },
  {
    id: 'R-744',
    aliases: ['CO2', 'carbon dioxide'],
    class: 'natural',
    fgas: null,
    ozoneDepleting: false,
    gwp: same(1, 'V'),
  },
  {
    id: 'R-717',
    aliases: ['NH3', 'ammonia'],
    class: 'natural',
    fgas: null,
    ozoneDepleting: false,
    gwp: { eu2014: { value: 0, confidence: 'V' }, eu2024: { value: 0, confidence: 'U' } },
  },
  {
    // Needed for the Flemish ODS leak-check rows (regulations.md §3). Not in the F-gas annexes: the GWP is
    // the IPCC AR4 value, for display only.
    id: 'R-22',
    aliases: ['HCFC-22'],
    class: 'hcfc',
    fgas: null,
    ozoneDepleting: true,
    gwp: same(1810, 'U'),
    note: 'Ozone-depleting (HCFC); refilling with virgin HCFCs is banned. GWP: IPCC AR4, for information.',
  },
];
