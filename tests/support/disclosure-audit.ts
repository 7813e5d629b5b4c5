/**
 * An auditor of officers' results, written apart from the code that discloses them, so that a
 * property test can check that code rather than repeat it. It reads only what a reader of the
 * page or the CSV has (the disclosed figures) and the structure of the results (which figures
 * are parts of which), and lists every way it finds to learn a count from 1 to k−1:
 * - a count shown directly, or not rounded as the policy says;
 * - a difference: a shown total minus a shown part of it;
 * - a sum: a shown total (or one worked out from cells all shown) minus the shown cells of a
 *   table whose cells add up to it, leaving a small group alone.
 */
import type { DisclosedFigure, DisclosurePolicy } from '@/lib/domain/disclosure';
import type { DisclosedMeasure, DisclosedOfficerResults, DisclosedPart } from '@/lib/domain/officer-disclosure';
import type { DisclosedPositionQuality } from '@/lib/domain/position-quality';

const shown = (figure: DisclosedFigure | undefined): number | null => (figure?.kind === 'count' ? figure.value : null);

/** Every count as shown: none from 1 to k − 1, each rounded, "fewer than" with the policy's k. */
function walkCounts(root: unknown, rootPath: string, policy: DisclosurePolicy, problems: string[]): void {
  const small = (n: number) => n >= 1 && n < policy.k;
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}[${i}]`));
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (record.kind === 'count' && typeof record.value === 'number') {
      if (small(record.value)) problems.push(`${path}: a count of ${record.value} is shown`);
      if (record.value % policy.roundTo !== 0) problems.push(`${path}: ${record.value} is not rounded to ${policy.roundTo}`);
    }
    if (record.kind === 'fewer-than' && record.k !== policy.k) problems.push(`${path}: "fewer than ${String(record.k)}"`);
    for (const [key, v] of Object.entries(record)) if (key !== 'policy') walk(v, `${path}.${key}`);
  };
  walk(root, rootPath);
}

export function auditOfficerResults(results: DisclosedOfficerResults, policy: DisclosurePolicy): string[] {
  const problems: string[] = [];
  const small = (n: number) => n >= 1 && n < policy.k;
  walkCounts(results, 'results', policy, problems);

  const difference = (path: string, total: DisclosedFigure | undefined, part: DisclosedFigure | undefined) => {
    const t = shown(total);
    const p = shown(part);
    if (t !== null && p !== null && small(t - p)) problems.push(`${path}: the difference ${t} − ${p} is shown`);
  };
  /** Cells that add up to a total; the total is known if shown or if every cell is shown. */
  const sum = (path: string, total: DisclosedFigure | undefined, cells: readonly (DisclosedFigure | undefined)[]) => {
    const known = shown(total) ?? (cells.every((c) => shown(c) !== null) ? cells.reduce((s, c) => s + (shown(c) ?? 0), 0) : null);
    if (known === null) return;
    const hidden = cells.filter((c) => shown(c) === null);
    if (hidden.length === 0) return;
    const rest = known - cells.reduce((s, c) => s + (shown(c) ?? 0), 0);
    if (hidden.length === 1 && hidden[0]?.kind === 'fewer-than') problems.push(`${path}: one small cell is the total minus the rest (${rest})`);
    if (hidden.every((c) => c?.kind === 'fewer-than') && small(rest)) problems.push(`${path}: the small cells add up to ${rest}`);
  };
  const part = (path: string, p: DisclosedPart) => difference(path, p.total, p.count);
  const measure = (path: string, m: DisclosedMeasure) => {
    difference(`${path} before`, m.nBefore, m.nMatched);
    difference(`${path} after`, m.nAfter, m.nMatched);
  };
  /** The cell left when a part is taken from its total, if both are shown. */
  const rest = (total: DisclosedFigure | undefined, count: DisclosedFigure | undefined): DisclosedFigure => {
    const t = shown(total);
    const c = shown(count);
    return t !== null && c !== null ? { kind: 'count', value: t - c } : { kind: 'withheld' };
  };

  const { headline } = results;
  difference('headline students/started', headline.students, headline.started);
  difference('headline started/finished', headline.started, headline.finished);
  difference('headline students/finished', headline.students, headline.finished);
  results.topics.forEach((topic) => Object.entries(topic.waves).forEach(([wave, p]) => part(`topic ${topic.id} ${wave}`, p)));
  results.misconceptions.forEach((m) => Object.entries(m.waves).forEach(([wave, p]) => part(`misconception ${m.misconceptionId} ${wave}`, p)));
  results.confidentErrors.forEach((c) => part(`confident errors ${c.itemId}`, c.confident));
  measure('change knowledge', results.change.knowledge);
  results.change.constructs.forEach((c) => measure(`change ${c.construct}`, c));
  if (results.followUp) {
    difference('follow-up students/paired', results.followUp.students, results.followUp.paired);
    measure('follow-up retrieval', results.followUp.retrieval);
    measure('follow-up intention', results.followUp.intention);
    measure('follow-up intention since after', results.followUp.intentionSinceAfter);
  }
  part('own plans', results.plans.ownPlanWriters);
  for (const scenario of results.scenarios) {
    sum(`endings ${scenario.scenarioId}`, scenario.reachedEnding, scenario.endings.map((e) => e.value));
    for (const decision of scenario.decisions) {
      const path = `decision ${scenario.scenarioId}/${decision.nodeId}`;
      part(path, decision.risky);
      for (const [name, rows] of [
        ['organisations', decision.byOrganisation],
        ['terms', decision.byTerm],
      ] as const) {
        rows.forEach((row) => difference(`${path} ${name} ${row.key}`, row.answered, row.risky));
        sum(`${path} ${name} answered`, decision.risky.total, rows.map((r) => r.answered));
        sum(`${path} ${name} risky`, decision.risky.count, rows.map((r) => r.risky));
        sum(
          `${path} ${name} safe`,
          rest(decision.risky.total, decision.risky.count),
          rows.map((r) => rest(r.answered, r.risky)),
        );
      }
    }
  }
  results.trends.forEach((t) => {
    part(`trend ${t.termId} knowledge`, t.knowledgeAfter);
    part(`trend ${t.termId} risky`, t.riskyChoices);
  });
  sum('trends students', headline.students, results.trends.map((t) => t.students));
  sum('organisations students', headline.students, results.changeByOrganisation.map((o) => o.students));
  sum('organisations knowledge pairs', results.change.knowledge.nMatched, results.changeByOrganisation.map((o) => o.knowledge.nMatched));
  const intention = results.change.constructs.find((c) => c.construct === 'intention');
  if (intention) {
    sum('trends intention pairs', intention.nMatched, results.trends.map((t) => t.intention.nMatched));
    sum('organisations intention pairs', intention.nMatched, results.changeByOrganisation.map((o) => o.intention.nMatched));
  }
  return problems;
}

/**
 * The position check of question quality: its counts as above; with one choice per answer the
 * positions' choices add up to the answers, so a lone hidden position is their difference; with
 * choose-all, the answers less a position's choices are those who passed it over. A verdict with
 * a p-value is about every position's group, so it may stand only beside positions all shown.
 */
export function auditPositionQuality(list: readonly DisclosedPositionQuality[], policy: DisclosurePolicy): string[] {
  const problems: string[] = [];
  const small = (n: number) => n >= 1 && n < policy.k;
  walkCounts(list, 'positions', policy, problems);
  for (const q of list) {
    const path = `position ${q.contentVersion} ${q.phase}:${q.itemId}`;
    const total = shown(q.answers);
    const cells = q.chosen.map(shown);
    if (q.choice === 'one') {
      const known = total ?? (cells.every((c) => c !== null) ? cells.reduce<number>((a, c) => a + (c ?? 0), 0) : null);
      const hidden = q.chosen.filter((c) => shown(c) === null);
      const rest = known === null ? null : known - cells.reduce<number>((a, c) => a + (c ?? 0), 0);
      if (rest !== null && hidden.length === 1 && hidden[0]?.kind === 'fewer-than') problems.push(`${path}: one small position is the total minus the rest (${rest})`);
      if (rest !== null && hidden.length > 0 && hidden.every((c) => c.kind === 'fewer-than') && small(rest)) problems.push(`${path}: the small positions add up to ${rest}`);
    } else if (total !== null) {
      cells.forEach((c, p) => c !== null && small(total - c) && problems.push(`${path}: ${total} − ${c} passed over position ${p + 1}`));
    }
    const tested = q.verdict.kind === 'no-sign' || q.verdict.kind === 'position-matters';
    if (tested && !q.chosen.every((c) => c.kind === 'count')) problems.push(`${path}: a p-value beside a position not shown`);
  }
  return problems;
}
