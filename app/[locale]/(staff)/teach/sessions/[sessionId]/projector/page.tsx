import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LiveSession } from '@/components/session/teach/LiveSession';
import { pageLocale } from '@/i18n/page-locale';
import { loadLiveScreen } from '@/lib/server/teach-pages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Teach');
  return { title: t('projector.pageTitle') };
}

/** The big screen: large type, the join code and QR code until hidden, and the class's step. */
export default async function ProjectorPage({ params }: PageProps<'/[locale]/teach/sessions/[sessionId]/projector'>) {
  const locale = await pageLocale(params);
  const { sessionId } = await params;
  const { session, link, qrSvg, outline, view } = await loadLiveScreen(locale, sessionId, `/teach/sessions/${sessionId}/projector`);
  const t = await getTranslations('Teach.projector');
  return (
    <div className="projector">
      <h1 className="visually-hidden">{t('heading')}</h1>
      <LiveSession
        sessionId={session.id}
        joinCode={session.joinCode}
        joinLink={link}
        qrSvg={qrSvg}
        locale={locale}
        outline={outline}
        initial={view}
        variant="projector"
      />
    </div>
  );
}
