import { Bar } from './ShareBars';

/**
 * Before and after, as two bars under each label: the first wave in grey, the second in blue,
 * each with its wave's name and value written beside it.
 */
export interface BarValue {
  /** 0 to 1 of the scale, or null when not shown. */
  fraction: number | null;
  text: string;
}

export interface PairedBar {
  key: string;
  label: string;
  before: BarValue;
  after: BarValue;
}

export function PairedBars({ pairs, beforeLabel, afterLabel }: { pairs: readonly PairedBar[]; beforeLabel: string; afterLabel: string }) {
  return (
    <div className="chart-bars">
      {pairs.map((pair) => (
        <div key={pair.key} className="chart-bars__row chart-bars__row--paired">
          <span className="chart-bars__label">{pair.label}</span>
          <Bar {...pair.before} tone="compare" prefix={beforeLabel} />
          <Bar {...pair.after} tone="main" prefix={afterLabel} />
        </div>
      ))}
    </div>
  );
}
