import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { DisclosurePolicies } from '@/lib/domain/disclosure';

/** Why some figures read "fewer than 5" or "not shown", and when they appear, in the thresholds actually in force. */
export async function DisclosureNote({ locale, policies }: { locale: Locale; policies: DisclosurePolicies }) {
  const t = await getTranslations({ locale, namespace: 'Report.disclosure' });
  return (
    <section className="report-section report-note" aria-labelledby="report-disclosure">
      <h2 id="report-disclosure">{t('heading')}</h2>
      <p>{t('intro')}</p>
      <ul>
        <li>{t('small', { k: policies.classView.k })}</li>
        <li>{t('linked')}</li>
        <li>{t('means', { k: policies.classView.k })}</li>
        <li>{t('once')}</li>
        <li>{t('export', { k: policies.export.k, roundTo: policies.export.roundTo })}</li>
      </ul>
    </section>
  );
}
