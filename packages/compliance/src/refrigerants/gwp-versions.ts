import type { IsoDate } from '../dates.js';
import type { GwpVersion } from './types.js';

/**
 * Regulation (EU) 2024/573 entered into force on 11 March 2024 (twentieth day after publication on
 * 20 February 2024) and repealed 517/2014, whose values therefore apply up to and including 10 March 2024.
 * 517/2014 applied from 1 January 2015; for earlier dates its values are still the best statement of the
 * AR4 GWPs (the kg-based 842/2006 rules need no GWP), so the 2014 table is left open-ended backwards.
 */
export const EU2024_FROM: IsoDate = '2024-03-11';
export const EU2014_TO: IsoDate = '2024-03-10';
export const EU2014_FROM: IsoDate = '2015-01-01';

export const gwpVersionValidity: Readonly<
  Record<GwpVersion, { validFrom: IsoDate | null; validTo: IsoDate | null }>
> = {
  eu2014: { validFrom: null, validTo: EU2014_TO },
  eu2024: { validFrom: EU2024_FROM, validTo: null },
};

export function gwpVersionOn(date: IsoDate): GwpVersion {
  return date >= EU2024_FROM ? 'eu2024' : 'eu2014';
}
