import { describe, expect, it } from 'vitest';
import { describeRange, formatNumber } from './format.js';
import { ac, boiler, forecastOf, planned } from '../test-support/fixtures.js';

describe('Belgian number formatting', () => {
  it('uses comma decimals in nl, fr and de, a dot in en', () => {
    expect(formatNumber(5.21875, 'en')).toBe('5.22');
    expect(formatNumber(5.21875, 'nl')).toBe('5,22');
    expect(formatNumber(5.21875, 'fr')).toBe('5,22');
    expect(formatNumber(5.21875, 'de')).toBe('5,22');
    expect(formatNumber(1234.5, 'nl')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(2.5, 'en')).toBe('2.5');
  });

  it('never rounds a value over a threshold it is below', () => {
    expect(formatNumber(4.9999, 'en')).toBe('4.9999');
    expect(formatNumber(4.999999999999999, 'en')).toBe('5');
    expect(formatNumber(49.996, 'nl')).toBe('49,996');
  });

  it('describes bands', () => {
    expect(describeRange({ gte: 5, lt: 50 }, 't CO2e', 'en')).toBe('at least 5 and under 50 t CO2e');
    expect(describeRange({ gt: 12, lte: 100 }, 'kW', 'fr')).toBe('plus de 12 et au plus 100 kW');
    expect(describeRange({ gte: 20, lte: 100 }, 'kW', 'de')).toBe('20 bis 100 kW');
    expect(describeRange({ gte: 500 }, 't CO2e', 'nl')).toBe('minstens 500 t CO2e');
  });
});

describe('explanations', () => {
  const history = [{ type: 'leak_check' as const, date: '2026-03-14', result: 'no_leak' as const }];
  const text = (lang: 'nl' | 'fr' | 'en' | 'de') =>
    planned(forecastOf(ac(), history, '2026-04-01', lang).leakCheck).explanation;

  it('say the rule, the numbers, the source and the base, in four languages', () => {
    expect(text('en')).toBe(
      'Leak check every 12 months: R-410A 2.5 kg = 5.22 t CO2e, at least 5 and under 50 t CO2e (EU 2024/573 art. 5); last check 14/03/2026.',
    );
    expect(text('nl')).toBe(
      'Lekdichtheidscontrole elke 12 maanden: R-410A 2,5 kg = 5,22 t CO2e, minstens 5 en minder dan 50 t CO2e (EU 2024/573 art. 5); laatste controle 14/03/2026.',
    );
    expect(text('fr')).toBe(
      'Contrôle d’étanchéité tous les 12 mois : R-410A 2,5 kg = 5,22 t CO2e, au moins 5 et moins de 50 t CO2e (UE 2024/573 art. 5) ; dernier contrôle 14/03/2026.',
    );
    expect(text('de')).toBe(
      'Dichtheitsprüfung alle 12 Monate: R-410A 2,5 kg = 5,22 t CO2e, mindestens 5 und unter 50 t CO2e (EU 2024/573 Art. 5); letzte Prüfung 14.03.2026.',
    );
  });

  it('describe kg bands and heating', () => {
    const hfo = planned(
      forecastOf(ac({ refrigerant: 'R1234yf', chargeKg: 12.5 }), [], '2026-04-01', 'nl').leakCheck,
    );
    expect(hfo.explanation).toBe(
      'Lekdichtheidscontrole elke 6 maanden: R-1234yf 12,5 kg, minstens 10 en minder dan 100 kg (EU 2024/573 art. 5); in dienst gesteld 15/01/2025.',
    );
    const gas = planned(
      forecastOf(boiler({ region: 'wallonia', heatingCapacityKw: 150 }), [], '2026-04-01', 'fr')
        .heatingMaintenance,
    );
    expect(gas.explanation).toBe(
      'Entretien du chauffage tous les 24 mois : gaz, 150 kW (plus de 100 kW) (AGW 29.1.2009) ; mise en service 15/01/2025.',
    );
  });
});
