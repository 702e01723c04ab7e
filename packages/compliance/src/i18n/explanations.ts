import type { IsoDate } from '../dates.js';
import type { HeatingFuel, Rule } from '../rules/types.js';
import type { BaseKind, Language } from '../engine/types.js';
import { describeRange, formatDate, formatNumber } from './format.js';

type PeriodicObligation = 'leak_check' | 'heating_maintenance' | 'heating_audit' | 'energy_inspection';

const TITLE: Record<Language, Record<PeriodicObligation, string>> = {
  en: {
    leak_check: 'Leak check',
    heating_maintenance: 'Heating maintenance',
    heating_audit: 'Heating audit',
    energy_inspection: 'AC energy inspection',
  },
  nl: {
    leak_check: 'Lekdichtheidscontrole',
    heating_maintenance: 'Onderhoud stooktoestel',
    heating_audit: 'Verwarmingsaudit',
    energy_inspection: 'Energie-inspectie airco',
  },
  fr: {
    leak_check: 'Contrôle d’étanchéité',
    heating_maintenance: 'Entretien du chauffage',
    heating_audit: 'Audit du chauffage',
    energy_inspection: 'Inspection énergétique de la climatisation',
  },
  de: {
    leak_check: 'Dichtheitsprüfung',
    heating_maintenance: 'Heizungswartung',
    heating_audit: 'Heizungsaudit',
    energy_inspection: 'Energetische Inspektion der Klimaanlage',
  },
};

const LAST: Record<Language, Record<PeriodicObligation, string>> = {
  en: {
    leak_check: 'last check',
    heating_maintenance: 'last maintenance',
    heating_audit: 'last audit',
    energy_inspection: 'last inspection',
  },
  nl: {
    leak_check: 'laatste controle',
    heating_maintenance: 'laatste onderhoud',
    heating_audit: 'laatste audit',
    energy_inspection: 'laatste inspectie',
  },
  fr: {
    leak_check: 'dernier contrôle',
    heating_maintenance: 'dernier entretien',
    heating_audit: 'dernier audit',
    energy_inspection: 'dernière inspection',
  },
  de: {
    leak_check: 'letzte Prüfung',
    heating_maintenance: 'letzte Wartung',
    heating_audit: 'letztes Audit',
    energy_inspection: 'letzte Inspektion',
  },
};

const BASE: Record<Language, Record<'commissioning' | 'forecast_start' | 'created', string>> = {
  en: { commissioning: 'commissioned', forecast_start: 'forecast start', created: 'added' },
  nl: { commissioning: 'in dienst gesteld', forecast_start: 'startdatum prognose', created: 'toegevoegd' },
  fr: { commissioning: 'mise en service', forecast_start: 'début des prévisions', created: 'ajoutée' },
  de: { commissioning: 'in Betrieb genommen', forecast_start: 'Prognosebeginn', created: 'erfasst' },
};

const WORDS: Record<
  Language,
  {
    every: (n: number) => string;
    firstWithin: (n: number) => string;
    lds: string;
    custom: string;
    legal: string;
    heatPump: string;
    comfort: (kw: string) => string;
    fuel: Record<HeatingFuel, string>;
    withNextControl: (date: string) => string;
  }
