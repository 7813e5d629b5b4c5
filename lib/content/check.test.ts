/**
 * The content check against a small valid fixture (tests/fixtures/content) and copies of it
 * broken one way at a time: each test asserts the problem an officer would see, with the file
 * and the content id at fault.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locale } from '@/i18n/routing';
import { screenTextsFromMessages } from './reading-time';
import { checkMinutes, checkModule, checkSupport, MAX_WAVE_ATTITUDE_ITEMS, TIMED_PATHS, type ContentProblem } from './check';
import {
  moduleStructureSchema,
  moduleTextSchema,
  supportStructureSchema,
  supportTextSchema,
  type Item,
  type ModuleStructure,
  type ModuleText,
  type Scenario,
  type ScenarioNode,
  type SupportStructure,
  type SupportText,
} from './schema';

const REPO = path.resolve(import.meta.dirname, '../..');
const FIXTURE_ROOT = 'tests/fixtures/content';
const MODULE_DIR = path.join(FIXTURE_ROOT, 'modules', 'sample');
const SUPPORT_DIR = path.join(FIXTURE_ROOT, 'support');
const STRUCTURE = path.join(MODULE_DIR, 'structure.json');
const EN = path.join(MODULE_DIR, 'en-GB.json');
const PL = path.join(MODULE_DIR, 'pl.json');

const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(REPO, file), 'utf8'));

const validModule = {
  structure: readJson(STRUCTURE),
  text: { 'en-GB': readJson(EN), pl: readJson(PL) },
};
const validSupport = {
  structure: readJson(path.join(SUPPORT_DIR, 'structure.json')),
  text: { 'en-GB': readJson(path.join(SUPPORT_DIR, 'en-GB.json')), pl: readJson(path.join(SUPPORT_DIR, 'pl.json')) },
};

interface ModuleFixture {
  structure: ModuleStructure;
  text: Record<Locale, ModuleText>;
}

/** A typed deep copy of the valid fixture, for a test to break. */
function moduleFixture(): ModuleFixture {
  const copy = structuredClone(validModule);
  return {
    structure: moduleStructureSchema.parse(copy.structure),
    text: { 'en-GB': moduleTextSchema.parse(copy.text['en-GB']), pl: moduleTextSchema.parse(copy.text.pl) },
  };
}

function checkBroken(breakIt: (f: ModuleFixture) => void): ContentProblem[] {
  const f = moduleFixture();
  breakIt(f);
  return checkModule(f, { dir: MODULE_DIR });
}

