/**
 * How far a number guess was from the real figure, for the fact reveal ("You guessed 5: the
 * real figure is 17, 12 higher than your guess"), and where each sits on the guess's scale.
 * Pure.
 */
export interface GuessGap {
  direction: 'higher' | 'lower' | 'exact';
  /** Always positive or zero: how far the real figure is from the guess. */
  difference: number;
  /** Where the guess and the real figure sit on the scale from min to max, 0–100. */
  guessAt: number;
  realAt: number;
}

export function guessGap(guess: number, real: number, scale: { min: number; max: number }): GuessGap {
  const span = scale.max - scale.min;
  const at = (value: number) => (span <= 0 ? 0 : Math.min(100, Math.max(0, ((value - scale.min) / span) * 100)));
  // Rounded to the guess's own precision, so 0.1 + 0.2 never shows as 0.30000000000000004.
  const difference = Math.round(Math.abs(real - guess) * 1000) / 1000;
  return {
    direction: difference === 0 ? 'exact' : real > guess ? 'higher' : 'lower',
    difference,
    guessAt: at(guess),
    realAt: at(real),
  };
}
