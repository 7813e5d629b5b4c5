import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { firstScreen } from '@/components/player/first-screen';
import { Player } from '@/components/player/Player';
import { sessionStoreKey } from '@/components/player/device-state';
import { ResumeMarker } from '@/components/player/ResumeMarker';
import { JoinForm } from '@/components/session/JoinForm';
import { SessionNotOpen } from '@/components/session/SessionNotOpen';
import { redirect } from '@/i18n/navigation';
import { pageLocale } from '@/i18n/page-locale';
import { getPlayerModule } from '@/lib/content/player';
import { lookUpJoinCode } from '@/lib/server/class-session-access';
import { buildJourney } from '@/lib/domain/journey';
import { sessionJourneyOptions } from '@/lib/domain/session-journey';
import { notOpenYet } from '@/lib/domain/session-lifecycle';
import { sessionState } from '@/lib/server/class-sessions';
import { clientAddress } from '@/lib/server/client-address';
import { getDatabase } from '@/lib/server/database';
import { moduleOfSession } from '@/lib/server/session-module';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Session');
  return { title: t('pageTitle') };
}

/**
 * The module inside a class session: where the QR code and the join form lead. A closed session
 * still opens, so a student who was in it sees that it ended and what they did.
 */
export default async function SessionPage({ params }: PageProps<'/[locale]/session/[code]'>) {
  const locale = await pageLocale(params);
  const { code } = await params;
  const found = await lookUpJoinCode(decodeURIComponent(code), clientAddress(await headers()));
  if (!found.ok) {
    const error = found.error === 'too_many' ? { kind: 'tooMany' as const, minutes: Math.ceil(found.retryAfterMs / 60_000) } : { kind: 'unknown' as const };
    return <JoinForm locale={locale} code={decodeURIComponent(code)} error={error} />;
  }
  const { session } = found;
  // "ktm4rx" or "KTM-4RX" from a hand-typed link: one address per session.
  if (session.joinCode !== code) redirect({ href: `/session/${session.joinCode}`, locale });
  const now = new Date();
  if (session.opensAt !== null && notOpenYet(session, now)) return <SessionNotOpen opensAt={session.opensAt} locale={locale} />;
  // The session's own module at its own version, kept when a newer one is published.
  const served = await moduleOfSession(await getDatabase(), session);
  const [module, messages] = await Promise.all([getPlayerModule(locale, served), getMessages()]);
  const options = sessionJourneyOptions(session);
  const initialState = sessionState(session, now);
  // What the server knows: the lobby or the class's step when live, the intro when self-paced.
  const live = initialState.mode === 'live';
  const steps = buildJourney(module, { ...options, offerDeeper: false });
  const at = live ? initialState.liveStep : 0;
  const first = firstScreen(module, locale, steps, at, live && at <= 0);
  return (
    <NextIntlClientProvider messages={{ Common: messages.Common, Player: messages.Player, Session: messages.Session }}>
      <ResumeMarker storeKey={sessionStoreKey(module.id, session.id)} moduleText={first.moduleText} />
      <Player
        first={first}
        locale={locale}
        session={{ id: session.id, joinCode: session.joinCode, ...options, initialState }}
      />
    </NextIntlClientProvider>
  );
}