function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the fixture has no ${what}`);
  return value;
}

const item = (f: ModuleFixture, id: string): Item => defined(f.structure.items.find((i) => i.id === id), `item ${id}`);
const scenario = (f: ModuleFixture): Scenario => defined(f.structure.scenarios[0], 'scenario');
const node = (f: ModuleFixture, id: string): ScenarioNode => defined(scenario(f).nodes.find((n) => n.id === id), `node ${id}`);
const fact = (f: ModuleFixture, id: string) => defined(f.structure.facts.find((x) => x.id === id), `fact ${id}`);
const nodeText = (text: ModuleText, id: string) => defined(text.scenarios['party-lift']?.nodes[id], `text of node ${id}`);
const itemText = (text: ModuleText, id: string) => defined(text.items[id], `text of item ${id}`);

function setChoiceNext(f: ModuleFixture, nodeId: string, choiceId: string, next: string): void {
  const decision = node(f, nodeId);
  if (decision.kind !== 'decision') throw new Error(`${nodeId} is not a decision`);
  defined(decision.choices.find((c) => c.id === choiceId), `choice ${choiceId}`).next = next;
}

function setOption(f: ModuleFixture, itemId: string, optionId: string, change: { correct?: boolean; misconception?: string | undefined }): void {
  const it = item(f, itemId);
  if (it.kind === 'ordering') throw new Error(`${itemId} has no correct flags`);
  const option = defined(
    it.options.find((o) => o.id === optionId),
    `option ${optionId}`,
  );
  Object.assign(option, change);
}

const problem = (file: string, id: string, fragment: string) => ({ file, id, message: expect.stringContaining(fragment) });

/** The problem is reported, and nothing else: the mutation broke exactly one thing. */
function expectOnly(problems: ContentProblem[], file: string, id: string, fragment: string): void {
  expect(problems).toEqual([problem(file, id, fragment)]);
}

function expectAmong(problems: ContentProblem[], file: string, id: string, fragment: string): void {
  expect(problems).toContainEqual(problem(file, id, fragment));
}

describe('the valid fixture', () => {
  it('has no problems', () => {
    expect(checkModule(validModule, { dir: MODULE_DIR })).toEqual([]);
  });

  it('has valid support contacts', () => {
    expect(checkSupport(validSupport, { dir: SUPPORT_DIR })).toEqual([]);
  });
});

describe('schema errors', () => {
  it('reports a schema error in structure.json by its path, naming the item', () => {
    const problems = checkBroken((f) => Reflect.set(item(f, 'q-full-car'), 'kind', 'essay'));
    expectOnly(problems, STRUCTURE, 'items.3.kind', 'must be one of "single", "multiple", "truefalse", "ordering"');
    expect(problems[0]?.message).toContain('In "q-full-car"');
  });

  it('reports a schema error in a locale file by its path', () => {
    const problems = checkBroken((f) => Reflect.deleteProperty(itemText(f.text.pl, 'q-lift-drinking'), 'prompt'));
    expectOnly(problems, PL, 'items.q-lift-drinking.prompt', '"prompt" is missing');
  });

  it('reports an empty option label inside the option text union', () => {
    const problems = checkBroken((f) => {
      defined(itemText(f.text['en-GB'], 'q-first-year').options.true, 'option text').label = ' ';
    });
    expectOnly(problems, EN, 'items.q-first-year.options.true.label', 'must not be empty');
  });

  it('reports every schema error in a file, not just the first', () => {
    const problems = checkBroken((f) => {
      Reflect.set(f.structure, 'plans', []);
      Reflect.set(defined(f.structure.sources[0], 'source'), 'reviewBy', '31/01/2027');
    });
    expect(problems).toEqual([
      problem(STRUCTURE, 'sources.0.reviewBy', 'YYYY-MM-DD'),
      problem(STRUCTURE, 'plans', 'needs at least 1 entry'),
    ]);
  });
});

describe('scenario graphs', () => {
  it('reports a node that cannot be reached from the start', () => {
    const problems = checkBroken((f) => setChoiceNext(f, 'offer', 'refuse', 'back-seat'));
    expectAmong(problems, STRUCTURE, 'party-lift/call-home', 'cannot be reached');
  });

  it('reports a choice whose next is a missing node', () => {
    const problems = checkBroken((f) => setChoiceNext(f, 'back-seat', 'ask-stop', 'nowhere'));
    expectOnly(problems, STRUCTURE, 'party-lift/back-seat/ask-stop', 'points to node "nowhere"');
  });

  it('reports a scene whose next is a missing node', () => {
    const problems = checkBroken((f) => Reflect.set(node(f, 'arrive'), 'next', 'nowhere'));
    expectAmong(problems, STRUCTURE, 'party-lift/arrive', 'points to node "nowhere"');
  });

  it('reports a loop, since each decision is recorded once', () => {
    const problems = checkBroken((f) => setChoiceNext(f, 'call-home', 'walk-alone', 'offer'));
    expectOnly(problems, STRUCTURE, 'party-lift/offer', 'loop (offer → call-home → offer)');
  });

  it('reports a start that does not exist', () => {
    const problems = checkBroken((f) => {
      scenario(f).start = 'nowhere';
    });
    expectOnly(problems, STRUCTURE, 'party-lift', 'starts at node "nowhere"');
  });

  it('reports a scenario with fewer than 3 decision nodes', () => {
    const problems = checkBroken((f) => {
      const nodes = scenario(f).nodes;
      nodes.splice(nodes.findIndex((n) => n.id === 'call-home'), 1, { id: 'call-home', kind: 'scene', next: 'end-safe' });
      for (const text of Object.values(f.text)) delete nodeText(text, 'call-home').choices;
    });
    expectOnly(problems, STRUCTURE, 'party-lift', 'has 2 decision node(s)');
  });

  it('reports a scenario with fewer than 2 endings', () => {
    const problems = checkBroken((f) => {
      setChoiceNext(f, 'back-seat', 'ask-stop', 'end-risky');
      setChoiceNext(f, 'call-home', 'walk-alone', 'end-risky');
      setChoiceNext(f, 'call-home', 'wait-inside', 'end-risky');
      scenario(f).nodes = scenario(f).nodes.filter((n) => n.id !== 'end-safe' && n.id !== 'end-mixed');
      f.structure.pictures = f.structure.pictures.filter((p) => p.node !== 'party-lift/end-safe' && p.node !== 'party-lift/end-mixed');
      for (const text of Object.values(f.text)) {
        const nodes = defined(text.scenarios['party-lift'], 'scenario text').nodes;
        delete nodes['end-safe'];
        delete nodes['end-mixed'];
        delete text.pictures['party-lift/end-safe'];
        delete text.pictures['party-lift/end-mixed'];
      }
    });
    expectOnly(problems, STRUCTURE, 'party-lift', 'has 1 ending(s)');
  });
});

describe('everything teaches something', () => {
  const nothing = { facts: [], considerations: [] };

  it('reports a quiz item that teaches nothing', () => {
    const problems = checkBroken((f) => {
      item(f, 'q-full-car').teaches = nothing;
    });
    expectAmong(problems, STRUCTURE, 'q-full-car', 'teaches nothing');
  });

  it('reports an attitude item that teaches nothing', () => {
    const problems = checkBroken((f) => {
      defined(f.structure.attitudeItems[0], 'attitude item').teaches = nothing;
    });
    expectOnly(problems, STRUCTURE, 'a-refuse-lift', 'teaches nothing');
  });

  it('reports a scenario that teaches nothing', () => {
    const problems = checkBroken((f) => {
      scenario(f).teaches = nothing;
    });
    expectAmong(problems, STRUCTURE, 'party-lift', 'teaches nothing');
  });

  it('reports a plan that teaches nothing', () => {
    const problems = checkBroken((f) => {
      defined(f.structure.plans[0], 'plan').teaches = nothing;
    });
    expectOnly(problems, STRUCTURE, 'plan-lift-home', 'teaches nothing');
  });

  it('reports an ending that points to nothing', () => {
    const problems = checkBroken((f) => Reflect.set(node(f, 'end-safe'), 'pointsTo', nothing));
    expectOnly(problems, STRUCTURE, 'party-lift/end-safe', 'points to nothing');
  });
});

describe('coverage of F1–F4 and K1–K7', () => {
  it('reports a key consideration no quiz item teaches', () => {
    const problems = checkBroken((f) => {
      item(f, 'q-safe-habits').teaches.considerations = ['K4', 'K6'];
    });
    expectOnly(problems, STRUCTURE, 'K3', 'not taught by any quiz item');
  });

  it('reports a key consideration no scenario teaches', () => {
    const problems = checkBroken((f) => {
      scenario(f).teaches.considerations = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6'];
    });
    expectOnly(problems, STRUCTURE, 'K7', 'not taught by any scenario');
  });

  it('reports both gaps as separate problems', () => {
    const problems = checkBroken((f) => {
      item(f, 'q-safe-habits').teaches.considerations = ['K3', 'K6'];
      scenario(f).teaches.considerations = ['K1', 'K2', 'K3', 'K5', 'K6', 'K7'];
    });
    expect(problems).toEqual([
      problem(STRUCTURE, 'K4', 'not taught by any quiz item'),
      problem(STRUCTURE, 'K4', 'not taught by any scenario'),
    ]);
  });

  it('reports a fact no item teaches', () => {
    const problems = checkBroken((f) => {
      item(f, 'q-night-risk').teaches = { facts: [], considerations: ['K7'] };
    });
    expectOnly(problems, STRUCTURE, 'F4', 'not taught by any item');
  });

  it('reports content that teaches a fact the module does not have', () => {
    const problems = checkBroken((f) => {
      f.structure.facts = f.structure.facts.filter((x) => x.id !== 'F4');
      for (const text of Object.values(f.text)) delete text.facts.F4;
    });
    expect(problems).toEqual([problem(STRUCTURE, 'q-night-risk', 'names fact F4, which is not in the module\'s "facts" (F1, F2, F3)')]);
  });

  it('reports content that teaches a key point the module does not describe', () => {
    const problems = checkBroken((f) => {
      item(f, 'q-night-risk').teaches.considerations = ['K7', 'K8'];
    });
    expectOnly(problems, STRUCTURE, 'q-night-risk', 'names key point K8, which the module does not describe');
  });

  it('takes the key points from the default locale: one it drops is undeclared, not untranslated', () => {
    const problems = checkBroken((f) => {
      delete f.text['en-GB'].considerations.K5;
    });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.filter((p) => p.file === STRUCTURE).every((p) => p.message.includes('names key point K5'))).toBe(true);
    expect(problems).toContainEqual(problem(PL, 'K5', 'Extra text'));
  });

  it('lets a module other than roads-kill declare fewer learning points', () => {
    const problems = checkBroken((f) => {
      dropLearningPoints(f, ['F4'], ['K7']);
    });
    expect(problems).toEqual([]);
  });

  it('keeps F1–F4 and K1–K7 in the roads-kill module', () => {
    const f = moduleFixture();
    f.structure.id = 'roads-kill';
    expect(checkModule(f, { dir: MODULE_DIR, moduleId: 'roads-kill' })).toEqual([]);
    dropLearningPoints(f, ['F4'], ['K7']);
    expect(checkModule(f, { dir: MODULE_DIR, moduleId: 'roads-kill' })).toEqual([
      problem(STRUCTURE, 'F4', 'missing from "facts"; every seed fact F1, F2, F3, F4 must be in the roads-kill module'),
      problem(STRUCTURE, 'K7', 'Key consideration K7 is missing; the roads-kill module keeps K1, K2, K3, K4, K5, K6, K7'),
    ]);
  });
});

/** Takes facts and key points out of the module: the declarations, their text, and everything that teaches them. */
function dropLearningPoints(f: ModuleFixture, facts: string[], considerations: string[]): void {
  const keep = <T extends { facts: string[]; considerations: string[] }>(t: T): T => ({
    ...t,
    facts: t.facts.filter((x) => !facts.includes(x)),
    considerations: t.considerations.filter((x) => !considerations.includes(x)),
  });
  f.structure.facts = f.structure.facts.filter((x) => !facts.includes(x.id));
  for (const it of [...f.structure.items, ...f.structure.attitudeItems, ...f.structure.plans]) it.teaches = keep(it.teaches);
  for (const s of f.structure.scenarios) {
    s.teaches = keep(s.teaches);
    for (const n of s.nodes) if (n.kind === 'ending') n.pointsTo = keep(n.pointsTo);
  }
  // Something must still teach every item: give an emptied one the first remaining point.
  for (const it of f.structure.items) if (it.teaches.facts.length + it.teaches.considerations.length === 0) it.teaches.facts = ['F1'];
  for (const text of Object.values(f.text)) {
    for (const id of facts) delete text.facts[id];
    for (const id of considerations) delete text.considerations[id];
  }
}

describe('translations', () => {
  const cases: [string, Locale, string, (text: ModuleText) => void][] = [
    ['a key consideration', 'pl', 'K5', (t) => delete t.considerations.K5],
    ['a fact', 'pl', 'F2', (t) => delete t.facts.F2],
    ['an option of a choice guess', 'pl', 'F3/one-in-two', (t) => delete defined(t.facts.F3, 'F3').options?.['one-in-two']],
    ['a misconception', 'en-GB', 'm-phone-quick', (t) => delete t.misconceptions['m-phone-quick']],
    ['an item', 'pl', 'q-full-car', (t) => delete t.items['q-full-car']],
    ['an item option', 'en-GB', 'q-safe-habits/phone-off', (t) => delete itemText(t, 'q-safe-habits').options['phone-off']],
    ['the wrongOrder of an ordering item', 'pl', 'q-night-risk', (t) => delete itemText(t, 'q-night-risk').wrongOrder],
    ['the explanation of a wrong option', 'en-GB', 'q-full-car/squeeze-in', (t) => {
      itemText(t, 'q-full-car').options['squeeze-in'] = { label: 'Squeeze in' };
    }],
    ['an attitude item', 'pl', 'a-refuse-lift', (t) => delete t.attitudeItems['a-refuse-lift']],
    ['a scenario', 'en-GB', 'party-lift', (t) => delete t.scenarios['party-lift']],
    ['a scenario node', 'pl', 'party-lift/offer', (t) => delete defined(t.scenarios['party-lift'], 'scenario').nodes.offer],
    ['a decision choice', 'pl', 'party-lift/call-home/walk-alone', (t) => delete nodeText(t, 'call-home').choices?.['walk-alone']],
    ['the title of an ending', 'en-GB', 'party-lift/end-risky', (t) => delete nodeText(t, 'end-risky').title],
    ['a plan', 'pl', 'plan-lift-home', (t) => delete t.plans['plan-lift-home']],
  ];

  it.each(cases)('reports missing text for %s', (_, locale, id, breakIt) => {
    const problems = checkBroken((f) => breakIt(f.text[locale]));
    expectOnly(problems, locale === 'pl' ? PL : EN, id, 'Missing translation');
  });

  it('reports text for an id the structure does not have', () => {
    const problems = checkBroken((f) => {
      f.text.pl.items['q-old'] = { prompt: 'Stare pytanie', explanation: 'Wyjaśnienie', options: {} };
    });
    expectOnly(problems, PL, 'q-old', 'Extra text');
  });

  it('reports a key pl.json has and en-GB.json lacks, on en-GB.json', () => {
    const problems = checkBroken((f) => {
      defined(f.text.pl.facts.F1, 'F1').unit = 'przyczyna';
    });
    expectOnly(problems, EN, 'F1', 'pl.json has text at facts.F1.unit');
  });

  it('reports a key en-GB.json has and pl.json lacks, on pl.json', () => {
    const problems = checkBroken((f) => delete defined(f.text.pl.facts.F2, 'F2').unit);
    expectOnly(problems, PL, 'F2', 'en-GB.json has text at facts.F2.unit');
  });
});

describe('sources', () => {
  it('reports a fact with no source', () => {
    const problems = checkBroken((f) => {
      fact(f, 'F2').sources = [];
    });
    expectOnly(problems, STRUCTURE, 'F2', 'has no source');
  });

  it('reports a fact naming a source that does not exist', () => {
    const problems = checkBroken((f) => {
      fact(f, 'F3').sources = ['trl-1995'];
    });
    expectOnly(problems, STRUCTURE, 'F3', 'names source "trl-1995"');
  });

  it('reports an item or a story ending naming a source that does not exist, and accepts one that does', () => {
    const problems = checkBroken((f) => {
      item(f, 'q-full-car').sources = ['highway-code'];
      const ending = node(f, 'end-safe');
      if (ending.kind !== 'ending') throw new Error('end-safe is not an ending');
      ending.sources = ['gov-uk-phones'];
    });
    expect(problems).toEqual([
      problem(STRUCTURE, 'q-full-car', 'Item "q-full-car" names source "highway-code"'),
      problem(STRUCTURE, 'party-lift/end-safe', 'Ending "party-lift/end-safe" names source "gov-uk-phones"'),
    ]);
    const valid = checkBroken((f) => {
      item(f, 'q-full-car').sources = ['rospa-2002'];
    });
    expect(valid).toEqual([]);
  });

  it.each(['publisher', 'year'])('reports a source without a %s', (field) => {
    const problems = checkBroken((f) => Reflect.deleteProperty(defined(f.structure.sources[1], 'source'), field));
    expectOnly(problems, STRUCTURE, `sources.1.${field}`, `In "rospa-2002": "${field}" is missing`);
  });
});

describe('ids', () => {
  it('reports an attitude item sharing an id with a quiz item', () => {
    const problems = checkBroken((f) => {
      defined(f.structure.attitudeItems[0], 'attitude item').id = 'q-full-car';
    });
    expectAmong(problems, STRUCTURE, 'q-full-car', 'used more than once');
  });

  it('reports a scenario with the same id as an item', () => {
    const problems = checkBroken((f) => {
      scenario(f).id = 'q-full-car';
    });
    expectAmong(problems, STRUCTURE, 'q-full-car', 'same id as an item');
  });

  it('reports two nodes with the same id in one scenario', () => {
    const problems = checkBroken((f) => {
      scenario(f).nodes.push({ id: 'end-safe', kind: 'ending', outcome: 'safe', pointsTo: { facts: [], considerations: ['K1'] } });
    });
    expectOnly(problems, STRUCTURE, 'party-lift/end-safe', 'used more than once');
  });

  it('reports a module id that differs from its folder', () => {
    const problems = checkBroken((f) => {
      f.structure.id = 'roads-kill';
    });
    expectOnly(problems, STRUCTURE, 'id', 'its folder is "sample"');
  });
});

describe('answers', () => {
  it('reports a single-choice item with two correct options', () => {
    const problems = checkBroken((f) => setOption(f, 'q-lift-drinking', 'go-anyway', { correct: true }));
    expectOnly(problems, STRUCTURE, 'q-lift-drinking', 'has 2 correct options; it needs exactly one');
  });

  it('reports a true/false item with no correct option', () => {
    const problems = checkBroken((f) => setOption(f, 'q-first-year', 'true', { correct: false, misconception: 'm-skill-protects' }));
    expectAmong(problems, STRUCTURE, 'q-first-year', 'has 0 correct options; it needs exactly one');
  });

  it('reports a multiple-choice item with no wrong option', () => {
    const problems = checkBroken((f) => setOption(f, 'q-safe-habits', 'reply-at-lights', { correct: true }));
    expectOnly(problems, STRUCTURE, 'q-safe-habits', 'has 3 correct and 0 wrong options');
  });

  it('reports a multiple-choice item with no correct option', () => {
    const problems = checkBroken((f) => {
      setOption(f, 'q-safe-habits', 'phone-off', { correct: false, misconception: 'm-phone-quick' });
      setOption(f, 'q-safe-habits', 'refuse-drunk-passenger', { correct: false, misconception: 'm-phone-quick' });
    });
    expectAmong(problems, STRUCTURE, 'q-safe-habits', 'has 0 correct and 3 wrong options');
  });

  it('reports a wrong option that names no misconception', () => {
    const problems = checkBroken((f) => setOption(f, 'q-full-car', 'squeeze-in', { misconception: undefined }));
    expectOnly(problems, STRUCTURE, 'q-full-car/squeeze-in', 'names no "misconception"');
  });

  it('reports a wrong option naming a misconception that does not exist', () => {
    const problems = checkBroken((f) => setOption(f, 'q-full-car', 'squeeze-in', { misconception: 'm-nope' }));
    expectOnly(problems, STRUCTURE, 'q-full-car/squeeze-in', 'names misconception "m-nope"');
  });

  it('reports an ordering item naming a misconception that does not exist', () => {
    const problems = checkBroken((f) => Reflect.set(item(f, 'q-night-risk'), 'misconception', 'm-nope'));
    expectOnly(problems, STRUCTURE, 'q-night-risk', 'names misconception "m-nope"');
  });

  it('reports a choice guess with two correct options', () => {
    const problems = checkBroken((f) => {
      const guess = fact(f, 'F1').guess;
      if (guess.kind !== 'choice') throw new Error('F1 is a choice guess');
      defined(guess.options[1], 'option').correct = true;
    });
    expectOnly(problems, STRUCTURE, 'F1', 'has 2 correct options; it needs exactly one');
  });

  it.each([
    ['min not below max', { min: 10, max: 1 }, '"min" 10 not below "max" 1'],
    ['the answer out of range', { answer: 40 }, '"answer" 40 outside'],
    ['the start out of range', { start: 0 }, '"start" 0 outside'],
    ['an answer the slider cannot land on', { answer: 16.5 }, '"answer" 16.5, which the slider cannot land on'],
  ])('reports a number guess with %s', (_, change, fragment) => {
    const problems = checkBroken((f) => Object.assign(fact(f, 'F4').guess, change));
    expectOnly(problems, STRUCTURE, 'F4', fragment);
  });
});

describe('phases', () => {
  it('reports no quiz item in phase "before"', () => {
    const problems = checkBroken((f) => {
      for (const i of f.structure.items) i.phases = i.phases.filter((p) => p !== 'before');
    });
    expectOnly(problems, STRUCTURE, 'items', 'No quiz item is asked in phase "before"');
  });

  it('reports no quiz item in phase "followup", which a follow-up session needs', () => {
    const problems = checkBroken((f) => {
      for (const i of f.structure.items) i.phases = i.phases.filter((p) => p !== 'followup');
    });
    expectOnly(problems, STRUCTURE, 'items', 'No quiz item is asked in phase "followup"');
  });

  it('reports no attitude item in phase "before" or "after"', () => {
    const problems = checkBroken((f) => {
      for (const a of f.structure.attitudeItems) a.phases = ['main'];
    });
    expect(problems).toEqual([
      problem(STRUCTURE, 'attitudeItems', 'No attitude item is asked in phase "before"'),
      problem(STRUCTURE, 'attitudeItems', 'No attitude item is asked in phase "after"'),
    ]);
  });
});

describe('support contacts', () => {
  const SUPPORT_PL = path.join(SUPPORT_DIR, 'pl.json');

  function checkBrokenSupport(breakIt: (f: { structure: SupportStructure; text: Record<Locale, SupportText> }) => void) {
    const copy = structuredClone(validSupport);
    const f = {
      structure: supportStructureSchema.parse(copy.structure),
      text: { 'en-GB': supportTextSchema.parse(copy.text['en-GB']), pl: supportTextSchema.parse(copy.text.pl) },
    };
    breakIt(f);
    return checkSupport(f, { dir: SUPPORT_DIR });
  }

  it('reports a contact without text in a locale', () => {
    const problems = checkBrokenSupport((f) => delete f.text.pl.contacts.brake);
    expectOnly(problems, SUPPORT_PL, 'brake', 'Missing translation');
  });

  it('reports a schema error in the support structure', () => {
    const problems = checkBrokenSupport((f) => Reflect.set(defined(f.structure.contacts[0], 'contact'), 'phone', 'call us'));
    expectOnly(problems, path.join(SUPPORT_DIR, 'structure.json'), 'contacts.0.phone', 'In "samaritans"');
  });
});

describe('core and deeper', () => {
  const addAttitudeItem = (f: ModuleFixture, id: string, phases: ('before' | 'after')[]) => {
    f.structure.attitudeItems.push({ id, construct: 'intention', phases, reverse: false, teaches: { facts: [], considerations: ['K1'] } });
    f.text['en-GB'].attitudeItems[id] = { statement: 'I will only ride with a sober driver.' };
    f.text.pl.attitudeItems[id] = { statement: 'Pojadę tylko z trzeźwym kierowcą.' };
  };

  it('reports a key consideration taught only in the deeper sections', () => {
    const problems = checkBroken((f) => {
      scenario(f).depth = 'deeper';
    });
    expect(problems).toEqual([problem(STRUCTURE, 'K1', 'not taught in the core'), problem(STRUCTURE, 'K5', 'not taught in the core')]);
  });

  it('reports a fact asked again with no story since its reveal', () => {
    const problems = checkBroken((f) => {
      scenario(f).depth = 'deeper';
      item(f, 'q-safe-habits').teaches.considerations = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7'];
      item(f, 'q-night-risk').depth = 'core';
    });
    expectOnly(problems, STRUCTURE, 'q-night-risk', 'no story between');
  });

  it('reports an attitude item asked before but not after', () => {
    const problems = checkBroken((f) => addAttitudeItem(f, 'int-before-only', ['before']));
    expectOnly(problems, STRUCTURE, 'int-before-only', 'asked before but not after');
  });

  it(`reports more than ${MAX_WAVE_ATTITUDE_ITEMS} attitude items in a wave, and takes a retired one as asked nowhere`, () => {
    const fourMore = (f: ModuleFixture) => {
      for (let i = 1; i <= MAX_WAVE_ATTITUDE_ITEMS; i += 1) addAttitudeItem(f, `int-extra-${i}`, ['before', 'after']);
    };
    expect(checkBroken(fourMore)).toEqual([
      problem(STRUCTURE, 'attitudeItems', `${MAX_WAVE_ATTITUDE_ITEMS + 1} attitude items are asked in phase "before"`),
      problem(STRUCTURE, 'attitudeItems', `${MAX_WAVE_ATTITUDE_ITEMS + 1} attitude items are asked in phase "after"`),
    ]);
    const retired = checkBroken((f) => {
      fourMore(f);
      defined(f.structure.attitudeItems[0], 'attitude item').phases = [];
    });
    expect(retired).toEqual([]);
  });

  it('reports "deeper" on an item that is not asked in the main quiz', () => {
    const problems = checkBroken((f) => {
      item(f, 'q-lift-drinking').depth = 'deeper';
    });
    expectOnly(problems, STRUCTURE, 'q-lift-drinking', 'not asked in phase "main"');
  });

  it('reports a follow-up item about something only the deeper sections teach', () => {
    const problems = checkBroken((f) => {
      scenario(f).teaches.considerations = ['K1', 'K2', 'K3', 'K4', 'K5', 'K7'];
      item(f, 'q-first-year').teaches.considerations = ['K6'];
      item(f, 'q-safe-habits').depth = 'deeper';
    });
    expectAmong(problems, STRUCTURE, 'q-first-year', 'which the core does not teach');
  });
});

describe('the minutes of every path', () => {
  const screens = {
    'en-GB': screenTextsFromMessages(readJson('messages/en-GB/Player.json')),
    pl: screenTextsFromMessages(readJson('messages/pl/Player.json')),
  };
  const minutesOf = (f: ModuleFixture) => checkMinutes(f, { dir: MODULE_DIR, screens });
  const pad = (words: number) => ' słowo'.repeat(words);

  it('estimates every path in both languages, and passes a core within the limit whose intro says its minutes', () => {
    const { problems, estimates } = minutesOf(moduleFixture());
    expect(problems).toEqual([]);
    expect(estimates.map((e) => `${e.locale} ${e.name}`)).toEqual(
      (['en-GB', 'pl'] as const).flatMap((locale) => TIMED_PATHS.map((p) => `${locale} ${p.name}`)),
    );
    const at = (locale: Locale, name: string) => defined(estimates.find((e) => e.locale === locale && e.name.startsWith(name)), name).estimate;
    expect(at('en-GB', 'full, class with').minutes).toBeGreaterThan(at('en-GB', 'core, class with').minutes);
    expect(at('pl', 'core, class with').screens).toBe(at('en-GB', 'core, class with').screens);
  });

  it('fails a core over 20 minutes, in the language that is over', () => {
    const { problems } = minutesOf(
      (() => {
        const f = moduleFixture();
        const story = defined(f.text.pl.scenarios['party-lift'], 'story');
        story.setup += pad(3200);
        return f;
      })(),
    );
    expectAmong(problems, PL, '(path: core, class without before/after)', 'it must take at most 20');
    expect(problems.filter((p) => p.file === EN)).toEqual([]);
  });

  it('does not count the deeper sections in the core', () => {
    const f = moduleFixture();
    itemText(f.text.pl, 'q-night-risk').explanation += pad(5000);
    const { problems, estimates } = minutesOf(f);
    expect(problems).toEqual([]);
    expect(defined(estimates.find((e) => e.locale === 'pl' && e.name.startsWith('full, class with')), 'full').estimate.minutes).toBeGreaterThan(30);
  });

  it('fails an intro that states another figure than the model, and says which to write', () => {
    const f = moduleFixture();
    f.text['en-GB'].intro = 'Choices you make as a passenger and a driver. It takes about 20 minutes.';
    expect(minutesOf(f).problems).toEqual([problem(EN, 'intro', 'The intro says 20 minutes, but the reading-time model gives')]);
    expect(minutesOf(f).problems[0]?.message).toContain('write "about 7 minutes"');
  });

  it('fails an intro that states no figure', () => {
    const f = moduleFixture();
    f.text.pl.intro = 'Wybory, których dokonujesz jako pasażer i kierowca.';
    expect(minutesOf(f).problems).toEqual([problem(PL, 'intro', 'The intro must say how long the core takes, as "około 7 minut"')]);
  });
});

describe('npm run content:check', () => {
  let tempRoot: string | undefined;
  afterEach(() => {
    if (tempRoot) rmSync(tempRoot, { recursive: true, force: true });
    tempRoot = undefined;
  });

  const runCheck = (root: string) =>
    spawnSync('npx', ['tsx', 'scripts/content-check.ts', root], { cwd: REPO, encoding: 'utf8' });

  it('passes the valid fixture with a summary', () => {
    const run = runCheck(FIXTURE_ROOT);
    expect(run.stdout).toMatch(/^Content check passed: 1 module, 5 quiz items, 1 attitude item, 1 scenario; content version sample@[0-9a-f]{12}\.$/m);
    expect(run.status).toBe(0);
  });

  it('checks one module folder given on its own: a module with its own, fewer learning points', () => {
    const run = runCheck('tests/fixtures/modules/sample-short');
    expect(run.stdout).toMatch(/^Content check passed: 1 module, 5 quiz items, 1 attitude item, 1 scenario; content version sample-short@[0-9a-f]{12}\.$/m);
    expect(run.status).toBe(0);
  });

  it('fails a module folder given on its own whose id is not its folder', () => {
    tempRoot = mkdtempSync(path.join(os.tmpdir(), 'content-check-'));
    const dir = path.join(tempRoot, 'renamed');
    cpSync(path.join(REPO, 'tests/fixtures/modules/sample-short'), dir, { recursive: true });
    const run = runCheck(dir);
    expect(run.stderr).toContain(`${path.join(dir, 'structure.json')}: id: The module's "id" is "sample-short" but its folder is "renamed"`);
    expect(run.status).toBe(1);
  });

  it('fails a broken content folder, naming the file and the id', () => {
    tempRoot = mkdtempSync(path.join(os.tmpdir(), 'content-check-'));
    cpSync(path.join(REPO, FIXTURE_ROOT), tempRoot, { recursive: true });
    const plFile = path.join(tempRoot, 'modules', 'sample', 'pl.json');
    const pl = moduleTextSchema.parse(JSON.parse(readFileSync(plFile, 'utf8')));
    delete pl.scenarios['party-lift']?.nodes.offer;
    writeFileSync(plFile, JSON.stringify(pl, null, 2));

    const run = runCheck(tempRoot);
    expect(run.stderr).toContain(`${plFile}: party-lift/offer: Missing translation: no text for node "offer" of scenario "party-lift".`);
    expect(run.status).toBe(1);
  });

  it('prints the minutes and screens of every path in both languages', () => {
    const run = runCheck(FIXTURE_ROOT);
    for (const locale of ['en-GB', 'pl']) {
      for (const { name } of TIMED_PATHS) {
        expect(run.stdout).toMatch(new RegExp(`^  ${locale} +${name.replace(/[()/]/g, '\\$&')} +[\\d.]+ min \\( *[\\d.]+\\) +\\d+ screens +\\d+ words$`, 'm'));
      }
    }
  });

  it('fails when the core takes more than 20 minutes', () => {
    tempRoot = mkdtempSync(path.join(os.tmpdir(), 'content-check-'));
    cpSync(path.join(REPO, FIXTURE_ROOT), tempRoot, { recursive: true });
    const enFile = path.join(tempRoot, 'modules', 'sample', 'en-GB.json');
    const en = moduleTextSchema.parse(JSON.parse(readFileSync(enFile, 'utf8')));
    // Short sentences, so only the minutes fail, not the reading grade.
    en.summary.body += ' Stay safe.'.repeat(2000);
    writeFileSync(enFile, JSON.stringify(en, null, 2));

    const run = runCheck(tempRoot);
    expect(run.stdout).toMatch(/en-GB +core, class with before\/after +\d+(\.\d)? min .*OVER THE LIMIT/);
    expect(run.stderr).toMatch(/en-GB\.json: \(path: core, class with before\/after\): The core takes \d+(\.\d)? minutes in en-GB/);
    expect(run.status).toBe(1);
  });
});
