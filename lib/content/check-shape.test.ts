/**
 * Each shape-cue rule, shown failing on content built to break it and passing on content that
 * does not, so a rule that could never fire would show here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkShapeCues, describeShapeCues, feedbackWords, shapeCues } from './check-shape';
import { fleschKincaid } from './readability';
import { moduleStructureSchema, moduleTextSchema, type Item, type ModuleStructure, type ModuleText, type Scenario } from './schema';

const SAMPLE = path.resolve(import.meta.dirname, '../../tests/fixtures/content/modules/sample');
const read = (file: string): unknown => JSON.parse(readFileSync(path.join(SAMPLE, file), 'utf8'));

interface Built {
  structure: ModuleStructure;
  text: ModuleText;
}

/** The sample module emptied of items and stories, for a test to fill. */
function empty(locale: 'en-GB' | 'pl' = 'en-GB'): Built {
  const structure = moduleStructureSchema.parse(read('structure.json'));
  const text = moduleTextSchema.parse(read(`${locale}.json`));
  structure.items = [];
  structure.scenarios = [];
  text.items = {};
  text.scenarios = {};
  return { structure, text };
}

const base = { phases: ['main' as const], teaches: { facts: [], considerations: ['K1' as const] }, askConfidence: true, depth: 'core' as const };

/** A single-choice item whose options have the given labels; `right` is the index of the right one. */
function addSingle(b: Built, id: string, labels: string[], right: number, prompt = 'Which is best?'): void {
  const options = labels.map((_, i) => ({ id: `o${i}`, correct: i === right, ...(i === right ? {} : { misconception: 'm' }) }));
  b.structure.items.push({ ...base, id, kind: 'single', options } as Item);
  b.text.items[id] = {
    prompt,
    explanation: 'Because of the reason.',
    options: Object.fromEntries(labels.map((label, i) => [`o${i}`, { label, explanation: 'The reason for this one.' }])),
  };
}

function addMultiple(b: Built, id: string, labels: string[], right: number[]): void {
  const options = labels.map((_, i) => ({ id: `o${i}`, correct: right.includes(i), ...(right.includes(i) ? {} : { misconception: 'm' }) }));
  b.structure.items.push({ ...base, id, kind: 'multiple', options } as Item);
  b.text.items[id] = {
    prompt: 'Which of these help?',
    explanation: 'Because of the reason.',
    options: Object.fromEntries(labels.map((label, i) => [`o${i}`, { label, explanation: 'The reason for this one.' }])),
  };
}

function addTrueFalse(b: Built, id: string, answer: 'true' | 'false', statement = 'Seatbelts matter in the back.'): void {
  b.structure.items.push({
    ...base,
    id,
    kind: 'truefalse',
    options: [
      { id: 'true', correct: answer === 'true', ...(answer === 'true' ? {} : { misconception: 'm' }) },
      { id: 'false', correct: answer === 'false', ...(answer === 'false' ? {} : { misconception: 'm' }) },
    ],
  } as Item);
  b.text.items[id] = {
    prompt: `True or false? ${statement}`,
    explanation: 'Because of the reason.',
    options: { true: { label: 'True', explanation: 'The reason.' }, false: { label: 'False', explanation: 'The reason.' } },
  };
}

/** One story whose decisions each have a safe and a risky choice with the given labels, safe first unless `riskyFirst`. */
function addStory(b: Built, decisions: { safe: string; risky: string; riskyFirst?: boolean }[]): void {
  const nodes: Scenario['nodes'] = [];
  const texts: Record<string, { text: string; title?: string; choices?: Record<string, string> }> = {};
  decisions.forEach((d, i) => {
    const safe = { id: 'safe', next: i + 1 < decisions.length ? `d${i + 1}` : 'end', risky: false };
    const risky = { id: 'risky', next: 'end', risky: true };
    nodes.push({ id: `d${i}`, kind: 'decision', choices: d.riskyFirst ? [risky, safe] : [safe, risky] });
    texts[`d${i}`] = { text: 'Your friend waits.', choices: { safe: d.safe, risky: d.risky } };
  });
  nodes.push({ id: 'end', kind: 'ending', outcome: 'safe', pointsTo: { facts: [], considerations: ['K1'] } });
  texts.end = { title: 'The end', text: 'It ends.' };
  b.structure.scenarios.push({ id: 'story', role: 'passenger', depth: 'core', start: 'd0', teaches: { facts: [], considerations: ['K1'] }, nodes });
  b.text.scenarios.story = { title: 'A story', setup: 'You are out.', nodes: texts };
}

