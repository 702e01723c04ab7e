import { describe, expect, it } from 'vitest';
import { ac, kgFor, leakCheckOf, planned, TODAY } from '../test-support/fixtures.js';

const ruleAndInterval = (f: ReturnType<typeof leakCheckOf>) =>
  f === null ? null : f.status === 'unknown' ? f : [f.rule, f.intervalMonths];

describe('EU 2024/573 leak-check bands in t CO2e (Annex I gases)', () => {
  const cases: ReadonlyArray<readonly [number, string | null, number | null]> = [
    [4.99, null, null],
    [4.9999, null, null],
    [5, 'eu2024_leak_check_hfc_5t', 12],
    [5.01, 'eu2024_leak_check_hfc_5t', 12],
    [49.99, 'eu2024_leak_check_hfc_5t', 12],
    [50, 'eu2024_leak_check_hfc_50t', 6],
    [50.01, 'eu2024_leak_check_hfc_50t', 6],
    [499.99, 'eu2024_leak_check_hfc_50t', 6],
    [500, 'eu2024_leak_check_hfc_500t', 3],
    [500.01, 'eu2024_leak_check_hfc_500t', 3],
  ];
  for (const refrigerant of ['R-134a', 'R-32', 'R-410A', 'R-404A', 'R-23']) {
    it.each(cases)(`${refrigerant} at %d t CO2e → %s`, (tonnes, rule, months) => {
      const f = leakCheckOf(ac({ refrigerant, chargeKg: kgFor(refrigerant, tonnes) }));
      expect(ruleAndInterval(f)).toEqual(rule === null ? null : [rule, months]);
    });
  }

  it('counts exactly 5.00 t CO2e as 5 (R-134a 3.4965… kg)', () => {
    const chargeKg = 5000 / 1430;
    const f = planned(leakCheckOf(ac({ refrigerant: 'R-134a', chargeKg })));
    expect(f.intervalMonths).toBe(12);
    expect(f.explanation).toContain('= 5 t CO2e, at least 5 and under 50 t CO2e');
  });

  it('doubles every interval with a leak detection system', () => {
    const lds = (tonnes: number) =>
      planned(leakCheckOf(ac({ chargeKg: kgFor('R-410A', tonnes), leakDetectionSystem: true })))
        .intervalMonths;
    expect([lds(5), lds(50), lds(500)]).toEqual([24, 12, 6]);
    const f = planned(leakCheckOf(ac({ leakDetectionSystem: true })));
    expect(f.explanation).toBe(
      'Leak check every 24 months (leak detection system): R-410A 2.5 kg = 5.22 t CO2e, at least 5 and under 50 t CO2e (EU 2024/573 art. 5); commissioned 15/01/2025.',
    );
    expect(f.dueOn).toBe('2027-01-15');
  });
});

describe('EU 2024/573 leak-check bands in kg (Annex II section 1: HFOs/HCFOs)', () => {
  const cases: ReadonlyArray<readonly [number, string | null, number | null, number | null]> = [
    [0.99, null, null, null],
    [1, 'eu2024_leak_check_hfo_1kg', 12, 24],
    [9.99, 'eu2024_leak_check_hfo_1kg', 12, 24],
    [10, 'eu2024_leak_check_hfo_10kg', 6, 12],
    [99.99, 'eu2024_leak_check_hfo_10kg', 6, 12],
    [100, 'eu2024_leak_check_hfo_100kg', 3, 6],
    [250, 'eu2024_leak_check_hfo_100kg', 3, 6],
  ];
  for (const refrigerant of ['R-1234yf', 'R-1234ze(E)', 'R-1233zd(E)']) {
    it.each(cases)(`${refrigerant} %d kg → %s`, (chargeKg, rule, months, withLds) => {
      expect(ruleAndInterval(leakCheckOf(ac({ refrigerant, chargeKg })))).toEqual(
        rule ? [rule, months] : null,
      );
      const lds = leakCheckOf(ac({ refrigerant, chargeKg, leakDetectionSystem: true }));
      expect(ruleAndInterval(lds)).toEqual(rule ? [rule, withLds] : null);
    });
  }

  it('judges HFC/HFO blends as Annex I mixtures in t CO2e', () => {
    expect(leakCheckOf(ac({ refrigerant: 'R-454B', chargeKg: 5 }))).toBeNull(); // 2.33 t
    expect(ruleAndInterval(leakCheckOf(ac({ refrigerant: 'R-454B', chargeKg: 11 })))).toEqual([
      'eu2024_leak_check_hfc_5t',
      12,
    ]);
  });
});

