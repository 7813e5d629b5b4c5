import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { DisclosurePolicy } from '@/lib/domain/disclosure';

/** "Demo data": every page of results built on synthetic sessions says so first. */
export async function DemoBanner({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Results.demo' });
  return (
    <div className="results-demo" role="note">
      <p className="results-demo__title">{t('title')}</p>
      <p>{t('body')}</p>
    </div>
  );
}

/** The chosen filters in words, above the figures. */
export async function FilterSummary({ locale, phrases }: { locale: Locale; phrases: readonly string[] }) {
  const t = await getTranslations({ locale, namespace: 'Results.summary' });
  return (
    <p className="results-summary">
      <strong>{t('label')}</strong> {phrases.length === 0 ? t('all') : phrases.join(' · ')}
    </p>
  );
}

/** Why some figures read "fewer than 10" or "not shown". */
export async function ResultsDisclosureNote({ locale, policy }: { locale: Locale; policy: DisclosurePolicy }) {
  const t = await getTranslations({ locale, namespace: 'Results.disclosure' });
  return (
    <section className="report-section report-note" aria-labelledby="results-disclosure">
      <h2 id="results-disclosure">{t('heading')}</h2>
      <p>{t('text', { k: policy.k, roundTo: policy.roundTo })}</p>
    </section>
  );
}

type ResultsPage = 'overview' | 'questions' | 'report';

/** The three results pages, each keeping the filters chosen. */
export async function ResultsNav({ locale, current, hrefs }: { locale: Locale; current: ResultsPage; hrefs: Record<ResultsPage, string> }) {
  const t = await getTranslations({ locale, namespace: 'Results.nav' });
  const pages: ResultsPage[] = ['overview', 'questions', 'report'];
  return (
    <nav className="results-nav" aria-label={t('label')}>
      <ul>
        {pages.map((page) => (
          <li key={page}>
            <a href={hrefs[page]} aria-current={page === current ? 'page' : undefined}>
              {t(page)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