const breaches = (b: Built, locale = 'en-GB'): string[] => {
  const found: string[] = [];
  checkShapeCues(b.structure, b.text, locale, (id, message) => found.push(`${id}: ${message}`));
  return found;
};

const SHORT = ['Go', 'Wait', 'Stay'];

describe('rule 1: length', () => {
  it('fails when the right option is the longest in most single-choice items, and passes when it varies', () => {
    const cued = empty();
    // The long right option moves about, so only its length gives it away.
    for (let i = 0; i < 5; i++) {
      const labels = ['No', 'Maybe'];
      labels.splice(i % 3, 0, 'Say no and sort another way home');
      addSingle(cued, `q${i}`, labels, i % 3);
    }
    expect(breaches(cued)).toEqual([expect.stringContaining('the right option is the longest option; chance allows at most')]);

    const fair = empty();
    // Right option longest in 1 of 5, shortest in 1 of 5: near chance (5 × 1/3).
    addSingle(fair, 'q0', ['Go now', 'Wait', 'Say no and sort another way home'], 2);
    addSingle(fair, 'q1', ['Go now', 'Wait', 'Stay at home'], 1);
    addSingle(fair, 'q2', ['Go now', 'Wait', 'Stay at home'], 0);
    addSingle(fair, 'q3', ['Go now', 'Wait here', 'Stay'], 0);
    addSingle(fair, 'q4', ['Go there', 'Wait', 'Stay home'], 2);
    expect(breaches(fair)).toEqual([]);
  });

  it('fails when the right option is the shortest too often: a cue works either way', () => {
    const b = empty();
    for (let i = 0; i < 5; i++) addSingle(b, `q${i}`, ['Get in: he feels fine', 'No', 'Get in and ask him to go slowly'], 1);
    expect(breaches(b)).toEqual([expect.stringContaining('the right option is the shortest option')]);
  });

  it('fails when the safe story choice is the longest in most decisions', () => {
    const b = empty();
    addStory(
      b,
      Array.from({ length: 6 }, (_, i) => ({ safe: 'Say: ‘I’m good, thanks. I’ll sort my own way back.’', risky: 'Get in.', riskyFirst: i % 2 === 0 })),
    );
    expect(breaches(b)).toEqual([expect.stringContaining('the safe choice is the longest option')]);
  });

  it('fails when a right option of choose-all items is always the longest', () => {
    const b = empty();
    [[2], [2, 3], [2, 0], [2, 3, 1], [2]].forEach((right, i) => addMultiple(b, `q${i}`, ['Go', 'Stay', 'A very long right answer indeed', 'Wait'], right));
    expect(breaches(b)).toEqual([expect.stringContaining('a right option is the longest option')]);
  });
});

describe('rule 2: position', () => {
  it('fails when the safe choice is written first in every decision', () => {
    const b = empty();
    addStory(
      b,
      Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? { safe: 'Stay in', risky: 'Get in the car now' } : { safe: 'Say no to the lift', risky: 'Go' })),
    );
    expect(breaches(b)).toEqual([expect.stringContaining('the safe choice is written first')]);
  });

  it('passes when the safe choice moves about', () => {
    const b = empty();
    addStory(
      b,
      Array.from({ length: 6 }, (_, i) =>
        i % 2 === 0 ? { safe: 'Stay in', risky: 'Get in the car now', riskyFirst: i % 4 === 0 } : { safe: 'Say no to the lift', risky: 'Go', riskyFirst: i === 1 },
      ),
    );
    expect(breaches(b)).toEqual([]);
  });
});

