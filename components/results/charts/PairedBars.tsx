import { Bar } from './ShareBars';

/**
 * Before and after, as two bars under each label: the first wave in grey, the second in blue,
 * each with its wave's name and value written beside it; optionally a third between them (the
 * module's own quiz), in the lighter tone.
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
  during?: BarValue;
  after: BarValue;
}

export function PairedBars({
  pairs,
  beforeLabel,
  duringLabel,
  afterLabel,
}: {
  pairs: readonly PairedBar[];
  beforeLabel: string;
  duringLabel?: string;
  afterLabel: string;
}) {
  return (
    <div className="chart-bars">
      {pairs.map((pair) => (
        <div key={pair.key} className="chart-bars__row chart-bars__row--paired">
          <span className="chart-bars__label">{pair.label}</span>
          <Bar {...pair.before} tone="compare" prefix={beforeLabel} />
          {pair.during && <Bar {...pair.during} tone="compare" prefix={duringLabel ?? ''} />}
          <Bar {...pair.after} tone="main" prefix={afterLabel} />
        </div>
      ))}
    </div>
  );
}
