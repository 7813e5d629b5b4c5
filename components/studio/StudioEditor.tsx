'use client';

import { useTranslations } from 'next-intl';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StudioCheckResult, StudioImportResult, StudioPreviewResult, StudioProblem, StudioPublishResult, StudioSaveResult } from '@/lib/api/studio-state';
import { missingTranslations, staleTranslations } from '@/lib/domain/module-strings';
import type { ModuleFiles } from '@/lib/domain/module-draft';
import { LOCALES, SOURCE_LOCALE, addTextTree, draftFromFiles, filesOf, removeEntity, removeNote, removeStoryNode, setNote, setStructure, setText, type DraftState, type StudioLocale, type TeacherNoteDraft } from './draft-state';
import { FilesPanel } from './FilesPanel';
import { NotesSection } from './NotesSection';
import { PublishPanel } from './PublishPanel';
import { placeResolver, SECTIONS, type Place, type Section } from './places';
import { AttitudeSection, FactsSection, PlansSection, QuestionsSection, ScreensSection, type SectionProps } from './sections';
import { StoryGraph } from './StoryGraph';
import { TranslationsPanel } from './TranslationsPanel';
import './studio.css';

export interface StudioActions {
  check: (moduleId: string, files: ModuleFiles) => Promise<StudioCheckResult>;
  save: (moduleId: string, baseRevision: number, files: ModuleFiles, translatedFrom: Record<string, Record<string, string>>) => Promise<StudioSaveResult>;
  publish: (moduleId: string, revision: number) => Promise<StudioPublishResult>;
  importFiles: (moduleId: string, baseRevision: number, files: ModuleFiles) => Promise<StudioImportResult>;
  preview: (files: ModuleFiles) => Promise<StudioPreviewResult>;
}

/** The preview brings the player's screens: fetched only when it is opened. */
const Preview = lazy(() => import('./Preview'));

export interface StudioEditorProps {
  moduleId: string;
  files: ModuleFiles;
  revision: number;
  translatedFrom: Record<string, Record<string, string>>;
  actions: StudioActions;
}

const CHECK_DELAY_MS = 700;

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'conflict'; revision: number; files: ModuleFiles; updatedBy: string; updatedAt: string }
  | { kind: 'gone' }
  | { kind: 'refused'; errors: string[] };

/**
 * The authoring studio's editor (issue 14): a module's draft in en-GB and pl side by side, the
 * content check run as the officer types and each problem linked to its place, stories as a
 * graph, translators' files, and saving that never overwrites another editor's work.
 */
