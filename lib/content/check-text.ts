/**
 * Translation checks: every id in the structure has its text in each locale file, no locale
 * has text the structure lacks, and the locale files hold the same keys as each other. The
 * schema already makes each entry's own fields (a prompt, a label) present and non-empty;
 * these checks cover what one file cannot know on its own.
 */
import type { Report } from './problems';
import {
  type Fact,
  type Item,
  type ModuleStructure,
  type ModuleText,
  type Scenario,
} from './schema';

/**
 * Dotted paths in the text files (`items.q-seat.options.a`) already reported as missing or
 * extra, so the comparison of locales does not say the same thing again.
 */
export type ReportedPaths = Set<string>;

export interface TextScope {
  report: Report;
  reported: ReportedPaths;
}

interface KeyedRecord {
  /** Where the record is in the text file, e.g. `items.q-seat.options`. */
  path: string;
  record: Record<string, unknown> | undefined;
  /** Each id the structure has, with how a message names it (`option "a" of item "q1"`). */
  expected: Map<string, string>;
  /** Prefix of the content id reported, e.g. `q1` for the options of item q1. */
  parentId?: string;
  /** What the record's keys are, for a key the structure lacks (`option of item "q1"`). */
  kind: string;
}

const contentId = (parentId: string | undefined, id: string): string => (parentId ? `${parentId}/${id}` : id);

/** Reports ids the structure has that the record lacks, and keys the record has that the structure lacks. */
export function compareKeys(scope: TextScope, keyed: KeyedRecord): void {
  const record = keyed.record ?? {};
  for (const [id, what] of keyed.expected) {
    if (Object.hasOwn(record, id)) continue;
    scope.reported.add(`${keyed.path}.${id}`);
    scope.report(contentId(keyed.parentId, id), `Missing translation: no text for ${what}. Add "${id}" under ${keyed.path}.`);
  }
  for (const key of Object.keys(record)) {
    if (keyed.expected.has(key)) continue;
    scope.reported.add(`${keyed.path}.${key}`);
    scope.report(
      contentId(keyed.parentId, key),
      `Extra text: ${keyed.path} has "${key}", but structure.json has no ${keyed.kind} with that id. Remove it, or correct the id if it is misspelt.`,
    );
  }
}

export function namedIds(ids: readonly string[], name: (id: string) => string): Map<string, string> {
  return new Map(ids.map((id) => [id, name(id)]));
}

/** `keyPoints`: the module's key points, as the default locale's file declares them (check.ts, learningPointsOf). */
export function checkTranslations(structure: ModuleStructure, text: ModuleText, scope: TextScope, keyPoints: readonly string[]): void {
  compareKeys(scope, {
    path: 'considerations',
    record: text.considerations,
    expected: namedIds(keyPoints, (id) => `key consideration ${id}`),
    kind: 'key consideration',
  });
  compareKeys(scope, {
    path: 'misconceptions',
    record: text.misconceptions,
    expected: namedIds(structure.misconceptions.map((m) => m.id), (id) => `misconception "${id}"`),
    kind: 'misconception',
  });
  compareKeys(scope, {
    path: 'attitudeItems',
    record: text.attitudeItems,
    expected: namedIds(structure.attitudeItems.map((a) => a.id), (id) => `attitude item "${id}"`),
    kind: 'attitude item',
  });
  compareKeys(scope, {
    path: 'plans',
    record: text.plans,
    expected: namedIds(structure.plans.map((p) => p.id), (id) => `plan "${id}"`),
    kind: 'plan',
  });
  checkFactText(structure.facts, text, scope);
  checkItemText(structure.items, text, scope);
  checkScenarioText(structure.scenarios, text, scope);
}

function checkFactText(facts: Fact[], text: ModuleText, scope: TextScope): void {
  compareKeys(scope, {
    path: 'facts',
    record: text.facts,
    expected: namedIds(facts.map((f) => f.id), (id) => `fact ${id}`),
    kind: 'fact',
  });
  for (const fact of facts) {
    const factText = text.facts[fact.id];
    if (!factText) continue;
    // A number guess has no options, so any option text there is extra.
    const optionIds = fact.guess.kind === 'choice' ? fact.guess.options.map((o) => o.id) : [];
    compareKeys(scope, {
      path: `facts.${fact.id}.options`,
      record: factText.options,
      expected: namedIds(optionIds, (id) => `option "${id}" of the guess for fact ${fact.id}`),
      parentId: fact.id,
      kind: `guess option for fact ${fact.id}`,
    });
  }
}

