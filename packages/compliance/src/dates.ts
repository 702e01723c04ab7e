/**
 * Calendar dates as `YYYY-MM-DD` strings, computed on integers so that no time zone or daylight-saving
 * change can move a legal deadline by a day.
 */

export type IsoDate = string;

type Ymd = { year: number; month: number; day: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parse(date: string): Ymd | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function format({ year, month, day }: Ymd): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseOrThrow(date: string): Ymd {
  const ymd = parse(date);
  if (!ymd) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return ymd;
}

/** True for a real calendar date written `YYYY-MM-DD` (2025-02-29 is not one). */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parse(value) !== null;
}

/** The value itself when it is a valid date, otherwise null: invalid input counts as missing, never as a guess. */
export function validDateOrNull(value: string | null | undefined): IsoDate | null {
  return isIsoDate(value) ? value : null;
}

/**
 * Adds calendar months. When the target month is shorter, the day is clamped to its last day:
 * 31 January + 1 month = 28 February (29 in a leap year). This is the reading that never gives a
 * deadline later than the legal "every N months".
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseOrThrow(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = (index % 12) + 1;
  return format({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

function toDayNumber({ year, month, day }: Ymd): number {
  // Days since 0000-03-01 in the proleptic Gregorian calendar (shifting the year to start in March
  // puts the leap day at the end of the year).
  const y = month <= 2 ? year - 1 : year;
  const m = month <= 2 ? month + 9 : month - 3;
  return (
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) +
    Math.floor((153 * m + 2) / 5) +
    day -
    1
  );
}

function fromDayNumber(n: number): Ymd {
  let y = Math.floor((10000 * n + 14780) / 3652425);
  let ddd = n - (365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400));
  if (ddd < 0) {
    y -= 1;
    ddd = n - (365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400));
  }
  const mi = Math.floor((100 * ddd + 52) / 3060);
  const month = ((mi + 2) % 12) + 1;
  const year = y + Math.floor((mi + 2) / 12);
  const day = ddd - Math.floor((mi * 306 + 5) / 10) + 1;
  return { year, month, day };
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return format(fromDayNumber(toDayNumber(parseOrThrow(date)) + days));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(parseOrThrow(to)) - toDayNumber(parseOrThrow(from));
}

/** ISO strings of the same width compare correctly as strings; this names the intent. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function startOfYear(date: IsoDate): IsoDate {
  return `${date.slice(0, 4)}-01-01`;
}

/** Inclusive on both ends; a null bound is open. */
export function isWithin(date: IsoDate, from: IsoDate | null, to: IsoDate | null): boolean {
  return (from === null || date >= from) && (to === null || date <= to);
}

export function assertIsoDate(date: string, what: string): IsoDate {
  if (!isIsoDate(date))
    throw new RangeError(`${what} must be a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return date;
}
