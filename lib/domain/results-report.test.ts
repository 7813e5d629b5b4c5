import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/tests/support/csv';
import { disclosurePolicies } from './disclosure';
import { discloseOfficerResults } from './officer-disclosure';
import type { OfficerResults, Part, WavePhase } from './officer-results';
import {
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
    expect(cells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  });

  it('keeps sessions and organisations exact: they are not people', () => {
    const figures = resultsFigures(discloseOfficerResults(exactResults([20]), policy), text);
    expect(figures.find((f) => f.measure === 'sessions' && f.section === 'sample')).toMatchObject({ unit: 'exact', value: { kind: 'count', value: 3 } });
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
