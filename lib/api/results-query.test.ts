import { describe, expect, it } from 'vitest';
import { parseResultsQuery, resultsQueryString } from './results-query';

describe('parseResultsQuery', () => {
  it('reads empty fields as "any" and the first of a repeated field', () => {
    const parsed = parseResultsQuery({ organisation: '', term: ['2025-autumn', '2024-spring'], mode: 'live', other: 'x' });
    expect(parsed).toEqual({ ok: true, filters: { term: '2025-autumn', mode: 'live' }, values: { term: '2025-autumn', mode: 'live' } });
  });

  it('gives one message key per field that does not parse, and keeps what was typed', () => {
    const parsed = parseResultsQuery(new URLSearchParams('organisation=nope&from=2025-02-30&to=2025-01-01&mode=bus'));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      { field: 'organisation', key: 'organisationInvalid' },
      { field: 'from', key: 'dateInvalid' },
      { field: 'mode', key: 'modeInvalid' },
    ]);
    expect(parsed.values.organisation).toBe('nope');
  });

  it('refuses a term with dates, and an end before the start', () => {
    const both = parseResultsQuery({ term: '2025-autumn', from: '2025-09-01' });
    expect(both.ok ? [] : both.problems).toEqual([{ field: 'term', key: 'termAndDates' }]);
    const order = parseResultsQuery({ from: '2025-09-02', to: '2025-09-01' });
    expect(order.ok ? [] : order.problems).toEqual([{ field: 'to', key: 'dateOrder' }]);
  });
});

describe('resultsQueryString', () => {
  it('keeps the filters for links to the other results pages', () => {
    expect(resultsQueryString({ term: '2025-autumn', area: 'North & East' })).toBe('?area=North+%26+East&term=2025-autumn');
    expect(resultsQueryString({})).toBe('');
  });
});