export function StudioEditor({ moduleId, files, revision, translatedFrom, actions }: StudioEditorProps) {
  const t = useTranslations('Studio');
  const [draft, setDraft] = useState<DraftState>(() => draftFromFiles(files, revision, translatedFrom));
  const [section, setSection] = useState<Section>('screens');
  const [scenarioId, setScenarioId] = useState<string | null>(null);
  const [nodeId, setNodeId] = useState<string | null>(null);
  const [check, setCheck] = useState<StudioCheckResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const pendingFocus = useRef<string | null>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const navRef = useRef<HTMLElement>(null);

  const current = useMemo(() => filesOf(draft), [draft]);
  const unsaved = draft.dirty.size > 0;

  // The check as the officer types: once typing pauses, the newest draft only.
  const sequence = useRef(0);
  useEffect(() => {
    const mine = ++sequence.current;
    const timer = setTimeout(() => {
      setChecking(true);
      actions
        .check(moduleId, current)
        .then((result) => {
          if (mine === sequence.current) setCheck(result);
        })
        .catch(() => {
          if (mine === sequence.current) setCheck({ kind: 'refused', errors: [t('checkFailed')] });
        })
        .finally(() => {
          if (mine === sequence.current) setChecking(false);
        });
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [actions, moduleId, current, t]);

  const onText = useCallback((locale: StudioLocale, id: string, value: string) => setDraft((d) => setText(d, locale, id, value)), []);
  const onStructure = useCallback((path: readonly (string | number)[], value: unknown) => setDraft((d) => setStructure(d, path, value)), []);
  const onTextTree = useCallback((path: readonly string[], value: unknown) => setDraft((d) => addTextTree(d, path, value)), []);
  const onRemove = useCallback(
    (listPath: readonly (string | number)[] | null, id: string, textPath: readonly string[]) => setDraft((d) => removeEntity(d, listPath, id, textPath)),
    [],
  );
  const onNote = useCallback(
    (locale: StudioLocale, key: string, field: keyof TeacherNoteDraft, value: string) => setDraft((d) => setNote(d, locale, key, field, value)),
    [],
  );
  const onRemoveNote = useCallback((key: string) => setDraft((d) => removeNote(d, key)), []);
  const onRemoveNode = useCallback((scenarioId: string, nodeId: string) => setDraft((d) => removeStoryNode(d, scenarioId, nodeId)), []);

  const resolve = useMemo(() => placeResolver(draft.structure), [draft.structure]);
  const problems = useMemo(() => (check?.kind === 'checked' ? check.problems : []), [check]);
  const placed = useMemo(() => problems.map((problem) => ({ problem, place: resolve(problem) })), [problems, resolve]);
  const byEntity = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const { problem, place } of placed) {
      const key = place.entity;
      map.set(key, [...(map.get(key) ?? []), problem.message]);
      const field = problem.file !== 'structure.json' && problem.id.includes('.') ? problem.id : null;
      if (field !== null && field !== key) map.set(field, [...(map.get(field) ?? []), problem.message]);
    }
    return map;
  }, [placed]);
  const problemsAt = useCallback((id: string) => byEntity.get(id), [byEntity]);
  // The steps the check says need a teacher note, in either locale.
  const missingNotes = useMemo(
    () => {
      const lacking = (p: StudioProblem) => {
        const locale = LOCALES.find((l) => p.file === `teacher-notes/${l}.json`);
        return locale !== undefined && /^((fact|item|scenario|section):[a-z0-9-]+|plan|summary)$/i.test(p.id) && !(p.id in draft.notes[locale].notes);
      };
      return [...new Set(problems.filter(lacking).map((p) => p.id))];
    },
    [problems, draft.notes],
  );

  const source = draft.text[SOURCE_LOCALE];
  const translations = LOCALES.filter((l) => l !== SOURCE_LOCALE).map((locale) => ({
    locale,
    missing: missingTranslations(source, draft.text[locale]),
    stale: staleTranslations(source, draft.text[locale], draft.translatedFrom[locale] ?? {}),
  }));
  const stale = useMemo(() => new Set(translations.flatMap((x) => x.stale)), [translations]);

  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    pendingFocus.current = null;
    const el = document.getElementById(target);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus();
    }
  });

  // A new section starts at its top: coming from far down a long one, the page would otherwise
  // open the new one part way down, with the section tabs under the sticky save bar.
  const openSection = (next: Section) => {
    setSection(next);
    requestAnimationFrame(() => {
      const barBottom = barRef.current?.getBoundingClientRect().bottom ?? 0;
      const navTop = navRef.current?.getBoundingClientRect().top;
      if (navTop !== undefined && navTop < barBottom) window.scrollBy({ top: navTop - barBottom - 8 });
    });
  };

  const goTo = (place: Place) => {
    setSection(place.section);
    if (place.scenario) setScenarioId(place.scenario);
    if (place.node) setNodeId(place.node);
    pendingFocus.current = place.target;
    // Re-render even when nothing changed, so the effect focuses the target.
    setDraft((d) => ({ ...d }));
  };

  const onSave = async (mine: DraftState = draft, base = draft.revision) => {
    setSave({ kind: 'saving' });
    let result: StudioSaveResult;
    try {
      result = await actions.save(moduleId, base, filesOf(mine), mine.translatedFrom);
    } catch {
      return setSave({ kind: 'refused', errors: [t('saveFailed')] });
    }
    if (result.kind === 'saved') {
      setDraft((d) => (d === mine ? { ...d, base: filesOf(d), dirty: new Set(), revision: result.revision } : { ...d, revision: result.revision, base: filesOf(mine) }));
      setSave({ kind: 'saved', at: result.savedAt });
    } else setSave(result);
  };

  const props: SectionProps = { draft, onText, onStructure, onTextTree, onRemove, problemsAt, stale };
  const moduleTitle = draft.text[SOURCE_LOCALE].title || moduleId;

  return (
    <div className="studio">
      <h1>{t('editorHeading', { title: moduleTitle })}</h1>
      <div className="studio-bar" role="region" aria-label={t('saveRegion')} ref={barRef}>
        <p className="studio-bar__status" role="status">
          {save.kind === 'saving'
            ? t('saving')
            : unsaved
              ? t('unsaved')
              : save.kind === 'saved'
                ? t('saved', { revision: draft.revision })
                : t('upToDate', { revision: draft.revision })}
        </p>
        <button type="button" className="button studio-button" onClick={() => void onSave()} disabled={save.kind === 'saving'}>
          {t('save')}
        </button>
      </div>
      {save.kind === 'refused' && (
        <div className="error-summary" role="alert">
          <h2>{t('notSaved')}</h2>
          <ul>
            {save.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      {save.kind === 'gone' && (
        <div className="error-summary" role="alert">
          <h2>{t('goneTitle')}</h2>
          <p>{t('goneBody')}</p>
        </div>
      )}
      {save.kind === 'conflict' && (
        <div className="error-summary studio-conflict" role="alert" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t('conflict.title')}</h2>
          <p>{t('conflict.body', { name: save.updatedBy || t('conflict.someone'), revision: save.revision, when: new Date(save.updatedAt).toLocaleString() })}</p>
          <div className="studio-row">
            <button type="button" className="button studio-button" onClick={() => void onSave(draft, save.revision)}>
              {t('conflict.keepMine')}
            </button>
            <button
              type="button"
              className="button button--secondary studio-button"
              onClick={() => {
                setDraft(draftFromFiles(save.files, save.revision, draft.translatedFrom));
                setSave({ kind: 'idle' });
              }}
            >
              {t('conflict.takeTheirs')}
            </button>
            <button type="button" className="button button--quiet studio-button" onClick={() => window.location.reload()}>
              {t('conflict.reload')}
            </button>
          </div>
        </div>
      )}

      <section className="studio-check-panel" aria-labelledby="check-title">
        <h2 id="check-title">{t('check.title')}</h2>
        <p role="status" className="studio-check-panel__status">
          {checking
            ? t('check.running')
            : check === null
              ? t('check.waiting')
              : check.kind === 'refused'
                ? t('check.refused')
                : problems.length === 0
                  ? t('check.passed')
                  : t('check.problems', { count: problems.length })}
        </p>
        {check?.kind === 'refused' && (
          <ul>
            {check.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )}
        {placed.length > 0 && (
          <ul className="studio-problem-list">
            {placed.slice(0, 200).map(({ problem, place }, i) => (
              <li key={`${i}-${problem.file}-${problem.id}`}>
                <a
                  href={`#${place.target}`}
                  onClick={(event) => {
                    event.preventDefault();
                    goTo(place);
                  }}
                >
                  {t('check.where', { section: t(`sections.${place.section}`), file: problem.file })}
                </a>{' '}
                <ProblemText problem={problem} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <nav className="studio-sections" aria-label={t('sectionsLabel')} ref={navRef}>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s}>
              <button type="button" className="studio-tab" aria-current={s === section ? 'true' : undefined} onClick={() => openSection(s)}>
                {t(`sections.${s}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>

      <section id={`section-${section}`} className="studio-section" aria-labelledby="section-title" tabIndex={-1}>
        <h2 id="section-title">{t(`sections.${section}`)}</h2>
        {section === 'screens' && <ScreensSection {...props} />}
        {section === 'facts' && <FactsSection {...props} />}
        {section === 'questions' && <QuestionsSection {...props} />}
        {section === 'attitude' && <AttitudeSection {...props} />}
        {section === 'plans' && <PlansSection {...props} />}
        {section === 'stories' && (
          <StoryGraph {...props} onRemoveNode={onRemoveNode} scenarioId={scenarioId} onScenario={(id) => (setScenarioId(id || null), setNodeId(null))} selected={nodeId} onSelect={setNodeId} />
        )}
        {section === 'notes' && <NotesSection draft={draft} missing={missingNotes} onNote={onNote} onRemoveNote={onRemoveNote} problemsAt={problemsAt} />}
        {section === 'translations' && (
          <TranslationsPanel
            draft={draft}
            translations={translations}
            onImported={(locale, text, from) =>
              setDraft((d) => ({ ...d, text: { ...d.text, [locale]: text }, translatedFrom: { ...d.translatedFrom, [locale]: from }, dirty: new Set([...d.dirty, `${locale}.json`]) }))
            }
            onGo={(locale, id) => goTo({ section: resolve({ file: `${locale}.json`, id, message: '' }).section, entity: id, target: `s-${locale}-${id}`, ...storyPlace(id) })}
          />
        )}
        {section === 'files' && (
          <FilesPanel
            moduleId={moduleId}
            files={current}
            importFiles={(files) => actions.importFiles(moduleId, draft.revision, files)}
            onImported={(result) => {
              setDraft(draftFromFiles(result.files, result.revision, result.translatedFrom));
              setSave({ kind: 'idle' });
            }}
          />
        )}
        {section === 'preview' && (
          <Suspense fallback={<p role="status">{t('preview.loading')}</p>}>
            <Preview files={current} preview={actions.preview} />
          </Suspense>
        )}
        {section === 'publish' && (
          <PublishPanel unsaved={unsaved} checkPassed={check?.kind === 'checked' && problems.length === 0 && !checking} publish={() => actions.publish(moduleId, draft.revision)} />
        )}
      </section>
    </div>
  );
}

function storyPlace(id: string): { scenario?: string; node?: string } {
  const parts = id.split('.');
  if (parts[0] !== 'scenarios') return {};
  return { scenario: parts[1], node: parts[2] === 'nodes' ? parts[3] : undefined };
}

/** The check's message, as text (never markup), with the id it names. */
function ProblemText({ problem }: { problem: StudioProblem }) {
  return (
    <span>
      <code>{problem.id}</code>: {problem.message}
    </span>
  );
}
