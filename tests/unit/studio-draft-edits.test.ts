/**
 * The studio editor's edits on a draft (components/studio/draft-state.ts): removing a part takes
 * it out of structure.json and its strings out of every locale and touches nothing else;
 * teacher notes are written to their own files only when changed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFromFiles, filesOf, removeEntity, removeNote, removeStoryNode, setNote } from '@/components/studio/draft-state';
import type { ModuleFiles } from '@/lib/domain/module-draft';

const folder = path.join(process.cwd(), 'tests/fixtures/modules/sample-short');
const names = ['structure.json', 'en-GB.json', 'pl.json', 'teacher-notes/en-GB.json', 'teacher-notes/pl.json'];
const files: ModuleFiles = Object.fromEntries(names.map((name) => [name, readFileSync(path.join(folder, name), 'utf8')]));
const parsed = (out: ModuleFiles, name: string) => JSON.parse(out[name] ?? 'null') as Record<string, unknown>;

describe('removing a part of a module in the editor', () => {
  it('removes a question from the structure and its strings from every locale, and nothing else', () => {
    const draft = removeEntity(draftFromFiles(files, 1, {}), ['items'], 'q-full-car', ['items', 'q-full-car']);
    const out = filesOf(draft);
    const items = parsed(out, 'structure.json').items as { id: string }[];
    expect(items.map((i) => i.id)).toEqual(['q-lift-drinking', 'q-first-year', 'q-safe-habits', 'q-night-risk']);
    for (const locale of ['en-GB', 'pl']) {
      const text = parsed(out, `${locale}.json`).items as Record<string, unknown>;
      expect(Object.keys(text)).not.toContain('q-full-car');
      expect(Object.keys(text)).toHaveLength(4);
    }
    expect(out['teacher-notes/en-GB.json']).toBe(files['teacher-notes/en-GB.json']);
    // The record of what the Polish was translated from loses the removed strings only.
    const from = Object.keys(draft.translatedFrom.pl ?? {});
    expect(from.some((id) => id.startsWith('items.q-full-car.'))).toBe(false);
    expect(from).toContain('items.q-lift-drinking.prompt');
  });

  it('removes one option of a question by id, keeping the others in order', () => {
    const draft = removeEntity(draftFromFiles(files, 1, {}), ['items', 2, 'options'], 'refuse-drunk-passenger', ['items', 'q-safe-habits', 'options', 'refuse-drunk-passenger']);
    const item = (parsed(filesOf(draft), 'structure.json').items as { id: string; options: { id: string }[] }[])[2];
    expect(item?.options.map((o) => o.id)).toEqual(['phone-off', 'reply-at-lights']);
    const text = parsed(filesOf(draft), 'pl.json').items as Record<string, { options: Record<string, unknown> }>;
    expect(Object.keys(text['q-safe-habits']?.options ?? {})).toEqual(['phone-off', 'reply-at-lights']);
  });

  it('removes a key point from the text files only, and a source from the structure only', () => {
    const keyPoint = filesOf(removeEntity(draftFromFiles(files, 1, {}), null, 'K6', ['considerations', 'K6']));
    expect(keyPoint['structure.json']).toBe(files['structure.json']);
    expect(Object.keys(parsed(keyPoint, 'en-GB.json').considerations as object)).not.toContain('K6');
    const source = filesOf(removeEntity(draftFromFiles(files, 1, {}), ['sources'], 'ward-2005', []));
    expect((parsed(source, 'structure.json').sources as { id: string }[]).map((s) => s.id)).toEqual(['who-2023', 'rospa-2002']);
    expect(source['en-GB.json']).toBe(files['en-GB.json']);
  });
});

describe('teacher notes in the editor', () => {
  it('writes a typed note to its locale file only, and removes a note from every locale', () => {
    const typed = setNote(draftFromFiles(files, 1, {}), 'pl', 'fact:F9', 'prompt', 'Dlaczego ta liczba was dziwi?');
    const out = filesOf(typed);
    expect(out['teacher-notes/en-GB.json']).toBe(files['teacher-notes/en-GB.json']);
    expect((parsed(out, 'teacher-notes/pl.json').notes as Record<string, unknown>)['fact:F9']).toEqual({ prompt: 'Dlaczego ta liczba was dziwi?' });
    const removed = filesOf(removeNote(draftFromFiles(files, 1, {}), 'fact:F1'));
    for (const locale of ['en-GB', 'pl']) expect(Object.keys(parsed(removed, `teacher-notes/${locale}.json`).notes as object)).not.toContain('fact:F1');
  });
});

describe('removing a screen of a story in the editor', () => {
  it('removes the node, its strings and its picture with its description, and nothing else', () => {
    const before = draftFromFiles(files, 1, {});
    const out = filesOf(removeStoryNode(before, 'party-lift', 'arrive'));
    const structure = parsed(out, 'structure.json') as { scenarios: { id: string; nodes: { id: string }[] }[]; pictures: { node: string }[] };
    expect(structure.scenarios[0]?.nodes.map((n) => n.id)).toEqual(['offer', 'back-seat', 'call-home', 'end-safe', 'end-mixed', 'end-risky']);
    expect(structure.pictures.map((p) => p.node)).not.toContain('party-lift/arrive');
    expect(structure.pictures).toHaveLength((JSON.parse(files['structure.json'] ?? '{}') as { pictures: unknown[] }).pictures.length - 1);
    for (const locale of ['en-GB', 'pl']) {
      const text = parsed(out, `${locale}.json`) as { scenarios: Record<string, { nodes: Record<string, unknown> }>; pictures: Record<string, unknown> };
      expect(Object.keys(text.scenarios['party-lift']?.nodes ?? {})).toEqual(['offer', 'back-seat', 'call-home', 'end-safe', 'end-mixed', 'end-risky']);
      expect(Object.keys(text.pictures)).not.toContain('party-lift/arrive');
      expect(Object.keys(text.pictures)).toContain('party-lift/offer');
    }
    // Teacher notes and the other story strings are untouched.
    expect(out['teacher-notes/pl.json']).toBe(files['teacher-notes/pl.json']);
  });

  it('changes nothing for a story that does not exist', () => {
    const before = draftFromFiles(files, 1, {});
    expect(removeStoryNode(before, 'no-such-story', 'arrive')).toBe(before);
  });
});
