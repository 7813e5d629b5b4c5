/**
 * Horizontal bars for shares (0 to 1), each with its label above and its value written at its
 * end, so colour is never the only cue. A share not shown is drawn as no bar, with its words
 * ("not shown") where the number would be. SVG, so the bars print.
 */
export interface ShareBar {
  key: string;
  label: string;
  /** 0 to 1, or null when the value is not shown. */
  fraction: number | null;
  text: string;
  /** A second series beside the first (e.g. before, after) is told apart by its word and its fill. */
  tone?: 'main' | 'compare';
  /** Written before the value, e.g. "Before:". */
  prefix?: string;
}

export function Bar({ fraction, text, tone = 'main', prefix }: Omit<ShareBar, 'key' | 'label'>) {
  const width = fraction === null ? 0 : Math.max(0, Math.min(1, fraction)) * 100;
  return (
    <span className="chart-bar">
      <svg className="chart-bar__svg" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false" aria-hidden="true">
        <rect className="chart-bar__track" x="0" y="0" width="100" height="10" />
        <line className="chart-bar__axis" x1="0" y1="0" x2="0" y2="10" />
        {fraction !== null && <rect className={`chart-bar__fill chart-bar__fill--${tone}`} x="0" y="0" width={width} height="10" />}
      </svg>
      <span className="chart-bar__value">
        {prefix && <span className="chart-bar__prefix">{prefix} </span>}
        {text}
      </span>
    </span>
  );
}

export function ShareBars({ bars }: { bars: readonly ShareBar[] }) {
  return (
    <div className="chart-bars">
      {bars.map(({ key, label, ...bar }) => (
        <div key={key} className="chart-bars__row">
          <span className="chart-bars__label">{label}</span>
          <Bar {...bar} />
        </div>
      ))}
    </div>
  );
}
