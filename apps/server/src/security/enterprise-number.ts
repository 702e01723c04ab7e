/**
 * Belgian enterprise numbers (KBO/BCE): 10 digits, the first 0 or 1, the last two a mod-97 check
 * of the first eight. Legacy 9-digit numbers get a leading 0. Accepts the usual ways people write
 * them: "0417.497.106", "BE 0417 497 106", "417497106".
 */
export type EnterpriseNumberResult =
  { ok: true; digits: string } | { ok: false; reason: 'format' | 'checksum' };

export function parseEnterpriseNumber(input: string): EnterpriseNumberResult {
  const compact = input
    .trim()
    .toUpperCase()
    .replace(/^BE/, '')
    .replace(/[\s.\-/]/g, '');
  if (!/^\d{9,10}$/.test(compact)) return { ok: false, reason: 'format' };
  const digits = compact.length === 9 ? `0${compact}` : compact;
  if (digits[0] !== '0' && digits[0] !== '1') return { ok: false, reason: 'format' };
  const check = 97 - (Number(digits.slice(0, 8)) % 97);
  return check === Number(digits.slice(8)) ? { ok: true, digits } : { ok: false, reason: 'checksum' };
}

/** The way the register shows them: 0417.497.106. */
export function formatEnterpriseNumber(digits: string): string {
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}
