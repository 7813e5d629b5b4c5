/**
 * A content problem as the officer editing the JSON sees it, and the turning of zod's schema
 * issues into plain English. Used by the content check (`check.ts`) and its CLI.
 */
import type { z } from 'zod';

export interface ContentProblem {
  /** The file at fault, e.g. `content/modules/roads-kill/pl.json`. */
  file: string;
  /** The content id at fault (`party-lift/offer`, `F3`, `K5`), or the JSON path of a schema error. */
  id: string;
  /** Plain English, written for an officer editing JSON, not for a developer. */
  message: string;
}

/** The name the module library (lib/content/modules.ts) and the authoring studio use. */
export type Problem = ContentProblem;

/** Reports a problem in one file; each check is handed the reporter for the file it checks. */
export type Report = (id: string, message: string) => void;

export function reporterFor(file: string, problems: ContentProblem[]): Report {
  return (id, message) => problems.push({ file, id, message });
}

/**
 * Parses one file, reporting every schema issue (not just the first) with its JSON path as
 * the id. Returns undefined when the file does not match, so the cross-file checks that
 * need it are skipped rather than fed half-parsed data.
 */
export function parseReporting<T extends z.ZodType>(
  schema: T,
  value: unknown,
  report: Report,
): z.output<T> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) reportIssue(issue, [], value, report);
  return undefined;
}

type IssuePath = readonly PropertyKey[];

function reportIssue(issue: z.core.$ZodIssue, prefix: IssuePath, root: unknown, report: Report): void {
  const where = [...prefix, ...issue.path];
  // A union that failed (an option's text, say) holds one list of issues per branch; the
  // shortest list is the nearest miss, so its issues are the ones worth telling the officer.
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const nearest = issue.errors.reduce((a, b) => (b.length < a.length ? b : a));
    for (const inner of nearest) reportIssue(inner, where, root, report);
    return;
  }
  const id = where.length > 0 ? where.map(String).join('.') : '(root)';
  const context = enclosingContentId(root, where);
  const subject = where.length > 0 ? `"${fieldName(where)}"` : 'The file';
  const sentence = `${subject} ${describeIssue(issue, valueAt(root, where))}.`;
  report(id, context ? `In "${context}": ${sentence}` : sentence);
}

function fieldName(where: IssuePath): string {
  const last = where[where.length - 1];
  return typeof last === 'number' ? `entry ${last + 1} of ${String(where[where.length - 2] ?? 'the list')}` : String(last);
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined
        ? `is missing (it must be ${kindOfValue(issue.expected)})`
        : `must be ${kindOfValue(issue.expected)}, not ${describeValue(value)}`;
    case 'too_small':
      return tooSmall(issue.origin, Number(issue.minimum));
    case 'too_big':
      return `is too long or too large: at most ${Number(issue.maximum)}${issue.origin === 'array' ? ' entries' : ''} allowed`;
    case 'invalid_format':
      return invalidFormat(issue);
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, not ${describeValue(value)}`;
    case 'invalid_union': {
      // A discriminated union (an item's or node's "kind") lists the values it accepts.
      const options = 'options' in issue ? (issue.options ?? []) : [];
      return options.length > 0
        ? `must be one of ${options.map((v) => JSON.stringify(v)).join(', ')}, not ${describeValue(value)}`
        : `does not match any of the allowed shapes (${issue.message})`;
    }
    default:
      return `is not allowed here (${issue.message})`;
  }
}

function tooSmall(origin: string, minimum: number): string {
  if (origin === 'string') return 'must not be empty';
  if (origin === 'array') return `needs at least ${minimum} ${minimum === 1 ? 'entry' : 'entries'}`;
  return `must be at least ${minimum}`;
}

function invalidFormat(issue: z.core.$ZodIssueInvalidStringFormat): string {
  if (issue.format === 'url') return 'must be a full web address, starting with https://';
  if (issue.format === 'date') return 'must be a real date written YYYY-MM-DD, e.g. "2027-01-31"';
  // The id regex carries its own plain message in the schema.
  if (issue.format === 'regex') return `is not allowed: ${issue.message}`;
  return `is not a valid ${issue.format}`;
}

function kindOfValue(expected: string): string {
  const names: Record<string, string> = {
    string: 'text in quotes',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    object: 'an object { ... }',
    record: 'an object { ... }',
    array: 'a list [ ... ]',
  };
  return names[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value);
}

function valueAt(root: unknown, where: IssuePath): unknown {
  let value: unknown = root;
  for (const key of where) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The `id` of the innermost object on the path (an item, a source), so `items.3` gets a name. */
function enclosingContentId(root: unknown, where: IssuePath): string | undefined {
  let found: string | undefined;
  let value: unknown = root;
  for (const key of where.slice(0, -1)) {
    if (value === null || typeof value !== 'object') break;
    value = (value as Record<PropertyKey, unknown>)[key];
    const id = value !== null && typeof value === 'object' ? (value as Record<string, unknown>).id : undefined;
    if (typeof id === 'string') found = id;
  }
  return found;
}
