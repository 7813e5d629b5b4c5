import { describe, expect, it } from 'vitest';
import { parseResultsQuery, resultsQueryString } from './results-query';

describe('parseResultsQuery', () => {
  it('reads empty fields as "any" and the first of a repeated field', () => {
    const parsed = parseResultsQuery({ organisation: '', term: ['2025-autumn', '2024-spring'], mode: 'live', other: 'x' });
    expect(parsed).toEqual({ ok: true, filters: { term: '2025-autumn', mode: 'live' }, values: { term: '2025-autumn', mode: 'live' } });
  });

  it('gives one message key per field that does not parse, and keeps what was typed', () => {
    const parsed = parseResultsQuery(new URLSearchParams('organisation=nope&year=25&mode=bus'));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      { field: 'organisation', key: 'organisationInvalid' },
      { field: 'year', key: 'yearInvalid' },
      { field: 'mode', key: 'modeInvalid' },
    ]);
    expect(parsed.values.organisation).toBe('nope');
  });

  it('refuses a term with a school year, and has no free dates to choose', () => {
    const both = parseResultsQuery({ term: '2025-autumn', year: '2025' });
    expect(both.ok ? [] : both.problems).toEqual([{ field: 'term', key: 'termAndYear' }]);
    // Free date windows could single out one class (decision note 010): they are not a filter.
    expect(parseResultsQuery({ from: '2025-09-02', to: '2025-09-02' })).toEqual({ ok: true, filters: {}, values: {} });
  });
});

describe('resultsQueryString', () => {
  it('keeps the filters for links to the other results pages', () => {
    expect(resultsQueryString({ term: '2025-autumn', area: 'North & East' })).toBe('?area=North+%26+East&term=2025-autumn');
    expect(resultsQueryString({})).toBe('');
  });
});
