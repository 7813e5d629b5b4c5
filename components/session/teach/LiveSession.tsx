'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { Link } from '@/i18n/navigation';
import type { LiveCommandBody } from '@/lib/api/class-session-schemas';
import { formatJoinCode } from '@/lib/domain/join-code';
import type { TeacherLiveView } from '@/lib/server/live/snapshots';
import type { TeacherNote } from '@/lib/content/teacher-notes';
import type { StepOutline } from '@/lib/server/session-outline';
import type { StepShow } from '@/lib/server/step-shows';
import { PresenterDiscussion } from './PresenterDiscussion';
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
  /** Each step's teacher note (a discussion prompt and the key point), or null. */
  notes: (TeacherNote | null)[];
  /** What each step shows (for the end's discussion labels). */
  shows: StepShow[];
  initial: TeacherLiveView;
  /** Where the projector is, to open it in a window of its own. */
  projectorHref: string;
}

/**
 * Whether a key belongs to where it was pressed: any key in a field, Enter and Space on a button
 * or link (they press it), and any key while a dialog is open.
 */
function ownKey(event: KeyboardEvent): boolean {
  const target = event.target;
  if (document.querySelector('dialog[open]')) return true;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('input, select, textarea') !== null) return true;
  return (event.key === 'Enter' || event.key === ' ') && target.closest('button, a, summary') !== null;
}

/**
 * The presenter view on the teacher's laptop: the controls first (above the fold at 1366×768),
 * keyboard shortcuts with a help dialog, the class's step in a list that follows it, the
 * teacher's note for the step, and the same tallies the projector shows. The projector opens in
 * a window of its own and follows the same events.
 */
