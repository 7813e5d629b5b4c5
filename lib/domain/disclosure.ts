/**
 * Disclosure control, in one place (DESIGN.md, "Privacy by design"): every count, total, share
 * and mean that leaves the server in a report passes through here first.
 *
 * - A count from 1 to k−1 is shown as "fewer than k"; zero is shown in a teacher's class view,
 *   and hidden with the small counts in exports and officers' views (`hideZero`).
 * - A total is withheld when, with the cells shown beside it, it would let a reader work out a
 *   suppressed cell (the "complementary suppression" of statistical disclosure control); and
 *   in tables about the same people (a scenario's decisions and endings), a withheld total is
 *   not given away by a cell of another table either.
 * - Exports (and officers' views) also round every shown count to the nearest 5, and their
 *   shares and means are worked out so that they never tell more than the rounded counts.
 *
 * Pure: no I/O, no English. The UI turns the values below into words with next-intl
 * (`disclosureMessage`), the CSV writer with the labels it is handed.
 */

/** The least k each view may use; configuration may raise these, never lower them. */
export const MINIMUM_CLASS_VIEW_K = 5;
export const MINIMUM_EXPORT_K = 10;
/** Exports round every shown count to a multiple of this. */
export const EXPORT_ROUNDING = 5;

export type DisclosurePolicyName = 'classView' | 'export';

export interface DisclosurePolicy {
  readonly name: DisclosurePolicyName;
  /** Counts from 1 to k−1 are suppressed; k = 1 suppresses nothing. */
  readonly k: number;
  /** Shown counts are rounded to the nearest multiple of this; 1 shows them exactly. */
  readonly roundTo: number;
  /**
   * Zero is shown as "fewer than k" too. In exports and officers' views a 0 about a small
   * selection says what everyone in it did ("Blue lights: 0" of a class of 8), and beside
   * perturbed counts (cell-key.ts) it would read as exact when it is not.
   */
  readonly hideZero: boolean;
}

export interface DisclosurePolicies {
  /**
   * A teacher's own class, for every kind of item: knowledge as much as attitudes, story choices
   * and plans (a misconception is as personal as an attitude). Live tallies also follow the
   * release rules in live-release.ts.
   */
  readonly classView: DisclosurePolicy;
  /** Every export (CSV) and every officer view. */
  readonly export: DisclosurePolicy;
}

export interface DisclosureConfig {
  classK?: number;
  exportK?: number;
}

/** A configured k, never below the minimum; a value that isn't a number is ignored. */
function raisedK(configured: number | undefined, minimum: number): number {
  if (configured === undefined || !Number.isFinite(configured)) return minimum;
  return Math.max(minimum, Math.ceil(configured));
}

/**
 * The policies, with thresholds raised by configuration where it asks for more. A value below
 * the minimum is clamped up rather than refused: a stricter setting elsewhere in the config
 * should not stop reports, and a laxer one must simply have no effect.
 *
 * An export's k is also rounded up to a multiple of the rounding base, so that a rounded count
 * can never show as a number below k (k = 12 would otherwise show 12 as "10").
 */
export function disclosurePolicies(config: DisclosureConfig = {}): DisclosurePolicies {
  const exportK = raisedK(config.exportK, MINIMUM_EXPORT_K);
  return {
    classView: { name: 'classView', k: raisedK(config.classK, MINIMUM_CLASS_VIEW_K), roundTo: 1, hideZero: false },
    export: { name: 'export', k: Math.ceil(exportK / EXPORT_ROUNDING) * EXPORT_ROUNDING, roundTo: EXPORT_ROUNDING, hideZero: true },
  };
}

/** A count as it may be shown: the (perhaps rounded) number, or "fewer than k". */
export type DisclosedCount = { kind: 'count'; value: number } | { kind: 'fewer-than'; k: number };

/**
 * A count, or withheld altogether: a total that would give a suppressed cell away, or a cell
 * that would give away a total withheld elsewhere (`discloseLinkedTables`).
 */
export type DisclosedFigure = DisclosedCount | { kind: 'withheld' };

/** A share (0 to 1), shown only when both its numerator and its denominator are shown. */
export type DisclosedShare = { kind: 'share'; value: number } | { kind: 'withheld' };

/**
 * A mean, shown only when it is over at least k people; `none` when nobody answered; `withheld`
 * beside a group size withheld by complementary suppression.
 */
export type DisclosedMean = { kind: 'mean'; value: number } | { kind: 'fewer-than'; k: number } | { kind: 'none' } | { kind: 'withheld' };

export type DisclosedValue = DisclosedFigure | DisclosedShare | DisclosedMean;

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`a count must be a whole number ≥ 0, not ${n}`);
}

