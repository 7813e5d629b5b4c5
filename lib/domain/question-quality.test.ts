import { describe, expect, it } from 'vitest';
import { disclosurePolicies } from './disclosure';
import { discloseItemQuality, itemRestCorrelation, qualityFlags } from './question-quality';

const policy = disclosurePolicies().export;

describe('question quality', () => {
  it('works out the item–rest correlation of a hand-worked example', () => {
    // x = 1, 1, 1, 0 and r = 1, 0.5, 0, 0 (see session-summary.test.ts).
    // Means 0.75 and 0.375; Σ(dx·dr) = 0.375, Σdx² = 0.75, Σdr² = 0.6875;
    // r = 0.375 / √(0.75 × 0.6875) = 0.5222.
    const r = itemRestCorrelation({ n: 4, sx: 3, sr: 1.5, srr: 1.25, sxr: 1.5 });
    expect(r).toBeCloseTo(0.5222, 4);
  });

  it('has no correlation when everyone got the item right or the rest score does not vary', () => {
    expect(itemRestCorrelation({ n: 3, sx: 3, sr: 1.5, srr: 1, sxr: 1.5 })).toBeNull();
    expect(itemRestCorrelation({ n: 2, sx: 1, sr: 1, srr: 0.5, sxr: 0.5 })).toBeNull();
  });

  it('finds a negatively discriminating item: the weaker students get it right', () => {
    // x = 0, 0, 1, 1 against r = 1, 0.5, 0.5, 0.
    const r = itemRestCorrelation({ n: 4, sx: 2, sr: 2, srr: 1.5, sxr: 0.5 });
    expect(r).toBeLessThan(0);
  });

  it('flags items too easy, too hard, discriminating poorly, or with too few answers', () => {
    expect(qualityFlags(29, 29, null)).toEqual(['too-few-answers']);
    expect(qualityFlags(100, 95, 0.35)).toEqual(['too-easy']);
    expect(qualityFlags(100, 20, 0.35)).toEqual(['too-hard']);
    expect(qualityFlags(100, 60, 0.1)).toEqual(['poor-discrimination']);
    expect(qualityFlags(100, 90, 0.2)).toEqual([]);
    expect(qualityFlags(100, 100, null)).toEqual(['too-easy', 'poor-discrimination']);
  });

  it('shows facility from the rounded counts and withholds what a small group would give away', () => {
    const shown = discloseItemQuality(
      { contentVersion: 'v', itemId: 'i', phase: 'main', answered: 48, correct: 31, discrimination: { n: 48, sx: 31, sr: 24, srr: 14, sxr: 17.5 } },
      policy,
    );
    expect(shown.answered).toEqual({ kind: 'count', value: 50 });
    expect(shown.correct).toEqual({ kind: 'count', value: 30 });
    expect(shown.facility).toEqual({ kind: 'share', value: 0.6 });
    expect(shown.discrimination.kind).toBe('mean');

    // 4 wrong of 52: the number answered would give the 4 away, so it is withheld.
    const easy = discloseItemQuality(
      { contentVersion: 'v', itemId: 'i', phase: 'main', answered: 52, correct: 48, discrimination: { n: 52, sx: 48, sr: 30, srr: 20, sxr: 28 } },
      policy,
    );
    expect(easy.answered).toEqual({ kind: 'withheld' });
    expect(easy.facility).toEqual({ kind: 'withheld' });
  });

  const item = (answered: number, correct: number, discrimination = { n: answered, sx: correct, sr: answered / 2, srr: answered / 3, sxr: correct / 2 + 1 }) =>
    discloseItemQuality({ contentVersion: 'v', itemId: 'i', phase: 'main', answered, correct, discrimination }, policy);

  it('shows facility and discrimination only when both the right and the wrong are at least k', () => {
    // 48 right and 2 wrong: a correlation over them describes the 2. Not shown, and no flag says "too easy" either.
    const easy = item(50, 48);
    expect(easy.facility).toEqual({ kind: 'withheld' });
    expect(easy.discrimination).toEqual({ kind: 'fewer-than', k: 10 });
    expect(easy.flags).toEqual(['small-group']);
    // 7 right of 60, the other way round.
    const hard = item(60, 7);
    expect(hard.discrimination).toEqual({ kind: 'fewer-than', k: 10 });
    expect(hard.flags).toEqual(['small-group']);
    // 12 right and 38 wrong: both shown.
    const both = item(50, 12);
    expect(both.facility).toEqual({ kind: 'share', value: 10 / 50 });
    expect(both.discrimination.kind).toBe('mean');
    expect(both.flags).toContain('too-hard');
  });

  it('flags nothing that would narrow a small group: 28 right of 29 is not "too few answers to judge"', () => {
    // "Too few" says fewer than 30 answered; beside 28 right (shown as 30) that leaves exactly 1 wrong.
    expect(item(29, 28).flags).toEqual(['small-group']);
    expect(item(29, 28).correct).toEqual({ kind: 'count', value: 30 });
    expect(item(25, 12).flags).toEqual(['too-few-answers']);
  });

  it('flags a question everyone got right as too easy, with the 0 wrong hidden like any small group', () => {
    // Exports show no exact 0 (a 0 beside a class says what all of it did): "40 right of …" is
    // all that shows, the facility is withheld, and "too easy" leaves 0 to 4 wrong.
    const all = item(40, 40, { n: 40, sx: 40, sr: 20, srr: 12, sxr: 20 });
    expect(all.facility).toEqual({ kind: 'withheld' });
    expect(all.correct).toEqual({ kind: 'count', value: 40 });
    expect(all.discrimination).toEqual({ kind: 'none' });
    expect(all.flags).toEqual(['too-easy', 'poor-discrimination']);
  });

  it('holds back the correlation, and its flag, when its own groups are small though the facility’s are not', () => {
    // 40 answered, 25 right; but only 12 had other answers to correlate with, 3 of them wrong.
    const shown = item(40, 25, { n: 12, sx: 9, sr: 6, srr: 4, sxr: 4 });
    expect(shown.facility.kind).toBe('share');
    expect(shown.discrimination).toEqual({ kind: 'fewer-than', k: 10 });
    expect(shown.flags).not.toContain('poor-discrimination');
  });
});
