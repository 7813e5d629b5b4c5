/**
 * Shape cues: ways a student could pick the right answer, or the safe story choice, without
 * knowing it. Test-wise students learn these cues fast (Millman, Bishop and Ebel, 1965), and a
 * cue answered is not a fact learned; it also biases every figure teachers and officers see.
 * Each rule below states what it measures and where it draws the line; every rule is judged per
 * language, because length and wording are. `shapeCues` returns the figures (the content check
 * prints them) and the breaches (the check fails on them).
 *
 * The rules:
 * 1. Length. Across single-choice items, the right option is the longest (ties count) no more
 *    often than chance (1 / number of options, summed over items) plus 15% of the items; the
 *    same for the shortest, since a cue works either way. Likewise across choose-all items (chance:
 *    right options / options) and across story decisions (the safe choice against the others).
 * 2. Position. In the order written, the right option (single choice) or the safe choice (story
 *    decision) is first, or last, no more often than chance plus 15%. The player shuffles, but
 *    the written order is what a printout, an export and a teacher's answer sheet show.
 *    Rules 1 and 2 judge from 4 items up: with fewer a share says nothing.
 * 3. True/false key. The share of true/false items whose answer is "true" is within 40–60%, or
 *    as near to half as the number of items allows (within 10 points, at least half an item).
 * 4. Choose-all. From 3 items up: the number of right options is not the same in every item,
 *    and no one number is used by more than half of the items.
 * 5. Absolute words ("always", "never", "only", "all" and their kin, in each language). Test-wise
 *    students know that options with them are usually wrong. Of the options (and true/false
 *    statements) that use one, the share that are wrong may differ by at most 25 points from what
 *    chance gives (the wrong share of each option's own item); judged from 4 such options up.
 * 6. Echo. An option that repeats two or more of the prompt's key words (words of 4+ letters that
 *    are not common words, compared by their first 5 letters) must not be right more often than
 *    chance plus 25 points; judged from 4 such options up.
 * 7. No "all of the above", "none of the above" or "both of these": every option stands alone,
 *    and the player shuffles options, so "above" has no meaning.
 * 8. A number guess starts at a neutral point: inside the middle third of its range, and not on
 *    the answer. A slider resting at its minimum pulls every guess down ("1 times as likely").
 * 9. Feedback opens with content, not a verdict: no option explanation and no item explanation
 *    begins "Right.", "Yes.", "False." and the like. The screen already says right or wrong, and
 *    under "The right answer" a student who was wrong would read "Right.".
 * Printed only (not failed): the average words on a feedback screen, and (English) the
 * Flesch-Kincaid grade of everything a student reads, which fails above grade 8.
 */
import type { Report } from './problems';
import { fleschKincaid, wordCount, words, type Readability } from './readability';
import type { Item, ModuleStructure, ModuleText } from './schema';

export const MAX_GRADE = 8;
const SHARE_MARGIN = 0.15;
const WORDING_MARGIN = 0.25;
const MIN_TRIALS = 4;

export interface ShapeRule {
  /** Short name, e.g. "right option longest (single choice)". */
  name: string;
  /** The figure as printed, e.g. "7 of 9 (chance 2.8, limit 4.1)". */
  figure: string;
  breaches: { id: string; message: string }[];
}

export interface ShapeReport {
  locale: string;
  rules: ShapeRule[];
  feedbackWords: number;
  /** The same without the question, which stays at the top of the screen: the feedback itself. */
  feedbackOnlyWords: number;
  readability?: Readability;
}

interface Trial {
  id: string;
  hit: boolean;
  chance: number;
}

function shareRule(name: string, trials: Trial[], margin: number, breach: (hits: number, limit: number) => string): ShapeRule {
  const hits = trials.filter((t) => t.hit).length;
  const expected = trials.reduce((sum, t) => sum + t.chance, 0);
  const limit = expected + margin * trials.length;
  const judged = trials.length >= MIN_TRIALS;
  const figure = `${hits} of ${trials.length} (chance ${expected.toFixed(1)}, limit ${limit.toFixed(1)})${judged ? '' : ', too few to judge'}`;
  const breaches = judged && hits > limit + 1e-9 ? [{ id: name, message: breach(hits, limit) }] : [];
  return { name, figure, breaches };
}

const trimmedLength = (s: string): number => s.trim().length;

/** Whether an option of the given lengths' extreme (longest or shortest, ties included) is one of the marked ones. */
function extremeIsMarked(options: { length: number; marked: boolean }[], which: 'longest' | 'shortest'): boolean {
  const lengths = options.map((o) => o.length);
  const extreme = which === 'longest' ? Math.max(...lengths) : Math.min(...lengths);
  return options.some((o) => o.marked && o.length === extreme);
}

