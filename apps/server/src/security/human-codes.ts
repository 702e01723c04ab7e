import { randomInt } from 'node:crypto';

// Crockford-style alphabet without 0/O, 1/I/L: easy to read aloud and type.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A random code in groups, e.g. "K7QM-2XHP-9RTA" (each character ~4.95 bits). */
export function generateHumanCode(groups: number, groupLength: number): string {
  const parts: string[] = [];
  for (let g = 0; g < groups; g++) {
    let part = '';
    for (let i = 0; i < groupLength; i++) part += ALPHABET[randomInt(ALPHABET.length)];
    parts.push(part);
  }
  return parts.join('-');
}

/** What the user typed, made comparable: case, spaces and dashes do not matter. */
export function normalizeHumanCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
