import { describe, expect, it } from 'vitest';
import { regionFromAddress } from './region.js';

describe('region from the Belgian postcode', () => {
  it.each([
    ['1000', 'brussels'],
    ['1299', 'brussels'],
    ['1300', 'wallonia'],
    ['1499', 'wallonia'],
    ['1500', 'flanders'],
    ['3999', 'flanders'],
    ['4000', 'wallonia'],
    ['7999', 'wallonia'],
    ['8000', 'flanders'],
    ['9999', 'flanders'],
    ['B-9000', 'flanders'],
  ])('%s → %s', (postcode, region) => {
    expect(regionFromAddress('BE', postcode)).toBe(region);
  });

  it('puts every address outside Belgium in "other"', () => {
    expect(regionFromAddress('NL', '4811')).toBe('other');
    expect(regionFromAddress('fr', '59000')).toBe('other');
  });

  it('gives no region for a Belgian address without a valid postcode', () => {
    expect(regionFromAddress('BE', '')).toBeNull();
    expect(regionFromAddress('BE', '0999')).toBeNull();
    expect(regionFromAddress('BE', '90000')).toBeNull();
  });
});
