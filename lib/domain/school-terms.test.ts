import { describe, expect, it } from 'vitest';
import { localDate, schoolTerm, termOfDate, termsBetween, withinDates } from './school-terms';

describe('school terms', () => {
  it('puts each date in its term, at the edges too', () => {
    expect(termOfDate('2025-09-01').id).toBe('2025-autumn');
    expect(termOfDate('2025-12-31').id).toBe('2025-autumn');
    expect(termOfDate('2026-01-01').id).toBe('2025-spring');
    expect(termOfDate('2026-03-31').id).toBe('2025-spring');
    expect(termOfDate('2026-04-01').id).toBe('2025-summer');
    expect(termOfDate('2026-08-31').id).toBe('2025-summer');
  });

  it('gives a term its calendar dates', () => {
    expect(schoolTerm('2025-spring')).toMatchObject({ schoolYear: 2025, year: 2026, from: '2026-01-01', to: '2026-03-31' });
  });

  it('lists the terms between two, with none missing', () => {
    expect(termsBetween('2024-summer', '2025-spring').map((t) => t.id)).toEqual([
      '2024-summer',
      '2025-autumn',
      '2025-spring',
    ]);
  });

  it('reads the calendar date in the time zone, not in UTC', () => {
    // 23:30 UTC on 31 August is already 1 September in London (BST).
    const instant = new Date('2025-08-31T23:30:00Z');
    expect(localDate(instant, 'Europe/London')).toBe('2025-09-01');
    expect(termOfDate(localDate(instant, 'Europe/London')).id).toBe('2025-autumn');
    expect(localDate(instant, 'UTC')).toBe('2025-08-31');
  });

  it('keeps a date range inclusive at both ends', () => {
    expect(withinDates('2026-01-01', '2026-01-01', '2026-01-31')).toBe(true);
    expect(withinDates('2026-01-31', '2026-01-01', '2026-01-31')).toBe(true);
    expect(withinDates('2026-02-01', '2026-01-01', '2026-01-31')).toBe(false);
    expect(withinDates('2020-02-01', undefined, undefined)).toBe(true);
  });
});