interface ChoiceSet {
  id: string;
  kind: 'single' | 'multiple' | 'decision';
  options: { id: string; label: string; marked: boolean }[];
}

/** Single and choose-all items and story decisions, with the right (or safe) options marked. */
function choiceSets(structure: ModuleStructure, text: ModuleText): ChoiceSet[] {
  const sets: ChoiceSet[] = [];
  for (const item of structure.items) {
    if (item.kind !== 'single' && item.kind !== 'multiple') continue;
    const t = text.items[item.id];
    if (!t) continue;
    sets.push({
      id: item.id,
      kind: item.kind,
      options: item.options.map((o) => ({ id: o.id, label: t.options[o.id]?.label ?? '', marked: o.correct })),
    });
  }
  for (const scenario of structure.scenarios) {
    for (const node of scenario.nodes) {
      if (node.kind !== 'decision') continue;
      const choices = text.scenarios[scenario.id]?.nodes[node.id]?.choices ?? {};
      sets.push({
        id: `${scenario.id}/${node.id}`,
        kind: 'decision',
        options: node.choices.map((c) => ({ id: c.id, label: choices[c.id] ?? '', marked: !c.risky })),
      });
    }
  }
  return sets;
}

const chanceOf = (set: ChoiceSet): number => set.options.filter((o) => o.marked).length / set.options.length;

function lengthRules(sets: ChoiceSet[]): ShapeRule[] {
  const groups = [
    { kind: 'single', what: 'the right option', where: 'single-choice items' },
    { kind: 'multiple', what: 'a right option', where: 'choose-all items' },
    { kind: 'decision', what: 'the safe choice', where: 'story decisions' },
  ] as const;
  return groups.flatMap(({ kind, what, where }) =>
    (['longest', 'shortest'] as const).map((which) =>
      shareRule(
        `${what} is the ${which} (${where})`,
        sets
          .filter((s) => s.kind === kind)
          .map((s) => ({
            id: s.id,
            chance: chanceOf(s),
            hit: extremeIsMarked(s.options.map((o) => ({ length: trimmedLength(o.label), marked: o.marked })), which),
          })),
        SHARE_MARGIN,
        (hits, limit) =>
          `In ${hits} ${where}, ${what} is the ${which} option; chance allows at most ${limit.toFixed(1)}. Rewrite some so length gives nothing away.`,
      ),
    ),
  );
}

function positionRules(sets: ChoiceSet[]): ShapeRule[] {
  const groups = [
    { kind: 'single', what: 'the right option', where: 'single-choice items' },
    { kind: 'decision', what: 'the safe choice', where: 'story decisions' },
  ] as const;
  return groups.flatMap(({ kind, what, where }) =>
    (['first', 'last'] as const).map((at) =>
      shareRule(
        `${what} is written ${at} (${where})`,
        sets
          .filter((s) => s.kind === kind)
          .map((s) => ({ id: s.id, chance: chanceOf(s), hit: (at === 'first' ? s.options[0] : s.options.at(-1))?.marked ?? false })),
        SHARE_MARGIN,
        (hits, limit) => `In ${hits} ${where}, ${what} is written ${at}; chance allows at most ${limit.toFixed(1)}. Reorder some in structure.json.`,
      ),
    ),
  );
}

function trueFalseRule(structure: ModuleStructure): ShapeRule {
  const items = structure.items.filter((i) => i.kind === 'truefalse');
  const trues = items.filter((i) => i.options.some((o) => o.id === 'true' && 'correct' in o && o.correct)).length;
  const n = items.length;
  const ok = Math.abs(trues - n / 2) <= Math.max(0.1 * n, 0.5) + 1e-9;
  const name = 'true/false items keyed "true"';
  return {
    name,
    figure: `${trues} of ${n}${n > 0 ? ` (${Math.round((100 * trues) / n)}%)` : ''}`,
    breaches: ok
      ? []
      : [{ id: name, message: `${trues} of ${n} true/false items have the answer "true"; it must be 40–60% (or as near half as ${n} items allow), so the key gives nothing away.` }],
  };
}

