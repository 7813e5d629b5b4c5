'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Link } from '@/i18n/navigation';
import type { LiveCommandBody } from '@/lib/api/class-session-schemas';
import { formatJoinCode } from '@/lib/domain/join-code';
import type { TeacherLiveView } from '@/lib/server/live/snapshots';
import type { StepOutline } from '@/lib/server/session-outline';
import { TallyView } from './TallyView';
import { useLiveFigure } from './use-live-figure';
import { useTeacherLive } from './use-teacher-live';

export interface LiveSessionProps {
  sessionId: string;
  joinCode: string;
  joinLink: string;
  qrSvg: string;
  locale: string;
  outline: StepOutline[];
  initial: TeacherLiveView;
  variant: 'dashboard' | 'projector';
}

/**
 * The teacher's controls and the class's progress, live: on the laptop (dashboard) and on the
 * big screen (projector). Both follow the same event stream; either can pace the class.
 */
export function LiveSession(props: LiveSessionProps) {
  const { sessionId, locale, outline, initial, variant } = props;
  const t = useTranslations('Teach.live');
  const figure = useLiveFigure();
  const { view, connected, send } = useTeacherLive(sessionId, initial, locale);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { state, counts, reveal } = view;
  const closed = state.status === 'closed';
  const live = state.mode === 'live';
  const step = outline[state.liveStep];
  const lastStep = outline.length - 1;

  const run = async (command: LiveCommandBody) => {
    setBusy(true);
    const outcome = await send(command);
    setBusy(false);
    setMessage(outcome.kind === 'ok' ? null : outcome.kind === 'offline' ? t('offline') : outcome.message);
  };

  const revealed = reveal !== null && reveal.step === state.liveStep;
  const showCode = variant === 'projector' ? state.showJoinCode && !closed : !closed;

  return (
    <div className={`live live--${variant}`} data-connected={connected} data-live-step={state.liveStep}>
      {showCode && <JoinPanel {...props} large={variant === 'projector'} />}

      <section className="live__counts" aria-labelledby={`counts-${variant}`}>
        <h2 id={`counts-${variant}`} className={variant === 'projector' ? 'visually-hidden' : undefined}>
          {t('countsHeading')}
        </h2>
        <dl className="counts">
          <div>
            <dt>{t('joined')}</dt>
            <dd data-count="joined">{counts.joined}</dd>
          </div>
          {live && !closed ? (
            <div>
              <dt>{t('answeredStep')}</dt>
              <dd data-count="answered-step">{figure(counts.answeredStep)}</dd>
            </div>
          ) : (
            <>
              <div>
                <dt>{t('inProgress')}</dt>
                <dd data-count="in-progress">{counts.inProgress}</dd>
              </div>
              <div>
                <dt>{t('finished')}</dt>
                <dd data-count="finished">{counts.finished}</dd>
              </div>
            </>
          )}
        </dl>
      </section>

      {closed ? (
        <section className="card" aria-labelledby={`closed-${variant}`}>
          <h2 id={`closed-${variant}`}>{t('closedHeading')}</h2>
          <p>{t('closedBody')}</p>
          <p>
            <Link href={`/teach/sessions/${sessionId}/report`}>{t('openReport')}</Link>
          </p>
        </section>
      ) : live && step ? (
        <section className="live__step" aria-labelledby={`step-${variant}`}>
          <p className="eyebrow">
            {t('stepOf', { at: state.liveStep + 1, of: outline.length })}
            {step.section && ` · ${step.section}`}
          </p>
          <h2 id={`step-${variant}`} className="live__title">
            {step.title}
          </h2>
          {revealed && reveal && (
            <div className="live__reveal">
              {reveal.tallies.map((tally) => (
                <TallyView key={tally.itemId} tally={tally} k={view.k} labels={step.tallies.find((l) => l.itemId === tally.itemId)} />
              ))}
              {variant === 'dashboard' && reveal.later && <p className="tally__note">{t('laterAnswers', { k: view.k })}</p>}
            </div>
          )}
          {variant === 'dashboard' && !revealed && step.tallies.length > 0 && <p className="muted">{t('revealHint', { k: view.k })}</p>}
          <div className="live__controls" role="group" aria-label={t('controls')}>
            <button type="button" className="button button--secondary" disabled={busy || state.liveStep === 0} onClick={() => void run({ command: 'go-to-step', step: state.liveStep - 1 })}>
              {t('previous')}
            </button>
            <button type="button" className="button" disabled={busy || state.liveStep >= lastStep} onClick={() => void run({ command: 'go-to-step', step: state.liveStep + 1 })}>
              {state.liveStep === 0 ? t('start') : t('next')}
            </button>
            {step.tallies.length > 0 &&
              (revealed ? (
                <button type="button" className="button button--secondary" disabled={busy} onClick={() => void run({ command: 'hide-reveal' })}>
                  {t('hideAnswers')}
                </button>
              ) : (
                <button type="button" className="button button--secondary" disabled={busy} onClick={() => void run({ command: 'reveal', step: state.liveStep })}>
                  {t('revealAnswers')}
                </button>
              ))}
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => void run({ command: 'show-join-code', show: !state.showJoinCode })}>
              {state.showJoinCode ? t('hideCode') : t('showCode')}
            </button>
          </div>
          {variant === 'dashboard' && <JumpToStep key={state.liveStep} outline={outline} current={state.liveStep} disabled={busy} onGo={(to) => void run({ command: 'go-to-step', step: to })} />}
        </section>
      ) : (
        <section className="card" aria-labelledby={`self-paced-${variant}`}>
          <h2 id={`self-paced-${variant}`}>{t('selfPacedHeading')}</h2>
          <p>{t('selfPacedBody')}</p>
        </section>
      )}

      <p className="live__message" role="status" aria-live="polite">
        {message}
      </p>

      {variant === 'dashboard' && !closed && <EndSession disabled={busy} onEnd={() => void run({ command: 'end' })} />}
      {variant === 'projector' && !connected && <p className="muted">{t('reconnecting')}</p>}
    </div>
  );
}