/** Half-up rounding to the policy's base. Counts ≥ k stay ≥ k, since k is a multiple of it. */
function rounded(n: number, policy: DisclosurePolicy): number {
  return Math.round(n / policy.roundTo) * policy.roundTo;
}

export function discloseCount(n: number, policy: DisclosurePolicy): DisclosedCount {
  assertCount(n);
  if ((n > 0 || policy.hideZero) && n < policy.k) return { kind: 'fewer-than', k: policy.k };
  return { kind: 'count', value: rounded(n, policy) };
}

/** The number shown, or null when a value is suppressed or withheld. */
export function shownNumber(value: DisclosedValue): number | null {
  return value.kind === 'count' || value.kind === 'share' || value.kind === 'mean' ? value.value : null;
}

export interface CountCell<Key> {
  key: Key;
  count: number;
}

export interface DisclosedCell<Key> {
  key: Key;
  value: DisclosedFigure;
}

export interface DisclosedDistribution<Key> {
  cells: DisclosedCell<Key>[];
  total: DisclosedFigure;
}

export interface DistributionOptions {
  /**
   * True when each person is in exactly one cell, so the cells add up to the total (a single
   * choice, correct or not, the ending reached). False when a person may be in several or in
   * none (options of a multiple-choice item, plans picked): the total is then the number who
   * answered, and cells are suppressed one by one.
   */
  additive: boolean;
  /** Indexes of cells to withhold whatever their count (see `discloseLinkedTables`). */
  withhold?: ReadonlySet<number>;
}

/**
 * Whether a total may be shown beside an additive distribution's cells. The reader can take
 * the shown cells from the total and learn R, the sum of the hidden ones: `small` cells shown
 * as "fewer than k" (each 1 to k−1) and `withheld` ones (each k or more, or they would have
 * been "fewer than k"). The total is shown only when that leaves every hidden cell at least
 * two possible values and the small cells no small sum:
 * - only small cells: R ≥ k, so together they are not a small group (this rules out one
 *   small cell, which would be R itself), and small < R < small × (k−1), since R = small
 *   means every one is 1 and R = small × (k−1) every one k−1;
 * - some withheld cells: at least two hidden cells (one alone would be R), and
 *   R ≥ small + withheld × k + 1, one more than the least R could be.
 * R uses the values as shown (rounded in exports), since those are all a reader has; with
 * rounding, an R outside these bounds would also tell the reader the rounding's error.
 */
function totalMayBeShown(residual: number, small: number, withheld: number, k: number): boolean {
  if (withheld > 0) return small + withheld >= 2 && residual >= small + withheld * k + 1;
  return residual >= k && residual > small && residual < small * (k - 1);
}

export function discloseDistribution<Key>(
  cells: readonly CountCell<Key>[],
  total: number,
  policy: DisclosurePolicy,
  { additive, withhold }: DistributionOptions,
): DisclosedDistribution<Key> {
  assertCount(total);
  const disclosed = cells.map(
    (cell, index): DisclosedCell<Key> => ({
      key: cell.key,
      value: withhold?.has(index) && cell.count >= policy.k ? { kind: 'withheld' } : discloseCount(cell.count, policy),
    }),
  );
  const shownTotal = discloseCount(total, policy);
  if (!additive) {
    const largest = Math.max(0, ...cells.map((c) => c.count));
    if (largest > total) throw new RangeError(`a cell (${largest}) is larger than the number who answered (${total})`);
    return { cells: disclosed, total: shownTotal };
  }
  const sum = cells.reduce((acc, cell) => acc + cell.count, 0);
  if (sum !== total) throw new RangeError(`additive cells add up to ${sum}, not to the total ${total}`);

  const small = disclosed.filter((cell) => cell.value.kind === 'fewer-than').length;
  const withheld = disclosed.filter((cell) => cell.value.kind === 'withheld').length;
  if (small + withheld === 0 || shownTotal.kind !== 'count') return { cells: disclosed, total: shownTotal };
  const shownSum = disclosed.reduce((acc, cell) => acc + (cell.value.kind === 'count' ? cell.value.value : 0), 0);
  const residual = shownTotal.value - shownSum;
  return {
    cells: disclosed,
    total: totalMayBeShown(residual, small, withheld, policy.k) ? shownTotal : { kind: 'withheld' },
  };
}

export interface LinkedTable<Key> {
  cells: readonly CountCell<Key>[];
  total: number;
  additive: boolean;
}

/**
 * Tables about the same people, disclosed together. In a scenario, the students at a later
 * decision are those who took the choice leading to it, and the students at an ending those
 * who took the last choice: a total withheld in one table is a cell shown in another. So when
 * a total is withheld, every shown cell or total in the group with the same exact count is
 * withheld too (it may count the same people), and the tables are disclosed again, until
 * nothing changes. Equal counts that only happen to be equal are withheld as well: that costs
 * a figure, never privacy.
 */
