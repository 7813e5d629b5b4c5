'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { Teaches } from '@/lib/content/schema';
import { stringAt } from '@/lib/domain/module-strings';
import { type DraftState, LOCALES } from './draft-state';
import { Check, Entity, NumberField, PlainField, RemoveButton, Select, TextPair, type OnText } from './fields';

export type OnStructure = (path: readonly (string | number)[], value: unknown) => void;
/** Removes the entry with `id` from the list at `listPath` (none: a key point, text only) and its strings at `textPath`. */
export type OnRemove = (listPath: readonly (string | number)[] | null, id: string, textPath: readonly string[]) => void;

export interface SectionProps {
  draft: DraftState;
  onText: OnText;
  onStructure: OnStructure;
  /** Adds an object at `path` in every locale's text (a new key point), keeping any already there. */
  onTextTree: (path: readonly string[], value: unknown) => void;
  onRemove: OnRemove;
  /** The check's messages for one content id or string id. */
  problemsAt: (id: string) => string[] | undefined;
  /** String ids whose source changed since they were translated. */
  stale: ReadonlySet<string>;
}

function useText(draft: DraftState, stale: ReadonlySet<string>, onText: OnText) {
  return (id: string, label: string, multiline = false) => (
    <TextPair
      key={id}
      id={id}
      label={label}
      values={LOCALES.map((locale) => stringAt(draft.text[locale], id) ?? '') as unknown as readonly [string, string]}
      onText={onText}
      multiline={multiline}
      stale={stale.has(id)}
    />
  );
}

/** The module's learning points: its facts and the key considerations its text names. */
function learningPoints(draft: DraftState): { facts: string[]; considerations: string[] } {
  return {
    facts: (draft.structure.facts ?? []).map((fact) => fact.id),
    considerations: Object.keys(draft.text['en-GB'].considerations ?? {}),
  };
}

export function TeachesField({ draft, value, path, onStructure, legend }: { draft: DraftState; value: Teaches | undefined; path: readonly (string | number)[]; onStructure: OnStructure; legend: string }) {
  const t = useTranslations('Studio');
  const declared = learningPoints(draft);
  const teaches = { facts: value?.facts ?? [], considerations: value?.considerations ?? [] };
  // A point that was removed but is still ticked here stays listed, so it can be unticked.
  const points = {
    facts: [...declared.facts, ...(teaches.facts as string[]).filter((id) => !declared.facts.includes(id))],
    considerations: [...declared.considerations, ...(teaches.considerations as string[]).filter((id) => !declared.considerations.includes(id))],
  };
  const label = (kind: 'facts' | 'considerations', id: string) => (declared[kind].includes(id) ? id : t('remove.gone', { id }));
  const toggle = (kind: 'facts' | 'considerations', id: string, on: boolean) =>
    onStructure([...path, kind], on ? [...teaches[kind], id] : teaches[kind].filter((x: string) => x !== id));
  return (
    <fieldset className="studio-checks">
      <legend>{legend}</legend>
      {points.facts.map((id) => (
        <Check key={id} label={label('facts', id)} checked={(teaches.facts as string[]).includes(id)} onChange={(on) => toggle('facts', id, on)} />
      ))}
      {points.considerations.map((id) => (
        <Check key={id} label={label('considerations', id)} checked={(teaches.considerations as string[]).includes(id)} onChange={(on) => toggle('considerations', id, on)} />
      ))}
    </fieldset>
  );
}

export function ScreensSection({ draft, onText, onTextTree, onRemove, stale, problemsAt }: SectionProps) {
  const t = useTranslations('Studio.screens');
  const r = useTranslations('Studio.remove');
  const text = useText(draft, stale, onText);
  return (
    <>
      <Entity id="screen-start" title={t('start')} problems={[...(problemsAt('title') ?? []), ...(problemsAt('intro') ?? [])]}>
        {text('title', t('title'))}
        {text('tagline', t('tagline'))}
        {text('intro', t('intro'), true)}
        {text('contentNote', t('contentNote'), true)}
      </Entity>
      <Entity id="screen-summary" title={t('summary')} problems={problemsAt('summary')}>
        {text('summary.heading', t('summaryHeading'))}
        {text('summary.body', t('summaryBody'), true)}
      </Entity>
      {Object.keys(draft.text['en-GB'].considerations ?? {}).map((k) => (
        <Entity key={k} id={k} title={t('consideration', { id: k })} problems={problemsAt(k)}>
          {text(`considerations.${k}.title`, t('considerationTitle'))}
          {text(`considerations.${k}.body`, t('considerationBody'), true)}
          <RemoveButton label={r('keyPoint', { id: k })} onRemove={() => onRemove(null, k, ['considerations', k])} />
        </Entity>
      ))}
      <AddEntity
        name="key-point"
        legend={t('addKeyPoint')}
        idLabel={t('keyPointId')}
        pattern={KEY_POINT_ID}
        taken={Object.keys(draft.text['en-GB'].considerations ?? {})}
        onAdd={(id) => onTextTree(['considerations', id], {})}
      />
    </>
  );
}