function JoinPanel({ joinCode, joinLink, qrSvg, large }: LiveSessionProps & { large: boolean }) {
  const t = useTranslations('Teach.live');
  return (
    <section className={large ? 'join-panel join-panel--large' : 'join-panel'} aria-labelledby={`join-${large ? 'projector' : 'dashboard'}`}>
      <h2 id={`join-${large ? 'projector' : 'dashboard'}`}>{t('joinHeading')}</h2>
      <p className="join-panel__code" data-join-code={joinCode}>
        {formatJoinCode(joinCode)}
      </p>
      <p className="join-panel__link">{t('joinAt', { link: joinLink })}</p>
      {/* The SVG is drawn on the server by the qrcode library from the link above. */}
      <div className="join-panel__qr" role="img" aria-label={t('qrLabel', { link: joinLink })} dangerouslySetInnerHTML={{ __html: qrSvg }} />
    </section>
  );
}

function JumpToStep({ outline, current, disabled, onGo }: { outline: StepOutline[]; current: number; disabled: boolean; onGo: (step: number) => void }) {
  const t = useTranslations('Teach.live');
  const [target, setTarget] = useState(current);
  return (
    <form
      className="jump"
      onSubmit={(event) => {
        event.preventDefault();
        onGo(target);
      }}
    >
      <label htmlFor="jump-step">{t('jumpLabel')}</label>
      <select id="jump-step" className="text-input" value={target} onChange={(event) => setTarget(Number(event.target.value))}>
        {outline.map((s) => (
          <option key={s.index} value={s.index}>
            {t('stepOption', { at: s.index + 1, title: s.section && s.kind !== 'section' ? `${s.section}: ${s.title}` : s.title })}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--secondary" disabled={disabled}>
        {t('jump')}
      </button>
    </form>
  );
}

function EndSession({ disabled, onEnd }: { disabled: boolean; onEnd: () => void }) {
  const t = useTranslations('Teach.live');
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <div className="actions actions--inline">
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          {t('end')}
        </button>
      </div>
    );
  }
  return (
    <div className="card end-confirm" role="group" aria-labelledby="end-confirm-heading">
      <h2 id="end-confirm-heading">{t('endConfirmHeading')}</h2>
      <p>{t('endConfirmBody')}</p>
      <div className="actions actions--inline">
        <button type="button" className="button" disabled={disabled} onClick={onEnd}>
          {t('endConfirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
          {t('endCancel')}
        </button>
      </div>
    </div>
  );
}
