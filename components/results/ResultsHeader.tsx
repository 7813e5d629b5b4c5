import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { DisclosurePolicy } from '@/lib/domain/disclosure';
import { RESULTS_PAGES, type ResultsHrefs, type ResultsPage } from './paths';

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

/** "3 class sessions in this selection are still open and not counted yet", when any are. */
export async function StillOpenNotice({ locale, count }: { locale: Locale; count: number }) {
  if (count === 0) return null;
  const t = await getTranslations({ locale, namespace: 'Results' });
  return <p className="results-still-open">{t('stillOpen', { count })}</p>;
}

/** Why some figures read "fewer than 10" or "not shown", and why parts may not add up. */
export async function ResultsDisclosureNote({ locale, policy }: { locale: Locale; policy: DisclosurePolicy }) {
  const t = await getTranslations({ locale, namespace: 'Results.disclosure' });
  return (
    <section className="report-section report-note results-note" aria-labelledby="results-disclosure">
      <h2 id="results-disclosure">{t('heading')}</h2>
      <p>{t('text', { k: policy.k, roundTo: policy.roundTo })}</p>
    </section>
  );
}

/** How a change's 95% interval is worked out, and that the privacy noise widens it: said once per page. */
export async function UncertaintyNote({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Results.uncertainty' });
  return (
    <section className="report-section report-note results-note" aria-labelledby="results-uncertainty">
      <h2 id="results-uncertainty">{t('heading')}</h2>
      <p>{t('interval')}</p>
      <p>{t('effectSize')}</p>
    </section>
  );
}

/** Every results page, each keeping the filters chosen. */
export async function ResultsNav({ locale, current, hrefs }: { locale: Locale; current: ResultsPage; hrefs: ResultsHrefs }) {
  const t = await getTranslations({ locale, namespace: 'Results.nav' });
  return (
    <nav className="results-nav" aria-label={t('label')}>
      <ul>
        {RESULTS_PAGES.map((page) => (
          <li key={page}>
            <a href={hrefs.page(page)} aria-current={page === current ? 'page' : undefined}>
              {t(page)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