export function LiveSession(props: LiveSessionProps) {
  const { sessionId, locale, outline, notes, shows, initial, projectorHref } = props;
  const t = useTranslations('Teach.live');
  const figure = useLiveFigure();
  const { view, connected, send } = useTeacherLive(sessionId, initial, locale);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [jumpTo, setJumpTo] = useState<number | null>(null);
  const help = useRef<HTMLDialogElement>(null);
  const { state, counts, reveal } = view;
  const closed = state.status === 'closed';
  const live = state.mode === 'live';
  const step = outline[state.liveStep];
  const note = notes[state.liveStep] ?? null;
  const lastStep = outline.length - 1;
  const revealed = reveal !== null && reveal.step === state.liveStep;
  const canReveal = (step?.tallies.length ?? 0) > 0;

  const run = useCallback(
    async (command: LiveCommandBody) => {
      setBusy(true);
      const outcome = await send(command);
      setBusy(false);
      setMessage(outcome.kind === 'ok' ? null : outcome.kind === 'offline' ? t('offline') : outcome.message);
    },
    [send, t],
  );

  /** A jump of more than one step back sends every phone back: it asks first. */
  const goTo = useCallback(
    (to: number) => {
      if (to < 0 || to > lastStep || to === state.liveStep) return;
      if (state.liveStep - to > 1) setJumpTo(to);
      else void run({ command: 'go-to-step', step: to });
    },
    [lastStep, state.liveStep, run],
  );

  // Keyboard shortcuts: → or Space next, ← previous, R or Enter show (or hide) the answers, H the code, ? this help.
  useEffect(() => {
    if (!live || closed) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || ownKey(event) || jumpTo !== null || busy) return;
      const key = event.key;
      if (key === '?') {
        event.preventDefault();
        help.current?.showModal();
      } else if (key === 'ArrowRight' || key === ' ') {
        event.preventDefault();
        goTo(state.liveStep + 1);
      } else if (key === 'ArrowLeft') {
        event.preventDefault();
        goTo(state.liveStep - 1);
      } else if ((key === 'r' || key === 'R' || key === 'Enter') && canReveal) {
        event.preventDefault();
        void run(revealed ? { command: 'hide-reveal' } : { command: 'reveal', step: state.liveStep });
      } else if (key === 'h' || key === 'H') {
        event.preventDefault();
        void run({ command: 'show-join-code', show: !state.showJoinCode });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [live, closed, jumpTo, busy, goTo, run, state.liveStep, state.showJoinCode, canReveal, revealed]);

  const openProjector = () => {
    // Its own window, to drag onto the projector's screen; a blocked pop-up falls back to the link.
    const opened = window.open(projectorHref, `projector-${sessionId}`, 'popup,width=1280,height=720');
    if (!opened) {
      window.location.assign(projectorHref);
      return;
    }
    // Back on the laptop, Space and Enter should move the class on, not open the projector again.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    opened.focus();
  };

  const countsList = (
    <dl className="counts counts--inline">
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
  );

  if (closed || !live || !step) {
    return (
      <div className="live live--dashboard" data-connected={connected} data-live-step={state.liveStep}>
        {!closed && <JoinPanel {...props} />}
        <section className="live__counts" aria-labelledby="counts-heading">
          <h2 id="counts-heading">{t('countsHeading')}</h2>
          {countsList}
        </section>
        {closed && view.discuss && <PresenterDiscussion discuss={view.discuss} wrongButSure={view.wrongButSure ?? []} shows={shows} k={view.k} />}
        {closed ? (
          <section className="card" aria-labelledby="closed-heading">
            <h2 id="closed-heading">{t('closedHeading')}</h2>
            <p>{t('closedBody')}</p>
            <p>
              <Link href={`/teach/sessions/${sessionId}/report`}>{t('openReport')}</Link>
            </p>
          </section>
        ) : (
          <section className="card" aria-labelledby="self-paced-heading">
            <h2 id="self-paced-heading">{t('selfPacedHeading')}</h2>
            <p>{t('selfPacedBody')}</p>
          </section>
        )}
        <p className="live__message" role="status" aria-live="polite">
          {message}
        </p>
        {!closed && <EndSession disabled={busy} onEnd={() => void run({ command: 'end' })} />}
      </div>
    );
  }

  return (
    <div className="live live--dashboard presenter" data-connected={connected} data-live-step={state.liveStep}>
      <section className="presenter__bar" aria-labelledby="presenter-step">
        <div className="presenter__now">
          <p className="eyebrow">
            {t('stepOf', { at: state.liveStep + 1, of: outline.length })}
            {step.section && ` · ${step.section}`}
          </p>
          <h2 id="presenter-step" className="presenter__title">
            {step.title}
          </h2>
        </div>
        <div className="live__controls" role="group" aria-label={t('controls')}>
          <button type="button" className="button button--secondary" disabled={busy || state.liveStep === 0} onClick={() => goTo(state.liveStep - 1)} aria-keyshortcuts="ArrowLeft">
            {t('previous')}
          </button>
          <button type="button" className="button" disabled={busy || state.liveStep >= lastStep} onClick={() => goTo(state.liveStep + 1)} aria-keyshortcuts="ArrowRight Space">
            {state.liveStep === 0 ? t('start') : t('next')}
          </button>
          {canReveal &&
            (revealed ? (
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => void run({ command: 'hide-reveal' })} aria-keyshortcuts="R Enter">
                {t('hideAnswers')}
              </button>
            ) : (
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => void run({ command: 'reveal', step: state.liveStep })} aria-keyshortcuts="R Enter">
                {t('revealAnswers')}
              </button>
            ))}
          <button type="button" className="button button--quiet" disabled={busy} onClick={() => void run({ command: 'show-join-code', show: !state.showJoinCode })} aria-keyshortcuts="H">
            {state.showJoinCode ? t('hideCode') : t('showCode')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => help.current?.showModal()} aria-keyshortcuts="Shift+?">
            {t('shortcuts')}
          </button>
          <button type="button" className="button button--quiet" onClick={openProjector}>
            {t('openProjector')}
          </button>
        </div>
        {countsList}
        <p className="live__message" role="status" aria-live="polite">
          {message}
        </p>
      </section>

      <div className="presenter__main">
        {/* The note beside the class's answers, not above them: a long note keeps the tallies above the fold at 1366×768. */}
        <div className={note ? 'presenter__work presenter__work--note' : 'presenter__work'}>
          {note && (
            <section className="presenter__note" aria-labelledby="note-heading" tabIndex={0}>
              <h2 id="note-heading" className="presenter__note-heading">
                {t('noteHeading')}
              </h2>
              <p>
                <strong>{t('notePrompt')}</strong> {note.prompt}
              </p>
              <p>
                <strong>{t('noteKeyPoint')}</strong> {note.keyPoint}
              </p>
            </section>
          )}
          <div className="presenter__results">
            {revealed && reveal ? (
              <div className="live__reveal">
                {reveal.tallies.map((tally) => (
                  <TallyView key={tally.itemId} tally={tally} k={view.k} labels={step.tallies.find((l) => l.itemId === tally.itemId)} />
                ))}
                {reveal.later && <p className="tally__note">{t('laterAnswers', { k: view.k })}</p>}
              </div>
            ) : (
              canReveal && <p className="muted">{t('revealHint', { k: view.k })}</p>
            )}
            {view.discuss && <PresenterDiscussion discuss={view.discuss} wrongButSure={view.wrongButSure ?? []} shows={shows} k={view.k} />}
          </div>
        </div>
        <JoinPanel {...props} />
        <EndSession disabled={busy} onEnd={() => void run({ command: 'end' })} />
      </div>
      <StepList outline={outline} current={state.liveStep} disabled={busy} onGo={goTo} />

      <ShortcutHelp dialog={help} />
      {jumpTo !== null && (
        <JumpConfirm
          from={state.liveStep}
          to={jumpTo}
          title={outline[jumpTo]?.title ?? ''}
          onConfirm={() => {
            const to = jumpTo;
            setJumpTo(null);
            void run({ command: 'go-to-step', step: to });
          }}
          onCancel={() => setJumpTo(null)}
        />
      )}
    </div>
  );
}

