import { EU2014_FROM, EU2014_TO, EU2024_FROM } from '../refrigerants/gwp-versions.js';
import { COOLING_KINDS, defineRule } from './define.js';
import { sources } from './sources.js';
import type { Range, Rule } from './types.js';

type Band = { suffix: string; range: Range; months: number; withLeakDetection?: number };

/** The three EU bands: 12/6/3 months, doubled with a leak detection system (2024/573 and 517/2014). */
const CO2E_BANDS: readonly Band[] = [
  { suffix: '5t', range: { gte: 5, lt: 50 }, months: 12, withLeakDetection: 24 },
  { suffix: '50t', range: { gte: 50, lt: 500 }, months: 6, withLeakDetection: 12 },
  { suffix: '500t', range: { gte: 500 }, months: 3, withLeakDetection: 6 },
];

const HFO_KG_BANDS: readonly Band[] = [
  { suffix: '1kg', range: { gte: 1, lt: 10 }, months: 12, withLeakDetection: 24 },
  { suffix: '10kg', range: { gte: 10, lt: 100 }, months: 6, withLeakDetection: 12 },
  { suffix: '100kg', range: { gte: 100 }, months: 3, withLeakDetection: 6 },
];

/** 842/2006 (before 2015), kg of F-gas: the 3 kg band has no leak-detection relief. */
const EU2006_KG_BANDS: readonly Band[] = [
  { suffix: '3kg', range: { gte: 3, lt: 30 }, months: 12 },
  { suffix: '30kg', range: { gte: 30, lt: 300 }, months: 6, withLeakDetection: 12 },
  { suffix: '300kg', range: { gte: 300 }, months: 3, withLeakDetection: 6 },
];

/** ODS (e.g. R-22) in Flanders: 3/30/300 kg, the old 1005/2009 bands, no leak-detection relief given. */
const ODS_KG_BANDS: readonly Band[] = [
  { suffix: '3kg', range: { gte: 3, lt: 30 }, months: 12 },
  { suffix: '30kg', range: { gte: 30, lt: 300 }, months: 6 },
  { suffix: '300kg', range: { gte: 300 }, months: 3 },
];

const leakDetection = (band: Band) =>
  band.withLeakDetection === undefined ? {} : { intervalMonthsWithLeakDetection: band.withLeakDetection };

const EU2006_FROM = '2007-07-04';
const EU2006_TO = '2014-12-31';
const BRU_2018_FROM = '2019-03-19';

