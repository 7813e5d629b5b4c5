import { describe, expect, it } from 'vitest';
import { testModule, testStructure } from '@/tests/unit/test-module';
import type { ModuleText } from '@/lib/content/schema';
import { buildClassReport, type ReportAnswer, type ReportSession } from './class-report';
import { discloseClassReport } from './class-report-disclosure';
import { reportContentText } from './class-report-text';
import { disclosurePolicies } from './disclosure';
import { reportCsvFilename, writeReportCsv, type ReportCsvLabels } from './report-csv';
import { parseCsv } from '@/tests/support/csv';

/** Test words: Polish on purpose, to check the encoding. */
const labels: ReportCsvLabels = {
  columns: { section: 'sekcja', item: 'pozycja', label: 'etykieta', measure: 'miara', value: 'wartość', n: 'n' },
  sections: {
    session: 'Sesja',
    knowledge: 'Wiedza',
    facts: 'Fakty',
    decisions: 'Decyzje',
    endings: 'Zakończenia',
    change: 'Przed i po',
    intentions: 'Zamiary',
    plans: 'Plany',
    note: 'Uwaga',
  },
  measures: {
    joinCode: 'kod',
    mode: 'tryb',
    beforeAfter: 'przed i po',
    created: 'utworzono',
    closed: 'zamknięto',
    joined: 'dołączyło',
    started: 'zaczęło',
    finished: 'skończyło',
    pairedDevices: 'sparowane',
    answered: 'odpowiedziało',
    correct: 'dobrze',
    close: 'blisko',
    shareCorrect: '% dobrze',
    misconception: 'błędne przekonanie',
    confidentErrors: 'pewne błędy',
    chose: 'wybrało',
    reached: 'dotarło',
    nBefore: 'n przed',
    nAfter: 'n po',
    nMatched: 'n par',
    meanBefore: 'średnia przed',
    meanAfter: 'średnia po',
    meanChange: 'zmiana',
    picked: 'wybrało',
    ownPlans: 'własne plany',
    withheld: 'ukryte',
  },
  phases: { before: 'przed', main: 'główna', after: 'po', followup: 'powtórka' },
  constructs: { attitude: 'postawa', norm: 'norma', control: 'kontrola', intention: 'zamiar' },
  outcomes: { safe: 'bezpieczne', mixed: 'mieszane', risky: 'ryzykowne' },
  modes: { live: 'na żywo', self_paced: 'we własnym tempie' },
  yes: 'tak',
  no: 'nie',
  knowledgeScore: 'wynik wiedzy',
  risky: 'ryzykowny',
  noMisconception: 'brak',
  plan: (parts) => `Jeśli ${parts.if}, to ${parts.then}`,
  fewerThan: (k) => `mniej niż ${k}`,
  withheld: 'ukryto',
  withheldFewer: (count, k) => `${count} ukryte: mniej niż ${k}`,
  withheldLinked: (count) => `${count} ukryte: razem z innymi`,
  none: '',
  note: 'Liczby od 1 do 9 pokazano jako „mniej niż 10”, pozostałe zaokrąglono do 5.',
};

/** Content text with the awkward cases: commas, quotes, line breaks and would-be formulas. */
const text: ModuleText = {
  ...testModule.text['en-GB'],
  items: {
    'q-single': { prompt: 'Pick one, "the right one", please', explanation: 'x', options: {} },
    'q-tf': { prompt: '=HYPERLINK("http://evil.example","click")', explanation: 'x', options: {} },
    'q-multi': { prompt: '+1 two\nlines', explanation: 'x', options: {} },
    'q-order': { prompt: '@SUM(A1)', explanation: 'x', options: {} },
  },
  misconceptions: { 'm-wrong': '-Thinks it is fine' },
  plans: { 'plan-call': { if: 'a friend has been drinking', then: 'I’ll call home' } },
};

const session: ReportSession = {
  id: '0b7f0f55-9d4c-4bb0-9b0c-3d2f0e0e0e0e',
  joinCode: 'KXT4PM',
  mode: 'live',
  beforeAfter: false,
  followUp: false,
  status: 'closed',
  createdAt: new Date('2025-03-14T10:05:30Z'),
  closedAt: new Date('2025-03-14T10:55:00Z'),
  closesAt: null,
};

