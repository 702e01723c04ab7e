/**
 * The quality suites (attack, fuzz, crash, load) run in two sizes: the quick mode, which `npm test`
 * runs on every change (a few hundred requests each), and the full mode behind QUALITY=full, which
 * `npm run test:attack|test:fuzz|test:crash|test:load` set. Figures of the last full run live in
 * docs/quality.md.
 */
export const FULL = process.env.QUALITY === 'full';

/** The quick value in `npm test`, the full one under QUALITY=full. */
export const sized = <T>(quick: T, full: T): T => (FULL ? full : quick);
