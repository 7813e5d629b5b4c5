'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Scenario, ScenarioNode } from '@/lib/content/schema';
import { PICTURE_SETTINGS } from '@/lib/content/pictures';
import { MODULE_ID } from '@/lib/domain/module-draft';
import { stringAt } from '@/lib/domain/module-strings';
import { analyseStory } from '@/lib/domain/story-graph';
import { LOCALES, type DraftState } from './draft-state';
import { Check, Problems, Select, TextPair, type OnText } from './fields';
import { TeachesField, type OnStructure } from './sections';

const NODE_W = 170;
const NODE_H = 72;
/** Characters of a screen's English text shown in its box, so an officer sees the story, not only ids. */
const EXCERPT = 19;
const GAP_X = 60;
const GAP_Y = 22;

/** A node's id in the drawing, for focus and for the check's links. */
export const storyNodeDomId = (scenarioId: string, nodeId: string) => `e-${scenarioId}/${nodeId}`;

export interface StoryGraphProps {
  draft: DraftState;
  onText: OnText;
  onStructure: OnStructure;
  /** Removes a screen with its strings and picture (draft-state's removeStoryNode). */
  onRemoveNode: (scenarioId: string, nodeId: string) => void;
  problemsAt: (id: string) => string[] | undefined;
  stale: ReadonlySet<string>;
  scenarioId: string | null;
  onScenario: (id: string) => void;
  selected: string | null;
  onSelect: (nodeId: string | null) => void;
}

/**
 * A story as a graph: every node drawn where its steps from the start put it, every edge an
 * arrow, and what is wrong shown on the node as it is made (unreachable: dashed; endless or on a
 * loop: a warning mark), with the same faults listed in words under the drawing. Keyboard: Tab
 * reaches the drawing's nodes; arrow keys follow the edges (right: on, left: back) and move
 * within a column (up, down); Enter or Space opens the node below to edit, where adding,
 * linking and removing are ordinary form controls.
 */
export function StoryGraph(props: StoryGraphProps) {
  const t = useTranslations('Studio.stories');
  const { draft, onStructure, scenarioId, onScenario } = props;
  const scenarios = draft.structure.scenarios ?? [];
  const index = scenarios.findIndex((s) => s.id === scenarioId);
  const scenario = index >= 0 ? scenarios[index] : undefined;
  const [newId, setNewId] = useState('');
  const [newError, setNewError] = useState<string | null>(null);

  const addScenario = () => {
    const id = newId.trim();
    if (!MODULE_ID.test(id)) return setNewError(t('errors.badId'));
    if (scenarios.some((s) => s.id === id)) return setNewError(t('errors.taken'));
    const start = 's-start';
    const created: Scenario = {
      id,
      role: 'passenger',
      depth: 'core',
      start,
      teaches: { facts: [], considerations: [] },
      nodes: [
        { id: start, kind: 'scene', next: 'e-end' },
        { id: 'e-end', kind: 'ending', outcome: 'safe', pointsTo: { facts: [], considerations: [] } },
      ],
    };
    onStructure(['scenarios'], [...scenarios, created]);
    setNewId('');
    setNewError(null);
    onScenario(id);
  };

  return (
    <div className="studio-stories">
      <div className="studio-row">
        <Select
          id="story-picker"
          label={t('story')}
          value={scenario?.id ?? ''}
          options={[{ value: '', label: t('chooseStory') }, ...scenarios.map((s) => ({ value: s.id, label: stringAt(draft.text['en-GB'], `scenarios.${s.id}.title`) ?? s.id }))]}
          onChange={(id) => onScenario(id)}
        />
        <div className={newError ? 'field studio-inline-field has-error' : 'field studio-inline-field'}>
          <label className="field-label" htmlFor="new-story-id">
            {t('newStoryId')}
          </label>
          {newError && (
            <p className="field-error" id="new-story-id-error">
              {newError}
            </p>
          )}
          <input id="new-story-id" className="text-input" value={newId} aria-describedby={newError ? 'new-story-id-error' : undefined} onChange={(e) => setNewId(e.target.value)} />
        </div>
        <button type="button" className="button button--secondary studio-button" onClick={addScenario}>
          {t('addStory')}
        </button>
      </div>
      {scenario && <ScenarioGraph key={scenario.id} {...props} scenario={scenario} index={index} />}
    </div>
  );
}

