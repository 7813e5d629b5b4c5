import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/tests/support/csv';
import { disclosurePolicies } from './disclosure';
import { discloseOfficerResults } from './officer-disclosure';
import type { OfficerResults, Part, WavePhase } from './officer-results';
import {
  changeVerdict,
  effectSizeBand,
  intervalEnd,
  outOfNothing,
  RESULTS_MEASURES,
  RESULTS_SECTIONS,
  resultsCsvFilename,
  resultsFigures,
  writeResultsCsv,
  type ResultsCsvLabels,
  type ResultsReportText,
} from './results-report';
import type { MeasureSums } from './session-summary';

const policy = disclosurePolicies().export;

const text: ResultsReportText = {
  topic: (kind, id) => `${kind} ${id}`,
  misconception: (id) => `=HYPERLINK("http://evil","${id}")`,
  item: (itemId, phase) => `${itemId} (${phase})`,
  decision: (s, n) => `${s}: ${n}`,
  ending: (s, n, o) => `${s}: ${n} (${o})`,
  scenario: (s) => s,
  plan: (p) => `Jeśli ${p}, to…`,
  construct: (c) => c,
  knowledgeScore: 'Wiedza',
  followUpWave: 'Powtórka',
  ownPlan: 'Własny plan',
  retrieval: 'Przypomnienie',
  intentionSinceBefore: 'Zamiary od początku',
  intentionSinceAfter: 'Zamiary od końca',
  organisation: (id) => `+org ${id}`,
  term: (id) => id,
  breakdown: (d, g) => `${g} – ${d}`,
};

const each = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, `m:${k}`])) as Record<K, string>;
const labels: ResultsCsvLabels = {
  columns: { section: 'sekcja', item: 'element', label: 'opis', measure: 'miara', value: 'wartość', n: 'n' },
  sections: each(RESULTS_SECTIONS),
  measures: each(RESULTS_MEASURES),
  fewerThan: (k) => `mniej niż ${k}`,
  withheld: 'nie pokazano',
  none: 'brak odpowiedzi',
  noteSection: 'Uwaga',
  notes: [{ label: 'Filtry', text: '-all' }],
};

/** Exact results with the given counts cycled through every figure: small ones included. */
function exactResults(counts: readonly number[]): OfficerResults {
  let i = 0;
  const next = () => counts[i++ % counts.length] ?? 0;
  const part = (): Part => {
    const total = next();
    return { count: Math.min(total, next()), total };
  };
  const waves = () => Object.fromEntries((['before', 'main', 'after', 'followup'] as WavePhase[]).map((p) => [p, part()])) as Record<WavePhase, Part>;
  const measure = (): MeasureSums => {
    const nBefore = next();
    const nAfter = next();
    const nMatched = Math.min(nBefore, nAfter, next());
    return { nBefore, nAfter, nMatched, sumBefore: nMatched * 3.1, sumAfter: nMatched * 3.7, sumSquaredChange: nMatched * 0.5 };
  };
  const students = next() + 40;
  const started = Math.min(students, next() + 20);
  return {
    headline: { students, started, finished: Math.min(started, next()), sessions: 3, organisations: 2, followUpSessions: 1 },
    demo: true,
    changeByOrganisation: [
      { organisationId: 'org-a', students: next() + 20, knowledge: measure(), intention: measure() },
      { organisationId: 'org-b', students: next(), knowledge: measure(), intention: measure() },
    ],
    topics: [
      { kind: 'fact', id: 'F1', waves: waves() },
      { kind: 'consideration', id: 'K1', waves: waves() },
    ],
    misconceptions: [{ misconceptionId: 'm-one', waves: waves() }],
    confidentErrors: [{ itemId: 'q-one', phase: 'before', confident: part() }],
    change: { knowledge: measure(), constructs: [{ construct: 'intention', ...measure() }] },
    followUp: { joined: 30, started: 25, paired: Math.min(30, next()), retrieval: measure(), intention: measure(), intentionSinceAfter: measure() },
    scenarios: [
      {
        scenarioId: 'party',
        decisions: [
          {
            nodeId: 'd1',
            choices: [
              { choiceId: 'a', risky: true, count: 7 },
              { choiceId: 'b', risky: false, count: 33 },
            ],
            answered: 40,
            byOrganisation: [
              { key: 'org-1', risky: { count: 3, total: 12 } },
              { key: 'org-2', risky: { count: 4, total: 28 } },
            ],
            byTerm: [{ key: '2025-autumn', risky: { count: 7, total: 40 } }],
          },
        ],
        endings: [
          { nodeId: 'e-safe', outcome: 'safe', count: 31 },
          { nodeId: 'e-risky', outcome: 'risky', count: 6 },
        ],
        reachedEnding: 37,
      },
    ],
    plans: { answered: 38, plans: [{ planId: 'p1', count: 21 }, { planId: 'p2', count: 17 }], ownPlanWriters: 4 },
    trends: [
      { termId: '2025-autumn', students: 40, sessions: 2, knowledgeAfter: part(), riskyChoices: { count: 7, total: 40 }, intention: measure() },
      { termId: '2025-spring', students: 3, sessions: 1, knowledgeAfter: part(), riskyChoices: { count: 0, total: 0 }, intention: measure() },
    ],
  };
}

