/**
 * The uncertainty of a paired change (the same students at the start and the end), from
 * additive sums only: n, Σbefore, Σafter and Σ(after − before)². Pure.
 *
 * Officers' sums are perturbed session by session (cell-key.ts, perturb-summary.ts), and the
 * interval says so: to the sampling variance s²/n it adds the variance the noise puts on the mean
 * change, which the perturbation table states. Per session, each of Σbefore and Σafter carries
 * noise of variance at most MAX_NOISE_VARIANCE × (span / 2)², and the count of pairs noise of
 * variance at most MAX_NOISE_VARIANCE, which moves the mean by d̄ × (noise / n). So
 *
 *   Var(d̄) ≈ s² / n + m × MAX_NOISE_VARIANCE × (2 × (span / 2)² + d̄²) / n²
 *
 * for m sessions, and the 95% interval is d̄ ± t(0.975, n − 1) × √Var(d̄). The effect size is
 * Cohen's d for paired data, d̄ / s (dz), which the noise leaves nearly unbiased.
 */
import { MAX_NOISE_VARIANCE } from './cell-key';
import type { MeasureSums } from './session-summary';

export interface PairedChange {
  /** The mean change, after − before, in the measure's own units. */
  mean: number;
  /** The 95% confidence interval of the mean change. */
  low: number;
  high: number;
  /** d̄ / s, or null when every pair changed by the same amount. */
  effectSize: number | null;
}

/** Two-sided 97.5% points of Student's t by degrees of freedom; between entries, the next lower df. */
const T_975: readonly [number, number][] = [
  [1, 12.706], [2, 4.303], [3, 3.182], [4, 2.776], [5, 2.571], [6, 2.447], [7, 2.365], [8, 2.306], [9, 2.262],
  [10, 2.228], [12, 2.179], [15, 2.131], [20, 2.086], [25, 2.06], [30, 2.042], [40, 2.021], [60, 2.0], [120, 1.98],
];

export function tQuantile975(df: number): number {
  if (df >= 1000) return 1.96;
  let value = T_975[0]?.[1] ?? 12.706;
  for (const [at, t] of T_975) if (df >= at) value = t;
  return value;
}

export interface NoiseOfSums {
  /** How many sessions' perturbed sums were added up (0: exact sums, no noise). */
  sessions: number;
  /** The range one student's score spans (1 for a share right, 4 for a 1–5 scale). */
  span: number;
}

/** Null with fewer than two pairs: no spread to estimate. */
export function pairedChange(measure: MeasureSums, noise: NoiseOfSums): PairedChange | null {
  const n = measure.nMatched;
  if (n < 2) return null;
  const mean = (measure.sumAfter - measure.sumBefore) / n;
  const variance = Math.max(0, (measure.sumSquaredChange - n * mean * mean) / (n - 1));
  const noiseVariance = noise.sessions * MAX_NOISE_VARIANCE * (2 * (noise.span / 2) ** 2 + mean * mean);
  const standardError = Math.sqrt(variance / n + noiseVariance / (n * n));
  const half = tQuantile975(n - 1) * standardError;
  const sd = Math.sqrt(variance);
  return { mean, low: mean - half, high: mean + half, effectSize: sd > 0 ? mean / sd : null };
}
