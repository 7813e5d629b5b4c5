'use client';

import { useTranslations } from 'next-intl';
import { LOCALES, type DraftState, type StudioLocale, type TeacherNoteDraft } from './draft-state';
import { Entity, RemoveButton, TextPair } from './fields';

/** The editor's id of a note's string: `notes.<step key>.<prompt|keyPoint>`. */
export const noteStringId = (key: string, field: keyof TeacherNoteDraft) => `notes.${key}.${field}`;

export interface NotesSectionProps {
  draft: DraftState;
  /** Steps the check says have no note yet, in the order it names them. */
  missing: readonly string[];
  onNote: (locale: StudioLocale, key: string, field: keyof TeacherNoteDraft, value: string) => void;
  onRemoveNote: (key: string) => void;
  problemsAt: (id: string) => string[] | undefined;
}

/**
 * The teacher's notes for the presenter view: per step, a question to put to the class and the
 * key point, in en-GB and pl side by side. The steps that need one are the check's (it builds the
 * journey as a live session does, so a step is never guessed here); a note whose step no longer
 * exists is named by the check and can be removed.
 */
export function NotesSection({ draft, missing, onNote, onRemoveNote, problemsAt }: NotesSectionProps) {
  const t = useTranslations('Studio.notes');
  const r = useTranslations('Studio.remove');
  const keys = [...new Set([...LOCALES.flatMap((locale) => Object.keys(draft.notes[locale].notes)), ...missing])].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const onText = (locale: StudioLocale, id: string, value: string) => {
    const parts = id.split('.');
    const field = parts.at(-1);
    if (parts[0] !== 'notes' || (field !== 'prompt' && field !== 'keyPoint')) return;
    onNote(locale, parts.slice(1, -1).join('.'), field, value);
  };
  return (
    <>
      <p className="studio-lead">{t('lead')}</p>
      {keys.length === 0 && <p>{t('none')}</p>}
      {keys.map((key) => {
        const values = (field: keyof TeacherNoteDraft) => LOCALES.map((locale) => draft.notes[locale].notes[key]?.[field] ?? '') as unknown as readonly [string, string];
        const step = stepLabel(key, t);
        return (
          <Entity key={key} id={`note:${key}`} title={t('note', { step })} problems={problemsAt(`note:${key}`)}>
            <TextPair id={noteStringId(key, 'prompt')} label={t('prompt')} values={values('prompt')} onText={onText} multiline />
            <TextPair id={noteStringId(key, 'keyPoint')} label={t('keyPoint')} values={values('keyPoint')} onText={onText} multiline />
            {!missing.includes(key) && <RemoveButton label={r('note', { step })} onRemove={() => onRemoveNote(key)} />}
          </Entity>
        );
      })}
    </>
  );
}

/** Journey order (lib/domain/journey.ts), so notes stay put as they are written. */
const ORDER = ['section:facts', 'fact:', 'section:scenarios', 'scenario:', 'section:quiz', 'item:', 'plan', 'section:deeper', 'summary'];
function rank(key: string): number {
  const exact = ORDER.indexOf(key);
  if (exact >= 0) return exact;
  const prefix = ORDER.findIndex((p) => p.endsWith(':') && key.startsWith(p));
  return prefix >= 0 ? prefix : ORDER.length;
}

const SECTION_NAMES = ['facts', 'scenarios', 'quiz', 'deeper'] as const;

function stepLabel(key: string, t: ReturnType<typeof useTranslations<'Studio.notes'>>): string {
  const [kind = '', id = ''] = key.split(':');
  if (kind === 'fact') return t('steps.fact', { id });
  if (kind === 'item') return t('steps.item', { id });
  if (kind === 'scenario') return t('steps.scenario', { id });
  if (kind === 'section') {
    const name = SECTION_NAMES.find((n) => n === id);
    return name ? t(`steps.sections.${name}`) : t('steps.section', { id });
  }
  if (kind === 'plan') return t('steps.plan');
  if (kind === 'summary') return t('steps.summary');
  return key;
}