function checkItemText(items: Item[], text: ModuleText, scope: TextScope): void {
  compareKeys(scope, {
    path: 'items',
    record: text.items,
    expected: namedIds(items.map((i) => i.id), (id) => `item "${id}"`),
    kind: 'quiz item',
  });
  for (const item of items) {
    const itemText = text.items[item.id];
    if (!itemText) continue;
    compareKeys(scope, {
      path: `items.${item.id}.options`,
      record: itemText.options,
      expected: namedIds(item.options.map((o) => o.id), (id) => `option "${id}" of item "${item.id}"`),
      parentId: item.id,
      kind: `option of item "${item.id}"`,
    });
    if (item.kind === 'ordering') {
      if (itemText.wrongOrder === undefined) {
        scope.reported.add(`items.${item.id}.wrongOrder`);
        scope.report(item.id, `Missing translation: ordering item "${item.id}" has no "wrongOrder" text to show when the order is wrong.`);
      }
      continue;
    }
    // A wrong answer must be explained, or the student learns nothing from getting it wrong.
    for (const option of item.options.filter((o) => !o.correct)) {
      const optionText = itemText.options[option.id];
      if (optionText && !('explanation' in optionText)) {
        scope.reported.add(`items.${item.id}.options.${option.id}.explanation`);
        scope.report(
          `${item.id}/${option.id}`,
          `Missing translation: wrong option "${option.id}" of item "${item.id}" has no "explanation" saying why it is wrong.`,
        );
      }
    }
  }
}

function checkScenarioText(scenarios: Scenario[], text: ModuleText, scope: TextScope): void {
  compareKeys(scope, {
    path: 'scenarios',
    record: text.scenarios,
    expected: namedIds(scenarios.map((s) => s.id), (id) => `scenario "${id}"`),
    kind: 'scenario',
  });
  for (const scenario of scenarios) {
    const scenarioText = text.scenarios[scenario.id];
    if (!scenarioText) continue;
    compareKeys(scope, {
      path: `scenarios.${scenario.id}.nodes`,
      record: scenarioText.nodes,
      expected: namedIds(scenario.nodes.map((n) => n.id), (id) => `node "${id}" of scenario "${scenario.id}"`),
      parentId: scenario.id,
      kind: `node of scenario "${scenario.id}"`,
    });
    for (const node of scenario.nodes) {
      const nodeText = scenarioText.nodes[node.id];
      if (!nodeText) continue;
      const nodeId = `${scenario.id}/${node.id}`;
      compareKeys(scope, {
        path: `scenarios.${scenario.id}.nodes.${node.id}.choices`,
        record: nodeText.choices,
        expected: namedIds(node.kind === 'decision' ? node.choices.map((c) => c.id) : [], (id) => `choice "${id}" of node "${nodeId}"`),
        parentId: nodeId,
        kind: `choice of node "${nodeId}"`,
      });
      if (node.kind === 'ending' && nodeText.title === undefined) {
        scope.reported.add(`scenarios.${scenario.id}.nodes.${node.id}.title`);
        scope.report(nodeId, `Missing translation: ending "${nodeId}" has no "title" (the outcome's heading).`);
      }
    }
  }
}

/**
 * Reports text one locale has and another lacks (a fact's `unit`, say), which the checks
 * above do not ask for but which would make one language show less than the other.
 */
export function checkLocalesAgree(locales: { locale: string; text: unknown; report: Report }[], reported: ReportedPaths): void {
  const keysByLocale = locales.map(({ locale, text, report }) => ({ locale, report, keys: leafPaths(text, '') }));
  for (const lacking of keysByLocale) {
    const told = new Set<string>();
    for (const having of keysByLocale) {
      for (const key of having.keys) {
        if (lacking.keys.has(key) || told.has(key) || isCovered(key, reported)) continue;
        told.add(key);
        lacking.report(
          contentIdOfTextPath(key),
          `Missing key: ${having.locale}.json has text at ${key}, but this file does not. Translate it here, or remove it from ${having.locale}.json.`,
        );
      }
    }
  }
}

function leafPaths(value: unknown, prefix: string, into = new Set<string>()): Set<string> {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) leafPaths(child, prefix ? `${prefix}.${key}` : key, into);
  } else if (prefix) {
    into.add(prefix);
  }
  return into;
}

function isCovered(key: string, reported: ReportedPaths): boolean {
  const parts = key.split('.');
  return parts.some((_, i) => reported.has(parts.slice(0, i + 1).join('.')));
}

/** `items.q1.options.a.explanation` → `q1/a`: the ids sit between the section and field names. */
function contentIdOfTextPath(key: string): string {
  const parts = key.split('.');
  const ids = parts.filter((_, i) => i % 2 === 1);
  return parts.length > 2 ? ids.join('/') : key;
}
