'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Locale } from '@/i18n/routing';
import type { Answer, AnswerResponse } from '@/lib/api/schemas';
import type { ClassSessionStateBody } from '@/lib/api/class-session-schemas';
import { SessionBanner } from '@/components/session/SessionBanner';
import { SessionEnded } from '@/components/session/SessionEnded';
import { SessionWaiting } from '@/components/session/SessionWaiting';
import { useClassSessionState } from '@/components/session/use-class-session';
import type { PlayerModule } from '@/lib/content/player';
import type { Phase } from '@/lib/content/schema';
import { answerKey, buildJourney, resumePosition, type JourneyPath, type JourneyStep } from '@/lib/domain/journey';
import {
  newDeviceState,
  readDeviceState,
  recordAnswer,
  replayKey,
  sessionStoreKey,
  subscribeDeviceState,
  updateDeviceState,
  writeDeviceState,
  type DeviceState,
} from './device-state';
import type { FirstScreen } from './first-screen';
import { usePlayerModule } from './module-text';
import { enableOfflineReload } from './offline-support';
import { stepProgress } from './progress';
import { ProgressBar } from './ProgressBar';
import { preloadStepScreens, StepScreen } from './StepScreen';
import { SyncNotice } from './SyncNotice';
import { AnswerSync, type SyncStatus } from './sync';

/** A class session the student joined; absent for a student on their own. */
export interface PlayerSession {
  id: string;
  joinCode: string;
  beforeAfter: boolean;
  /** A follow-up session: the retrieval quiz and intention items only. */
  followUp: boolean;
  /** The core, or the core and the deeper sections: the teacher's choice. */
  path: JourneyPath;
  initialState: ClassSessionStateBody;
}

/** What else an answer may carry: the order its options were shown in, and whether it is a story replay. */
export interface AnswerExtra {
  shownOrder?: string[];
  replay?: boolean;
}

export interface PlayerApi {
  module: PlayerModule;
  /** The class session's join code, for "what your class chose"; null on your own. */
  joinCode: string | null;
  /** Whether this journey has the before and after questions. */
  beforeAfter: boolean;
  /** Whether this is a follow-up session's short journey. */
  followUp: boolean;
  state: DeviceState;
  record: (itemId: string, phase: Phase, response: AnswerResponse, confidence?: number, extra?: AnswerExtra) => void;
  /** Moves on from the step at `from`; a second call for the same step (a double tap) does nothing. */
  next: (from: number) => void;
  update: (change: (state: DeviceState) => DeviceState) => void;
  restart: () => void;
  start: () => void;
}

export function Player({ first, locale, session }: { first: FirstScreen; locale: Locale; session?: PlayerSession }) {
  return session ? <SessionPlayer first={first} locale={locale} session={session} /> : <JourneyPlayer first={first} locale={locale} live={null} />;
}

/** In a class session: the session's own store on the device, and the teacher's state followed live. */
function SessionPlayer({ first, locale, session }: { first: FirstScreen; locale: Locale; session: PlayerSession }) {
  const { state } = useClassSessionState(session.joinCode, session.initialState, sessionStoreKey(first.module.id, session.id));
  return <JourneyPlayer first={first} locale={locale} live={{ ...session, state }} />;
}

type LiveSession = PlayerSession & { state: ClassSessionStateBody };

/**
 * The journey. Until the whole module has arrived (usePlayerModule), it shows the server's first
 * screen, inactive (`aria-disabled`, so nothing is pressed before it can work) and, on a device
 * with a saved step, not shown at all (ResumeMarker.tsx). Both renderings share one tree, so when the
 * module arrives on a first visit nothing on the screen moves.
 */