describe('hermetically sealed exemptions', () => {
  const hfc = (tonnes: number, hermeticallySealed: boolean | null, leakDetectionSystem = false) =>
    leakCheckOf(ac({ chargeKg: kgFor('R-410A', tonnes), hermeticallySealed, leakDetectionSystem }));

  it('exempts hermetic HFC equipment under 10 t CO2e, not at 10 t', () => {
    expect(hfc(9.99, true)).toBeNull();
    expect(ruleAndInterval(hfc(10, true))).toEqual(['eu2024_leak_check_hfc_5t', 12]);
    expect(ruleAndInterval(hfc(10.01, true))).toEqual(['eu2024_leak_check_hfc_5t', 12]);
    expect(ruleAndInterval(hfc(9.99, false))).toEqual(['eu2024_leak_check_hfc_5t', 12]);
    expect(ruleAndInterval(hfc(60, true))).toEqual(['eu2024_leak_check_hfc_50t', 6]);
  });

  it('combines with leak detection', () => {
    expect(hfc(9.99, true, true)).toBeNull();
    expect(ruleAndInterval(hfc(10, true, true))).toEqual(['eu2024_leak_check_hfc_5t', 24]);
    expect(ruleAndInterval(hfc(9.99, false, true))).toEqual(['eu2024_leak_check_hfc_5t', 24]);
  });

  it('exempts hermetic HFO equipment under 2 kg, not at 2 kg', () => {
    const hfo = (chargeKg: number, hermeticallySealed: boolean) =>
      leakCheckOf(ac({ refrigerant: 'R-1234yf', chargeKg, hermeticallySealed }));
    expect(hfo(1.99, true)).toBeNull();
    expect(ruleAndInterval(hfo(2, true))).toEqual(['eu2024_leak_check_hfo_1kg', 12]);
    expect(ruleAndInterval(hfo(1.5, false))).toEqual(['eu2024_leak_check_hfo_1kg', 12]);
  });

  it('asks for the hermetic flag only where it decides', () => {
    expect(hfc(7, null)).toEqual({ status: 'unknown', missing: ['hermeticallySealed'] });
    expect(ruleAndInterval(hfc(12, null))).toEqual(['eu2024_leak_check_hfc_5t', 12]);
    expect(hfc(4, null)).toBeNull();
  });
});

describe('the switch from 517/2014 to 2024/573 on 11 March 2024', () => {
  const commissionedOn = '2023-06-01';

  it('brings HFOs under leak checks from 11 March 2024', () => {
    const hfo = ac({ refrigerant: 'R-1234yf', chargeKg: 5, commissionedOn });
    expect(leakCheckOf(hfo, [], '2024-03-10')).toBeNull();
    expect(planned(leakCheckOf(hfo, [], '2024-03-11'))).toMatchObject({
      rule: 'eu2024_leak_check_hfo_1kg',
      dueOn: '2024-06-01',
      status: 'planned',
    });
  });

  it('applies the 517/2014 rows up to 10 March 2024', () => {
    const hfc = ac({ chargeKg: 3, commissionedOn });
    expect(planned(leakCheckOf(hfc, [], '2024-03-10')).rule).toBe('eu2014_leak_check_5t');
    expect(planned(leakCheckOf(hfc, [], '2024-03-11')).rule).toBe('eu2024_leak_check_hfc_5t');
    expect(planned(leakCheckOf(hfc, [], '2024-03-10')).source.regulation).toBe('Regulation (EU) No 517/2014');
  });

  it('uses the GWP valid on the date (R-448A 3.6062 kg: 5.002 t before, 4.998 t after)', () => {
    const blend = ac({ refrigerant: 'R-448A', chargeKg: 3.6062, commissionedOn });
    expect(planned(leakCheckOf(blend, [], '2024-03-10')).rule).toBe('eu2014_leak_check_5t');
    expect(leakCheckOf(blend, [], '2024-03-11')).toBeNull();
  });

  it('kept small charges out until the end of 2016 (517/2014 art. 4(4))', () => {
    const small = ac({ refrigerant: 'R-404A', chargeKg: 2.9, commissionedOn: '2015-06-01' }); // 11.4 t
    expect(leakCheckOf(small, [], '2016-12-31')).toBeNull();
    expect(planned(leakCheckOf(small, [], '2017-01-01')).rule).toBe('eu2014_leak_check_5t');
    const hermetic = ac({
      refrigerant: 'R-404A',
      chargeKg: 5.9,
      hermeticallySealed: true,
      commissionedOn: '2015-06-01',
    });
    expect(leakCheckOf(hermetic, [], '2016-06-01')).toBeNull();
    expect(planned(leakCheckOf(hermetic, [], '2017-06-01')).rule).toBe('eu2014_leak_check_5t');
  });

  it('reads old logbooks with the kg bands of 842/2006', () => {
    const old = ac({ refrigerant: 'R-404A', chargeKg: 3, commissionedOn: '2010-01-01' });
    expect(planned(leakCheckOf(old, [], '2014-06-01')).rule).toBe('eu2006_leak_check_3kg');
    expect(
      leakCheckOf(
        ac({ refrigerant: 'R-404A', chargeKg: 2.9, commissionedOn: '2010-01-01' }),
        [],
        '2014-06-01',
      ),
    ).toBeNull();
  });
});