function chooseAllRule(structure: ModuleStructure): ShapeRule {
  const counts = structure.items.flatMap((i) => (i.kind === 'multiple' ? [i.options.filter((o) => o.correct).length] : []));
  const tally = new Map<number, number>();
  for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1);
  const [commonest, uses] = [...tally].reduce<[number, number]>((a, b) => (b[1] > a[1] ? b : a), [0, 0]);
  const name = 'right options per choose-all item';
  const breaches: ShapeRule['breaches'] = [];
  if (counts.length >= 3 && tally.size === 1) {
    breaches.push({ id: name, message: `Every choose-all item has ${commonest} right options; vary the number so students must judge each option.` });
  } else if (counts.length >= 3 && uses > counts.length / 2) {
    breaches.push({ id: name, message: `${uses} of ${counts.length} choose-all items have ${commonest} right options; no number may be used by more than half.` });
  }
  return { name, figure: counts.length > 0 ? `${counts.join(', ')} (commonest ${commonest}: ${uses} of ${counts.length})` : 'none', breaches };
}

/** Absolute words by language; Polish inflects, so its list holds stems matched at the start of a word. */
const ABSOLUTES: Record<string, { words: RegExp; phrases: RegExp }> = {
  'en-GB': {
    words: /^(always|never|only|all|every|everyone|everybody|everything|none|nothing|nobody|definitely|certainly|completely|totally|guaranteed|must)$/,
    phrases: /\b(no matter what|in any case)\b/,
  },
  pl: {
    words: /^(zawsze|nigdy|tylko|jedynie|wszys\p{L}*|każd\p{L}*|żadn\p{L}*|żaden|nic|nicz\p{L}*|nikt|nikog\p{L}*|nikomu|całkowicie|zupełnie|absolutnie|musi\p{L}*)$/u,
    phrases: /\bna pewno\b|bez względu na/u,
  },
};

function hasAbsolute(label: string, locale: string): boolean {
  const lists = ABSOLUTES[locale] ?? ABSOLUTES['en-GB'];
  if (!lists) return false;
  const lower = label.toLowerCase();
  return lists.phrases.test(lower) || words(lower).some((w) => lists.words.test(w));
}

/** A true/false prompt without its "True or false?" lead-in: the statement being judged. */
const TRUE_FALSE_LEAD = /^\s*(true or false\??|prawda czy fałsz\??)\s*/iu;

function absoluteRule(sets: ChoiceSet[], structure: ModuleStructure, text: ModuleText, locale: string): ShapeRule {
  // A trial is one option using an absolute word; a hit is that option being wrong (or risky).
  const trials: Trial[] = [];
  for (const set of sets) {
    const wrongShare = 1 - chanceOf(set);
    for (const o of set.options) if (hasAbsolute(o.label, locale)) trials.push({ id: `${set.id}/${o.id}`, hit: !o.marked, chance: wrongShare });
  }
  for (const item of structure.items) {
    if (item.kind !== 'truefalse') continue;
    const statement = (text.items[item.id]?.prompt ?? '').replace(TRUE_FALSE_LEAD, '');
    const isFalse = item.options.some((o) => o.id === 'false' && o.correct);
    if (hasAbsolute(statement, locale)) trials.push({ id: item.id, hit: isFalse, chance: 0.5 });
  }
  const name = 'options with absolute words that are wrong';
  const hits = trials.filter((t) => t.hit).length;
  const expected = trials.reduce((s, t) => s + t.chance, 0);
  const gap = trials.length > 0 ? (hits - expected) / trials.length : 0;
  const judged = trials.length >= MIN_TRIALS;
  const breaches =
    judged && Math.abs(gap) > WORDING_MARGIN + 1e-9
      ? [
          {
            id: name,
            message: `${hits} of the ${trials.length} options or statements with an absolute word (always, never, only, all…) are wrong, against ${expected.toFixed(1)} by chance; reword some (${trials.map((t) => t.id).join(', ')}).`,
          },
        ]
      : [];
  return { name, figure: `${hits} of ${trials.length} (chance ${expected.toFixed(1)}${judged ? '' : ', too few to judge'})`, breaches };
}

const STOP_WORDS: Record<string, Set<string>> = {
  'en-GB': new Set(
    'about after again also been before being both could does doing down each from have having here into just like more most much over same should some such than that their them then there these they this those through under until very what when where which while will with would your yours yourself says said really thing things'.split(' '),
  ),
  pl: new Set(
    'albo ale będzie bardzo bo być byłby była było chce czy czyli dla dlatego gdy gdzie ich jak jakby jest jeśli jego jej jeszcze już każdy kiedy który która które których mnie może można nawet nich niej nie niż oraz ponieważ przez przy również się sobie swoje tak także tam tego tej temu też tobą tobie tylko tych tym wiesz więc właśnie wszystko żeby'.split(' '),
  ),
};

function keyStems(textValue: string, locale: string): Set<string> {
  const stop = STOP_WORDS[locale] ?? new Set<string>();
  return new Set(
    words(textValue.toLowerCase())
      .filter((w) => w.length >= 4 && !stop.has(w))
      .map((w) => w.slice(0, 5)),
  );
}

