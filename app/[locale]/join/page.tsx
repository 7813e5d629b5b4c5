import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { JoinForm, type JoinError } from '@/components/session/JoinForm';
import { redirect } from '@/i18n/navigation';
import { pageLocale } from '@/i18n/page-locale';
import { isClosed } from '@/lib/server/class-sessions';
import { lookUpJoinCode } from '@/lib/server/class-session-access';
import { clientAddress } from '@/lib/server/client-address';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Session.join');
  return { title: t('pageTitle') };
}

/** `/join?code=…`: checks the code a student typed and sends them into the session. */
export default async function JoinPage({ params, searchParams }: PageProps<'/[locale]/join'>) {
  const locale = await pageLocale(params);
  const raw = (await searchParams).code;
  const code = typeof raw === 'string' ? raw.trim() : undefined;
  if (code === undefined) return <JoinForm locale={locale} />;

  let error: JoinError;
  if (code === '') {
    error = { kind: 'missing' };
  } else {
    const found = await lookUpJoinCode(code, clientAddress(await headers()));
    if (found.ok && !isClosed(found.session, new Date())) redirect({ href: `/session/${found.session.joinCode}`, locale });
    error = found.ok
      ? { kind: 'closed' }
      : found.error === 'too_many'
        ? { kind: 'tooMany', minutes: Math.ceil(found.retryAfterMs / 60_000) }
        : { kind: found.error };
  }
  return <JoinForm locale={locale} code={code} error={error} />;
}
