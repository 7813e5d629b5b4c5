import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Projector } from '@/components/session/projector/Projector';
import { pageLocale } from '@/i18n/page-locale';
import { sessionJourneyOptions } from '@/lib/domain/session-journey';
import { presenterSteps } from '@/lib/server/step-shows';
import { loadLiveScreen } from '@/lib/server/teach-pages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Teach');
  return { title: t('projector.pageTitle') };
}

/**
 * The big screen, opened from the presenter in a window of its own: no controls, the lobby with
 * the code, then each step as a show. It follows the same live events as the presenter; the
 * teacher's notes never come here.
 */
export default async function ProjectorPage({ params }: PageProps<'/[locale]/teach/sessions/[sessionId]/projector'>) {
  const locale = await pageLocale(params);
  const { sessionId } = await params;
  const { session, link, qrSvg, view, module } = await loadLiveScreen(locale, sessionId, `/teach/sessions/${sessionId}/projector`);
  const steps = await presenterSteps(locale, sessionJourneyOptions(session), module);
  const t = await getTranslations('Teach.projector');
  return (
    <div className="projector">
      <h1 className="visually-hidden">{t('heading')}</h1>
      <Projector sessionId={session.id} joinCode={session.joinCode} joinLink={link} qrSvg={qrSvg} locale={locale} shows={steps.map((s) => s.show)} initial={view} />
    </div>
  );
}
