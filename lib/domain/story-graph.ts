/**
 * A story (a module's scenario) as a graph for the studio's drawing: its edges, where each node
 * sits, and what is wrong with it as it is being made: nodes the start cannot reach, edges to
 * nodes that don't exist, nodes on a loop, and nodes from which no ending can be reached
 * (endless paths). The content check (lib/content/check-graph.ts) reports the same faults in
 * words; this finds them node by node, in the browser, as the officer links the nodes.
 */

export interface StoryNode {
  id: string;
  kind: 'scene' | 'decision' | 'ending';
  next?: string;
  choices?: readonly { id: string; next: string }[];
}

export interface Story {
  start: string;
  nodes: readonly StoryNode[];
}

export interface StoryEdge {
  from: string;
  to: string;
  /** The decision's choice this edge belongs to; absent for a scene's `next`. */
  choice?: string;
}

export interface StoryAnalysis {
  edges: StoryEdge[];
  /** Edges whose target is not a node of the story. */
  dangling: StoryEdge[];
  unreachable: Set<string>;
  /** Nodes on a loop: the player would pass them again. */
  inLoop: Set<string>;
  /** Nodes from which no path reaches an ending. */
  endless: Set<string>;
  /** Column (steps from the start) and row of each node; unreachable nodes in a last column. */
  position: Map<string, { column: number; row: number }>;
}

export function storyEdges(story: Story): StoryEdge[] {
  return story.nodes.flatMap((node): StoryEdge[] => {
    if (node.kind === 'scene') return node.next === undefined ? [] : [{ from: node.id, to: node.next }];
    if (node.kind === 'decision') return (node.choices ?? []).map((choice) => ({ from: node.id, to: choice.next, choice: choice.id }));
    return [];
  });
}

export function analyseStory(story: Story): StoryAnalysis {
  const ids = new Set(story.nodes.map((node) => node.id));
  const edges = storyEdges(story);
  const dangling = edges.filter((edge) => !ids.has(edge.to));
  const out = new Map<string, string[]>();
  const into = new Map<string, string[]>();
  for (const edge of edges) {
    if (!ids.has(edge.to)) continue;
    out.set(edge.from, [...(out.get(edge.from) ?? []), edge.to]);
    into.set(edge.to, [...(into.get(edge.to) ?? []), edge.from]);
  }

  const reached = new Set<string>();
  if (ids.has(story.start)) {
    const queue = [story.start];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      if (reached.has(id)) continue;
      reached.add(id);
      queue.push(...(out.get(id) ?? []));
    }
  }
  const unreachable = new Set([...ids].filter((id) => !reached.has(id)));

  // Nodes from which an ending can be reached: walk back from every ending.
  const canEnd = new Set<string>();
  const back = story.nodes.filter((node) => node.kind === 'ending').map((node) => node.id);
  for (let id = back.pop(); id !== undefined; id = back.pop()) {
    if (canEnd.has(id)) continue;
    canEnd.add(id);
    back.push(...(into.get(id) ?? []));
  }
  const endless = new Set([...ids].filter((id) => !canEnd.has(id)));

  const inLoop = loopNodes(ids, out);

  // Columns: the longest loop-free walk from the start, so that every edge points rightwards.
  const column = new Map<string, number>();
  const place = (id: string, depth: number, path: Set<string>): void => {
    if (path.has(id) || (column.get(id) ?? -1) >= depth) return;
    column.set(id, depth);
    path.add(id);
    for (const to of out.get(id) ?? []) place(to, depth + 1, path);
    path.delete(id);
  };
  if (ids.has(story.start)) place(story.start, 0, new Set());
  const lastColumn = Math.max(-1, ...column.values()) + 1;
  const rows = new Map<number, number>();
  const position = new Map<string, { column: number; row: number }>();
  for (const node of story.nodes) {
    const c = column.get(node.id) ?? lastColumn;
    const row = rows.get(c) ?? 0;
    rows.set(c, row + 1);
    position.set(node.id, { column: c, row });
  }
  return { edges, dangling, unreachable, inLoop, endless, position };
}

/** Nodes on a cycle (Tarjan's strongly connected components of more than one node, or a self-edge). */
function loopNodes(ids: Set<string>, out: Map<string, string[]>): Set<string> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result = new Set<string>();
  let counter = 0;
  const visit = (id: string): void => {
    index.set(id, counter);
    low.set(id, counter++);
    stack.push(id);
    onStack.add(id);
    for (const to of out.get(id) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(id, Math.min(low.get(id) ?? 0, low.get(to) ?? 0));
      } else if (onStack.has(to)) low.set(id, Math.min(low.get(id) ?? 0, index.get(to) ?? 0));
    }
    if (low.get(id) === index.get(id)) {
      const component: string[] = [];
      for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
        onStack.delete(top);
        component.push(top);
        if (top === id) break;
      }
      if (component.length > 1 || (out.get(id) ?? []).includes(id)) for (const c of component) result.add(c);
    }
  };
  for (const id of ids) if (!index.has(id)) visit(id);
  return result;
}
