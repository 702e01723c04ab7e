import { describe, expect, it } from 'vitest';
import { refrigerants } from './catalogue.js';
import { co2eTonnes, gwpEntryOn, gwpOn } from './co2e.js';
import { findRefrigerant, normalizeRefrigerantName } from './lookup.js';
import { compositionTotal } from './mixture.js';

const BEFORE = '2024-03-10';
const AFTER = '2024-03-11';

// regulations.md §1: [refrigerant, GWP 517/2014, GWP 2024/573] as whole numbers (small HFO values as written).
const TABLE: ReadonlyArray<readonly [string, number, number]> = [
  ['R-23', 14800, 14800],
  ['R-32', 675, 675],
  ['R-125', 3500, 3500],
  ['R-134a', 1430, 1430],
  ['R-143a', 4470, 4470],
  ['R-227ea', 3220, 3220],
  ['R-404A', 3922, 3922],
  ['R-407A', 2107, 2107],
  ['R-407C', 1774, 1774],
  ['R-407F', 1825, 1825],
  ['R-410A', 2088, 2088],
  ['R-417A', 2346, 2346],
  ['R-422D', 2729, 2729],
  ['R-427A', 2138, 2138],
  ['R-437A', 1805, 1805],
  ['R-438A', 2265, 2265],
  ['R-448A', 1387, 1386],
  ['R-449A', 1397, 1396],
  ['R-450A', 605, 601],
  ['R-452A', 2140, 2139],
  ['R-452B', 698, 697],
  ['R-454A', 239, 237],
  ['R-454B', 466, 465],
  ['R-454C', 148, 146],
  ['R-455A', 148, 146],
  ['R-507A', 3985, 3985],
  // regulations.md prints 630 for 2024; the mixture method gives 0.44 × 1430 + 0.56 × 0.501 = 629.48 → 629.
  ['R-513A', 631, 629],
  ['R-1234yf', 4, 0.501],
  ['R-1234ze(E)', 7, 1.37],
  ['R-1233zd(E)', 4.5, 3.88],
  ['R-290', 3, 3],
  ['R-600a', 3, 3],
  ['R-744', 1, 1],
  ['R-717', 0, 0],
];