> = {
  en: {
    every: (n) => (n === 1 ? 'every month' : `every ${n} months`),
    firstWithin: (n) => `first one within ${n} months`,
    lds: '(leak detection system)',
    custom: 'custom interval',
    legal: 'legal:',
    heatPump: 'heat pump',
    comfort: (kw) => `comfort cooling ${kw} kW in this building`,
    fuel: { gas: 'gas', liquid: 'liquid fuel', solid: 'solid fuel', other: 'other fuel' },
    withNextControl: (date) => `once, with the next periodic control due ${date}`,
  },
  nl: {
    every: (n) => (n === 1 ? 'elke maand' : `elke ${n} maanden`),
    firstWithin: (n) => `eerste binnen ${n} maanden`,
    lds: '(lekdetectiesysteem)',
    custom: 'eigen interval',
    legal: 'wettelijk:',
    heatPump: 'warmtepomp',
    comfort: (kw) => `comfortkoeling ${kw} kW in dit gebouw`,
    fuel: { gas: 'gas', liquid: 'vloeibare brandstof', solid: 'vaste brandstof', other: 'andere brandstof' },
    withNextControl: (date) => `eenmalig, bij de volgende periodieke controle op ${date}`,
  },
  fr: {
    every: (n) => (n === 1 ? 'tous les mois' : `tous les ${n} mois`),
    firstWithin: (n) => `le premier dans les ${n} mois`,
    lds: '(système de détection des fuites)',
    custom: 'intervalle personnalisé',
    legal: 'légal :',
    heatPump: 'pompe à chaleur',
    comfort: (kw) => `climatisation de confort ${kw} kW dans ce bâtiment`,
    fuel: {
      gas: 'gaz',
      liquid: 'combustible liquide',
      solid: 'combustible solide',
      other: 'autre combustible',
    },
    withNextControl: (date) => `une fois, avec le prochain contrôle périodique du ${date}`,
  },
  de: {
    every: (n) => (n === 1 ? 'jeden Monat' : `alle ${n} Monate`),
    firstWithin: (n) => `erste innerhalb von ${n} Monaten`,
    lds: '(Leckage-Erkennungssystem)',
    custom: 'eigenes Intervall',
    legal: 'gesetzlich:',
    heatPump: 'Wärmepumpe',
    comfort: (kw) => `Komfortkühlung ${kw} kW in diesem Gebäude`,
    fuel: {
      gas: 'Gas',
      liquid: 'flüssiger Brennstoff',
      solid: 'fester Brennstoff',
      other: 'anderer Brennstoff',
    },
    withNextControl: (date) => `einmalig, mit der nächsten periodischen Kontrolle am ${date}`,
  },
};

/** Short citation in the reader's language ("UE 2024/573 art. 5", "EU 2024/573 Art. 5"). */
export function citation(rule: Rule, lang: Language): string {
  const label = rule.source.label;
  if (lang === 'fr') return label.replace(/^EU /, 'UE ');
  if (lang === 'de') return label.replace(/ art\. /, ' Art. ');
  return label;
}

export type PeriodicFacts = {
  refrigerant: string | null;
  chargeKg: number | null;
  co2eTonnes: number | null;
  heatingFuel: HeatingFuel | null;
  heatingCapacityKw: number | null;
  comfortCoolingKw: number | null;
};

export type PeriodicExplanation = {
  obligation: PeriodicObligation;
  rule: Rule;
  intervalMonths: number;
  legalIntervalMonths: number;
  custom: boolean;
  withLeakDetection: boolean;
  dueOn: IsoDate;
  baseDate: IsoDate;
  baseKind: BaseKind;
  facts: PeriodicFacts;
};

function subject(e: PeriodicExplanation, lang: Language): string {
  const n = (v: number) => formatNumber(v, lang);
  const { conditions } = e.rule;
  const f = e.facts;
  if (e.obligation === 'leak_check') {
    const charge = `${f.refrigerant ?? ''} ${f.chargeKg === null ? '' : `${n(f.chargeKg)} kg`}`.trim();
    if (conditions.co2eTonnes && f.co2eTonnes !== null) {
      return `${charge} = ${n(f.co2eTonnes)} t CO2e, ${describeRange(conditions.co2eTonnes, 't CO2e', lang)}`;
    }
    return conditions.chargeKg ? `${charge}, ${describeRange(conditions.chargeKg, 'kg', lang)}` : charge;
  }
  if (e.obligation === 'energy_inspection') {
    const kw = f.comfortCoolingKw === null ? '?' : n(f.comfortCoolingKw);
    const range = conditions.comfortCoolingKw
      ? `, ${describeRange(conditions.comfortCoolingKw, 'kW', lang)}`
      : '';
    return `${WORDS[lang].comfort(kw)}${range}`;
  }
  const what =
    f.heatingFuel && e.rule.installationKinds.includes('heating')
      ? WORDS[lang].fuel[f.heatingFuel]
      : WORDS[lang].heatPump;
  const kw = f.heatingCapacityKw === null ? '' : `, ${n(f.heatingCapacityKw)} kW`;
  const range = conditions.heatingCapacityKw
    ? ` (${describeRange(conditions.heatingCapacityKw, 'kW', lang)})`
    : '';
  return `${what}${kw}${range}`;
}

