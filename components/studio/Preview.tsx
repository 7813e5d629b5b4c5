'use client';

import { NextIntlClientProvider, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { AbstractIntlMessages } from 'next-intl';
import type { StudioPreviewResult } from '@/lib/api/studio-state';
import type { PlayerModule } from '@/lib/content/player';
import { answerKey, type JourneyStep } from '@/lib/domain/journey';
import type { ModuleFiles } from '@/lib/domain/module-draft';
import type { Locale } from '@/i18n/routing';
import { newDeviceState, recordAnswer, type DeviceState } from '@/components/player/device-state';
import type { PlayerApi } from '@/components/player/Player';
import StepScreens from '@/components/player/StepScreens';
import { IntroScreen } from '@/components/player/screens/IntroScreen';
import { LOCALES } from './draft-state';

/**
 * Any screen of the draft as the student sees it, in a phone-sized frame, in both languages
 * side by side: the player's own screens (components/player, used as they are) fed the draft's
 * module. Answers stay in this page (nothing is sent); "next" moves both phones on. Loaded only
 * when the preview is opened, so the editor's own script stays small.
 */
export default function Preview({ files, preview }: { files: ModuleFiles; preview: (files: ModuleFiles) => Promise<StudioPreviewResult> }) {
  const t = useTranslations('Studio.preview');
  const [result, setResult] = useState<StudioPreviewResult | null>(null);
  const [index, setIndex] = useState(0);
  useEffect(() => {
    let current = true;
    preview(files).then(
      (r) => current && setResult(r),
      () => current && setResult({ kind: 'invalid' }),
    );
    return () => {
      current = false;
    };
  }, [files, preview]);
  if (result === null) return <p role="status">{t('loading')}</p>;
  if (result.kind === 'invalid') return <p className="notice notice--warning">{t('invalid')}</p>;
  const step = result.steps[Math.min(index, result.steps.length - 1)];
  return (
    <>
      <div className="field">
        <label className="field-label" htmlFor="preview-screen">
          {t('screen')}
        </label>
        <select id="preview-screen" className="text-input" value={index} onChange={(e) => setIndex(Number(e.target.value))}>
          {result.steps.map((s, i) => (
            <option key={i} value={i}>
              {i + 1}. {describe(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="studio-preview">
        {step &&
          LOCALES.map((locale) => {
            const module = result.modules[locale];
            if (!module) return null;
            return (
              <section key={locale} aria-label={t('phone', { language: t(`language.${locale}`) })} lang={locale}>
                <h3>{t(`language.${locale}`)}</h3>
                <div className="studio-phone">
                  <div className="studio-phone__screen">
                    <NextIntlClientProvider locale={locale} messages={result.messages[locale] as AbstractIntlMessages}>
                      <PhoneScreen key={`${index}-${locale}`} module={module} step={step} index={index} locale={locale} onNext={() => setIndex((i) => Math.min(i + 1, result.steps.length - 1))} />
                    </NextIntlClientProvider>
                  </div>
                </div>
              </section>
            );
          })}
      </div>
    </>
  );
}

function describe(step: JourneyStep): string {
  const { kind, ...rest } = step;
  const detail = Object.values(rest).filter((v) => typeof v === 'string').join(' · ');
  return detail ? `${kind}: ${detail}` : kind;
}

function PhoneScreen({ module, step, index, locale, onNext }: { module: PlayerModule; step: JourneyStep; index: number; locale: Locale; onNext: () => void }) {
  const [state, setState] = useState<DeviceState>(() => ({ ...newDeviceState(locale), position: index }));
  const api: PlayerApi = {
    module,
    joinCode: null,
    beforeAfter: true,
    followUp: false,
    state,
    record: (itemId, phase, response, confidence) =>
      setState((s) =>
        recordAnswer(s, answerKey(phase, itemId), {
          id: crypto.randomUUID(),
          itemId,
          phase,
          response,
          ...(confidence !== undefined ? { confidence } : {}),
          contentVersion: module.version,
          answeredAt: new Date().toISOString(),
        }),
      ),
    next: onNext,
    update: (change) => setState(change),
    restart: () => setState({ ...newDeviceState(locale), position: 0 }),
    start: onNext,
  };
  if (step.kind === 'intro') return <IntroScreen api={api} resumable={false} />;
  return <StepScreens step={step} index={index} api={api} />;
}
