import { describe, expect, it } from 'vitest';
import { formatEnterpriseNumber, parseEnterpriseNumber } from './enterprise-number.js';

describe('Belgian enterprise numbers', () => {
  it('accepts valid numbers in the usual spellings', () => {
    for (const input of [
      '0417497106',
      '0417.497.106',
      'BE0417497106',
      'BE 0417.497.106',
      ' 0417 497 106 ',
      'be0417497106',
    ]) {
      expect(parseEnterpriseNumber(input), input).toEqual({ ok: true, digits: '0417497106' });
    }
  });

  it('gives legacy 9-digit numbers a leading zero', () => {
    expect(parseEnterpriseNumber('417497106')).toEqual({ ok: true, digits: '0417497106' });
  });

  it('accepts numbers starting with 1 (new range)', () => {
    // 10000000 mod 97 = 76 → check 21
    expect(parseEnterpriseNumber('1000.000.021')).toEqual({ ok: true, digits: '1000000021' });
  });

  it('refuses a wrong check digit', () => {
    expect(parseEnterpriseNumber('0417.497.107')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('refuses wrong lengths, letters and a first digit other than 0 or 1', () => {
    for (const input of ['04174971', '04174971060', 'ABCDEFGHIJ', '2417497106', '', 'NL0417497106']) {
      expect(parseEnterpriseNumber(input).ok, input).toBe(false);
    }
  });

  it('formats as the register does', () => {
    expect(formatEnterpriseNumber('0417497106')).toBe('0417.497.106');
  });
});
