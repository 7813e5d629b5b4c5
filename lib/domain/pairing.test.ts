import { describe, expect, it } from 'vitest';
import { pairFollowUp, type PairingEntry } from './pairing';

const entry = (participantId: string, pairingHash: string | null): PairingEntry => ({ participantId, pairingHash });

describe('pairFollowUp', () => {
  it('pairs a follow-up participant with the first visit of the same device, by hash', () => {
    const result = pairFollowUp([entry('a1', 'h-a'), entry('b1', 'h-b')], [entry('b2', 'h-b'), entry('c2', 'h-c')]);
    expect(result).toEqual({ pairs: [{ first: 'b1', followUp: 'b2' }], unpairedFollowUp: ['c2'] });
  });

  it('needs no pairing for before and after: they are one participant, so one entry pairs once', () => {
    const result = pairFollowUp([entry('a1', 'h-a')], [entry('a2', 'h-a')]);
    expect(result.pairs).toEqual([{ first: 'a1', followUp: 'a2' }]);
  });

  it('pairs a device that joined twice with its earliest participant on each side, once', () => {
    const first = [entry('a1', 'h-a'), entry('a1-again', 'h-a')];
    const followUp = [entry('a2', 'h-a'), entry('a2-again', 'h-a')];
    expect(pairFollowUp(first, followUp)).toEqual({ pairs: [{ first: 'a1', followUp: 'a2' }], unpairedFollowUp: ['a2-again'] });
  });

  it('never pairs a missing hash, not even with another missing hash', () => {
    const result = pairFollowUp([entry('a1', null), entry('b1', 'h-b')], [entry('a2', null), entry('b2', 'h-b')]);
    expect(result).toEqual({ pairs: [{ first: 'b1', followUp: 'b2' }], unpairedFollowUp: ['a2'] });
  });

  it('pairs nothing when either side is empty', () => {
    expect(pairFollowUp([], [entry('a2', 'h-a')])).toEqual({ pairs: [], unpairedFollowUp: ['a2'] });
    expect(pairFollowUp([entry('a1', 'h-a')], [])).toEqual({ pairs: [], unpairedFollowUp: [] });
  });
});