// 23 students: q-single right 14, wrong 9; 11 decline the lift, 12 accept; 13 plan-call.
const ids = Array.from({ length: 23 }, (_, i) => `p${i}`);
const answers: ReportAnswer[] = ids.flatMap((participantId, i): ReportAnswer[] => [
  {
    participantId,
    itemId: 'q-single',
    phase: 'main',
    response: { kind: 'choice', optionIds: [i < 14 ? 'right' : 'wrong'] },
    correct: i < 14,
    confidence: 3,
  },
  {
    participantId,
    itemId: 'party/offer',
    phase: 'main',
    response: { kind: 'choice', optionIds: [i < 11 ? 'decline' : 'accept'] },
    correct: null,
    confidence: null,
  },
  {
    participantId,
    itemId: 'plan',
    phase: 'main',
    response: { kind: 'plan', planIds: i < 13 ? ['plan-call'] : [], ownPlanCount: 0 },
    correct: null,
    confidence: null,
  },
]);

const disclosed = discloseClassReport(testStructure, buildClassReport(testStructure, { session, participantIds: ids, answers }), disclosurePolicies()).file();
const csv = writeReportCsv(disclosed, labels, reportContentText(text));

const records = parseCsv(csv.slice(1));
const find = (item: string, measure: string) => records.find((r) => r[1] === item && r[3] === measure);

describe('writeReportCsv', () => {
  it('starts with a byte-order mark and ends every line with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Outside quoted fields, every line break is CRLF.
    const unquoted = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(unquoted).toMatch(/\r\n/);
    expect(unquoted).not.toMatch(/[^\r]\n/);
  });

  it('has the translated header and six fields in every record', () => {
    expect(records[0]).toEqual(['sekcja', 'pozycja', 'etykieta', 'miara', 'wartość', 'n']);
    for (const record of records) expect(record).toHaveLength(6);
  });

  it('writes the session and head counts, rounded and suppressed under the export policy', () => {
    expect(records.slice(1, 9)).toEqual([
      ['Sesja', '', '', 'kod', 'KXT4PM', ''],
      ['Sesja', '', '', 'tryb', 'na żywo', ''],
      ['Sesja', '', '', 'przed i po', 'nie', ''],
      ['Sesja', '', '', 'utworzono', '2025-03-14 10:05', ''],
      ['Sesja', '', '', 'zamknięto', '2025-03-14 10:55', ''],
      ['Sesja', '', '', 'dołączyło', '25', ''],
      ['Sesja', '', '', 'zaczęło', '25', ''],
      ['Sesja', '', '', 'skończyło', '25', ''],
    ]);
    // Not a follow-up: no paired devices row.
    expect(records.some((r) => r[3] === 'sparowane')).toBe(false);
  });

  it('writes a follow-up’s paired devices as a head count under the export policy', () => {
    const followUp = discloseClassReport(
      testStructure,
      {
        ...buildClassReport(testStructure, { session: { ...session, followUp: true }, participantIds: ids, answers: [] }),
        pairedDevices: 12,
      },
      disclosurePolicies(),
    ).file();
    const rows = parseCsv(writeReportCsv(followUp, labels, reportContentText(text)).slice(1));
    expect(rows.find((r) => r[3] === 'sparowane')).toEqual(['Sesja', '', '', 'sparowane', '10', '']);
  });

  it('quotes fields with commas, quotes and line breaks, and reads back to the same text', () => {
    expect(csv).toContain('"Pick one, ""the right one"", please"');
    expect(find('q-single', 'odpowiedziało')?.[2]).toBe('Pick one, "the right one", please');
    expect(find('q-multi', 'odpowiedziało')?.[2]).toBe("'+1 two\nlines");
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(find('q-tf', 'odpowiedziało')?.[2]).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(find('q-order', 'odpowiedziało')?.[2]).toBe("'@SUM(A1)");
    // A shown misconception row carries the content's text defused too.
    const shownBelief = discloseClassReport(
      testStructure,
      buildClassReport(testStructure, { session, participantIds: ids, answers: answers.map((a) => (a.itemId === 'q-single' ? { ...a, response: { kind: 'choice', optionIds: ['wrong'] }, correct: false } : a)) }),
      disclosurePolicies(),
    ).file();
    const rows = parseCsv(writeReportCsv(shownBelief, labels, reportContentText(text)).slice(1));
    expect(rows.find((r) => r[3] === 'błędne przekonanie')?.[2]).toBe("'-Thinks it is fine");
  });

  it('writes suppressed and withheld figures in words, and shown ones as numbers', () => {
    // q-single: 14 right → 15, 9 wrong → "fewer than 10", 23 → 25. A reader of 25 and 15 knows
    // only that 23 to 27 answered and 13 to 17 got it right: 6 to 9 wrong, four values. Shown.
    expect(find('q-single', 'odpowiedziało')?.[4]).toBe('25');
    expect(find('q-single', 'dobrze')?.slice(4)).toEqual(['15', '25']);
    expect(find('q-single', '% dobrze')?.[4]).toBe('60');
    // The 9 wrong, "fewer than 10", are not a row of their own but counted in the section's line.
    expect(records.some((r) => r[1] === 'q-single' && r[3] === 'błędne przekonanie')).toBe(false);
    const knowledgeHidden = records.filter((r) => r[0]?.startsWith('Wiedza') && r[3] === 'ukryte');
    // The wrong answers' belief and the wrong-but-sure count: two figures, one line.
    expect(knowledgeHidden.find((r) => r[2]?.endsWith('mniej niż 10'))).toEqual(['Wiedza – główna', 'q-single', '2 ukryte: mniej niż 10', 'ukryte', '2', '']);
    expect(records.some((r) => r[4] === 'mniej niż 10' || r[4] === 'ukryto')).toBe(false);
    // The lift: 11 → 10 and 12 → 10, 23 → 25: nothing suppressed, all shown.
    expect(find('party/offer', 'odpowiedziało')?.[4]).toBe('25');
    expect(find('party/offer/decline', 'wybrało')?.slice(4)).toEqual(['10', '25']);
    expect(find('party/offer/accept', 'wybrało')?.[2]).toBe('accept (ryzykowny)');
    // Plans: 13 → 15 of 23 → 25.
    expect(find('plan-call', 'wybrało')?.slice(2)).toEqual(['Jeśli a friend has been drinking, to I’ll call home', 'wybrało', '15', '25']);
    // No one wrote their own plan: the CSV says what the page says.
    expect(find('plan', 'własne plany')?.[4]).toBe('0');
  });

  it('ends with the note on disclosure control', () => {
    expect(records.at(-1)).toEqual(['Uwaga', '', labels.note, '', '', '']);
  });

  it('writes a negative change as a number, not as defused text', () => {
    const falling = writeReportCsv(
      {
        ...disclosed,
        session: { ...disclosed.session, beforeAfter: true },
        change: {
          ...disclosed.change,
          knowledge: { ...disclosed.change.knowledge, change: { kind: 'mean', value: -12 } },
        },
      },
      labels,
      reportContentText(text),
    );
    expect(parseCsv(falling.slice(1)).find((r) => r[1] === 'knowledge' && r[3] === 'zmiana')?.[4]).toBe('-12');
  });
});