export function FactsSection({ draft, onText, onStructure, onRemove, stale, problemsAt }: SectionProps) {
  const t = useTranslations('Studio.facts');
  const r = useTranslations('Studio.remove');
  const text = useText(draft, stale, onText);
  const sources = draft.structure.sources ?? [];
  return (
    <>
      {(draft.structure.facts ?? []).map((fact, index) => {
        const guess = fact.guess;
        return (
          <Entity key={fact.id} id={fact.id} title={t('fact', { id: fact.id })} problems={problemsAt(fact.id)}>
            {text(`facts.${fact.id}.title`, t('title'))}
            {text(`facts.${fact.id}.question`, t('question'), true)}
            <Select
              id={`fact-${fact.id}-kind`}
              label={t('guessKind')}
              value={guess?.kind ?? 'choice'}
              options={[
                { value: 'choice', label: t('guessChoice') },
                { value: 'number', label: t('guessNumber') },
              ]}
              onChange={(kind) =>
                onStructure(
                  ['facts', index, 'guess'],
                  kind === 'number'
                    ? { kind: 'number', min: 0, max: 10, step: 1, start: 0, answer: 1 }
                    : { kind: 'choice', options: [{ id: 'a', correct: true }, { id: 'b', correct: false }] },
                )
              }
            />
            {guess?.kind === 'number' && (
              <div className="studio-row">
                {(['min', 'max', 'step', 'start', 'answer'] as const).map((name) => (
                  <NumberField key={name} id={`fact-${fact.id}-${name}`} label={t(`number.${name}`)} value={guess[name]} onChange={(value) => onStructure(['facts', index, 'guess', name], value)} />
                ))}
              </div>
            )}
            {guess?.kind === 'number' && text(`facts.${fact.id}.unit`, t('unit'))}
            {guess?.kind === 'choice' &&
              guess.options.map((option, o) => (
                <div key={option.id} className="studio-option">
                  {text(`facts.${fact.id}.options.${option.id}`, t('option', { id: option.id }))}
                  <Check label={t('correct')} checked={option.correct} onChange={(on) => onStructure(['facts', index, 'guess', 'options', o, 'correct'], on)} />
                  {guess.options.length > 2 && (
                    <RemoveButton label={r('option', { option: option.id, id: fact.id })} onRemove={() => onRemove(['facts', index, 'guess', 'options'], option.id, ['facts', fact.id, 'options', option.id])} />
                  )}
                </div>
              ))}
            {guess?.kind === 'choice' && guess.options.length < 6 && (
              <button
                type="button"
                className="button button--secondary studio-button"
                onClick={() => onStructure(['facts', index, 'guess', 'options'], [...guess.options, { id: nextOptionId(guess.options.map((x) => x.id)), correct: false }])}
              >
                {t('addOption')}
              </button>
            )}
            {text(`facts.${fact.id}.answer`, t('answer'))}
            {text(`facts.${fact.id}.reveal`, t('reveal'), true)}
            {text(`facts.${fact.id}.caveat`, t('caveat'), true)}
            <fieldset className="studio-checks">
              <legend>{t('sources')}</legend>
              {sources.map((source) => (
                <Check
                  key={source.id}
                  label={`${source.title} (${source.year})`}
                  checked={fact.sources.includes(source.id)}
                  onChange={(on) => onStructure(['facts', index, 'sources'], on ? [...fact.sources, source.id] : fact.sources.filter((id) => id !== source.id))}
                />
              ))}
            </fieldset>
            <RemoveButton label={r('fact', { id: fact.id })} onRemove={() => onRemove(['facts'], fact.id, ['facts', fact.id])} />
          </Entity>
        );
      })}
      <AddEntity
        name="fact"
        legend={t('addFact')}
        idLabel={t('factId')}
        pattern={FACT_ID}
        taken={(draft.structure.facts ?? []).map((f) => f.id)}
        onAdd={(id) => onStructure(['facts'], [...(draft.structure.facts ?? []), { id, sources: [], guess: { kind: 'choice', options: [{ id: 'a', correct: true }, { id: 'b', correct: false }] } }])}
      />
      <h3>{t('sourcesHeading')}</h3>
      {sources.map((source, index) => (
        <Entity key={source.id} id={source.id} title={source.title || source.id} problems={problemsAt(source.id)}>
          <PlainField id={`source-${source.id}-title`} label={t('source.title')} value={source.title ?? ''} onChange={(v) => onStructure(['sources', index, 'title'], v)} />
          <PlainField id={`source-${source.id}-publisher`} label={t('source.publisher')} value={source.publisher ?? ''} onChange={(v) => onStructure(['sources', index, 'publisher'], v)} />
          <div className="studio-row">
            <NumberField id={`source-${source.id}-year`} label={t('source.year')} value={source.year} onChange={(v) => onStructure(['sources', index, 'year'], v)} />
            <PlainField id={`source-${source.id}-review`} label={t('source.reviewBy')} type="date" value={source.reviewBy ?? ''} onChange={(v) => onStructure(['sources', index, 'reviewBy'], v)} />
          </div>
          <PlainField id={`source-${source.id}-url`} label={t('source.url')} type="url" value={source.url ?? ''} onChange={(v) => onStructure(['sources', index, 'url'], v === '' ? undefined : v)} />
          <RemoveButton label={r('source', { id: source.id })} onRemove={() => onRemove(['sources'], source.id, [])} />
        </Entity>
      ))}
      <AddEntity
        name="source"
        legend={t('addSource')}
        idLabel={t('sourceId')}
        pattern={CONTENT_ID}
        taken={sources.map((s) => s.id)}
        onAdd={(id) => onStructure(['sources'], [...sources, { id, title: '', publisher: '', year: new Date().getFullYear(), reviewBy: '' }])}
      />
    </>
  );
}

