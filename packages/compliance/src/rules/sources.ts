import type { RuleSource } from './types.js';

const EU2024_URL = 'https://eur-lex.europa.eu/eli/reg/2024/573/oj';
const EU2014_URL = 'https://eur-lex.europa.eu/eli/reg/2014/517/oj';
const VLG_LEAK_URL =
  'https://www.omgeving.vlaanderen.be/periodieke-lekdichtheidscontroles-voor-koelinstallaties';
const VLG_AC_URL = 'https://omgeving.vlaanderen.be/wettelijke-verplichtingen-aircos-en-koelinstallaties';
const BRU_COLD_URL =
  'https://leefmilieu.brussels/de-milieuvergunning/algemene-en-specifieke-exploitatievoorwaarden/de-specifieke-exploitatievoorwaarden/koelinstallaties/verplicht-onderhoud-en-verplichte-controles';
const BRU_EPB_URL =
  'https://environnement.brussels/pro/reglementation/obligations-et-autorisations/controles-et-entretien-de-la-reglementation-chauffage-et-climatisation-peb';
const WAL_COLD_URL = 'https://wallex.wallonie.be/eli/arrete/2007/07/12/2007202868/2012/11/26';
const WAL_HEAT_URL = 'https://informazout.be/fr/faq/entretien-wallonie';

const EU2024 = 'Regulation (EU) 2024/573';
const EU2014 = 'Regulation (EU) No 517/2014';
const VLAREM = 'VLAREM II (Besluit van de Vlaamse Regering van 1 juni 1995)';
const VLG_HEAT =
  'Besluit van de Vlaamse Regering van 8 december 2006 betreffende het onderhoud en het nazicht van stooktoestellen';
const BRU_COLD =
  'Arrêté du Gouvernement de la Région de Bruxelles-Capitale du 29 novembre 2018 relatif aux installations de réfrigération';
const BRU_EPB =
  'Arrêté du Gouvernement de la Région de Bruxelles-Capitale du 21 juin 2018 relatif au contrôle et à l’entretien des systèmes de chauffage et de climatisation';
const BRU_EPB_2010 =
  'Arrêté du Gouvernement de la Région de Bruxelles-Capitale du 3 juin 2010 (PEB chauffage)';
const WAL_COLD =
  'Arrêté du Gouvernement wallon du 12 juillet 2007 (équipements frigorifiques fixes), modifié en 2012';
const WAL_HEAT = 'Arrêté du Gouvernement wallon du 29 janvier 2009 (installations de chauffage central)';
const EPBD = 'Directive 2010/31/EU';

export const sources = {
  eu2024Art4: { regulation: EU2024, article: 'Art. 4', label: 'EU 2024/573 art. 4', url: EU2024_URL },
  eu2024Art5: { regulation: EU2024, article: 'Art. 5', label: 'EU 2024/573 art. 5', url: EU2024_URL },
  eu2014Art3: { regulation: EU2014, article: 'Art. 3(3)', label: 'EU 517/2014 art. 3', url: EU2014_URL },
  eu2014Art4: { regulation: EU2014, article: 'Art. 4', label: 'EU 517/2014 art. 4', url: EU2014_URL },
  eu2006Art3: {
    regulation: 'Regulation (EC) No 842/2006',
    article: 'Art. 3(2)',
    label: 'EC 842/2006 art. 3',
  },
  vlaremLeak: {
    regulation: VLAREM,
    article: 'Art. 5.16.3.3',
    label: 'VLAREM II art. 5.16.3.3',
    url: VLG_LEAK_URL,
  },
  vlaremAc: {
    regulation: VLAREM,
    article: 'sectoral conditions for cooling installations',
    label: 'VLAREM II',
    url: VLG_AC_URL,
  },
  vlgHeat: {
    regulation: VLG_HEAT,
    article: 'periodic maintenance and heating audit',
    label: 'BVR 8.12.2006',
  },
  bruCold: {
    regulation: BRU_COLD,
    article: 'leak checks and leak losses',
    label: 'AGRBC 29.11.2018',
    url: BRU_COLD_URL,
  },
  bruEpb: {
    regulation: BRU_EPB,
    article: 'EPB periodic control and diagnosis',
    label: 'AGRBC 21.6.2018',
    url: BRU_EPB_URL,
  },
  bruEpb2010: { regulation: BRU_EPB_2010, article: 'periodic control', label: 'AGRBC 3.6.2010' },
  walCold: { regulation: WAL_COLD, article: 'leak repair', label: 'AGW 12.7.2007', url: WAL_COLD_URL },
  walAc: {
    regulation:
      'Arrêté du Gouvernement wallon du 12 juillet 2007 (performance énergétique des systèmes de climatisation)',
    article: 'AC inspection',
    label: 'AGW 12.7.2007',
  },
  walHeat: {
    regulation: WAL_HEAT,
    article: 'periodic control and diagnosis',
    label: 'AGW 29.1.2009',
    url: WAL_HEAT_URL,
  },
  epbd2010: { regulation: EPBD, article: 'Art. 15', label: 'Directive 2010/31/EU art. 15' },
  epbd2018: {
    regulation: `${EPBD} as amended by Directive (EU) 2018/844`,
    article: 'Art. 15',
    label: 'Directive 2010/31/EU art. 15 (2018/844)',
  },
} satisfies Record<string, RuleSource>;
