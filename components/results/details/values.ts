import type { DisclosedFigure, DisclosedMean, DisclosedShare } from '@/lib/domain/disclosure';
import type { DisclosedMeasure } from '@/lib/domain/officer-disclosure';
import type { BarValue } from '../charts/PairedBars';
import type { IntervalRow } from '../charts/IntervalBars';
import type { ResultsKit } from '../kit';

/** A share as a bar: its length (none when not shown) and its words. */
export function shareValue(kit: ResultsKit, share: DisclosedShare, n: DisclosedFigure): BarValue {
  return { fraction: share.kind === 'share' ? share.value : null, text: kit.text(share, 'share', n) };
}

/** A mean on a scale of `max` as a bar. */
export function meanValue(kit: ResultsKit, mean: DisclosedMean, max: number, unit: 'percentScore' | 'scale'): BarValue {
  return { fraction: mean.kind === 'mean' ? mean.value / max : null, text: kit.text(mean, unit) };
}

/** A measure's interval ends as plain numbers, to the change's own precision. */
export function intervalNumber(kit: ResultsKit, value: number, unit: 'percentChange' | 'scaleChange'): string {
  const digits = unit === 'percentChange' ? 0 : 1;
  return kit.format.number(value, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A paired change as a row of the interval chart: "+20 percentage points (95% CI 16 to 24)". */
export function intervalRow(kit: ResultsKit, key: string, label: string, measure: DisclosedMeasure, unit: 'percentChange' | 'scaleChange'): IntervalRow {
  const change = measure.change.kind === 'mean' ? measure.change.value : null;
  const interval = change !== null && measure.interval.kind === 'interval' ? { low: measure.interval.low, high: measure.interval.high } : null;
  const words = kit.text(measure.change, unit, measure.nMatched);
  return {
    key,
    label,
    change,
    interval,
    text:
      interval === null
        ? words
        : kit.t('charts.interval', { change: words, low: intervalNumber(kit, interval.low, unit), high: intervalNumber(kit, interval.high, unit) }),
  };
}