function JourneyPlayer({ first, locale, live }: { first: FirstScreen; locale: Locale; live: LiveSession | null }) {
  const t = useTranslations('Player');
  const { module: fetched, failed: moduleFailed } = usePlayerModule(first.moduleText);
  // The later screens' code too, so a resumed step appears whole, never in two parts that shift.
  const [screens, setScreens] = useState<'loading' | 'loaded' | 'failed'>('loading');
  useEffect(() => {
    const load = () => void preloadStepScreens().then(() => setScreens('loaded'), () => setScreens('failed'));
    // After the page's load event: they are not part of the first screen, so they never compete
    // with it, and the page's weight at load is the same on a fast or a slow device. (A device
    // resuming a saved step asked for them already, in StepScreen.tsx.)
    if (document.readyState === 'complete') load();
    else window.addEventListener('load', load, { once: true });
    window.addEventListener('online', load);
    return () => {
      window.removeEventListener('load', load);
      window.removeEventListener('online', load);
    };
  }, []);
  const full = screens === 'loaded' ? fetched : null;
  const failed = moduleFailed || screens === 'failed';
  const module = full ?? first.module;
  const storeKey = live ? sessionStoreKey(module.id, live.id) : module.id;
  const joinCode = live?.joinCode;
  const beforeAfter = live?.beforeAfter ?? true;
  const followUp = live?.followUp ?? false;
  // The server has no saved state: it paints what a new device sees, and so does hydration.
  const state = useSyncExternalStore(
    subscribeDeviceState,
    () => readDeviceState(storeKey),
    () => null,
  );
  // A new device's state, made once: its option orders are the ones the server painted.
  const [fresh] = useState(() => ({ ...newDeviceState(locale), orderSeed: first.orderSeed }));
  // A class does the path its teacher chose; on your own, the core and then, if you choose, the deeper sections.
  const path: JourneyPath = live ? live.path : state?.deeper ? 'full' : 'core';
  const offerDeeper = live === null;
  const steps = useMemo(() => (full ? buildJourney(full, { beforeAfter, followUp, path, offerDeeper }) : null), [full, beforeAfter, followUp, path, offerDeeper]);
  const sync = useMemo(() => (typeof window === 'undefined' ? null : new AnswerSync(storeKey, joinCode)), [storeKey, joinCode]);
  const [syncStatus, setSyncStatus] = useState<SyncStatus>('idle');

  const moduleText = first.moduleText;
  const ready = full !== null;
  // Once all of it is here (the later screens' code included), the worker is told what to keep.
  useEffect(() => {
    if (ready) void enableOfflineReload(moduleText);
  }, [ready, moduleText]);

  useEffect(() => {
    if (!sync) return;
    const off = sync.onChange(setSyncStatus);
    const flush = () => void sync.flush();
    window.addEventListener('online', flush);
    document.addEventListener('visibilitychange', flush);
    flush();
    return () => {
      off();
      sync.stop();
      window.removeEventListener('online', flush);
      document.removeEventListener('visibilitychange', flush);
    };
  }, [sync]);

  const record = useCallback<PlayerApi['record']>(
    (itemId, phase, response, confidence, extra) => {
      const answer: Answer = {
        id: crypto.randomUUID(),
        itemId,
        phase,
        response,
        ...(confidence !== undefined ? { confidence } : {}),
        ...(extra?.shownOrder ? { shownOrder: extra.shownOrder } : {}),
        ...(extra?.replay ? { replay: true } : {}),
        contentVersion: module.version,
        answeredAt: new Date().toISOString(),
      };
      const key = extra?.replay ? replayKey(answerKey(phase, itemId)) : answerKey(phase, itemId);
      updateDeviceState(storeKey, (s) => recordAnswer(s, key, answer));
      void sync?.flush();
    },
    [storeKey, module.version, sync],
  );

  // `position <= from`: in a live session the teacher may have moved the class past where this
  // phone last was; a second call for the same step still does nothing.
  const next = useCallback<PlayerApi['next']>(
    (from) => updateDeviceState(storeKey, (s) => (s.position <= from ? { ...s, position: from + 1 } : s)),
    [storeKey],
  );
  const update = useCallback<PlayerApi['update']>((change) => updateDeviceState(storeKey, change), [storeKey]);
  const start = useCallback(() => {
    const existing = readDeviceState(storeKey);
    writeDeviceState(storeKey, existing ? { ...existing, position: Math.max(existing.position, 1) } : { ...fresh, position: 1 });
  }, [storeKey, fresh]);
  const restart = useCallback(() => writeDeviceState(storeKey, null), [storeKey]);

  // A phone that arrives in a class session joins at once, so the teacher sees it counted.
  // Read afresh: the render right after hydration still has the server's `null`, and a phone
  // that was already in the session must keep its state.
  useEffect(() => {
    if (!live || state !== null || readDeviceState(storeKey) !== null) return;
    writeDeviceState(storeKey, fresh);
    void sync?.flush();
  }, [live, state, storeKey, fresh, sync]);

  const followsTeacher = live?.state.mode === 'live';
  let index: number;
  let step: JourneyStep;
  let waitingFor: 'start' | 'next' | null;
  if (steps) {
    const answered = new Set(Object.keys(state?.answers ?? {}));
    // Live: the teacher's step. Otherwise: where the student was, never past a missing answer.
    index = followsTeacher ? Math.min(Math.max(0, live.state.liveStep), steps.length - 1) : state ? resumePosition(steps, state.position, answered) : 0;
    step = steps[index] ?? { kind: 'intro' };
    // Live: the lobby before the teacher starts, and a pause once this phone has done the step.
    waitingFor = !followsTeacher ? null : index === 0 ? 'start' : state !== null && state.position > index ? 'next' : null;
  } else {
    ({ index, step } = first);
    waitingFor = first.waitingForStart ? 'start' : null;
  }
  const api: PlayerApi = {
    module,
    joinCode: live?.joinCode ?? null,
    beforeAfter,
    followUp,
    state: state ?? fresh,
    record,
    next,
    update,
    restart,
    start,
  };

  const syncNotice = state !== null && <SyncNotice status={syncStatus} pending={state.outbox.length} />;
  // The module could not be fetched (offline, before any copy was kept): say so, and try again online.
  const unavailable = failed && !full && (
    <p className="muted" role="status" data-module-unavailable="">
      {t('loading')}
    </p>
  );
  const firstPaint = full ? {} : { 'data-first-paint': '', 'aria-disabled': true };
  if (live?.state.status === 'closed') {
    return (
      <>
        <div {...firstPaint}>
          <SessionEnded api={api} state={live.state} />
          {syncNotice}
        </div>
        {unavailable}
      </>
    );
  }
  const progress = step.kind === 'intro' ? null : steps ? stepProgress(steps, index) : first.progress;

  return (
    <>
      <div {...firstPaint}>
        {live && <SessionBanner joinCode={live.joinCode} state={live.state} />}
        {progress && <ProgressBar progress={progress} />}
        <div data-step={waitingFor ? `waiting-${waitingFor}` : step.kind} data-step-index={index}>
          {waitingFor ? (
            <SessionWaiting key={`${waitingFor}-${index}`} waitingFor={waitingFor} />
          ) : (
            <StepScreen key={index} step={step} index={index} api={api} hasState={state !== null} />
          )}
        </div>
        {syncNotice}
      </div>
      {unavailable}
    </>
  );
}
