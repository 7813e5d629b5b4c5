/**
 * The content check's picture rules (issue 10), against the valid fixture broken one way at a
 * time, as in `check.test.ts`: each test asserts the one problem an officer would see.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@/i18n/routing';
import { checkModule, type ContentProblem } from './check';
import { moduleStructureSchema, moduleTextSchema, type ModuleStructure, type ModuleText, type Picture } from './schema';

const REPO = path.resolve(import.meta.dirname, '../..');
const MODULE_DIR = path.join('tests/fixtures/content', 'modules', 'sample');
const STRUCTURE = path.join(MODULE_DIR, 'structure.json');
const EN = path.join(MODULE_DIR, 'en-GB.json');
const PL = path.join(MODULE_DIR, 'pl.json');

const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(REPO, file), 'utf8'));
const raw = { structure: readJson(STRUCTURE), text: { 'en-GB': readJson(EN), pl: readJson(PL) } };

interface ModuleFixture {
  structure: ModuleStructure;
  text: Record<Locale, ModuleText>;
}

function checkBroken(breakIt: (f: ModuleFixture) => void): ContentProblem[] {
  const copy = structuredClone(raw);
  const f: ModuleFixture = {
    structure: moduleStructureSchema.parse(copy.structure),
    text: { 'en-GB': moduleTextSchema.parse(copy.text['en-GB']), pl: moduleTextSchema.parse(copy.text.pl) },
  };
  breakIt(f);
  return checkModule(f, { dir: MODULE_DIR });
}

function picture(f: ModuleFixture, node: string): Picture {
  const found = f.structure.pictures.find((p) => p.node === node);
  if (!found) throw new Error(`the fixture has no picture for ${node}`);
  return found;
}

const only = (problems: ContentProblem[], file: string, id: string, fragment: string): void => {
  expect(problems).toEqual([{ file, id, message: expect.stringContaining(fragment) }]);
};

describe('story pictures', () => {
  it('the valid fixture pictures every node, with alt text in both languages', () => {
    expect(checkBroken(() => undefined)).toEqual([]);
  });

  it('reports a scenario node without a picture', () => {
    const problems = checkBroken((f) => {
      f.structure.pictures = f.structure.pictures.filter((p) => p.node !== 'party-lift/offer');
      for (const text of Object.values(f.text)) delete text.pictures['party-lift/offer'];
    });
    only(problems, STRUCTURE, 'party-lift/offer', 'has no picture');
  });

  it('reports a picture without alt text in one language, in that language\'s file', () => {
    const problems = checkBroken((f) => {
      delete f.text.pl.pictures['party-lift/back-seat'];
    });
    only(problems, PL, 'party-lift/back-seat', 'no text for the picture of "party-lift/back-seat"');
  });

  it('reports blank alt text as a schema error', () => {
    const problems = checkBroken((f) => {
      f.text['en-GB'].pictures['party-lift/arrive'] = '  ';
    });
    expect(problems).toContainEqual({ file: EN, id: 'pictures.party-lift/arrive', message: expect.stringContaining('must not be empty') });
  });

  it('reports alt text left for a picture that is gone', () => {
    const problems = checkBroken((f) => {
      f.text['en-GB'].pictures['party-lift/nowhere'] = 'A picture nobody draws.';
    });
    expect(problems).toContainEqual({ file: EN, id: 'party-lift/nowhere', message: expect.stringContaining('Extra text') });
  });

  it('reports an unknown setting, naming the ones that exist', () => {
    const problems = checkBroken((f) => {
      picture(f, 'party-lift/arrive').setting = 'moon-base';
    });
    only(problems, STRUCTURE, 'pictures/party-lift/arrive', 'setting "moon-base", which is not drawn. Use one of: party-night');
  });

  it('reports an unknown person and an unknown pose', () => {
    const problems = checkBroken((f) => {
      const jay = picture(f, 'party-lift/offer').people[0];
      if (!jay) throw new Error('the fixture picture has nobody in it');
      jay.who = 'jai';
      jay.pose = 'dancing';
    });
    expect(problems).toEqual([
      { file: STRUCTURE, id: 'pictures/party-lift/offer', message: expect.stringContaining('person "jai", who is not in the cast') },
      { file: STRUCTURE, id: 'pictures/party-lift/offer', message: expect.stringContaining('pose "dancing", which is not drawn') },
    ]);
  });

  it('reports an unknown prop', () => {
    const problems = checkBroken((f) => {
      picture(f, 'party-lift/arrive').props.push({ what: 'skateboard', x: 10 });
    });
    only(problems, STRUCTURE, 'pictures/party-lift/arrive', 'prop "skateboard", which is not drawn');
  });

  it('reports a picture for a node no scenario has, and a node pictured twice', () => {
    const problems = checkBroken((f) => {
      const copy = structuredClone(picture(f, 'party-lift/arrive'));
      f.structure.pictures.push(copy, { ...copy, node: 'party-lift/nowhere' });
      for (const text of Object.values(f.text)) text.pictures['party-lift/nowhere'] = 'Alt text.';
    });
    expect(problems).toEqual([
      { file: STRUCTURE, id: 'pictures/party-lift/arrive', message: expect.stringContaining('more than one picture') },
      { file: STRUCTURE, id: 'pictures/party-lift/nowhere', message: expect.stringContaining('names a node no scenario has') },
    ]);
  });
});