function echoRule(structure: ModuleStructure, text: ModuleText, locale: string): ShapeRule {
  const trials: Trial[] = [];
  for (const item of structure.items) {
    if (item.kind !== 'single' && item.kind !== 'multiple') continue;
    const t = text.items[item.id];
    if (!t) continue;
    const prompt = keyStems(t.prompt, locale);
    const rightShare = item.options.filter((o) => o.correct).length / item.options.length;
    for (const o of item.options) {
      const shared = [...keyStems(t.options[o.id]?.label ?? '', locale)].filter((s) => prompt.has(s)).length;
      if (shared >= 2) trials.push({ id: `${item.id}/${o.id}`, hit: o.correct, chance: rightShare });
    }
  }
  return shareRule('options echoing the prompt that are right', trials, WORDING_MARGIN, (hits, limit) =>
    `${hits} options that repeat the prompt's key words are right; chance allows at most ${limit.toFixed(1)}. Reword some (${trials.map((t) => t.id).join(', ')}).`,
  );
}

const ALL_OF_ABOVE = /\b(all|none|both|neither) of (the )?(above|these|them)\b|\b(wszystkie|żadne|żadna|żaden|oba|obie) (z )?(powyższych|powyższe|tych|nich)\b/iu;

function aboveRule(sets: ChoiceSet[]): ShapeRule {
  const found = sets.flatMap((s) => s.options.filter((o) => ALL_OF_ABOVE.test(o.label)).map((o) => `${s.id}/${o.id}`));
  const name = '"all/none of the above" options';
  return {
    name,
    figure: String(found.length),
    breaches: found.map((id) => ({ id, message: `Option "${id}" refers to the other options ("all of the above" or similar); each option must stand alone, since options are shuffled.` })),
  };
}

function guessStartRule(structure: ModuleStructure): ShapeRule {
  const found: { id: string; message: string }[] = [];
  for (const fact of structure.facts) {
    const g = fact.guess;
    // A range or start the slider cannot show is reported by the structure check; judge the rest.
    if (g.kind !== 'number' || g.min >= g.max || g.start < g.min || g.start > g.max) continue;
    const third = (g.max - g.min) / 3;
    if (g.start === g.answer) {
      found.push({ id: fact.id, message: `The number guess for fact ${fact.id} starts on the answer (${g.answer}); start it elsewhere, near the middle of the range.` });
    } else if (g.start < g.min + third - 1e-9 || g.start > g.max - third + 1e-9) {
      found.push({ id: fact.id, message: `The number guess for fact ${fact.id} starts at ${g.start}, outside the middle third of ${g.min}–${g.max}; a slider resting at one end pulls guesses towards it.` });
    }
  }
  const numbers = structure.facts.filter((f) => f.guess.kind === 'number').length;
  return { name: 'number guesses starting at a neutral point', figure: `${numbers - found.length} of ${numbers}`, breaches: found };
}

const VERDICT_OPENING = /^\s*(right|correct|yes|yep|wrong|no|nope|true|false|exactly|spot on|well done|dobrze|tak|zgadza się|prawda|fałsz|nie|brawo|dokładnie|słusznie|właśnie)\s*[.!,:;—–-]/iu;

function verdictRule(structure: ModuleStructure, text: ModuleText): ShapeRule {
  const found: string[] = [];
  for (const item of structure.items) {
    const t = text.items[item.id];
    if (!t) continue;
    if (VERDICT_OPENING.test(t.explanation)) found.push(item.id);
    for (const [id, o] of Object.entries(t.options)) {
      if ('explanation' in o && VERDICT_OPENING.test(o.explanation)) found.push(`${item.id}/${id}`);
    }
  }
  const name = 'feedback opening with a verdict ("Right.", "False.")';
  return {
    name,
    figure: String(found.length),
    breaches: found.map((id) => ({
      id,
      message: `The explanation of "${id}" opens with a verdict word; the screen already says right or wrong, so start with the reason.`,
    })),
  };
}

/**
 * Words on an item's feedback screen (the prompt stays at the top), averaged over the answers a
 * student can give: for single and true/false items, each option chosen (a wrong one also shows
 * the right option with its explanation); for choose-all, every option once (chosen or missed);
 * for ordering, the right and the wrong order alike. Then averaged over items.
 */