export function QuestionsSection({ draft, onText, onStructure, onRemove, stale, problemsAt }: SectionProps) {
  const t = useTranslations('Studio.questions');
  const r = useTranslations('Studio.remove');
  const text = useText(draft, stale, onText);
  const misconceptions = (draft.structure.misconceptions ?? []).map((m) => ({ value: m.id, label: m.id }));
  // A misconception removed while an option still names it stays in that option's list, marked, so
  // the dangling choice is seen (and the check names it) instead of showing as "none".
  const misconceptionChoices = (value: string) => [
    { value: '', label: t('none') },
    ...(value !== '' && !misconceptions.some((m) => m.value === value) ? [{ value, label: r('goneChoice', { id: value }) }] : []),
    ...misconceptions,
  ];
  return (
    <>
      {(draft.structure.items ?? []).map((item, index) => (
        <Entity key={item.id} id={item.id} title={t('item', { id: item.id, kind: t(`kinds.${item.kind}`) })} problems={problemsAt(item.id)}>
          {text(`items.${item.id}.prompt`, t('stem'), true)}
          {item.options.map((option, o) => (
            <div key={option.id} className="studio-option" id={`e-${item.id}/${option.id}`}>
              {text(`items.${item.id}.options.${option.id}.label`, t('option', { id: option.id }))}
              {item.kind !== 'ordering' && (
                <>
                  {text(`items.${item.id}.options.${option.id}.explanation`, t('feedback', { id: option.id }), true)}
                  <Check
                    label={t('right')}
                    checked={'correct' in option && option.correct}
                    onChange={(on) => onStructure(['items', index, 'options', o, 'correct'], on)}
                  />
                  {'correct' in option && !option.correct && (
                    <Select
                      id={`item-${item.id}-${option.id}-misconception`}
                      label={t('misconception')}
                      value={'misconception' in option ? (option.misconception ?? '') : ''}
                      options={misconceptionChoices('misconception' in option ? (option.misconception ?? '') : '')}
                      onChange={(v) => onStructure(['items', index, 'options', o, 'misconception'], v === '' ? undefined : v)}
                    />
                  )}
                </>
              )}
              {item.kind !== 'truefalse' && item.options.length > 2 && (
                <RemoveButton label={r('option', { option: option.id, id: item.id })} onRemove={() => onRemove(['items', index, 'options'], option.id, ['items', item.id, 'options', option.id])} />
              )}
            </div>
          ))}
          {item.kind !== 'truefalse' && item.options.length < (item.kind === 'multiple' ? 8 : 6) && (
            <button
              type="button"
              className="button button--secondary studio-button"
              onClick={() =>
                onStructure(['items', index, 'options'], [...item.options, item.kind === 'ordering' ? { id: nextOptionId(item.options.map((x) => x.id)) } : { id: nextOptionId(item.options.map((x) => x.id)), correct: false }])
              }
            >
              {t('addOption')}
            </button>
          )}
          {text(`items.${item.id}.explanation`, t('explanation'), true)}
          {item.kind === 'ordering' && text(`items.${item.id}.wrongOrder`, t('wrongOrder'), true)}
          {item.kind === 'ordering' && (
            <Select id={`item-${item.id}-misconception`} label={t('misconception')} value={item.misconception ?? ''} options={misconceptionChoices(item.misconception ?? '')} onChange={(v) => onStructure(['items', index, 'misconception'], v)} />
          )}
          <fieldset className="studio-checks">
            <legend>{t('phases')}</legend>
            {(['before', 'main', 'after', 'followup'] as const).map((phase) => (
              <Check key={phase} label={t(`phase.${phase}`)} checked={item.phases.includes(phase)} onChange={(on) => onStructure(['items', index, 'phases'], on ? [...item.phases, phase] : item.phases.filter((p) => p !== phase))} />
            ))}
          </fieldset>
          <TeachesField draft={draft} value={item.teaches} path={['items', index, 'teaches']} onStructure={onStructure} legend={t('teaches')} />
          <RemoveButton label={r('item', { id: item.id })} onRemove={() => onRemove(['items'], item.id, ['items', item.id])} />
        </Entity>
      ))}
      <AddEntity
        name="item"
        legend={t('addItem')}
        idLabel={t('itemId')}
        pattern={CONTENT_ID}
        taken={(draft.structure.items ?? []).map((i) => i.id)}
        kinds={(['single', 'multiple', 'truefalse', 'ordering'] as const).map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        onAdd={(id, kind) => onStructure(['items'], [...(draft.structure.items ?? []), defaultItem(id, kind)])}
      />
      <h3>{t('misconceptionsHeading')}</h3>
      {(draft.structure.misconceptions ?? []).map((m) => (
        <div key={m.id} id={`e-${m.id}`}>
          {text(`misconceptions.${m.id}`, t('misconceptionText', { id: m.id }))}
          <RemoveButton label={r('misconception', { id: m.id })} onRemove={() => onRemove(['misconceptions'], m.id, ['misconceptions', m.id])} />
        </div>
      ))}
      <AddEntity
        name="misconception"
        legend={t('addMisconception')}
        idLabel={t('misconceptionId')}
        pattern={CONTENT_ID}
        taken={(draft.structure.misconceptions ?? []).map((m) => m.id)}
        onAdd={(id) => onStructure(['misconceptions'], [...(draft.structure.misconceptions ?? []), { id }])}
      />
    </>
  );
}

export function AttitudeSection({ draft, onText, onStructure, onRemove, stale, problemsAt }: SectionProps) {
  const t = useTranslations('Studio.attitude');
  const r = useTranslations('Studio.remove');
  const text = useText(draft, stale, onText);
  const phases = ['before', 'main', 'after', 'followup'] as const;
  return (
    <>
      {(draft.structure.attitudeItems ?? []).map((item, index) => (
        <Entity key={item.id} id={item.id} title={t('item', { id: item.id })} problems={problemsAt(item.id)}>
          {text(`attitudeItems.${item.id}.statement`, t('statement'), true)}
          <Select
            id={`attitude-${item.id}-construct`}
            label={t('construct')}
            value={item.construct}
            options={(['attitude', 'norm', 'control', 'intention'] as const).map((c) => ({ value: c, label: t(`constructs.${c}`) }))}
            onChange={(v) => onStructure(['attitudeItems', index, 'construct'], v)}
          />
          <fieldset className="studio-checks">
            <legend>{t('phases')}</legend>
            {phases.map((phase) => (
              <Check
                key={phase}
                label={t(`phase.${phase}`)}
                checked={item.phases.includes(phase)}
                onChange={(on) => onStructure(['attitudeItems', index, 'phases'], on ? [...item.phases, phase] : item.phases.filter((p) => p !== phase))}
              />
            ))}
          </fieldset>
          <Check label={t('reverse')} checked={item.reverse ?? false} onChange={(on) => onStructure(['attitudeItems', index, 'reverse'], on)} />
          <TeachesField draft={draft} value={item.teaches} path={['attitudeItems', index, 'teaches']} onStructure={onStructure} legend={t('teaches')} />
          <RemoveButton label={r('attitude', { id: item.id })} onRemove={() => onRemove(['attitudeItems'], item.id, ['attitudeItems', item.id])} />
        </Entity>
      ))}
      <AddEntity
        name="attitude"
        legend={t('add')}
        idLabel={t('id')}
        pattern={CONTENT_ID}
        taken={(draft.structure.attitudeItems ?? []).map((i) => i.id)}
        onAdd={(id) =>
          onStructure(['attitudeItems'], [...(draft.structure.attitudeItems ?? []), { id, construct: 'attitude', phases: ['before', 'after'], reverse: false, teaches: { facts: [], considerations: [] } }])
        }
      />
    </>
  );
}

export function PlansSection({ draft, onText, onStructure, onRemove, stale, problemsAt }: SectionProps) {
  const t = useTranslations('Studio.plans');
  const r = useTranslations('Studio.remove');
  const text = useText(draft, stale, onText);
  return (
    <>
      {(draft.structure.plans ?? []).map((plan, index) => (
        <Entity key={plan.id} id={plan.id} title={t('plan', { id: plan.id })} problems={problemsAt(plan.id)}>
          {text(`plans.${plan.id}.if`, t('if'), true)}
          {text(`plans.${plan.id}.then`, t('then'), true)}
          <TeachesField draft={draft} value={plan.teaches} path={['plans', index, 'teaches']} onStructure={onStructure} legend={t('teaches')} />
          <RemoveButton label={r('plan', { id: plan.id })} onRemove={() => onRemove(['plans'], plan.id, ['plans', plan.id])} />
        </Entity>
      ))}
      <AddEntity
        name="plan"
        legend={t('add')}
        idLabel={t('id')}
        pattern={CONTENT_ID}
        taken={(draft.structure.plans ?? []).map((p) => p.id)}
        onAdd={(id) => onStructure(['plans'], [...(draft.structure.plans ?? []), { id, teaches: { facts: [], considerations: [] } }])}
      />
    </>
  );
}

/**
 * Adds a part to the module: an id (checked as the content schema would) and, for questions, a
 * kind. Errors are shown at the field, in the page's language.
 */
export function AddEntity({
  name,
  legend,
  idLabel,
  pattern,
  taken,
  kinds,
  onAdd,
}: {
  name: string;
  legend: string;
  idLabel: string;
  pattern: RegExp;
  taken: readonly string[];
  kinds?: readonly { value: string; label: string }[];
  onAdd: (id: string, kind: string) => void;
}) {
  const t = useTranslations('Studio.add');
  const [id, setId] = useState('');
  const [kind, setKind] = useState(kinds?.[0]?.value ?? '');
  const [error, setError] = useState<string | null>(null);
  const inputId = `add-${name}-id`;
  const add = () => {
    const value = id.trim();
    if (!pattern.test(value)) return setError(t('badId'));
    if (taken.includes(value)) return setError(t('taken'));
    onAdd(value, kind);
    setId('');
    setError(null);
  };
  return (
    <fieldset className="studio-add">
      <legend>{legend}</legend>
      <div className="studio-row">
        {kinds && <Select id={`add-${name}-kind`} label={t('kind')} value={kind} options={kinds} onChange={setKind} />}
        <div className={error ? 'field studio-inline-field has-error' : 'field studio-inline-field'}>
          <label className="field-label" htmlFor={inputId}>
            {idLabel}
          </label>
          {error && (
            <p className="field-error" id={`${inputId}-error`}>
              {error}
            </p>
          )}
          <input
            id={inputId}
            className="text-input"
            value={id}
            aria-describedby={error ? `${inputId}-error` : undefined}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setId(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
        </div>
        <button type="button" className="button button--secondary studio-button" onClick={add}>
          {t('submit')}
        </button>
      </div>
    </fieldset>
  );
}

const CONTENT_ID = /^[a-z0-9][a-z0-9-]{0,47}$/;
const FACT_ID = /^F[1-9][0-9]?$/;
const KEY_POINT_ID = /^K[1-9][0-9]?$/;
const OPTION_IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

export function defaultItem(id: string, kind: string): unknown {
  const teaches = { facts: [], considerations: [] };
  const base = { id, phases: ['main'], teaches, askConfidence: true, depth: 'core' };
  if (kind === 'truefalse') return { ...base, kind, options: [{ id: 'true', correct: true }, { id: 'false', correct: false }] };
  if (kind === 'ordering') return { ...base, kind, options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], misconception: '' };
  if (kind === 'multiple') return { ...base, kind, options: [{ id: 'a', correct: true }, { id: 'b', correct: false }, { id: 'c', correct: false }] };
  return { ...base, kind: 'single', options: [{ id: 'a', correct: true }, { id: 'b', correct: false }] };
}

export function nextOptionId(taken: readonly string[]): string {
  return OPTION_IDS.find((id) => !taken.includes(id)) ?? `o${taken.length + 1}`;
}

export { CONTENT_ID, FACT_ID, KEY_POINT_ID };
