import { describe, expect, it } from 'vitest';
import { analyseStory, type Story } from './story-graph';

const story: Story = {
  start: 's1',
  nodes: [
    { id: 's1', kind: 'scene', next: 'd1' },
    { id: 'd1', kind: 'decision', choices: [{ id: 'a', next: 'e-safe' }, { id: 'b', next: 'e-risky' }] },
    { id: 'e-safe', kind: 'ending' },
    { id: 'e-risky', kind: 'ending' },
  ],
};

describe('story graph', () => {
  it('finds nothing wrong with a sound story and lays it out left to right', () => {
    const a = analyseStory(story);
    expect([...a.unreachable, ...a.inLoop, ...a.endless, ...a.dangling]).toEqual([]);
    expect(a.position.get('s1')).toEqual({ column: 0, row: 0 });
    expect(a.position.get('d1')).toEqual({ column: 1, row: 0 });
    expect(a.position.get('e-risky')).toEqual({ column: 2, row: 1 });
    expect(a.edges).toContainEqual({ from: 'd1', to: 'e-safe', choice: 'a' });
  });

  it('shows an unreachable node, a dangling edge, a loop and an endless path as they are made', () => {
    const broken: Story = {
      start: 's1',
      nodes: [
        ...story.nodes.slice(0, 1),
        { id: 'd1', kind: 'decision', choices: [{ id: 'a', next: 'e-safe' }, { id: 'b', next: 's2' }] },
        { id: 's2', kind: 'scene', next: 's3' },
        { id: 's3', kind: 'scene', next: 's2' },
        { id: 'e-safe', kind: 'ending' },
        { id: 'lost', kind: 'scene', next: 'nowhere' },
      ],
    };
    const a = analyseStory(broken);
    expect([...a.unreachable].sort()).toEqual(['lost']);
    expect(a.dangling).toEqual([{ from: 'lost', to: 'nowhere' }]);
    expect([...a.inLoop].sort()).toEqual(['s2', 's3']);
    expect([...a.endless].sort()).toEqual(['lost', 's2', 's3']);
    expect(a.position.get('lost')?.column).toBe(4);
  });
});
