import { getTranslations } from 'next-intl/server';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { getPathname } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';

export type JoinError = { kind: 'missing' | 'invalid' | 'unknown' | 'closed' } | { kind: 'tooMany'; minutes: number };

/**
 * The join-code form: a plain GET form, so it works before any JavaScript has loaded on a slow
 * phone. The code is checked on the server (`/join`), which sends the student on to the session.
 */
export async function JoinForm({ locale, code = '', error, compact = false }: { locale: Locale; code?: string; error?: JoinError; compact?: boolean }) {
  const t = await getTranslations('Session.join');
  const message = error && (error.kind === 'tooMany' ? t('errors.tooMany', { minutes: error.minutes }) : t(`errors.${error.kind}`));
  return (
    <form method="get" action={getPathname({ href: '/join', locale })} className="join-form" noValidate>
      {message && <ErrorSummary title={t('errorTitle')} errors={[{ field: 'join-code', message }]} />}
      {compact ? (
        <label htmlFor="join-code" className="label">
          {t('label')}
        </label>
      ) : (
        <>
          <h1>
            <label htmlFor="join-code">{t('heading')}</label>
          </h1>
          <p className="lead">{t('lead')}</p>
        </>
      )}
      <p className="hint" id="join-code-hint">
        {t('hint')}
      </p>
      {message && (
        <p className="field-error" id="join-code-error">
          {message}
        </p>
      )}
      <input
        className="text-input join-form__code"
        id="join-code"
        name="code"
        defaultValue={code}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={12}
        aria-describedby={message ? 'join-code-hint join-code-error' : 'join-code-hint'}
        aria-invalid={message ? true : undefined}
      />
      <button type="submit" className="button">
        {t('submit')}
      </button>
    </form>
  );
}