function ScenarioGraph({ draft, onText, onStructure, onRemoveNode, problemsAt, stale, scenario, index, selected, onSelect }: StoryGraphProps & { scenario: Scenario; index: number }) {
  const t = useTranslations('Studio.stories');
  const analysis = useMemo(() => analyseStory(scenario), [scenario]);
  const path = ['scenarios', index] as const;
  const svgRef = useRef<SVGSVGElement>(null);
  const nodes = scenario.nodes;
  const columns = Math.max(1, ...[...analysis.position.values()].map((p) => p.column + 1));
  const rows = Math.max(1, ...[...analysis.position.values()].map((p) => p.row + 1));
  const width = columns * (NODE_W + GAP_X);
  // Room below the last row for the curve of an edge that goes back to an earlier column.
  const height = rows * (NODE_H + GAP_Y) + GAP_Y + (analysis.edges.some((e) => (analysis.position.get(e.to)?.column ?? 0) <= (analysis.position.get(e.from)?.column ?? 0)) ? 70 : 0);
  const at = (id: string) => {
    const p = analysis.position.get(id) ?? { column: 0, row: 0 };
    return { x: GAP_X / 2 + p.column * (NODE_W + GAP_X), y: GAP_Y + p.row * (NODE_H + GAP_Y) };
  };
  const excerpt = (node: ScenarioNode) => {
    const text = (stringAt(draft.text['en-GB'], `scenarios.${scenario.id}.nodes.${node.id}.text`) ?? '').replace(/\s+/g, ' ').trim();
    return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1).trimEnd()}…` : text;
  };
  const label = (node: ScenarioNode) => {
    const faults = [
      node.id === scenario.start ? t('isStart') : '',
      analysis.unreachable.has(node.id) ? t('unreachable') : '',
      analysis.inLoop.has(node.id) ? t('loop') : '',
      analysis.endless.has(node.id) && !analysis.inLoop.has(node.id) ? t('endless') : '',
    ].filter(Boolean);
    const words = excerpt(node);
    return [t(`kinds.${node.kind}`), node.id, ...faults, ...(words ? [`“${words}”`] : [])].join(', ');
  };
  const focusNode = (id: string | undefined) => {
    if (id === undefined) return;
    const el = svgRef.current?.querySelector<SVGGElement>(`[data-node="${CSS.escape(id)}"]`);
    el?.focus();
  };
  const onKey = (node: ScenarioNode, event: KeyboardEvent<SVGGElement>) => {
    const here = analysis.position.get(node.id);
    const sameColumn = nodes.filter((n) => analysis.position.get(n.id)?.column === here?.column);
    const i = sameColumn.findIndex((n) => n.id === node.id);
    const move: Record<string, () => string | undefined> = {
      ArrowRight: () => analysis.edges.find((e) => e.from === node.id && analysis.position.has(e.to))?.to,
      ArrowLeft: () => analysis.edges.find((e) => e.to === node.id)?.from,
      ArrowDown: () => sameColumn[i + 1]?.id,
      ArrowUp: () => sameColumn[i - 1]?.id,
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(node.id);
    } else if (move[event.key]) {
      event.preventDefault();
      focusNode(move[event.key]?.());
    }
  };
  const faults = [
    ...[...analysis.unreachable].map((id) => t('faultUnreachable', { id })),
    ...analysis.dangling.map((e) => t('faultDangling', { from: e.choice ? `${e.from}/${e.choice}` : e.from, to: e.to })),
    ...[...analysis.inLoop].map((id) => t('faultLoop', { id })),
    ...[...analysis.endless].filter((id) => !analysis.inLoop.has(id)).map((id) => t('faultEndless', { id })),
  ];
  const node = nodes.find((n) => n.id === selected);
  const nodeIndex = nodes.findIndex((n) => n.id === selected);

  return (
    <>
      <TextPair
        id={`scenarios.${scenario.id}.title`}
        label={t('storyTitle')}
        values={LOCALES.map((l) => stringAt(draft.text[l], `scenarios.${scenario.id}.title`) ?? '') as unknown as [string, string]}
        onText={onText}
        stale={stale.has(`scenarios.${scenario.id}.title`)}
      />
      <TextPair
        id={`scenarios.${scenario.id}.setup`}
        label={t('setup')}
        values={LOCALES.map((l) => stringAt(draft.text[l], `scenarios.${scenario.id}.setup`) ?? '') as unknown as [string, string]}
        onText={onText}
        multiline
        stale={stale.has(`scenarios.${scenario.id}.setup`)}
      />
      <TeachesField draft={draft} value={scenario.teaches} path={[...path, 'teaches']} onStructure={onStructure} legend={t('teaches')} />
      <Problems messages={problemsAt(scenario.id)} />
      <p className="hint" id="story-graph-help">
        {t('keyboardHelp')}
      </p>
      <div className="studio-graph" id={`e-${scenario.id}`}>
        <svg ref={svgRef} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="group" aria-label={t('graphLabel', { id: scenario.id })} aria-describedby="story-graph-help">
          <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor" />
            </marker>
          </defs>
          {analysis.edges
            .filter((e) => analysis.position.has(e.to))
            .map((e) => {
              const a = at(e.from);
              const b = at(e.to);
              const forward = b.x > a.x;
              const x1 = a.x + NODE_W;
              const y1 = a.y + NODE_H / 2;
              const x2 = forward ? b.x : b.x + NODE_W / 2;
              const y2 = forward ? b.y + NODE_H / 2 : b.y + NODE_H;
              return (
                <path
                  key={`${e.from}/${e.choice ?? ''}`}
                  className={forward ? 'studio-edge' : 'studio-edge studio-edge--back'}
                  d={forward ? `M ${x1} ${y1} C ${x1 + GAP_X / 2} ${y1}, ${x2 - GAP_X / 2} ${y2}, ${x2} ${y2}` : `M ${x1} ${y1} C ${x1 + GAP_X} ${y1 + 60}, ${x2} ${y2 + 60}, ${x2} ${y2}`}
                  markerEnd="url(#arrow)"
                />
              );
            })}
          {nodes.map((n) => {
            const { x, y } = at(n.id);
            const classes = [
              'studio-node',
              `studio-node--${n.kind}`,
              analysis.unreachable.has(n.id) ? 'studio-node--unreachable' : '',
              analysis.endless.has(n.id) || analysis.inLoop.has(n.id) ? 'studio-node--endless' : '',
              n.id === selected ? 'studio-node--selected' : '',
            ].join(' ');
            return (
              <g
                key={n.id}
                id={storyNodeDomId(scenario.id, n.id)}
                data-node={n.id}
                className={classes}
                transform={`translate(${x} ${y})`}
                tabIndex={0}
                role="button"
                aria-pressed={n.id === selected}
                aria-label={label(n)}
                onClick={() => onSelect(n.id)}
                onKeyDown={(event) => onKey(n, event)}
              >
                <rect width={NODE_W} height={NODE_H} rx={n.kind === 'decision' ? 4 : n.kind === 'ending' ? 24 : 10} />
                <text x={10} y={20} className="studio-node__kind">
                  {t(`kinds.${n.kind}`)}
                  {n.id === scenario.start ? ` · ${t('start')}` : ''}
                </text>
                <text x={10} y={40} className="studio-node__id">
                  {n.id.length > 18 ? `${n.id.slice(0, 17)}…` : n.id}
                  {analysis.unreachable.has(n.id) || analysis.endless.has(n.id) || analysis.inLoop.has(n.id) ? ' ⚠' : ''}
                </text>
                <text x={10} y={60} className="studio-node__text">
                  {excerpt(n)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <div aria-live="polite">
        {faults.length === 0 ? (
          <p className="studio-ok">{t('noFaults')}</p>
        ) : (
          <ul className="studio-faults" aria-label={t('faultsLabel')}>
            {faults.map((fault) => (
              <li key={fault}>{fault}</li>
            ))}
          </ul>
        )}
      </div>
      <AddNode scenario={scenario} path={path} onStructure={onStructure} onSelect={onSelect} />
      {node && nodeIndex >= 0 && (
        <NodeEditor
          key={node.id}
          draft={draft}
          scenario={scenario}
          node={node}
          path={[...path, 'nodes', nodeIndex]}
          onText={onText}
          onStructure={onStructure}
          onRemoveNode={onRemoveNode}
          problems={problemsAt(`${scenario.id}/${node.id}`)}
          stale={stale}
          onSelect={onSelect}
          scenarioPath={path}
        />
      )}
    </>
  );
}

function AddNode({ scenario, path, onStructure, onSelect }: { scenario: Scenario; path: readonly (string | number)[]; onStructure: OnStructure; onSelect: (id: string) => void }) {
  const t = useTranslations('Studio.stories');
  const [kind, setKind] = useState<ScenarioNode['kind']>('scene');
  const [id, setId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const nodeId = id.trim();
    if (!MODULE_ID.test(nodeId)) return setError(t('errors.badId'));
    if (scenario.nodes.some((n) => n.id === nodeId)) return setError(t('errors.taken'));
    const fallback = scenario.nodes.find((n) => n.kind === 'ending')?.id ?? scenario.start;
    const node: ScenarioNode =
      kind === 'scene'
        ? { id: nodeId, kind, next: fallback }
        : kind === 'decision'
          ? { id: nodeId, kind, choices: [{ id: 'choice-a', next: fallback, risky: false }, { id: 'choice-b', next: fallback, risky: true }] }
          : { id: nodeId, kind, outcome: 'safe', pointsTo: { facts: [], considerations: [] } };
    onStructure([...path, 'nodes'], [...scenario.nodes, node]);
    setId('');
    setError(null);
    onSelect(nodeId);
  };
  return (
    <fieldset className="studio-add">
      <legend>{t('addNode')}</legend>
      <div className="studio-row">
        <Select
          id="new-node-kind"
          label={t('nodeKind')}
          value={kind}
          options={(['scene', 'decision', 'ending'] as const).map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          onChange={(k) => setKind(k as ScenarioNode['kind'])}
        />
        <div className={error ? 'field studio-inline-field has-error' : 'field studio-inline-field'}>
          <label className="field-label" htmlFor="new-node-id">
            {t('nodeId')}
          </label>
          {error && (
            <p className="field-error" id="new-node-id-error">
              {error}
            </p>
          )}
          <input id="new-node-id" className="text-input" value={id} aria-describedby={error ? 'new-node-id-error' : undefined} onChange={(e) => setId(e.target.value)} />
        </div>
        <button type="button" className="button button--secondary studio-button" onClick={add}>
          {t('add')}
        </button>
      </div>
    </fieldset>
  );
}

function NodeEditor({
  draft,
  scenario,
  node,
  path,
  scenarioPath,
  onText,
  onStructure,
  onRemoveNode,
  problems,
  stale,
  onSelect,
}: {
  draft: DraftState;
  scenario: Scenario;
  node: ScenarioNode;
  path: readonly (string | number)[];
  scenarioPath: readonly (string | number)[];
  onText: OnText;
  onStructure: OnStructure;
  onRemoveNode: (scenarioId: string, nodeId: string) => void;
  problems: string[] | undefined;
  stale: ReadonlySet<string>;
  onSelect: (id: string | null) => void;
}) {
  const t = useTranslations('Studio.stories');
  const base = `scenarios.${scenario.id}.nodes.${node.id}`;
  const pair = (id: string, label: string, multiline = false) => (
    <TextPair
      id={id}
      label={label}
      values={LOCALES.map((l) => stringAt(draft.text[l], id) ?? '') as unknown as [string, string]}
      onText={onText}
      multiline={multiline}
      stale={stale.has(id)}
    />
  );
  const targets = scenario.nodes.filter((n) => n.id !== node.id).map((n) => ({ value: n.id, label: `${t(`kinds.${n.kind}`)}: ${n.id}` }));
  return (
    <section className="studio-entity studio-node-editor" aria-labelledby="node-editor-title">
      <h3 id="node-editor-title" tabIndex={-1}>
        {t('editNode', { kind: t(`kinds.${node.kind}`), id: node.id })}
      </h3>
      <Problems messages={problems} />
      {pair(`${base}.title`, t('nodeTitle'))}
      {pair(`${base}.text`, t('nodeText'), true)}
      <PictureField draft={draft} scenarioId={scenario.id} nodeId={node.id} onStructure={onStructure} />
      {pair(`pictures.${scenario.id}/${node.id}`, t('pictureAlt'), true)}
      {node.kind === 'scene' && (
        <Select id="node-next" label={t('next')} value={node.next} options={[...(targets.some((o) => o.value === node.next) ? [] : [{ value: node.next, label: node.next }]), ...targets]} onChange={(v) => onStructure([...path, 'next'], v)} />
      )}
      {node.kind === 'decision' &&
        node.choices.map((choice, c) => (
          <fieldset key={choice.id} className="studio-choice">
            <legend>{t('choice', { id: choice.id })}</legend>
            {pair(`${base}.choices.${choice.id}`, t('choiceText'))}
            <Select
              id={`choice-${choice.id}-next`}
              label={t('leadsTo')}
              value={choice.next}
              options={[...(targets.some((o) => o.value === choice.next) ? [] : [{ value: choice.next, label: choice.next }]), ...targets]}
              onChange={(v) => onStructure([...path, 'choices', c, 'next'], v)}
            />
            <Check label={t('risky')} checked={choice.risky} onChange={(on) => onStructure([...path, 'choices', c, 'risky'], on)} />
            {node.choices.length > 2 && (
              <button type="button" className="button button--quiet studio-button" onClick={() => onStructure([...path, 'choices'], node.choices.filter((x) => x.id !== choice.id))}>
                {t('removeChoice', { id: choice.id })}
              </button>
            )}
          </fieldset>
        ))}
      {node.kind === 'decision' && node.choices.length < 4 && (
        <button
          type="button"
          className="button button--secondary studio-button"
          onClick={() => {
            const taken = new Set(node.choices.map((x) => x.id));
            const id = ['choice-a', 'choice-b', 'choice-c', 'choice-d', 'choice-e'].find((x) => !taken.has(x)) ?? `choice-${node.choices.length + 1}`;
            onStructure([...path, 'choices'], [...node.choices, { id, next: node.choices[0]?.next ?? scenario.start, risky: false }]);
          }}
        >
          {t('addChoice')}
        </button>
      )}
      {node.kind === 'ending' && (
        <Select
          id="node-outcome"
          label={t('outcome')}
          value={node.outcome}
          options={(['safe', 'mixed', 'risky'] as const).map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
          onChange={(v) => onStructure([...path, 'outcome'], v)}
        />
      )}
      {node.kind === 'ending' && <TeachesField draft={draft} value={node.pointsTo} path={[...path, 'pointsTo']} onStructure={onStructure} legend={t('pointsTo')} />}
      <div className="studio-row">
        {node.id !== scenario.start && (
          <button type="button" className="button button--secondary studio-button" onClick={() => onStructure([...scenarioPath, 'start'], node.id)}>
            {t('makeStart')}
          </button>
        )}
        <button
          type="button"
          className="button button--quiet studio-button"
          onClick={() => {
            onRemoveNode(scenario.id, node.id);
            onSelect(null);
          }}
        >
          {t('removeNode', { id: node.id })}
        </button>
      </div>
    </section>
  );
}

/** The story picture of a node: its setting from the drawing set (people and props stay as they are). */
function PictureField({ draft, scenarioId, nodeId, onStructure }: { draft: DraftState; scenarioId: string; nodeId: string; onStructure: OnStructure }) {
  const t = useTranslations('Studio.stories');
  const key = `${scenarioId}/${nodeId}`;
  const pictures = draft.structure.pictures ?? [];
  const index = pictures.findIndex((p) => p.node === key);
  const current = index >= 0 ? pictures[index] : undefined;
  return (
    <Select
      id="node-picture"
      label={t('picture')}
      value={current?.setting ?? ''}
      options={[{ value: '', label: t('noPicture') }, ...PICTURE_SETTINGS.map((s) => ({ value: s, label: s }))]}
      onChange={(setting) => {
        if (setting === '') onStructure(['pictures'], pictures.filter((p) => p.node !== key));
        else if (current) onStructure(['pictures', index, 'setting'], setting);
        else onStructure(['pictures'], [...pictures, { node: key, setting, people: [], props: [] }]);
      }}
    />
  );
}