export function feedbackWords(item: Item, text: ModuleText): number {
  const t = text.items[item.id];
  if (!t) return 0;
  const optionWords = (id: string): number => {
    const o = t.options[id];
    if (!o) return 0;
    return wordCount(o.label) + ('explanation' in o ? wordCount(o.explanation) : 0);
  };
  const base = wordCount(t.prompt) + wordCount(t.explanation);
  if (item.kind === 'ordering') {
    const labels = item.options.reduce((s, o) => s + wordCount(t.options[o.id]?.label ?? ''), 0);
    return base + labels + wordCount(t.wrongOrder ?? '') / 2;
  }
  if (item.kind === 'multiple') return base + item.options.reduce((s, o) => s + optionWords(o.id), 0);
  const right = item.options.find((o) => o.correct);
  const perAnswer = item.options.map((o) => optionWords(o.id) + (o.correct || !right ? 0 : optionWords(right.id)));
  return base + perAnswer.reduce((a, b) => a + b, 0) / perAnswer.length;
}

/** Every string a student reads in the module, for the readability figure (titles included). */
export function studentText(text: ModuleText): string[] {
  const out: string[] = [text.title, text.tagline, text.intro, text.contentNote, text.summary.heading, text.summary.body];
  for (const k of Object.values(text.considerations)) out.push(k.title, k.body);
  for (const f of Object.values(text.facts)) out.push(f.title, f.question, f.answer, f.reveal, f.caveat, ...Object.values(f.options ?? {}));
  for (const i of Object.values(text.items)) {
    out.push(i.prompt, i.explanation, ...(i.wrongOrder ? [i.wrongOrder] : []));
    for (const o of Object.values(i.options)) out.push(o.label, ...('explanation' in o ? [o.explanation] : []));
  }
  for (const a of Object.values(text.attitudeItems)) out.push(a.statement);
  for (const s of Object.values(text.scenarios)) {
    out.push(s.title, s.setup);
    for (const n of Object.values(s.nodes)) out.push(...(n.title ? [n.title] : []), n.text, ...Object.values(n.choices ?? {}));
  }
  for (const p of Object.values(text.plans)) out.push(`If ${p.if}, ${p.then}`);
  return out;
}

export function shapeCues(structure: ModuleStructure, text: ModuleText, locale: string): ShapeReport {
  const sets = choiceSets(structure, text);
  const rules = [
    ...lengthRules(sets),
    ...positionRules(sets),
    trueFalseRule(structure),
    chooseAllRule(structure),
    absoluteRule(sets, structure, text, locale),
    echoRule(structure, text, locale),
    aboveRule(sets),
    guessStartRule(structure),
    verdictRule(structure, text),
  ];
  const judged = structure.items.filter((i) => text.items[i.id]);
  const feedback = judged.length > 0 ? judged.reduce((s, i) => s + feedbackWords(i, text), 0) / judged.length : 0;
  const prompts = judged.length > 0 ? judged.reduce((s, i) => s + wordCount(text.items[i.id]?.prompt ?? ''), 0) / judged.length : 0;
  const report: ShapeReport = { locale, rules, feedbackWords: Math.round(feedback), feedbackOnlyWords: Math.round(feedback - prompts) };
  if (locale.startsWith('en')) {
    const readability = fleschKincaid(studentText(text));
    report.readability = readability;
    if (readability.grade > MAX_GRADE) {
      rules.push({
        name: 'Flesch-Kincaid grade',
        figure: String(readability.grade),
        breaches: [{ id: 'readability', message: `The English text reads at Flesch-Kincaid grade ${readability.grade}; keep it at ${MAX_GRADE} or below (shorter sentences, plainer words).` }],
      });
    }
  }
  return report;
}

/** The content check's entry: reports every shape cue found in one language's text. */
export function checkShapeCues(structure: ModuleStructure, text: ModuleText, locale: string, report: Report): void {
  for (const rule of shapeCues(structure, text, locale).rules) {
    for (const b of rule.breaches) report(b.id, `Shape cue: ${b.message}`);
  }
}

/** The figures as the content check prints them, one line per rule. */
export function describeShapeCues(r: ShapeReport): string[] {
  const lines = r.rules.filter((rule) => rule.name !== 'Flesch-Kincaid grade').map((rule) => `  ${rule.breaches.length > 0 ? '✗' : '✓'} ${rule.name}: ${rule.figure}`);
  lines.push(`  average words on a feedback screen: ${r.feedbackWords} (${r.feedbackOnlyWords} without the question)`);
  if (r.readability) {
    const ok = r.readability.grade <= MAX_GRADE;
    lines.push(`  ${ok ? '✓' : '✗'} Flesch-Kincaid grade: ${r.readability.grade} (limit ${MAX_GRADE}; ${r.readability.words} words, ${r.readability.sentences} sentences)`);
  }
  return [`Shape cues, ${r.locale}:`, ...lines];
}
