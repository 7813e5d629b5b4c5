/**
 * Shares by school term as lines: terms along the bottom, 0–100% up the side. Each series has
 * its own marker (circle, square) and dash, and every point carries its value, so the lines are
 * told apart without colour. A term whose value is not shown breaks the line there.
 */
export interface TrendSeries {
  key: string;
  name: string;
  /** One per term: 0 to 1, or null when not shown. */
  points: (number | null)[];
  texts: string[];
}

const WIDTH = 440;
const HEIGHT = 250;
const LEFT = 52;
const RIGHT = 24;
const TOP = 20;
const BOTTOM = 56;
const TICKS = [0, 0.25, 0.5, 0.75, 1];
/** Room between the axis and the first and last terms, for their labels. */
const INSET = 36;

export function TrendLines({ terms, series, tickLabels }: { terms: readonly string[]; series: readonly TrendSeries[]; tickLabels: readonly string[] }) {
  const plotWidth = WIDTH - LEFT - RIGHT - 2 * INSET;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (i: number) => LEFT + INSET + (terms.length === 1 ? plotWidth / 2 : (i / (terms.length - 1)) * plotWidth);
  const y = (value: number) => TOP + (1 - Math.max(0, Math.min(1, value))) * plotHeight;
  const slanted = terms.length > 4;

  /** A path of the runs of shown points, broken where a value is missing. */
  const path = (points: readonly (number | null)[]) => {
    let d = '';
    let drawing = false;
    points.forEach((value, i) => {
      if (value === null) {
        drawing = false;
        return;
      }
      d += `${drawing ? 'L' : 'M'}${x(i).toFixed(1)} ${y(value).toFixed(1)} `;
      drawing = true;
    });
    return d.trim();
  };

  return (
    <>
      <svg className="chart-lines" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} focusable="false" aria-hidden="true">
        {TICKS.map((tick, i) => (
          <g key={tick}>
            <line className="chart-lines__grid" x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} />
            <text className="chart-lines__tick" x={LEFT - 6} y={y(tick)} dy="0.35em" textAnchor="end">
              {tickLabels[i]}
            </text>
          </g>
        ))}
        {terms.map((term, i) => (
          <text
            key={term}
            className="chart-lines__tick"
            x={x(i)}
            y={HEIGHT - BOTTOM + 20}
            textAnchor={slanted ? 'end' : 'middle'}
            transform={slanted ? `rotate(-30 ${x(i)} ${HEIGHT - BOTTOM + 20})` : undefined}
          >
            {term}
          </text>
        ))}
        {series.map((s, index) => (
          <g key={s.key} className={`chart-lines__series chart-lines__series--${index % 2 === 0 ? 'main' : 'compare'}`}>
            <path className="chart-lines__line" d={path(s.points)} />
            {s.points.map((value, i) =>
              value === null ? null : (
                <g key={`${s.key}-${terms[i]}`}>
                  {index % 2 === 0 ? (
                    <circle className="chart-lines__marker" cx={x(i)} cy={y(value)} r="5" />
                  ) : (
                    <rect className="chart-lines__marker" x={x(i) - 5} y={y(value) - 5} width="10" height="10" />
                  )}
                  <text className="chart-lines__value" x={x(i)} y={y(value) + (index % 2 === 0 ? -11 : 24)} textAnchor="middle">
                    {s.texts[i]}
                  </text>
                </g>
              ),
            )}
          </g>
        ))}
      </svg>
      <ul className="chart-legend">
        {series.map((s, index) => (
          <li key={s.key}>
            <svg className="chart-legend__key" viewBox="0 0 28 12" focusable="false" aria-hidden="true">
              <g className={`chart-lines__series chart-lines__series--${index % 2 === 0 ? 'main' : 'compare'}`}>
                <line className="chart-lines__line" x1="0" x2="28" y1="6" y2="6" />
                {index % 2 === 0 ? <circle className="chart-lines__marker" cx="14" cy="6" r="4" /> : <rect className="chart-lines__marker" x="10" y="2" width="8" height="8" />}
              </g>
            </svg>
            {s.name}
          </li>
        ))}
      </ul>
    </>
  );
}