describe('writeReportCsv: only what the session asked', () => {
  it('leaves a follow-up’s CSV without facts, stories, before and after, and plans', () => {
    const followUp = discloseClassReport(
      testStructure,
      buildClassReport(testStructure, { session: { ...session, followUp: true }, participantIds: ids, answers: [] }),
      disclosurePolicies(),
    ).file();
    const sections = new Set(parseCsv(writeReportCsv(followUp, labels, reportContentText(text)).slice(1)).map((r) => r[0]));
    for (const absent of ['Fakty', 'Decyzje', 'Zakończenia', 'Przed i po', 'Plany']) expect(sections.has(absent)).toBe(false);
    expect(sections.has('Sesja')).toBe(true);
  });

  it('leaves out the before and after section of a session that did not ask it', () => {
    expect(records.some((r) => r[0] === 'Przed i po')).toBe(false);
    expect(records.some((r) => r[0] === 'Plany')).toBe(true);
  });
});

describe('reportCsvFilename', () => {
  it('names the join code and the day of the session', () => {
    expect(reportCsvFilename('KXT4PM', new Date('2025-03-14T23:30:00Z'))).toBe('class-report-KXT4PM-2025-03-14.csv');
    expect(reportCsvFilename('ab/c"d', new Date('2025-03-14T10:00:00Z'))).toBe('class-report-ABCD-2025-03-14.csv');
  });
});
