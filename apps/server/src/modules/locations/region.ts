export const REGIONS = ['flanders', 'brussels', 'wallonia', 'other'] as const;
export type Region = (typeof REGIONS)[number];

/**
 * The Belgian region of an address from its postcode: 1000–1299 Brussels-Capital, 1300–1499 and
 * 4000–7999 Wallonia, 1500–3999 and 8000–9999 Flanders. Any address outside Belgium is "other";
 * a Belgian address without a usable postcode gives null (unknown).
 */
export function regionFromAddress(country: string, postcode: string): Region | null {
  if (country.toUpperCase() !== 'BE') return 'other';
  const digits = postcode.replace(/^B-?/i, '').trim();
  if (!/^\d{4}$/.test(digits)) return null;
  const code = Number(digits);
  if (code >= 1000 && code <= 1299) return 'brussels';
  if ((code >= 1300 && code <= 1499) || (code >= 4000 && code <= 7999)) return 'wallonia';
  if ((code >= 1500 && code <= 3999) || (code >= 8000 && code <= 9999)) return 'flanders';
  return null;
}
