/**
 * Calendar checks for the edition's partial dates (`1941`, `1941-12`, `1941-12-09`, a year may
 * be negative): a day must exist in its month, and a range or a life must not end before it
 * begins. Dates as precise as known are compared by the days they may stand for: `1990-05` is
 * any day of May 1990.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const PARTS = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Why a well-formed partial date is not a date ("February 2021 has 28 days"), or undefined if it is one. */
export function impossibleDate(value: string): string | undefined {
  const m = PARTS.exec(value);
  if (!m || !m[3]) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const days = daysInMonth(year, month);
  return Number(m[3]) > days ? `${value} is not a date: ${MONTHS[month - 1]} ${m[1]} has ${days} days.` : undefined;
}

/** The first and last day a partial date may stand for, as comparable numbers (year·10⁴ + month·10² + day). */
export function dayRange(value: string): { first: number; last: number } | undefined {
  const m = PARTS.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const key = (month: number, day: number) => year * 10000 + month * 100 + day;
  if (m[3]) return { first: key(Number(m[2]), Number(m[3])), last: key(Number(m[2]), Number(m[3])) };
  if (m[2]) return { first: key(Number(m[2]), 1), last: key(Number(m[2]), daysInMonth(year, Number(m[2]))) };
  return { first: key(1, 1), last: key(12, 31) };
}

/** Whether `later` surely comes before `earlier`: every day it may stand for precedes every day `earlier` may. */
export function endsBeforeStart(earlier: string, later: string): boolean {
  const a = dayRange(earlier);
  const b = dayRange(later);
  return !!a && !!b && b.last < a.first;
}