/** The steps, the class's one marked and kept in view as it moves; choosing one moves the class there. */
function StepList({ outline, current, disabled, onGo }: { outline: StepOutline[]; current: number; disabled: boolean; onGo: (step: number) => void }) {
  const t = useTranslations('Teach.live');
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    // Scrolls the list alone: scrollIntoView would scroll the page too, and push the step's
    // answers and the controls' row out of view at 1366×768.
    const item = list.current?.querySelector<HTMLElement>('[aria-current="step"]');
    const box = list.current?.closest<HTMLElement>('.steps');
    if (!item || !box) return;
    const shown = box.getBoundingClientRect();
    const at = item.getBoundingClientRect();
    if (at.top < shown.top) box.scrollTop -= shown.top - at.top;
    else if (at.bottom > shown.bottom) box.scrollTop += at.bottom - shown.bottom;
  }, [current]);
  return (
    <nav className="steps" aria-labelledby="steps-heading">
      <h2 id="steps-heading" className="steps__heading">
        {t('stepsHeading')}
      </h2>
      <ol className="steps__list" ref={list}>
        {outline.map((s) => (
          <li key={s.index} aria-current={s.index === current ? 'step' : undefined} className={s.kind === 'section' ? 'steps__item steps__item--section' : 'steps__item'}>
            <button type="button" className="steps__button" disabled={disabled || s.index === current} onClick={() => onGo(s.index)}>
              <span className="steps__at">{s.index + 1}</span> <span className="steps__title">{s.title}</span>
              {s.index === current && <span className="visually-hidden"> {t('currentStep')}</span>}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The keyboard shortcuts, in a modal dialog (Escape or the button closes it). */
function ShortcutHelp({ dialog }: { dialog: RefObject<HTMLDialogElement | null> }) {
  const t = useTranslations('Teach.live');
  const rows: [string, string][] = [
    [t('keys.next'), t('keys.nextAction')],
    [t('keys.previous'), t('keys.previousAction')],
    [t('keys.reveal'), t('keys.revealAction')],
    [t('keys.code'), t('keys.codeAction')],
    [t('keys.help'), t('keys.helpAction')],
  ];
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">{t('shortcutsHeading')}</h2>
      <dl className="shortcut-list">
        {rows.map(([keys, action]) => (
          <div key={keys}>
            <dt>{keys}</dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">{t('keys.note')}</p>
      <form method="dialog">
        <button type="submit" className="button" autoFocus>
          {t('close')}
        </button>
      </form>
    </dialog>
  );
}

/** Asks before a jump of more than one step back, which sends every phone back. */
function JumpConfirm({ from, to, title, onConfirm, onCancel }: { from: number; to: number; title: string; onConfirm: () => void; onCancel: () => void }) {
  const t = useTranslations('Teach.live');
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="jump-heading" aria-describedby="jump-body" onClose={onCancel}>
      <h2 id="jump-heading">{t('jumpConfirmHeading', { at: to + 1 })}</h2>
      <p id="jump-body">{t('jumpConfirmBody', { back: from - to, title })}</p>
      <div className="actions actions--inline">
        <button type="button" className="button" onClick={onConfirm}>
          {t('jumpConfirm', { at: to + 1 })}
        </button>
        <button type="button" className="button button--secondary" autoFocus onClick={() => dialog.current?.close()}>
          {t('jumpCancel')}
        </button>
      </div>
    </dialog>
  );
}

function JoinPanel({ joinCode, joinLink, qrSvg }: LiveSessionProps) {
  const t = useTranslations('Teach.live');
  return (
    <section className="join-panel" aria-labelledby="join-dashboard">
      <h2 id="join-dashboard">{t('joinHeading')}</h2>
      <p className="join-panel__code" data-join-code={joinCode}>
        {formatJoinCode(joinCode)}
      </p>
      <p className="join-panel__link">{t('joinAt', { link: joinLink })}</p>
      {/* The SVG is drawn on the server by the qrcode library from the link above. */}
      <div className="join-panel__qr" role="img" aria-label={t('qrLabel', { link: joinLink })} dangerouslySetInnerHTML={{ __html: qrSvg }} />
    </section>
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
