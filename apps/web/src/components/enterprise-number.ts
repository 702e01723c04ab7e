/**
 * Belgian enterprise numbers (KBO/BCE): 10 digits starting with 0 or 1, the last two a mod-97
 * check of the first eight. Checked here only to answer quickly; the server decides.
 */
export type EnterpriseNumberProblem = 'format' | 'checksum';

function compact(input: string): string {
  return input
    .trim()
    .toUpperCase()
    .replace(/^BE/, '')
    .replace(/[\s.\-/]/g, '');
}

export function enterpriseNumberProblem(input: string): EnterpriseNumberProblem | null {
  const value = compact(input);
  if (!/^\d{9,10}$/.test(value)) return 'format';
  const digits = value.length === 9 ? `0${value}` : value;
  if (digits[0] !== '0' && digits[0] !== '1') return 'format';
  const check = 97 - (Number(digits.slice(0, 8)) % 97);
  return check === Number(digits.slice(8)) ? null : 'checksum';
}

/** The ten digits of an enterprise number as typed (null when empty), to compare two spellings. */
export function compactNumber(value: string): string | null {
  const digits = compact(value);
  if (!digits) return null;
  return /^\d{9}$/.test(digits) ? `0${digits}` : digits;
}

/** 0417.497.106, the way the register writes them; other text is returned unchanged. */
export function formatEnterpriseNumber(value: string | null): string {
  if (!value) return '';
  const digits = compact(value);
  if (!/^\d{10}$/.test(digits)) return value;
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}
