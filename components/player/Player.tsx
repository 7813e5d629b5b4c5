'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Locale } from '@/i18n/routing';
import type { Answer, AnswerResponse } from '@/lib/api/schemas';
import type { PlayerModule } from '@/lib/content/player';
import type { Phase } from '@/lib/content/schema';
import { answerKey, buildJourney, resumePosition, type JourneyStep } from '@/lib/domain/journey';
import {
  newDeviceState,
  readDeviceState,
  recordAnswer,
  subscribeDeviceState,
  updateDeviceState,
  writeDeviceState,
  type DeviceState,
} from './device-state';
import { enableOfflineReload } from './offline-support';
import { ProgressBar } from './ProgressBar';
import { StepScreen } from './StepScreen';
import { SyncNotice } from './SyncNotice';
import { AnswerSync, type SyncStatus } from './sync';

export interface PlayerApi {
  module: PlayerModule;
  state: DeviceState;
  record: (itemId: string, phase: Phase, response: AnswerResponse, confidence?: number) => void;
  /** Moves on from the step at `from`; a second call for the same step (a double tap) does nothing. */
  next: (from: number) => void;
  update: (change: (state: DeviceState) => DeviceState) => void;
  restart: () => void;
  start: () => void;
}

export function Player({ module, locale }: { module: PlayerModule; locale: Locale }) {
  const t = useTranslations('Player');
  const state = useSyncExternalStore(
    subscribeDeviceState,
    () => readDeviceState(module.id),
    () => undefined,
  );
  const steps = useMemo(() => buildJourney(module), [module]);
  const sync = useMemo(() => (typeof window === 'undefined' ? null : new AnswerSync(module.id)), [module.id]);
  const [syncStatus, setSyncStatus] = useState<SyncStatus>('idle');

  useEffect(() => {
    void enableOfflineReload();
  }, []);

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
    (itemId, phase, response, confidence) => {
      const answer: Answer = {
        id: crypto.randomUUID(),
        itemId,
        phase,
        response,
        ...(confidence !== undefined ? { confidence } : {}),
        contentVersion: module.version,
        answeredAt: new Date().toISOString(),
      };
      updateDeviceState(module.id, (s) => recordAnswer(s, answerKey(phase, itemId), answer));
      void sync?.flush();
    },
    [module.id, module.version, sync],
  );

  const next = useCallback<PlayerApi['next']>(
    (from) => updateDeviceState(module.id, (s) => (s.position === from ? { ...s, position: from + 1 } : s)),
    [module.id],
  );
  const update = useCallback<PlayerApi['update']>((change) => updateDeviceState(module.id, change), [module.id]);
  const start = useCallback(() => {
    const existing = readDeviceState(module.id);
    writeDeviceState(module.id, existing ? { ...existing, position: Math.max(existing.position, 1) } : { ...newDeviceState(locale), position: 1 });
  }, [module.id, locale]);
  const restart = useCallback(() => writeDeviceState(module.id, null), [module.id]);

  if (state === undefined) {
    return (
      <p className="muted" role="status">
        {t('loading')}
      </p>
    );
  }

  const answered = new Set(Object.keys(state?.answers ?? {}));
  const index = state ? resumePosition(steps, state.position, answered) : 0;
  const step: JourneyStep = steps[index] ?? { kind: 'intro' };
  const api: PlayerApi = {
    module,
    state: state ?? newDeviceState(locale),
    record,
    next,
    update,
    restart,
    start,
  };

  return (
    <div>
      {step.kind !== 'intro' && <ProgressBar steps={steps} index={index} />}
      <div data-step={step.kind} data-step-index={index}>
        <StepScreen key={index} step={step} index={index} api={api} hasState={state !== null} />
      </div>
      {state !== null && <SyncNotice status={syncStatus} pending={state.outbox.length} />}
    </div>
  );
}