describe('refrigerant catalogue', () => {
  it.each(TABLE)('%s has GWP %d (517/2014) and %d (2024/573)', (name, gwp2014, gwp2024) => {
    expect(gwpEntryOn(name, BEFORE)?.rounded).toBe(gwp2014);
    expect(gwpEntryOn(name, AFTER)?.rounded).toBe(gwp2024);
  });

  it('computes blend GWPs from the composition (legal mixture method) and uses the published figure', () => {
    expect(gwpEntryOn('R-410A', AFTER)?.value).toBe(2087.5);
    expect(gwpEntryOn('R-404A', AFTER)?.value).toBeCloseTo(3921.6, 9);
    expect(gwpEntryOn('R-407C', AFTER)?.value).toBeCloseTo(1773.85, 9);
    expect(gwpEntryOn('R-448A', BEFORE)?.value).toBeCloseTo(1387.09, 9);
    expect(gwpEntryOn('R-448A', AFTER)?.value).toBeCloseTo(1385.9961, 9);
    expect(gwpOn('R-410A', AFTER)).toBe(2088);
    expect(gwpOn('R-404A', AFTER)).toBe(3922);
    expect(gwpOn('R-407C', AFTER)).toBe(1774);
    expect(gwpOn('R-448A', BEFORE)).toBe(1387);
    expect(gwpOn('R-448A', AFTER)).toBe(1386);
    for (const r of refrigerants.filter((x) => x.composition)) {
      expect(compositionTotal(r.composition ?? []), r.id).toBe(100);
    }
  });

  it('lists every refrigerant of regulations.md §1 with class, annex and dated GWPs', () => {
    for (const [name] of TABLE) expect(findRefrigerant(name)?.id).toBe(name);
    const r410a = findRefrigerant('R-410A');
    expect(r410a).toMatchObject({ id: 'R-410A', name: 'R-410A', class: 'hfc_blend', fgas: 'annex_i' });
    expect(r410a?.composition).toEqual([
      { component: 'R-32', massPercent: 50 },
      { component: 'R-125', massPercent: 50 },
    ]);
    expect(r410a?.gwp.map((g) => [g.version, g.validFrom, g.validTo])).toEqual([
      ['eu2014', null, '2024-03-10'],
      ['eu2024', '2024-03-11', null],
    ]);
    expect(findRefrigerant('R-1234yf')).toMatchObject({ class: 'hfo', fgas: 'annex_ii_s1' });
    expect(findRefrigerant('R-1233zd(E)')).toMatchObject({ class: 'hcfo', fgas: 'annex_ii_s1' });
    expect(findRefrigerant('R-454B')).toMatchObject({ class: 'hfc_hfo_blend', fgas: 'annex_i' });
    expect(findRefrigerant('R-290')).toMatchObject({ class: 'hydrocarbon', fgas: null });
    expect(findRefrigerant('R-717')).toMatchObject({ class: 'natural', fgas: null });
    expect(findRefrigerant('R-22')).toMatchObject({ class: 'hcfc', fgas: null, ozoneDepleting: true });
    expect(JSON.parse(JSON.stringify(refrigerants))).toEqual(refrigerants);
  });

  it('marks unverified GWPs to confirm', () => {
    expect(gwpEntryOn('R-32', AFTER)).toMatchObject({ confidence: 'V', toConfirm: false });
    expect(gwpEntryOn('R-410A', AFTER)).toMatchObject({ confidence: 'C', toConfirm: false });
    expect(gwpEntryOn('R-448A', AFTER)).toMatchObject({ confidence: 'U', toConfirm: true });
    expect(gwpEntryOn('R-1234yf', AFTER)).toMatchObject({ confidence: 'U', toConfirm: true });
  });

  it('finds names however they are spelled, and nothing for unknown names', () => {
    for (const spelling of ['R-410A', 'R410A', 'r-410a', 'R 410 A', 'r410a', ' R-410A ', '410A', 'R_410A']) {
      expect(normalizeRefrigerantName(spelling), spelling).toBe('R-410A');
    }
    expect(normalizeRefrigerantName('R1234ze(E)')).toBe('R-1234ze(E)');
    expect(normalizeRefrigerantName('r-1234ZE')).toBe('R-1234ze(E)');
    expect(normalizeRefrigerantName('HFO-1234yf')).toBe('R-1234yf');
    expect(normalizeRefrigerantName('r600a')).toBe('R-600a');
    expect(normalizeRefrigerantName('HFC-134a')).toBe('R-134a');
    expect(normalizeRefrigerantName('CO2')).toBe('R-744');
    expect(findRefrigerant('R-999Z')).toBeNull();
    expect(findRefrigerant('')).toBeNull();
    expect(findRefrigerant(null)).toBeNull();
    expect(findRefrigerant('R-41')).toBeNull();
  });

  it('computes CO2 equivalents exactly, with the GWP valid on the date', () => {
    expect(co2eTonnes('R-410A', 2.5, AFTER)).toBe(5.22);
    expect(co2eTonnes('R-32', 10, AFTER)).toBe(6.75);
    expect(co2eTonnes('R-404A', 1, AFTER)).toBeCloseTo(3.922, 12);
    expect(co2eTonnes('R-1234yf', 1000, BEFORE)).toBe(4);
    expect(co2eTonnes('R-1234yf', 1000, AFTER)).toBeCloseTo(0.501, 12);
    expect(co2eTonnes('R-1234yf', 1000, '2010-06-01')).toBe(4);
    expect(co2eTonnes('R-410A', 0, AFTER)).toBe(0);
    expect(co2eTonnes('R-410A', -1, AFTER)).toBeNull();
    expect(co2eTonnes('R-410A', Number.NaN, AFTER)).toBeNull();
    expect(co2eTonnes('unknown', 1, AFTER)).toBeNull();
    expect(() => co2eTonnes('R-410A', 1, '2024-3-11')).toThrow(RangeError);
  });
});
