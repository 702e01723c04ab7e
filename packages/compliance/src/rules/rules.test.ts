import { describe, expect, it } from 'vitest';
import { known } from '../engine/conditions.js';
import { buildContext } from '../engine/context.js';
import { selectRules } from '../engine/select.js';
import type { InstallationInput } from '../engine/types.js';
import { ac, boiler } from '../test-support/fixtures.js';
import { rules } from './index.js';
import type { Facts } from '../engine/conditions.js';
import type { Obligation } from './types.js';

const NOW = '2026-04-01';

type Example = {
  id: string;
  installation: InstallationInput;
  date?: string;
  extra?: Partial<Facts>;
  /** For exemptions: the change that takes the example out of the exemption (default: not sealed). */
  without?: Partial<InstallationInput>;
};

const cool = (o: Partial<InstallationInput>) => ac(o);
const heat = (o: Partial<InstallationInput>) => boiler(o);
const kw = (v: number): Partial<Facts> => ({ comfortCoolingKw: known(v) });
const subject: Partial<Facts> = { subjectToLeakChecks: known(true) };

/** One legal example per rule row: an installation the row binds (or, for exemptions, exempts). */
const EXAMPLES: readonly Example[] = [
  { id: 'eu2024_leak_check_hfc_5t', installation: cool({ refrigerant: 'R-410A', chargeKg: 2.5 }) },
  { id: 'eu2024_leak_check_hfc_50t', installation: cool({ refrigerant: 'R-404A', chargeKg: 20 }) },
  { id: 'eu2024_leak_check_hfc_500t', installation: cool({ refrigerant: 'R-404A', chargeKg: 150 }) },
  { id: 'eu2024_leak_check_hfo_1kg', installation: cool({ refrigerant: 'R-1234yf', chargeKg: 5 }) },
  { id: 'eu2024_leak_check_hfo_10kg', installation: cool({ refrigerant: 'R-1234ze(E)', chargeKg: 50 }) },
  { id: 'eu2024_leak_check_hfo_100kg', installation: cool({ refrigerant: 'R-1233zd(E)', chargeKg: 150 }) },
  { id: 'eu2024_hermetic_hfc_exempt', installation: cool({ chargeKg: 4, hermeticallySealed: true }) },
  {
    id: 'eu2024_hermetic_hfo_exempt',
    installation: cool({ refrigerant: 'R-1234yf', chargeKg: 1.5, hermeticallySealed: true }),
  },
  { id: 'eu2014_leak_check_5t', installation: cool({ chargeKg: 2.5 }), date: '2020-06-01' },
  {
    id: 'eu2014_leak_check_50t',
    installation: cool({ refrigerant: 'R-404A', chargeKg: 20 }),
    date: '2020-06-01',
  },
  {
    id: 'eu2014_leak_check_500t',
    installation: cool({ refrigerant: 'R-404A', chargeKg: 150 }),
    date: '2020-06-01',
  },
  {
    id: 'eu2014_hermetic_exempt',
    installation: cool({ chargeKg: 4, hermeticallySealed: true }),
    date: '2020-06-01',
  },
  {
    id: 'eu2014_small_charge_transition',
    installation: cool({ refrigerant: 'R-404A', chargeKg: 2.9 }),
    date: '2016-06-01',
    without: { chargeKg: 3 },
  },
  {
    id: 'eu2014_small_charge_transition_hermetic',
    installation: cool({ refrigerant: 'R-404A', chargeKg: 5.9, hermeticallySealed: true }),
    date: '2016-06-01',
  },
  {
    id: 'eu2006_leak_check_3kg',
    installation: cool({ refrigerant: 'R-404A', chargeKg: 5 }),
    date: '2012-06-01',
  },
  {
    id: 'eu2006_leak_check_30kg',
    installation: cool({ refrigerant: 'R-404A', chargeKg: 40 }),
    date: '2012-06-01',
  },
  {
    id: 'eu2006_leak_check_300kg',
    installation: cool({ refrigerant: 'R-404A', chargeKg: 400 }),
    date: '2012-06-01',
  },
  {
    id: 'eu2006_hermetic_exempt',
    installation: cool({ refrigerant: 'R-404A', chargeKg: 5, hermeticallySealed: true }),
    date: '2012-06-01',
  },
  { id: 'vlg_leak_check_fgas_5t', installation: cool({ chargeKg: 2.5 }) },
  { id: 'vlg_leak_check_fgas_50t', installation: cool({ refrigerant: 'R-404A', chargeKg: 20 }) },
  { id: 'vlg_leak_check_fgas_500t', installation: cool({ refrigerant: 'R-404A', chargeKg: 150 }) },
  { id: 'vlg_leak_check_ods_3kg', installation: cool({ refrigerant: 'R-22', chargeKg: 10 }) },
  { id: 'vlg_leak_check_ods_30kg', installation: cool({ refrigerant: 'R-22', chargeKg: 40 }) },
  { id: 'vlg_leak_check_ods_300kg', installation: cool({ refrigerant: 'R-22', chargeKg: 400 }) },
  {
    id: 'vlg_leak_check_ods_hermetic_exempt',
    installation: cool({ refrigerant: 'R-22', chargeKg: 4, hermeticallySealed: true }),
  },
  { id: 'bru_leak_check_interval_5t', installation: cool({ region: 'brussels', chargeKg: 2.5 }) },
  {
    id: 'bru_leak_check_interval_50t',
    installation: cool({ region: 'brussels', refrigerant: 'R-404A', chargeKg: 20 }),
  },
  {
    id: 'bru_leak_check_interval_500t',
    installation: cool({ region: 'brussels', refrigerant: 'R-404A', chargeKg: 150 }),
  },
  {
    id: 'bru_hermetic_exempt',
    installation: cool({ region: 'brussels', chargeKg: 4, hermeticallySealed: true }),
  },
  { id: 'eu2024_repair_leak', installation: cool({ region: 'brussels' }) },
  { id: 'eu2014_repair_and_verify', installation: cool({ region: 'other' }), date: '2020-06-01' },
  { id: 'vlg_repair_14d', installation: cool({}) },
  { id: 'wal_repair_10d', installation: cool({ region: 'wallonia' }) },
  { id: 'eu2024_verify_repair', installation: cool({ region: 'other' }), extra: subject },
  { id: 'eu2014_verify_repair', installation: cool({ region: 'other' }), date: '2020-06-01', extra: subject },
  { id: 'vlg_retest_after_repair', installation: cool({}), extra: subject },
  { id: 'wal_retest_after_repair', installation: cool({ region: 'wallonia' }), extra: subject },
  {
    id: 'bru_event_checks',
    installation: cool({ region: 'brussels', chargeKg: 1 }),
    extra: { subjectToLeakChecks: known(false) },
  },
  { id: 'vlg_max_relative_leak_loss', installation: cool({ refrigerant: 'R-290', chargeKg: 1 }) },
  { id: 'bru_max_leak_loss', installation: cool({ region: 'brussels' }) },
  { id: 'vlg_heat_maint_gas', installation: heat({ heatingFuel: 'gas', heatingCapacityKw: 24 }) },
  { id: 'vlg_heat_maint_oil', installation: heat({ heatingFuel: 'liquid', heatingCapacityKw: 30 }) },
  { id: 'vlg_heat_maint_solid', installation: heat({ heatingFuel: 'solid', heatingCapacityKw: 15 }) },
  { id: 'vlg_heat_audit_small', installation: heat({ heatingFuel: 'gas', heatingCapacityKw: 24 }) },
  { id: 'vlg_heat_audit_large_oil', installation: heat({ heatingFuel: 'liquid', heatingCapacityKw: 150 }) },
  { id: 'vlg_heat_audit_large_gas', installation: heat({ heatingFuel: 'gas', heatingCapacityKw: 150 }) },
  { id: 'bru_heat_gas_2011', installation: heat({ region: 'brussels' }), date: '2015-06-01' },
  { id: 'bru_heat_gas_2019', installation: heat({ region: 'brussels' }) },
  { id: 'bru_heat_oil', installation: heat({ region: 'brussels', heatingFuel: 'liquid' }) },
  { id: 'bru_heat_diag_large', installation: heat({ region: 'brussels', heatingCapacityKw: 150 }) },
  {
    id: 'bru_heat_diag_hp',
    installation: heat({ region: 'brussels', kind: 'heat_pump', heatingCapacityKw: 14 }),
  },
  { id: 'wal_heat_liquid_solid', installation: heat({ region: 'wallonia', heatingFuel: 'liquid' }) },
  { id: 'wal_heat_gas_small', installation: heat({ region: 'wallonia', heatingCapacityKw: 24 }) },
  { id: 'wal_heat_gas_large', installation: heat({ region: 'wallonia', heatingCapacityKw: 150 }) },
  { id: 'wal_heat_diag', installation: heat({ region: 'wallonia', heatingCapacityKw: 24 }) },
  { id: 'vlg_ac_inspection', installation: cool({}), extra: kw(14) },
  { id: 'bru_ac_diag_initial', installation: cool({ region: 'brussels' }), extra: kw(14) },
  { id: 'bru_ac_diag_periodic_small', installation: cool({ region: 'brussels' }), extra: kw(14) },
  { id: 'bru_ac_diag_periodic_large', installation: cool({ region: 'brussels' }), extra: kw(140) },
  { id: 'wal_ac_inspection', installation: cool({ region: 'wallonia' }), extra: kw(14) },
];

