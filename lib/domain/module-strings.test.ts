import { describe, expect, it } from 'vitest';
import {
  flattenStrings,
  importTranslationCsv,
  missingTranslations,
  parseCsv,
  sourceHash,
  staleTranslations,
  translatedFromNow,
  translationCsv,
  withString,
} from './module-strings';

const en = {
  title: 'Roads',
  facts: { F1: { title: 'Young drivers', question: 'How many {count}?' } },
  items: { 'q-a': { prompt: '=SUM(1)', options: { a: { label: 'Yes, "really"', explanation: 'Line one\nline two' } } } },
};
const pl = { title: 'Drogi', facts: { F1: { title: 'Młodzi kierowcy' } } };

describe('module strings', () => {
  it('flattens text to dotted ids and sets one back without touching the rest', () => {
    expect(flattenStrings(en).map((s) => s.id)).toEqual([
      'title',
      'facts.F1.title',
      'facts.F1.question',
      'items.q-a.prompt',
      'items.q-a.options.a.label',
      'items.q-a.options.a.explanation',
    ]);
    const next = withString(pl, 'facts.F1.question', 'Ile {count}?');
    expect(next.facts.F1).toEqual({ title: 'Młodzi kierowcy', question: 'Ile {count}?' });
    expect(pl.facts.F1).toEqual({ title: 'Młodzi kierowcy' });
  });

  it('lists missing translations in the source order', () => {
    expect(missingTranslations(en, pl)).toEqual([
      'facts.F1.question',
      'items.q-a.prompt',
      'items.q-a.options.a.label',
      'items.q-a.options.a.explanation',
    ]);
  });

  it('finds strings whose source changed since they were translated', () => {
    const from = translatedFromNow(en, pl);
    expect(staleTranslations(en, pl, from)).toEqual([]);
    const edited = withString(en, 'facts.F1.title', 'New drivers');
    expect(staleTranslations(edited, pl, from)).toEqual(['facts.F1.title']);
  });

  it('round-trips a CSV with quotes, line breaks and formula-like text', () => {
    const csv = translationCsv(en, pl);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['id', 'source', 'translation', 'context', 'source_fingerprint']);
    expect(rows).toContainEqual(['items.q-a.options.a.explanation', 'Line one\nline two', '', 'Question: feedback for this option', sourceHash('Line one\nline two')]);
    const filled = rows.map((row, i) => (i === 0 || row[2] !== '' ? row : [row[0] ?? '', row[1] ?? '', row[1] === "'=SUM(1)" ? "'=SUMA(1)" : `PL ${row[1]}`, row[3] ?? '', row[4] ?? '']));
    const back = filled.map((row) => row.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\r\n');
    const result = importTranslationCsv(back, en, pl, {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(flattenStrings(result.target)).toContainEqual({ id: 'items.q-a.prompt', text: '=SUMA(1)' });
    expect(flattenStrings(result.target)).toContainEqual({ id: 'facts.F1.question', text: 'PL How many {count}?' });
    expect(result.changed).toBe(4);
    expect(staleTranslations(en, result.target, result.translatedFrom)).toEqual([]);
  });

  it('refuses unknown ids, lost placeholders, changed sources and a wrong header, changing nothing', () => {
    const header = 'id,source,translation,context,source_fingerprint';
    const row = (id: string, text: string, fp: string) => `${id},x,${text},,${fp}`;
    const bad = [
      header,
      row('nope.id', 'x', '0'),
      row('facts.F1.question', 'Ile?', sourceHash('How many {count}?')),
      row('title', 'Drogi!', sourceHash('Old title')),
    ].join('\n');
    const result = importTranslationCsv(bad, en, pl, {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.key, p.line])).toEqual([
      ['unknownId', 2],
      ['placeholders', 3],
      ['sourceChanged', 4],
    ]);
    expect(importTranslationCsv('a,b\n', en, pl, {})).toMatchObject({ ok: false, problems: [{ key: 'badHeader' }] });
    expect(importTranslationCsv('"open', en, pl, {})).toMatchObject({ ok: false, problems: [{ key: 'notCsv' }] });
  });
});