const safeCount = (n: number) => n === 0 || (n >= policy.k && n % policy.roundTo === 0);

describe('resultsFigures', () => {
  it('shows every count of people as 0 or at least k, a multiple of the rounding base', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 5, maxLength: 40 }), (counts) => {
        const figures = resultsFigures(discloseOfficerResults(exactResults(counts), policy), text);
        for (const f of figures) {
          if (f.unit === 'count' && f.value.kind === 'count') expect(safeCount(f.value.value)).toBe(true);
          if (f.n?.kind === 'count') expect(safeCount(f.n.value)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('writes in the CSV exactly the figures the page shows, one per row', () => {
    const results = discloseOfficerResults(exactResults([12, 7, 55, 3, 0, 18, 41]), policy);
    const figures = resultsFigures(results, text);
    const [header, note, ...rows] = parseCsv(writeResultsCsv(figures, labels).replace(/^\uFEFF/, ''));
    expect(header).toEqual(['sekcja', 'element', 'opis', 'miara', 'wartość', 'n']);
    expect(note).toEqual(['Uwaga', '', 'Filtry', '', "'-all", '']);
    expect(rows).toHaveLength(figures.length);
    rows.forEach((row, r) => {
      const f = figures[r];
      if (!f) throw new Error('missing figure');
      expect(row[0]).toBe(`m:${f.section}`);
      expect(row[3]).toBe(`m:${f.measure}`);
      const v = f.value;
      const expected = outOfNothing(v, f.n)
        ? 'brak odpowiedzi'
        : v.kind === 'count' || v.kind === 'mean'
          ? String(v.value)
          : v.kind === 'share'
            ? String(Math.round(v.value * 100))
            : v.kind === 'fewer-than'
              ? 'mniej niż 10'
              : v.kind === 'withheld'
                ? 'nie pokazano'
                : 'brak odpowiedzi';
      expect(row[4]).toBe(expected);
    });
    // Small groups read as words, never as their number.
    expect(rows.some((row) => row[4] === 'mniej niż 10')).toBe(true);
    for (const row of rows) {
      const n = Number(row[5]);
      if (row[5] !== '' && !Number.isNaN(n)) expect(safeCount(n)).toBe(true);
    }
  });

  it('makes text that a spreadsheet would run as a formula inert, and ends lines with CRLF after a BOM', () => {
    const csv = writeResultsCsv(resultsFigures(discloseOfficerResults(exactResults([20, 15]), policy), text), labels);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/\n/);
    const cells = parseCsv(csv.slice(1)).flat();
    expect(cells).toContain(`'=HYPERLINK("http://evil","m-one")`);
    expect(cells.some((cell) => cell.startsWith("'+org org-1"))).toBe(true);
    // Only numbers (a fall in a score, a negative end of an interval) may start with a minus.
    expect(cells.filter((cell) => /^[=+\-@]/.test(cell) && !/^-\d+(\.\d+)?$/.test(cell))).toEqual([]);
  });

  it('keeps sessions and organisations exact: they are not people', () => {
    const figures = resultsFigures(discloseOfficerResults(exactResults([20]), policy), text);
    expect(figures.find((f) => f.measure === 'sessions' && f.section === 'sample')).toMatchObject({ unit: 'exact', value: { kind: 'count', value: 3 } });
  });
});

/** Sums for n matched pairs whose scores rose by `rise` on average, each change spread by `spread`. */
const pairs = (n: number, rise: number, spread: number): MeasureSums => ({
  nBefore: n,
  nAfter: n,
  nMatched: n,
  sumBefore: n * 0.4,
  sumAfter: n * (0.4 + rise),
  sumSquaredChange: n * (rise * rise + spread * spread),
});

describe('uncertainty of paired changes', () => {
  const base = exactResults([40]);
  const figuresOf = (knowledge: MeasureSums) =>
    resultsFigures(discloseOfficerResults({ ...base, change: { ...base.change, knowledge } }, policy), text).filter(
      (f) => f.section === 'change' && f.item === 'knowledge',
    );
  const value = (figures: ReturnType<typeof figuresOf>, measure: string) => figures.find((f) => f.measure === measure);

  it('gives a shown change its 95% interval, in the change’s units, and its effect size', () => {
    const figures = figuresOf(pairs(200, 0.2, 0.3));
    const change = value(figures, 'meanChange');
    const low = value(figures, 'ciLow');
    const high = value(figures, 'ciHigh');
    expect(change).toMatchObject({ unit: 'percentChange', value: { kind: 'mean', value: 20 } });
    expect(low).toMatchObject({ unit: 'percentBound', value: { kind: 'mean' } });
    expect(high).toMatchObject({ unit: 'percentBound', value: { kind: 'mean' } });
    if (low?.value.kind !== 'mean' || high?.value.kind !== 'mean') throw new Error('no interval');
    expect(low.value.value).toBeLessThan(20);
    expect(high.value.value).toBeGreaterThan(20);
    // The noise of three sessions widens it beyond the sampling error alone (±4.2 points for n = 200).
    expect(high.value.value - low.value.value).toBeGreaterThanOrEqual(8);
    expect(value(figures, 'effectSize')).toMatchObject({ unit: 'effectSize', value: { kind: 'mean', value: 0.66 } });
    // Out of the matched pairs, like the change.
    expect(low.n).toEqual(change?.n);
  });

  it('withholds the interval and effect size with the change, saying why', () => {
    const small = figuresOf(pairs(6, 0.2, 0.3));
    for (const measure of ['meanChange', 'ciLow', 'ciHigh', 'effectSize']) {
      expect(value(small, measure)?.value, measure).toEqual({ kind: 'fewer-than', k: policy.k });
    }
    const csv = parseCsv(writeResultsCsv(small, labels).replace(/^\uFEFF/, '')).slice(2);
    expect(csv.map((row) => row[4])).toEqual(expect.arrayContaining(['mniej niż 10']));
    expect(csv.filter((row) => ['m:ciLow', 'm:ciHigh', 'm:effectSize'].includes(row[3] ?? '')).map((row) => row[4])).toEqual([
      'mniej niż 10',
      'mniej niż 10',
      'mniej niż 10',
    ]);
    const none = figuresOf(pairs(0, 0, 0));
    expect(value(none, 'ciLow')?.value).toEqual({ kind: 'none' });
  });

  it('reads an interval end as withheld beside a shown change with no interval', () => {
    expect(intervalEnd({ change: { kind: 'mean', value: 3 }, interval: { kind: 'withheld' } }, 'low')).toEqual({ kind: 'withheld' });
    expect(intervalEnd({ change: { kind: 'withheld' }, interval: { kind: 'withheld' } }, 'high')).toEqual({ kind: 'withheld' });
    expect(intervalEnd({ change: { kind: 'mean', value: 3 }, interval: { kind: 'interval', low: 1, high: 5 } }, 'high')).toEqual({ kind: 'mean', value: 5 });
  });
});

describe('words for a change', () => {
  it('calls a change a rise or a fall only when its interval, as shown, leaves out zero', () => {
    expect(changeVerdict({ low: 12, high: 24 })).toBe('rose');
    expect(changeVerdict({ low: -0.6, high: -0.1 })).toBe('fell');
    expect(changeVerdict({ low: 0, high: 0.2 })).toBe('unclear');
    expect(changeVerdict({ low: -4, high: 11 })).toBe('unclear');
  });

  it('bands effect sizes by Cohen’s rule of thumb, whichever way they point', () => {
    expect([0, 0.19, 0.2, 0.49, 0.5, 0.79, 0.8, 2.2].map(effectSizeBand)).toEqual([
      'verySmall',
      'verySmall',
      'small',
      'small',
      'medium',
      'medium',
      'large',
      'large',
    ]);
    expect(effectSizeBand(-0.59)).toBe('medium');
  });
});

describe('mistaken beliefs', () => {
  it('lists beliefs only the quiz shows apart from those measured at the start and the end', () => {
    const base = exactResults([40]);
    const wave = (total: number, count: number): Part => ({ count, total });
    const misconceptions: OfficerResults['misconceptions'] = [
      { misconceptionId: 'both', waves: { before: wave(60, 30), main: wave(80, 20), after: wave(60, 25), followup: wave(0, 0) } },
      { misconceptionId: 'quiz', waves: { before: wave(0, 0), main: wave(90, 60), after: wave(0, 0), followup: wave(0, 0) } },
    ];
    const figures = resultsFigures(discloseOfficerResults({ ...base, misconceptions }, policy), text);
    expect(new Set(figures.filter((f) => f.section === 'misconceptions').map((f) => f.item))).toEqual(new Set(['both']));
    expect(new Set(figures.filter((f) => f.section === 'quizOnlyMisconceptions').map((f) => f.item))).toEqual(new Set(['quiz']));
  });
});

describe('resultsCsvFilename', () => {
  it('names the module and the term or dates chosen', () => {
    expect(resultsCsvFilename({ term: '2025-autumn' }, 'roads-kill')).toBe('roads-kill-results-2025-autumn.csv');
    expect(resultsCsvFilename({ year: '2025' }, 'roads-kill')).toBe('roads-kill-results-year-2025.csv');
    expect(resultsCsvFilename({}, 'roads-kill')).toBe('roads-kill-results-all.csv');
    expect(resultsCsvFilename({ module: 'x"/..' }, 'roads-kill')).toBe('x-results-all.csv');
  });
});