/** Informational rows: shipped, but with no period they never produce a date. */
const INFORMATIONAL = ['eu_epbd_2010_ac', 'eu_epbd_2018_ac'];

function binding(
  installation: InstallationInput,
  obligation: Obligation,
  date: string,
  extra: Partial<Facts> = {},
) {
  const context = buildContext(installation, [], date, 'en');
  const selection = selectRules(
    obligation,
    context.region,
    context.kind ?? 'refrigeration',
    date,
    context.factsOn(date, extra),
  );
  return selection.kind === 'rules' ? selection.rules.map((r) => r.id) : [];
}

describe('rule rows', () => {
  it('every row has a legal example below', () => {
    const covered = new Set([...EXAMPLES.map((e) => e.id), ...INFORMATIONAL]);
    expect(rules.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it.each(EXAMPLES)('$id applies to its example', ({ id, installation, date = NOW, extra, without }) => {
    const rule = rules.find((r) => r.id === id);
    if (!rule) throw new Error(`no row ${id}`);
    if (rule.effect === 'require') {
      expect(binding(installation, rule.obligation, date, extra)).toContain(id);
      return;
    }
    // An exemption: the rows it names bind outside it (e.g. not sealed) and not inside it.
    const exempted = binding(installation, rule.obligation, date, extra);
    const outside = { ...installation, ...(without ?? { hermeticallySealed: false }) };
    const unsealed = binding(outside, rule.obligation, date, extra);
    const target = rule.exempts?.find((t) => unsealed.includes(t));
    expect(target, `${id} should exempt one of ${rule.exempts?.join(', ')}`).toBeDefined();
    expect(exempted).not.toContain(target);
  });

  it('have unique ids, sources, and exemptions that name real rows', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      expect(rule.source.regulation.length, rule.id).toBeGreaterThan(0);
      expect(rule.source.label.length, rule.id).toBeGreaterThan(0);
      expect(rule.toConfirm, rule.id).toBe(rule.confidence === 'U');
      for (const target of rule.exempts ?? []) expect(ids, `${rule.id} → ${target}`).toContain(target);
      if (rule.validFrom && rule.validTo) expect(rule.validFrom <= rule.validTo, rule.id).toBe(true);
    }
  });

  it('switch from 517/2014 to 2024/573 between 10 and 11 March 2024', () => {
    for (const rule of rules.filter((r) => r.id.startsWith('eu2014_'))) {
      expect(rule.validTo === '2024-03-10' || rule.validTo === '2016-12-31', rule.id).toBe(true);
    }
    for (const rule of rules.filter((r) => r.id.startsWith('eu2024_')))
      expect(rule.validFrom, rule.id).toBe('2024-03-11');
  });

  it('flags exactly the U rows to confirm', () => {
    expect(rules.filter((r) => r.toConfirm).map((r) => r.id)).toEqual([
      'wal_ac_inspection',
      'eu_epbd_2010_ac',
      'eu_epbd_2018_ac',
    ]);
  });
});