describe('rule 3: true/false key', () => {
  it('fails at 1 "true" in 6 and passes at 3 in 6', () => {
    const b = empty();
    addTrueFalse(b, 't0', 'true');
    for (let i = 1; i < 6; i++) addTrueFalse(b, `t${i}`, 'false');
    expect(breaches(b)).toEqual([expect.stringContaining('1 of 6 true/false items have the answer "true"')]);

    const fair = empty();
    for (let i = 0; i < 6; i++) addTrueFalse(fair, `t${i}`, i < 3 ? 'true' : 'false');
    expect(breaches(fair)).toEqual([]);
  });

  it('allows the nearest split when the count is odd or one', () => {
    const one = empty();
    addTrueFalse(one, 't0', 'false');
    expect(breaches(one)).toEqual([]);
    const five = empty();
    for (let i = 0; i < 5; i++) addTrueFalse(five, `t${i}`, i < 2 ? 'true' : 'false');
    expect(breaches(five)).toEqual([]);
  });
});

describe('rule 4: choose-all counts', () => {
  const labels = ['Phone on silent', 'Music down low', 'Wave your arms', 'Seat belt on', 'Shout at the driver'];
  it('fails when every item has the same number right, or one number is used by more than half', () => {
    const same = empty();
    for (let i = 0; i < 4; i++) addMultiple(same, `q${i}`, labels, [0, 1, 3]);
    expect(breaches(same)).toContainEqual(expect.stringContaining('Every choose-all item has 3 right options'));

    const mostly = empty();
    [[0, 1, 3], [0, 1, 3], [0, 1, 3], [0, 1]].forEach((right, i) => addMultiple(mostly, `q${i}`, labels, right));
    expect(breaches(mostly)).toContainEqual(expect.stringContaining('3 of 4 choose-all items have 3 right options'));
  });

  it('passes varied counts', () => {
    const b = empty();
    [[0, 1, 3], [1], [0, 3], [0, 1, 2, 3]].forEach((right, i) => addMultiple(b, `q${i}`, labels, right));
    expect(breaches(b).filter((m) => m.includes('choose-all items have'))).toEqual([]);
  });
});

describe('rule 5: absolute words', () => {
  it('fails when options with "always", "never" or "only" are nearly all wrong', () => {
    const b = empty();
    addSingle(b, 'q0', ['Always trust him', 'Say no', 'Wait'], 1);
    addSingle(b, 'q1', ['Never check', 'Check', 'Wait'], 1);
    addSingle(b, 'q2', ['It is only ten minutes', 'Say no', 'Wait'], 1);
    addSingle(b, 'q3', ['All of you squeeze in', 'Split up', 'Wait'], 1);
    expect(breaches(b)).toContainEqual(expect.stringContaining('4 of the 4 options or statements with an absolute word'));
  });

  it('counts a true/false statement with "definitely" as the cue for "false", and in Polish too', () => {
    const b = empty('pl');
    for (let i = 0; i < 4; i++) addTrueFalse(b, `t${i}`, i < 2 ? 'true' : 'false', i < 2 ? 'Pasy chronią też z tyłu.' : 'Rano na pewno będziesz trzeźwy.');
    addSingle(b, 'q0', ['Zawsze mu ufaj', 'Odmów', 'Czekaj'], 1);
    addSingle(b, 'q1', ['Nigdy nie sprawdzaj', 'Sprawdź', 'Czekaj'], 1);
    expect(breaches(b, 'pl')).toContainEqual(expect.stringContaining('4 of the 4 options or statements with an absolute word'));
  });
});