export function discloseLinkedTables<Key>(
  tables: readonly LinkedTable<Key>[],
  policy: DisclosurePolicy,
): DisclosedDistribution<Key>[] {
  const forcedCells = tables.map(() => new Set<number>());
  const forcedTotals = new Set<number>();
  for (;;) {
    const results = tables.map((table, t) => {
      const result = discloseDistribution(table.cells, table.total, policy, {
        additive: table.additive,
        withhold: forcedCells[t],
      });
      return forcedTotals.has(t) ? { ...result, total: { kind: 'withheld' } as const } : result;
    });
    const withheldTotals = new Set(
      tables.filter((_, t) => results[t]?.total.kind === 'withheld').map((table) => table.total),
    );
    let changed = false;
    tables.forEach((table, t) => {
      table.cells.forEach((cell, c) => {
        const shown = results[t]?.cells[c]?.value;
        if (shown?.kind === 'count' && cell.count > 0 && withheldTotals.has(cell.count) && !forcedCells[t]?.has(c)) {
          forcedCells[t]?.add(c);
          changed = true;
        }
      });
      if (results[t]?.total.kind === 'count' && table.total > 0 && withheldTotals.has(table.total)) {
        forcedTotals.add(t);
        changed = true;
      }
      // A withheld total of an additive table is the sum of its cells: while fewer than two of
      // them are hidden, the shown ones add up to it (or leave one hidden cell to be worked out).
      if (forcedTotals.has(t) && table.additive) {
        const hidden = () => (results[t]?.cells ?? []).filter((cell, c) => cell.value.kind !== 'count' || forcedCells[t]?.has(c)).length;
        const shown = table.cells
          .map((cell, c) => ({ c, count: cell.count }))
          .filter(({ c, count }) => count > 0 && results[t]?.cells[c]?.value.kind === 'count' && !forcedCells[t]?.has(c))
          .sort((a, b) => a.count - b.count);
        for (const { c } of shown) {
          if (hidden() >= 2) break;
          forcedCells[t]?.add(c);
          changed = true;
        }
      }
    });
    if (!changed) return results;
  }
}

export interface CrossTableRow<Key> {
  key: Key;
  /** One count per column; each person is in one cell of the table. */
  cells: readonly number[];
}

export interface DisclosedCrossTable<Key> {
  rows: { key: Key; cells: DisclosedFigure[]; total: DisclosedFigure }[];
  columnTotals: DisclosedFigure[];
  total: DisclosedFigure;
}

/**
 * A two-way table with its margins (rows: organisations or terms; columns: e.g. risky or not),
 * disclosed so that its totals stay shown where they can: they are the same figures other
 * tables show (the whole county's count at a decision), so withholding one here would not
 * hide it. Instead, cells are withheld: every line of the table (each row with its total,
 * each column with its total, the row totals with the grand total, the column totals with it)
 * must pass the rule `discloseDistribution` uses for a total, and while one fails, its smallest
 * shown cell is withheld too (complementary suppression). A line with no cell left to withhold
 * has its total withheld instead, which is a cell of a margin line, checked in turn.
 */
export interface CrossTableOptions {
  /**
   * Margins already withheld elsewhere (another breakdown of the same figures): they start
   * withheld here, and each line with a withheld total keeps at least one cell hidden, so that
   * its shown cells don't add up to it.
   */
  withheldColumnTotals?: ReadonlySet<number>;
  withholdTotal?: boolean;
}

