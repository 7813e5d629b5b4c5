/**
 * Changes with their 95% confidence intervals: each change a bar from zero (right for a rise,
 * left for a fall), with its interval drawn across it as a line with end caps, and the change
 * and interval written beside it, so neither colour nor the drawing is the only cue. Rows in one
 * group share a scale (the same unit); a group in another unit gets its own. A change not shown
 * has no bar, and its words ("fewer than 10") where the number would be.
 */
export interface IntervalRow {
  key: string;
  label: string;
  /** In the group's unit, or null when not shown. */
  change: number | null;
  /** The interval, or null when not shown. */
  interval: { low: number; high: number } | null;
  text: string;
}

export interface IntervalGroup {
  key: string;
  title: string;
  rows: readonly IntervalRow[];
}

/** From zero to the farthest end shown, with a little room beyond it. */
function domain(rows: readonly IntervalRow[]): [number, number] {
  const values = rows.flatMap((row) => [row.change, row.interval?.low, row.interval?.high]).filter((v): v is number => typeof v === 'number');
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const room = (high - low || 1) * 0.08;
  return [low < 0 ? low - room : 0, high > 0 ? high + room : 0];
}

/** The interval: a line with an end cap at each end. */
function Range({ low, high, halo = false }: { low: number; high: number; halo?: boolean }) {
  return (
    <g className={halo ? 'chart-interval__range chart-interval__range--halo' : 'chart-interval__range'}>
      <line x1={low} x2={high} y1="6" y2="6" />
      <line x1={low} x2={low} y1="1.5" y2="10.5" />
      <line x1={high} x2={high} y1="1.5" y2="10.5" />
    </g>
  );
}

function Track({ row, x }: { row: IntervalRow; x: (value: number) => number }) {
  const zero = x(0);
  const end = row.change === null ? zero : x(row.change);
  return (
    <svg className="chart-interval__svg" viewBox="0 0 100 12" preserveAspectRatio="none" focusable="false" aria-hidden="true">
      <rect className="chart-bar__track" x="0" y="0" width="100" height="12" />
      {row.change !== null && <rect className="chart-bar__fill chart-bar__fill--main" x={Math.min(zero, end)} y="2" width={Math.abs(end - zero)} height="8" />}
      <line className="chart-interval__zero" x1={zero} x2={zero} y1="0" y2="12" />
      {row.interval && <Range low={x(row.interval.low)} high={x(row.interval.high)} halo />}
      {row.interval && <Range low={x(row.interval.low)} high={x(row.interval.high)} />}
    </svg>
  );
}

export function IntervalBars({ groups, zeroLabel }: { groups: readonly IntervalGroup[]; zeroLabel: string }) {
  return (
    <div className="chart-intervals">
      {groups.map((group) => {
        const [low, high] = domain(group.rows);
        const x = (value: number) => ((value - low) / (high - low || 1)) * 100;
        const zero = x(0);
        const place = zero < 15 ? 'start' : zero > 85 ? 'end' : 'middle';
        return (
          <div key={group.key} className="chart-intervals__group">
            <p className="chart-intervals__title">{group.title}</p>
            <div className="chart-bars">
              {group.rows.map((row) => (
                <div key={row.key} className="chart-bars__row">
                  <span className="chart-bars__label">{row.label}</span>
                  <span className="chart-interval">
                    <Track row={row} x={x} />
                    <span className="chart-bar__value">{row.text}</span>
                  </span>
                </div>
              ))}
              <div className="chart-interval chart-interval--axis">
                <span className="chart-interval__axis">
                  <span className={`chart-interval__zero-label chart-interval__zero-label--${place}`} style={{ left: `${zero}%` }}>
                    {zeroLabel}
                  </span>
                </span>
              </div>
            </div>
          </div>
        );
      })}
    </div>
  );
}
