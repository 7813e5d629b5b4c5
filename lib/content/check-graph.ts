/**
 * Checks of one scenario as a graph. The player walks from `start`, records each decision
 * once and stops at an ending, so every node must be reachable, every edge must land on a
 * node, and the graph must have no loops. Together these mean every path ends: a scene always
 * has a `next`, a decision always has choices, and with no loops the walk can only stop at
 * an ending.
 */
import type { Report } from './problems';
import type { Scenario, ScenarioNode } from './schema';

/** Enough to be a scenario rather than a quiz question in disguise (learning design). */
const MIN_DECISIONS = 3;
const MIN_ENDINGS = 2;

export function checkScenarioShape(scenario: Scenario, report: Report): void {
  const decisions = scenario.nodes.filter((node) => node.kind === 'decision').length;
  const endings = scenario.nodes.filter((node) => node.kind === 'ending').length;
  if (decisions < MIN_DECISIONS) {
    report(scenario.id, `Scenario "${scenario.id}" has ${decisions} decision node(s); a scenario needs at least ${MIN_DECISIONS}.`);
  }
  if (endings < MIN_ENDINGS) {
    report(scenario.id, `Scenario "${scenario.id}" has ${endings} ending(s); a scenario needs at least ${MIN_ENDINGS}, so that choices lead to different outcomes.`);
  }
}

interface Edge {
  /** The content id of what holds the edge: `scenario/node` or `scenario/node/choice`. */
  from: string;
  to: string;
}

function edgesOf(scenarioId: string, node: ScenarioNode): Edge[] {
  if (node.kind === 'scene') return [{ from: `${scenarioId}/${node.id}`, to: node.next }];
  if (node.kind === 'decision') {
    return node.choices.map((choice) => ({ from: `${scenarioId}/${node.id}/${choice.id}`, to: choice.next }));
  }
  return [];
}

export function checkScenarioGraph(scenario: Scenario, report: Report): void {
  const nodes = new Map(scenario.nodes.map((node) => [node.id, node]));
  checkEdgesLand(scenario, nodes, report);
  checkReachable(scenario, nodes, report);
  checkNoLoops(scenario, nodes, report);
}

function checkEdgesLand(scenario: Scenario, nodes: Map<string, ScenarioNode>, report: Report): void {
  if (!nodes.has(scenario.start)) {
    report(scenario.id, `Scenario "${scenario.id}" starts at node "${scenario.start}", which it does not have: fix "start" or add the node.`);
  }
  for (const node of scenario.nodes) {
    for (const edge of edgesOf(scenario.id, node)) {
      if (!nodes.has(edge.to)) {
        report(edge.from, `"next" points to node "${edge.to}", which scenario "${scenario.id}" does not have, so the story cannot go on from here.`);
      }
    }
  }
}

function checkReachable(scenario: Scenario, nodes: Map<string, ScenarioNode>, report: Report): void {
  // With no valid start, every node would be "unreachable"; the start problem says it all.
  if (!nodes.has(scenario.start)) return;
  const reached = new Set<string>();
  const toVisit = [scenario.start];
  for (let id = toVisit.pop(); id !== undefined; id = toVisit.pop()) {
    const node = nodes.get(id);
    if (!node || reached.has(id)) continue;
    reached.add(id);
    toVisit.push(...edgesOf(scenario.id, node).map((edge) => edge.to));
  }
  for (const node of scenario.nodes) {
    if (!reached.has(node.id)) {
      report(`${scenario.id}/${node.id}`, `Node "${node.id}" cannot be reached from the start of scenario "${scenario.id}": no "next" or choice leads to it from "${scenario.start}".`);
    }
  }
}

/** Depth-first search; an edge back to a node still on the path closes a loop. */
function checkNoLoops(scenario: Scenario, nodes: Map<string, ScenarioNode>, report: Report): void {
  const done = new Set<string>();
  const path: string[] = [];

  const visit = (id: string): void => {
    const node = nodes.get(id);
    if (!node || done.has(id)) return;
    path.push(id);
    for (const edge of edgesOf(scenario.id, node)) {
      const loopStart = path.indexOf(edge.to);
      if (loopStart >= 0) {
        const loop = [...path.slice(loopStart), edge.to].join(' → ');
        report(
          `${scenario.id}/${edge.to}`,
          `Scenario "${scenario.id}" goes round in a loop (${loop}). The player records each decision once, so a story must never come back to a node it has passed.`,
        );
      } else {
        visit(edge.to);
      }
    }
    path.pop();
    done.add(id);
  };

  for (const node of scenario.nodes) visit(node.id);
}