export function discloseCrossTable<Key>(
  rows: readonly CrossTableRow<Key>[],
  columns: number,
  policy: DisclosurePolicy,
  options: CrossTableOptions = {},
): DisclosedCrossTable<Key> {
  for (const row of rows) {
    if (row.cells.length !== columns) throw new RangeError(`a row has ${row.cells.length} cells, not ${columns}`);
    row.cells.forEach(assertCount);
  }
  const exact = rows.map((row) => [...row.cells]);
  const rowSums = exact.map((cells) => cells.reduce((a, b) => a + b, 0));
  const columnSums = Array.from({ length: columns }, (_, c) => exact.reduce((sum, cells) => sum + (cells[c] ?? 0), 0));
  const grand = rowSums.reduce((a, b) => a + b, 0);

  // Every figure in one grid, so lines can share them: rows × columns, then the margins.
  type Slot = { exact: number; shown: DisclosedFigure };
  const slot = (n: number): Slot => ({ exact: n, shown: discloseCount(n, policy) });
  const cells = exact.map((row) => row.map(slot));
  const rowTotals = rowSums.map(slot);
  const columnTotals = columnSums.map(slot);
  const total = slot(grand);
  const withhold = (s: Slot) => {
    if (s.shown.kind === 'count' && s.exact > 0) s.shown = { kind: 'withheld' };
  };
  columnTotals.forEach((c, i) => options.withheldColumnTotals?.has(i) && withhold(c));
  if (options.withholdTotal) withhold(total);
  const lines: { cells: Slot[]; total: Slot }[] = [
    ...cells.map((row, r) => ({ cells: row, total: rowTotals[r] as Slot })),
    ...columnTotals.map((columnTotal, c) => ({ cells: cells.map((row) => row[c] as Slot), total: columnTotal })),
    { cells: rowTotals, total },
    { cells: columnTotals, total },
  ];

  const passes = (line: { cells: Slot[]; total: Slot }) => {
    // A withheld total must not be the sum of cells all shown.
    if (line.total.shown.kind === 'withheld') return line.cells.some((c) => c.shown.kind !== 'count' && c.exact > 0) || line.cells.every((c) => c.exact === 0);
    if (line.total.shown.kind !== 'count') return true;
    const small = line.cells.filter((c) => c.shown.kind === 'fewer-than').length;
    const withheld = line.cells.filter((c) => c.shown.kind === 'withheld').length;
    if (small + withheld === 0) return true;
    const shownSum = line.cells.reduce((sum, c) => sum + (c.shown.kind === 'count' ? c.shown.value : 0), 0);
    return totalMayBeShown(line.total.shown.value - shownSum, small, withheld, policy.k);
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (passes(line)) continue;
      const smallest = line.cells
        .filter((c) => c.shown.kind === 'count' && c.exact > 0)
        .sort((a, b) => a.exact - b.exact)[0];
      if (smallest) smallest.shown = { kind: 'withheld' };
      else if (line.total.shown.kind === 'count') line.total.shown = { kind: 'withheld' };
      else continue;
      changed = true;
    }
  }
  return {
    rows: rows.map((row, r) => ({
      key: row.key,
      cells: (cells[r] ?? []).map((c) => c.shown),
      total: rowTotals[r]?.shown ?? { kind: 'withheld' },
    })),
    columnTotals: columnTotals.map((c) => c.shown),
    total: total.shown,
  };
}

/**
 * A share from values already disclosed, so it can never say more than they do: in an export
 * it is worked out from the rounded counts (from the exact ones, 13 of 27 = 48.1% would undo
 * rounding them to 15 of 25). Withheld unless both are shown and the denominator isn't zero.
 */
export function shareOf(numerator: DisclosedFigure, denominator: DisclosedFigure): DisclosedShare {
  if (numerator.kind !== 'count' || denominator.kind !== 'count' || denominator.value === 0) return { kind: 'withheld' };
  return { kind: 'share', value: numerator.value / denominator.value };
}

/**
 * A mean over n people, shown only when n ≥ k, and rounded to `decimals` places: a mean given
 * to many places gives its denominator away (3.4615… is 45/13), which would undo rounding n.
 */
export function discloseMean(mean: number, n: number, policy: DisclosurePolicy, decimals: number): DisclosedMean {
  assertCount(n);
  if (n === 0) return { kind: 'none' };
  if (!Number.isFinite(mean)) throw new RangeError(`a mean must be a finite number, not ${mean}`);
  if (n < policy.k) return { kind: 'fewer-than', k: policy.k };
  const factor = 10 ** decimals;
  // Adding 0 turns a rounded −0 into 0, so "−0.0" never shows.
  return { kind: 'mean', value: Math.round(mean * factor) / factor + 0 };
}

/**
 * How a disclosed value is put into words, without the words: a message key with its values,
 * for next-intl (`t(message.key, message.values)`) or any other formatter. Numbers are passed
 * as numbers, so each locale formats them its own way.
 */
export type DisclosureMessage =
  | { key: 'count'; values: { value: number } }
  | { key: 'share'; values: { value: number } }
  | { key: 'mean'; values: { value: number } }
  | { key: 'fewerThan'; values: { k: number } }
  | { key: 'withheld'; values: Record<string, never> }
  | { key: 'none'; values: Record<string, never> };

export type DisclosureMessageKey = DisclosureMessage['key'];

export function disclosureMessage(value: DisclosedValue): DisclosureMessage {
  switch (value.kind) {
    case 'count':
      return { key: 'count', values: { value: value.value } };
    case 'share':
      return { key: 'share', values: { value: value.value } };
    case 'mean':
      return { key: 'mean', values: { value: value.value } };
    case 'fewer-than':
      return { key: 'fewerThan', values: { k: value.k } };
    case 'withheld':
      return { key: 'withheld', values: {} };
    case 'none':
      return { key: 'none', values: {} };
  }
}
