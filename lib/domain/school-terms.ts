/**
 * School terms in England, the periods officers report by. The dates are the usual pattern,
 * not any one school's calendar (Easter moves, and so do half-terms): autumn from 1 September
 * to 31 December, spring from 1 January to 31 March, summer from 1 April to 31 August. A school
 * year runs from 1 September; "2025" is the year 2025–26. Pure; dates are calendar dates in
 * the app's time zone, read with `localDate`.
 */

export const TERMS = ['autumn', 'spring', 'summer'] as const;
export type Term = (typeof TERMS)[number];

/** A term as an id: `2025-autumn` is autumn 2025, `2025-spring` spring 2026 (school year 2025–26). */
export type TermId = `${number}-${Term}`;

export interface SchoolTerm {
  id: TermId;
  schoolYear: number;
  term: Term;
  /** The calendar year the term falls in. */
  year: number;
  /** First and last day, `YYYY-MM-DD`, inclusive. */
  from: string;
  to: string;
}

const TERM_ID = /^(\d{4})-(autumn|spring|summer)$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isTermId(value: string): value is TermId {
  return TERM_ID.test(value);
}

export function schoolTerm(id: TermId): SchoolTerm {
  const match = TERM_ID.exec(id);
  if (!match) throw new RangeError(`not a term id: ${id}`);
  const schoolYear = Number(match[1]);
  const term = match[2] as Term;
  const year = term === 'autumn' ? schoolYear : schoolYear + 1;
  const [from, to] =
    term === 'autumn' ? ['09-01', '12-31'] : term === 'spring' ? ['01-01', '03-31'] : ['04-01', '08-31'];
  return { id, schoolYear, term, year, from: `${year}-${from}`, to: `${year}-${to}` };
}

/** The term a calendar date (`YYYY-MM-DD`) falls in. */
export function termOfDate(date: string): SchoolTerm {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`not a date: ${date}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month >= 9) return schoolTerm(`${year}-autumn`);
  if (month <= 3) return schoolTerm(`${year - 1}-spring`);
  return schoolTerm(`${year - 1}-summer`);
}

// One formatter per time zone: making one costs far more than formatting with it, and officers'
// results read the date of every session several times (bench:officer).
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a time zone, as `YYYY-MM-DD`. */
export function localDate(instant: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (format === undefined) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/** Terms from the earliest to the latest given, with none missing between, oldest first. */
export function termsBetween(first: TermId, last: TermId): SchoolTerm[] {
  const out: SchoolTerm[] = [];
  let at = schoolTerm(first);
  const end = schoolTerm(last).from;
  while (at.from <= end) {
    out.push(at);
    at = termOfDate(nextDay(at.to));
  }
  return out;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Whether a calendar date is within an inclusive range; either end may be open. */
export function withinDates(date: string, from: string | undefined, to: string | undefined): boolean {
  return (from === undefined || date >= from) && (to === undefined || date <= to);
}
