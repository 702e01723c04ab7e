import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween } from '../dates.js';
import type { Forecast, InstallationRegion } from './types.js';
import { ac, leakCheckOf } from '../test-support/fixtures.js';

const REFRIGERANTS = [
  'R-32',
  'R-134a',
  'R-404A',
  'R-410A',
  'R-407C',
  'R-448A',
  'R-454B',
  'R-23',
  'R-1234yf',
  'R-1234ze(E)',
  'R-22',
  'R-290',
];
const REGIONS: InstallationRegion[] = ['flanders', 'brussels', 'wallonia', 'other'];

const dateArb = fc
  .integer({ min: 0, max: daysBetween('2008-01-01', '2032-12-31') })
  .map((offset) => addDays('2008-01-01', offset));

const setupArb = fc.record({
  refrigerant: fc.constantFrom(...REFRIGERANTS),
  region: fc.constantFrom(...REGIONS),
  hermeticallySealed: fc.boolean(),
  leakDetectionSystem: fc.boolean(),
  today: dateArb,
});

const chargeArb = fc.double({ min: 0, max: 2000, noNaN: true });

/** Months until the next check; "not required" counts as never. */
function interval(f: Forecast): number {
  if (f === null) return Number.POSITIVE_INFINITY;
  if (f.status === 'unknown') throw new Error(`unexpected unknown: ${f.missing.join(', ')}`);
  return f.intervalMonths;
}

describe('properties', () => {
  it('more refrigerant never means a longer interval', () => {
    fc.assert(
      fc.property(setupArb, chargeArb, chargeArb, (setup, a, b) => {
        const [less, more] = a <= b ? [a, b] : [b, a];
        const { today, ...fields } = setup;
        const small = interval(
          leakCheckOf(ac({ ...fields, chargeKg: less, commissionedOn: '2007-01-01' }), [], today),
        );
        const large = interval(
          leakCheckOf(ac({ ...fields, chargeKg: more, commissionedOn: '2007-01-01' }), [], today),
        );
        expect(large).toBeLessThanOrEqual(small);
      }),
      { numRuns: 500 },
    );
  });

  it('a leak-detection system never shortens the interval', () => {
    fc.assert(
      fc.property(setupArb, chargeArb, (setup, chargeKg) => {
        const { today, ...fields } = setup;
        const base = { ...fields, chargeKg, commissionedOn: '2007-01-01' };
        const without = interval(leakCheckOf(ac({ ...base, leakDetectionSystem: false }), [], today));
        const withLds = interval(leakCheckOf(ac({ ...base, leakDetectionSystem: true }), [], today));
        expect(withLds).toBeGreaterThanOrEqual(without);
      }),
      { numRuns: 500 },
    );
  });

  it('an executed check never moves the due date earlier', () => {
    fc.assert(
      fc.property(
        setupArb,
        chargeArb,
        fc.array(dateArb, { maxLength: 4 }),
        dateArb,
        (setup, chargeKg, earlier, extra) => {
          const { today, ...fields } = setup;
          const installation = ac({ ...fields, chargeKg, commissionedOn: '2007-01-01' });
          const history = earlier.map((date) => ({
            type: 'leak_check' as const,
            date,
            result: 'no_leak' as const,
          }));
          const before = leakCheckOf(installation, history, today);
          const after = leakCheckOf(installation, [...history, { type: 'leak_check', date: extra }], today);
          if (before === null || before.status === 'unknown') return;
          if (after === null || after.status === 'unknown')
            throw new Error('a check made the duty disappear');
          expect(after.dueOn >= before.dueOn).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('adding months lands in the right month and never after the same day', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -240, max: 240 }), (date, months) => {
        const result = addMonths(date, months);
        const monthIndex = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
        expect(monthIndex(result) - monthIndex(date)).toBe(months);
        expect(Number(result.slice(8, 10))).toBeLessThanOrEqual(Number(date.slice(8, 10)));
      }),
    );
  });
});