export const leakCheckRules: readonly Rule[] = [
  // Regulation (EU) 2024/573, from 11 March 2024.
  ...CO2E_BANDS.map((band) =>
    defineRule({
      id: `eu2024_leak_check_hfc_${band.suffix}`,
      obligation: 'leak_check',
      region: 'eu',
      installationKinds: COOLING_KINDS,
      validFrom: EU2024_FROM,
      validTo: null,
      conditions: { gas: ['annex_i'], co2eTonnes: band.range },
      intervalMonths: band.months,
      ...leakDetection(band),
      source: sources.eu2024Art5,
      confidence: 'S',
    }),
  ),
  ...HFO_KG_BANDS.map((band) =>
    defineRule({
      id: `eu2024_leak_check_hfo_${band.suffix}`,
      obligation: 'leak_check',
      region: 'eu',
      installationKinds: COOLING_KINDS,
      validFrom: EU2024_FROM,
      validTo: null,
      conditions: { gas: ['annex_ii_s1'], chargeKg: band.range },
      intervalMonths: band.months,
      ...leakDetection(band),
      source: sources.eu2024Art5,
      confidence: 'S',
    }),
  ),
  defineRule({
    id: 'eu2024_hermetic_hfc_exempt',
    obligation: 'leak_check',
    effect: 'exempt',
    exempts: ['eu2024_leak_check_hfc_5t', 'vlg_leak_check_fgas_5t'],
    region: 'eu',
    installationKinds: COOLING_KINDS,
    validFrom: EU2024_FROM,
    validTo: null,
    conditions: { gas: ['annex_i'], hermeticallySealed: true, co2eTonnes: { lt: 10 } },
    intervalMonths: null,
    source: sources.eu2024Art5,
    confidence: 'S',
    note: 'The Flemish row follows the EU bands, so it follows the EU exemption too.',
  }),
  defineRule({
    id: 'eu2024_hermetic_hfo_exempt',
    obligation: 'leak_check',
    effect: 'exempt',
    exempts: ['eu2024_leak_check_hfo_1kg'],
    region: 'eu',
    installationKinds: COOLING_KINDS,
    validFrom: EU2024_FROM,
    validTo: null,
    conditions: { gas: ['annex_ii_s1'], hermeticallySealed: true, chargeKg: { lt: 2 } },
    intervalMonths: null,
    source: sources.eu2024Art5,
    confidence: 'S',
    note: 'The 3 kg variant one source gives for some residential hermetic equipment is U and not shipped: an unverified exemption never removes a check.',
  }),

  // Regulation (EU) No 517/2014, 1 January 2015 – 10 March 2024: Annex I gases only (HFOs were not
  // F-gases for its Article 4).
  ...CO2E_BANDS.map((band) =>
    defineRule({
      id: `eu2014_leak_check_${band.suffix}`,
      obligation: 'leak_check',
      region: 'eu',
      installationKinds: COOLING_KINDS,
      validFrom: EU2014_FROM,
      validTo: EU2014_TO,
      conditions: { gas: ['annex_i'], co2eTonnes: band.range },
      intervalMonths: band.months,
      ...leakDetection(band),
      source: sources.eu2014Art4,
      confidence: band.suffix === '5t' ? 'V' : 'S',
    }),
  ),
  defineRule({
    id: 'eu2014_hermetic_exempt',
    obligation: 'leak_check',
    effect: 'exempt',
    exempts: ['eu2014_leak_check_5t', 'vlg_leak_check_fgas_5t'],
    region: 'eu',
    installationKinds: COOLING_KINDS,
    validFrom: EU2014_FROM,
    validTo: EU2014_TO,
    conditions: { gas: ['annex_i'], hermeticallySealed: true, co2eTonnes: { lt: 10 } },
    intervalMonths: null,
    source: sources.eu2014Art4,
    confidence: 'S',
  }),
  defineRule({
    id: 'eu2014_small_charge_transition',
    obligation: 'leak_check',
    effect: 'exempt',
    exempts: [
      'eu2014_leak_check_5t',
      'eu2014_leak_check_50t',
      'vlg_leak_check_fgas_5t',
      'vlg_leak_check_fgas_50t',
    ],
    region: 'eu',
    installationKinds: COOLING_KINDS,
    validFrom: EU2014_FROM,
    validTo: '2016-12-31',
    conditions: { gas: ['annex_i'], chargeKg: { lt: 3 } },
    intervalMonths: null,
    source: sources.eu2014Art4,
    confidence: 'S',
  }),
  defineRule({
    id: 'eu2014_small_charge_transition_hermetic',
    obligation: 'leak_check',
    effect: 'exempt',
    exempts: [
      'eu2014_leak_check_5t',
      'eu2014_leak_check_50t',
      'vlg_leak_check_fgas_5t',
      'vlg_leak_check_fgas_50t',
    ],
    region: 'eu',
    installationKinds: COOLING_KINDS,
    validFrom: EU2014_FROM,
    validTo: '2016-12-31',
    conditions: { gas: ['annex_i'], hermeticallySealed: true, chargeKg: { lt: 6 } },
    intervalMonths: null,
    source: sources.eu2014Art4,
    confidence: 'S',
  }),

  // Regulation (EC) No 842/2006, kg-based, for old logbooks.
  ...EU2006_KG_BANDS.map((band) =>
    defineRule({
      id: `eu2006_leak_check_${band.suffix}`,
      obligation: 'leak_check',
      region: 'eu',
      installationKinds: COOLING_KINDS,
      validFrom: EU2006_FROM,
      validTo: EU2006_TO,
      conditions: { gas: ['annex_i'], chargeKg: band.range },
      intervalMonths: band.months,
      ...leakDetection(band),
      source: sources.eu2006Art3,
      confidence: 'S',
    }),
  ),
  defineRule({
    id: 'eu2006_hermetic_exempt',
    obligation: 'leak_check',
    effect: 'exempt',
    exempts: ['eu2006_leak_check_3kg'],
    region: 'eu',
    installationKinds: COOLING_KINDS,
    validFrom: EU2006_FROM,
    validTo: EU2006_TO,
    conditions: { gas: ['annex_i'], hermeticallySealed: true, chargeKg: { lt: 6 } },
    intervalMonths: null,
    source: sources.eu2006Art3,
    confidence: 'S',
  }),

  // Flanders: VLAREM II art. 5.16.3.3 follows the EU bands for F-gases and keeps the ODS bands.
  ...CO2E_BANDS.map((band) =>
    defineRule({
      id: `vlg_leak_check_fgas_${band.suffix}`,
      obligation: 'leak_check',
      region: 'flanders',
      installationKinds: COOLING_KINDS,
      validFrom: EU2014_FROM,
      validTo: null,
      conditions: { gas: ['annex_i'], co2eTonnes: band.range },
      intervalMonths: band.months,
      ...leakDetection(band),
      source: sources.vlaremLeak,
      confidence: 'S',
    }),
  ),
  ...ODS_KG_BANDS.map((band) =>
    defineRule({
      id: `vlg_leak_check_ods_${band.suffix}`,
      obligation: 'leak_check',
      region: 'flanders',
      installationKinds: COOLING_KINDS,
      validFrom: null,
      validTo: null,
      conditions: { gas: ['ods'], chargeKg: band.range },
      intervalMonths: band.months,
      source: sources.vlaremLeak,
      confidence: 'S',
    }),
  ),
  defineRule({
    id: 'vlg_leak_check_ods_hermetic_exempt',
    obligation: 'leak_check',
    effect: 'exempt',
    exempts: ['vlg_leak_check_ods_3kg'],
    region: 'flanders',
    installationKinds: COOLING_KINDS,
    validFrom: null,
    validTo: null,
    conditions: { gas: ['ods'], hermeticallySealed: true, chargeKg: { lt: 6 } },
    intervalMonths: null,
    source: sources.vlaremLeak,
    confidence: 'S',
  }),

  // Brussels: arrêté of 29 November 2018 (in force 19 March 2019), EU bands for HFC installations.
  ...CO2E_BANDS.map((band) =>
    defineRule({
      id: `bru_leak_check_interval_${band.suffix}`,
      obligation: 'leak_check',
      region: 'brussels',
      installationKinds: COOLING_KINDS,
      validFrom: BRU_2018_FROM,
      validTo: null,
      conditions: { gas: ['annex_i'], co2eTonnes: band.range },
      intervalMonths: band.months,
      ...leakDetection(band),
      source: sources.bruCold,
      confidence: 'S',
    }),
  ),
  defineRule({
    id: 'bru_hermetic_exempt',
    obligation: 'leak_check',
    effect: 'exempt',
    exempts: ['bru_leak_check_interval_5t'],
    region: 'brussels',
    installationKinds: COOLING_KINDS,
    validFrom: BRU_2018_FROM,
    validTo: null,
    conditions: { gas: ['annex_i'], hermeticallySealed: true, co2eTonnes: { lt: 10 } },
    intervalMonths: null,
    source: sources.bruCold,
    confidence: 'S',
  }),
];
