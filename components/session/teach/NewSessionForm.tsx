'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState, useSyncExternalStore } from 'react';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import type { Locale } from '@/i18n/routing';
import type { NewSessionState } from '@/lib/api/class-session-schemas';
import type { PathMinutes } from '@/lib/server/class-session-forms';

type State = NewSessionState;

const noSubscription = () => () => {};

/** The earlier session a follow-up follows, as the page shows it. */
export interface FollowedSession {
  id: string;
  date: string;
  code: string;
}

/** A published module as the form offers it (lib/content/modules.ts, listModules). */
export interface ModuleChoice {
  id: string;
  title: string;
  summary: string;
  /** The core's minutes for a student on their own. */
  minutes: number;
}

/** A week from today at 17:00, in the browser's time, as a `datetime-local` value: stable all day. */
function aWeekAhead(): string {
  const day = new Date();
  day.setDate(day.getDate() + 7);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T17:00`;
}

/**
 * Module (roads-kill first and preselected; a follow-up runs its first session's), organisation, live or self-paced, the core or the full module (each with its minutes
 * by the reading-time model), before/after on or off, closing time: one screen, under a minute. A follow-up names its earlier session, has no before/after, and suggests
 * closing a week ahead so students can do it at home.
 */
export function NewSessionForm({
  action,
  locale,
  modules,
  minutesByModule,
  organisations,
  followUp = null,
}: {
  action: (state: State, form: FormData) => Promise<State>;
  locale: Locale;
  /** The modules to choose from, the preselected one first; a follow-up's one module. */
  modules: ModuleChoice[];
  minutesByModule: Record<string, PathMinutes>;
  organisations: { id: string; name: string }[];
  followUp?: FollowedSession | null;
}) {
  const t = useTranslations('Teach.new');
  const te = useTranslations('Teach.errors');
  const [state, formAction, pending] = useActionState(action, { problems: [], values: {} });
  // The browser's offset from UTC, so the server reads the closing time as the teacher meant it.
  const offset = useSyncExternalStore(noSubscription, () => String(new Date().getTimezoneOffset()), () => '0');
  const error = (field: State['problems'][number]['field']) => {
    const problem = state.problems.find((p) => p.field === field);
    return problem ? te(problem.key) : null;
  };
  const suggestedClose = useSyncExternalStore(noSubscription, () => (followUp ? aWeekAhead() : ''), () => '');
  const [moduleId, setModuleId] = useState(() => (modules.some((m) => m.id === state.values.moduleId) ? state.values.moduleId : modules[0]?.id) ?? '');
  const chosen = modules.find((m) => m.id === moduleId) ?? modules[0];
  const minutes = minutesByModule[chosen?.id ?? ''] ?? { core: { withBeforeAfter: 0, without: 0 }, full: { withBeforeAfter: 0, without: 0 } };
  const fieldIds = { moduleId: `module-${modules[0]?.id ?? ''}`, organisationId: 'organisation', mode: 'mode-live', path: 'path-core', closesAt: 'closes-at', followUpOf: 'follow-up-of', opensOn: 'opens-on' } as const;
  const errors = state.problems.map((p) => ({ field: fieldIds[p.field], message: te(p.key) }));
  const mode = state.values.mode ?? (followUp ? 'self_paced' : 'live');
  const path = state.values.path === 'full' ? 'full' : 'core';
  const beforeAfter = state.values.beforeAfter === undefined ? state.problems.length === 0 : state.values.beforeAfter === 'on';

  if (organisations.length === 0) {
    return (
      <>
        <h1>{t('heading')}</h1>
        <p>{t('noOrganisation')}</p>
      </>
    );
  }

  return (
    <form action={formAction} noValidate className="staff-form">
      <ErrorSummary title={te('title')} errors={errors} />
      <h1>{followUp ? t('followUpHeading') : t('heading')}</h1>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="timezoneOffset" value={offset} />

      {followUp || modules.length <= 1 ? (
        <p>
          <input type="hidden" name="moduleId" value={chosen?.id ?? ''} />
          <strong>{t('module')}</strong> {chosen?.title}
        </p>
      ) : (
        <fieldset className={error('moduleId') ? 'field has-error' : 'field'}>
          <legend>{t('moduleChoice')}</legend>
          {error('moduleId') && <p className="field-error">{error('moduleId')}</p>}
          <div className="choices">
            {modules.map((m) => (
              <label className="choice" key={m.id}>
                <input type="radio" id={`module-${m.id}`} name="moduleId" value={m.id} checked={m.id === moduleId} onChange={() => setModuleId(m.id)} />
                <span>
                  <strong>{m.title}</strong> {m.summary} {t('moduleMinutes', { minutes: m.minutes })}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {followUp && (
        <div className={error('followUpOf') ? 'field has-error' : 'field'}>
          <input type="hidden" name="followUpOf" value={followUp.id} />
          {error('followUpOf') && <p className="field-error">{error('followUpOf')}</p>}
          <p id="follow-up-of" tabIndex={-1}>
            <strong>{t('followUpOf', { date: followUp.date, code: followUp.code })}</strong>
          </p>
          <p className="hint">{t('followUpHint')}</p>
        </div>
      )}

      <div className={error('organisationId') ? 'field has-error' : 'field'}>
        <label htmlFor="organisation">{t('organisation')}</label>
        {error('organisationId') && <p className="field-error" id="organisation-error">{error('organisationId')}</p>}
        <select
          id="organisation"
          name="organisationId"
          className="text-input"
          defaultValue={state.values.organisationId ?? organisations[0]?.id}
          aria-describedby={error('organisationId') ? 'organisation-error' : undefined}
        >
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>

      <fieldset className={error('mode') ? 'field has-error' : 'field'}>
        <legend>{t('mode')}</legend>
        {error('mode') && <p className="field-error">{error('mode')}</p>}
        <div className="choices">
          <label className="choice">
            <input type="radio" id="mode-live" name="mode" value="live" defaultChecked={mode === 'live'} />
            <span>
              <strong>{t('live')}</strong> {t('liveHint')}
            </span>
          </label>
          <label className="choice">
            <input type="radio" id="mode-self-paced" name="mode" value="self_paced" defaultChecked={mode === 'self_paced'} />
            <span>
              <strong>{t('selfPaced')}</strong> {t('selfPacedHint')}
            </span>
          </label>
        </div>
      </fieldset>

      {!followUp && (
        <fieldset className={error('path') ? 'field has-error' : 'field'}>
          <legend>{t('path')}</legend>
          {error('path') && <p className="field-error">{error('path')}</p>}
          <div className="choices">
            <label className="choice">
              <input type="radio" id="path-core" name="path" value="core" defaultChecked={path === 'core'} />
              <span>
                <strong>{t('pathCore', { minutes: minutes.core.withBeforeAfter })}</strong> {t('pathCoreHint')}
              </span>
            </label>
            <label className="choice">
              <input type="radio" id="path-full" name="path" value="full" defaultChecked={path === 'full'} />
              <span>
                <strong>{t('pathFull', { minutes: minutes.full.withBeforeAfter })}</strong> {t('pathFullHint')}
              </span>
            </label>
          </div>
        </fieldset>
      )}

      {!followUp && (
        <div className="field">
          <label className="choice">
            <input type="checkbox" name="beforeAfter" defaultChecked={beforeAfter} />
            <span>
              <strong>{t('beforeAfter')}</strong>{' '}
              {t('beforeAfterHint', { minutes: minutes.core.withBeforeAfter - minutes.core.without })}
            </span>
          </label>
        </div>
      )}

      {followUp && (
        <div className={error('opensOn') ? 'field has-error' : 'field'}>
          <label htmlFor="opens-on">{t('opensOn')}</label>
          <p className="hint" id="opens-on-hint">
            {t('opensOnHint')}
          </p>
          {error('opensOn') && <p className="field-error" id="opens-on-error">{error('opensOn')}</p>}
          <input
            type="date"
            id="opens-on"
            name="opensOn"
            className="text-input"
            defaultValue={state.values.opensOn ?? ''}
            aria-describedby={error('opensOn') ? 'opens-on-hint opens-on-error' : 'opens-on-hint'}
          />
        </div>
      )}

      <div className={error('closesAt') ? 'field has-error' : 'field'}>
        <label htmlFor="closes-at">{t('closesAt')}</label>
        <p className="hint" id="closes-at-hint">
          {t('closesAtHint')} {followUp && t('followUpClosesHint')}
        </p>
        {error('closesAt') && <p className="field-error" id="closes-at-error">{error('closesAt')}</p>}
        <input
          type="datetime-local"
          id="closes-at"
          name="closesAt"
          className="text-input"
          defaultValue={state.values.closesAt ?? suggestedClose}
          aria-describedby={error('closesAt') ? 'closes-at-hint closes-at-error' : 'closes-at-hint'}
        />
      </div>

      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {t('create')}
        </button>
      </div>
    </form>
  );
}