describe('gases outside the F-gas regulation', () => {
  it.each(['R-290', 'R-600a', 'R-744', 'R-717'])('%s needs no EU leak check at any charge', (refrigerant) => {
    for (const chargeKg of [0.15, 5, 500, 5000])
      expect(leakCheckOf(ac({ refrigerant, chargeKg }))).toBeNull();
    expect(leakCheckOf(ac({ refrigerant, chargeKg: null }))).toBeNull();
    expect(leakCheckOf(ac({ refrigerant, region: 'brussels' }))).toBeNull();
  });

  it('checks ozone-depleting R-22 in Flanders by kg (VLAREM II)', () => {
    const r22 = (
      chargeKg: number,
      hermeticallySealed = false,
      region: 'flanders' | 'wallonia' = 'flanders',
    ) => leakCheckOf(ac({ refrigerant: 'R-22', chargeKg, hermeticallySealed, region }));
    expect(r22(2.99)).toBeNull();
    expect(ruleAndInterval(r22(3))).toEqual(['vlg_leak_check_ods_3kg', 12]);
    expect(ruleAndInterval(r22(30))).toEqual(['vlg_leak_check_ods_30kg', 6]);
    expect(ruleAndInterval(r22(300))).toEqual(['vlg_leak_check_ods_300kg', 3]);
    expect(r22(5.99, true)).toBeNull();
    expect(ruleAndInterval(r22(6, true))).toEqual(['vlg_leak_check_ods_3kg', 12]);
    expect(r22(50, false, 'wallonia')).toBeNull();
  });
});

describe('regions', () => {
  it('uses EU rows only outside Belgium and Flanders when the region is unknown', () => {
    expect(planned(leakCheckOf(ac({ region: 'other' }))).rule).toBe('eu2024_leak_check_hfc_5t');
    expect(leakCheckOf(ac({ region: 'other', refrigerant: 'R-22', chargeKg: 50 }))).toBeNull();
    expect(ruleAndInterval(leakCheckOf(ac({ region: null, refrigerant: 'R-22', chargeKg: 50 })))).toEqual([
      'vlg_leak_check_ods_30kg',
      6,
    ]);
  });

  it('reports the EU row when a regional row gives the same interval', () => {
    for (const region of ['flanders', 'brussels', 'wallonia'] as const) {
      expect(planned(leakCheckOf(ac({ region }))).rule).toBe('eu2024_leak_check_hfc_5t');
    }
    expect(
      leakCheckOf(ac({ region: 'brussels', chargeKg: kgFor('R-410A', 9), hermeticallySealed: true })),
    ).toBeNull();
  });
});

describe('due dates and status', () => {
  it('is overdue only when the due date is before today', () => {
    const base = ac({ commissionedOn: '2025-04-01' });
    expect(planned(leakCheckOf(base, [], '2026-04-01')).status).toBe('planned');
    expect(planned(leakCheckOf(base, [], '2026-04-02')).status).toBe('overdue');
  });

  it('adds months with end-of-month clamping', () => {
    const f = leakCheckOf(ac({ chargeKg: kgFor('R-410A', 60) }), [
      { type: 'leak_check', date: '2025-08-31' },
    ]);
    expect(planned(f).dueOn).toBe('2026-02-28');
  });

  it('keeps the forecast on the example of the brief', () => {
    const f = planned(
      leakCheckOf(ac(), [{ type: 'leak_check', date: '2026-03-14', result: 'no_leak' }], TODAY),
    );
    expect(f).toMatchObject({
      status: 'planned',
      dueOn: '2027-03-14',
      intervalMonths: 12,
      rule: 'eu2024_leak_check_hfc_5t',
      source: { regulation: 'Regulation (EU) 2024/573', article: 'Art. 5' },
      baseDate: '2026-03-14',
      baseKind: 'last_check',
      explanation:
        'Leak check every 12 months: R-410A 2.5 kg = 5.22 t CO2e, at least 5 and under 50 t CO2e (EU 2024/573 art. 5); last check 14/03/2026.',
    });
  });
});