describe('rule 6: echo of the prompt', () => {
  it('fails when the options repeating the prompt’s key words are the right ones', () => {
    const b = empty();
    for (let i = 0; i < 4; i++) {
      addSingle(b, `q${i}`, ['Leave now', 'Phone a parent for a lift home', 'Wait outside'], 1, 'Your phone is dead. How do you get a lift home?');
    }
    expect(breaches(b)).toContainEqual(expect.stringContaining("options that repeat the prompt's key words are right"));
  });
});

describe('rule 7: "all of the above"', () => {
  it('fails on an option that refers to the others, in either language', () => {
    const b = empty();
    addSingle(b, 'q0', ['Go', 'Stay', 'All of the above'], 0);
    expect(breaches(b)).toEqual([expect.stringContaining('Option "q0/o2" refers to the other options')]);
    const pl = empty('pl');
    addSingle(pl, 'q0', ['Jedź', 'Zostań', 'Wszystkie powyższe'], 0);
    expect(breaches(pl, 'pl')).toEqual([expect.stringContaining('Option "q0/o2" refers to the other options')]);
  });
});

describe('rule 8: neutral start of a number guess', () => {
  it('fails a slider that starts at its minimum or on the answer, and passes one in the middle', () => {
    const b = empty();
    const f4 = b.structure.facts.find((f) => f.id === 'F4');
    if (f4?.guess.kind !== 'number') throw new Error('the sample F4 is not a number guess');
    Object.assign(f4.guess, { min: 1, max: 30, step: 1, answer: 17, start: 1 });
    expect(breaches(b)).toEqual([expect.stringContaining('starts at 1, outside the middle third of 1–30')]);
    f4.guess.start = 17;
    expect(breaches(b)).toEqual([expect.stringContaining('starts on the answer (17)')]);
    f4.guess.start = 15;
    expect(breaches(b)).toEqual([]);
  });
});

describe('rule 9: feedback opens with content', () => {
  it('fails on "Right." in an option’s explanation and on "False." in an item’s, not on "No seat, no space"', () => {
    const b = empty();
    addSingle(b, 'q0', SHORT, 0);
    const t = b.text.items.q0;
    if (!t) throw new Error('no text');
    t.explanation = 'False. Sleep does not clear alcohol.';
    t.options.o0 = { label: 'Go', explanation: 'Right. That is it.' };
    t.options.o1 = { label: 'Wait', explanation: 'No seat, no space, however short the trip.' };
    expect(breaches(b)).toEqual([
      expect.stringContaining('The explanation of "q0" opens with a verdict word'),
      expect.stringContaining('The explanation of "q0/o0" opens with a verdict word'),
    ]);
  });
});

describe('readability and feedback length', () => {
  it('fails English text above Flesch-Kincaid grade 8', () => {
    const b = empty();
    b.text.intro = Array(40).fill(
      'Notwithstanding considerable methodological heterogeneity, comprehensive epidemiological investigations consistently demonstrate disproportionate vulnerability among inexperienced adolescent motorists, particularly during nocturnal circumstances characterised by diminished environmental illumination.',
    ).join(' ');
    expect(breaches(b)).toContainEqual(expect.stringContaining('Flesch-Kincaid grade'));
  });

  it('grades a known sentence as the formula does (Flesch-Kincaid 11.3)', () => {
    expect(fleschKincaid(['The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.']).grade).toBe(11.3);
  });

  it('counts a wrong single answer’s screen with the right option’s explanation, and prints the average', () => {
    const b = empty();
    addSingle(b, 'q0', ['Go', 'Wait', 'Stay'], 0);
    // Prompt 3 + explanation 4; each option 1 + 5; wrong answers also show the right one: (6 + 12 + 12) / 3 = 10.
    const item = b.structure.items[0];
    if (!item) throw new Error('no item');
    expect(feedbackWords(item, b.text)).toBe(17);
    expect(describeShapeCues(shapeCues(b.structure, b.text, 'en-GB'))).toContainEqual('  average words on a feedback screen: 17 (14 without the question)');
  });
});