function head(e: PeriodicExplanation, lang: Language): string {
  const w = WORDS[lang];
  const title = TITLE[lang][e.obligation];
  if (e.rule.dueWith) return `${title}: ${w.withNextControl(formatDate(e.dueOn, lang))}`;
  if (e.custom) {
    return `${title} ${w.every(e.intervalMonths)} (${w.custom}; ${w.legal} ${w.every(e.legalIntervalMonths)})`;
  }
  if (e.rule.conditions.firstOnly) return `${title}, ${w.firstWithin(e.intervalMonths)}`;
  return `${title} ${w.every(e.intervalMonths)}${e.withLeakDetection ? ` ${w.lds}` : ''}`;
}

function baseText(obligation: PeriodicObligation, kind: BaseKind, date: IsoDate, lang: Language): string {
  const shown = formatDate(date, lang);
  if (kind === 'last_check') return `${LAST[lang][obligation]} ${shown}`;
  if (kind === 'commissioning' || kind === 'forecast_start' || kind === 'created')
    return `${BASE[lang][kind]} ${shown}`;
  return shown;
}

/** One sentence: what, how often, why (the facts against the threshold and the legal source), from when. */
export function explainPeriodic(e: PeriodicExplanation, lang: Language): string {
  const semicolon = lang === 'fr' ? ' ;' : ';';
  const colon = lang === 'fr' ? ' :' : ':';
  return `${head(e, lang)}${colon} ${subject(e, lang)} (${citation(e.rule, lang)})${semicolon} ${baseText(e.obligation, e.baseKind, e.baseDate, lang)}.`;
}

export function explainLeakRepair(rule: Rule, leakFoundOn: IsoDate, lang: Language): string {
  const days = rule.deadlineDays ?? 0;
  const found = formatDate(leakFoundOn, lang);
  const src = citation(rule, lang);
  const fixed = days > 0;
  switch (lang) {
    case 'nl':
      return `Lek herstellen ${fixed ? `binnen ${days} dagen` : 'zonder onnodige vertraging'} (${src}); lek vastgesteld ${found}.`;
    case 'fr':
      return `Réparer la fuite ${fixed ? `dans les ${days} jours` : 'sans retard injustifié'} (${src}) ; fuite constatée le ${found}.`;
    case 'de':
      return `Leck ${fixed ? `innerhalb von ${days} Tagen` : 'unverzüglich'} reparieren (${src}); Leck festgestellt am ${found}.`;
    default:
      return `Repair the leak ${fixed ? `within ${days} days` : 'without undue delay'} (${src}); leak found ${found}.`;
  }
}

export function explainLeakRetest(
  rule: Rule,
  repairedOn: IsoDate,
  notSameDay: boolean,
  lang: Language,
): string {
  const src = citation(rule, lang);
  const withinMonth = rule.intervalMonths !== null;
  const repaired = formatDate(repairedOn, lang);
  switch (lang) {
    case 'nl':
      return `Controle na herstelling${withinMonth ? ' binnen 1 maand' : ''}${notSameDay ? ', niet op de dag van de herstelling' : ''} (${src}); hersteld ${repaired}.`;
    case 'fr':
      return `Contrôle d’étanchéité après réparation${withinMonth ? ' dans le mois' : ''}${notSameDay ? ', pas le jour de la réparation' : ''} (${src}) ; réparée le ${repaired}.`;
    case 'de':
      return `Nachkontrolle${withinMonth ? ' innerhalb eines Monats' : ''} nach der Reparatur${notSameDay ? ', nicht am Tag der Reparatur' : ''} (${src}); repariert am ${repaired}.`;
    default:
      return `Verification leak check${withinMonth ? ' within 1 month' : ''} after the repair${notSameDay ? ', not on the day of the repair' : ''} (${src}); repaired ${repaired}.`;
  }
}
