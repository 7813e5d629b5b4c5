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
    expect(easy.flags).toContain('too-easy');
  });
});
