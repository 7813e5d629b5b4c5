import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { LiveSession } from '@/components/session/teach/LiveSession';
import { pageLocale } from '@/i18n/page-locale';
import { getDatabase } from '@/lib/server/database';
import { joinLink, qrCodeSvg } from '@/lib/server/join-link';
import { readTeacherLiveView } from '@/lib/server/live/snapshots';
import { sessionOutline } from '@/lib/server/session-outline';
import { requireSessionPage } from '@/lib/server/teach-pages';

async function readLiveView(id: string) {
  const view = await readTeacherLiveView(await getDatabase(), id, new Date());
  if (!view) notFound();
  return view;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Teach');
  return { title: t('projector.pageTitle') };
}

/** The big screen: large type, the join code and QR code until hidden, and the class's step. */
export default async function ProjectorPage({ params }: PageProps<'/[locale]/teach/sessions/[sessionId]/projector'>) {
  const locale = await pageLocale(params);
  const { sessionId } = await params;
  const { session } = await requireSessionPage(locale, sessionId, `/teach/sessions/${sessionId}/projector`);
  const t = await getTranslations('Teach.projector');
  const link = joinLink(session.joinCode, await headers());
  const [qr, outline, view] = await Promise.all([
    qrCodeSvg(link),
    sessionOutline(locale, session.beforeAfter),
    readLiveView(session.id),
  ]);
  return (
    <div className="projector">
      <h1 className="visually-hidden">{t('heading')}</h1>
      <LiveSession
        sessionId={session.id}
        joinCode={session.joinCode}
        joinLink={link}
        qrSvg={qr}
        locale={locale}
        outline={outline}
        initial={view}
        variant="projector"
      />
    </div>
  );
}
