/**
 * Where in the editor a problem of the content check belongs: which section, which part of it
 * (an item, a fact, a story node) and, for a string, which input. The check names a content id
 * (`F3`, `q-seat`, `party-lift/offer`, `party-lift/offer/get-in`) or a JSON path of the file
 * (`items.3.options`, `facts.F1.caveat`).
 */
import type { ModuleStructure } from '@/lib/content/schema';
import type { StudioProblem } from '@/lib/api/studio-state';
import { stringFieldId, entityAnchor } from './fields';

export const SECTIONS = ['screens', 'facts', 'questions', 'attitude', 'plans', 'stories', 'notes', 'preview', 'translations', 'files', 'publish'] as const;
export type Section = (typeof SECTIONS)[number];

export interface Place {
  section: Section;
  /** The id of the element to focus. */
  target: string;
  /** The content id whose part of the editor shows the problem. */
  entity: string;
  scenario?: string;
  node?: string;
}

const TOP_SECTIONS: Record<string, Section> = {
  title: 'screens',
  tagline: 'screens',
  intro: 'screens',
  contentNote: 'screens',
  summary: 'screens',
  considerations: 'screens',
  facts: 'facts',
  sources: 'facts',
  misconceptions: 'questions',
  items: 'questions',
  attitudeItems: 'attitude',
  plans: 'plans',
  scenarios: 'stories',
  pictures: 'stories',
};

export function placeResolver(structure: ModuleStructure) {
  const entities = new Map<string, Omit<Place, 'target' | 'entity'>>();
  for (const fact of structure.facts ?? []) entities.set(fact.id, { section: 'facts' });
  for (const source of structure.sources ?? []) entities.set(source.id, { section: 'facts' });
  for (const item of structure.items ?? []) entities.set(item.id, { section: 'questions' });
  for (const item of structure.attitudeItems ?? []) entities.set(item.id, { section: 'attitude' });
  for (const plan of structure.plans ?? []) entities.set(plan.id, { section: 'plans' });
  for (const scenario of structure.scenarios ?? []) {
    entities.set(scenario.id, { section: 'stories', scenario: scenario.id });
    for (const node of scenario.nodes ?? []) entities.set(`${scenario.id}/${node.id}`, { section: 'stories', scenario: scenario.id, node: node.id });
  }

  const byContentId = (id: string): Place | undefined => {
    const parts = id.split('/');
    for (let n = parts.length; n > 0; n--) {
      const entity = parts.slice(0, n).join('/');
      const found = entities.get(entity);
      if (found) return { ...found, entity, target: entityAnchor(entity) };
    }
    if (/^K\d+$/.test(id)) return { section: 'screens', entity: id, target: entityAnchor(id) };
    return undefined;
  };

  const byPath = (file: string, id: string): Place | undefined => {
    const path = id.split('.');
    const [top = '', second, third, , fifth] = path;
    const section = TOP_SECTIONS[top];
    if (!section) return undefined;
    const locale = file.replace(/\.json$/, '');
    const isText = file !== 'structure.json';
    // A structure path names a list entry by index; the text files name it by id.
    const list = (structure as unknown as Record<string, { id?: string }[] | undefined>)[top];
    const entity = !isText && Array.isArray(list) && second !== undefined && /^\d+$/.test(second) ? list[Number(second)]?.id : second;
    if (top === 'scenarios' && entity !== undefined) {
      const node = isText ? (third === 'nodes' ? path[3] : undefined) : undefined;
      const scenario = entity;
      const target = isText ? stringFieldId(locale, id) : entityAnchor(node ? `${scenario}/${node}` : scenario);
      return { section, scenario, node, entity: node ? `${scenario}/${node}` : scenario, target };
    }
    if (top === 'pictures') {
      const [scenario, node] = (entity ?? '').split('/');
      return scenario ? { section, scenario, node, entity: `${scenario}/${node ?? ''}`, target: entityAnchor(`${scenario}/${node ?? ''}`) } : { section, entity: top, target: `section-${section}` };
    }
    void fifth;
    if (isText) return { section, entity: entity ?? top, target: stringFieldId(locale, id) };
    return { section, entity: entity ?? top, target: entity ? entityAnchor(entity) : `section-${section}` };
  };

  return (problem: StudioProblem): Place => {
    if (problem.file.startsWith('teacher-notes/')) return notePlace(problem);
    if (problem.file === 'structure.json' || !/^[a-z]{2}(-[A-Z]{2})?\.json$/.test(problem.file)) {
      const place = byContentId(problem.id) ?? byPath(problem.file, problem.id);
      if (place) return place;
    } else {
      // A text file: a string's path (schema problems) or a content id (translation problems).
      const place = (problem.id.includes('.') ? byPath(problem.file, problem.id) : undefined) ?? byContentId(problem.id) ?? byPath(problem.file, problem.id);
      if (place) return place;
    }
    const section = TOP_SECTIONS[problem.id] ?? 'screens';
    return { section, entity: problem.id, target: `section-${section}` };
  };
}

/**
 * A teacher-notes problem: the check names a step's key (`fact:F1`: no note for it, or a note for
 * no step) or a path in the file (`notes.fact:F1.prompt`: a string too short).
 */
function notePlace(problem: StudioProblem): Place {
  const locale = problem.file.replace(/^teacher-notes\//, '').replace(/\.json$/, '');
  const parts = problem.id.split('.');
  if (parts[0] === 'notes' && parts.length >= 2) {
    const key = parts[1] ?? '';
    return { section: 'notes', entity: `note:${key}`, target: parts.length >= 3 ? stringFieldId(locale, problem.id) : entityAnchor(`note:${key}`) };
  }
  if (/^((fact|item|scenario|section):[a-z0-9-]+|plan|summary)$/i.test(problem.id)) {
    return { section: 'notes', entity: `note:${problem.id}`, target: stringFieldId(locale, `notes.${problem.id}.prompt`) };
  }
  return { section: 'notes', entity: problem.id, target: 'section-notes' };
}
