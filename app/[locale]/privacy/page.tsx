import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { pageLocale } from '@/i18n/page-locale';
import { configuredDisclosurePolicies } from '@/lib/server/disclosure-config';
import { retentionPeriod } from '@/lib/server/retention-period';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Privacy');
  return { title: t('pageTitle') };
}

/** What is stored about a student, for how long, and what never is, in plain words. */
export default async function PrivacyPage({ params }: PageProps<'/[locale]/privacy'>) {
  await pageLocale(params);
  const t = await getTranslations('Privacy');
  // This deployment's settings, so the page never promises what the app doesn't do.
  const period = retentionPeriod();
  const policies = configuredDisclosurePolicies();
  return (
    <>
      <h1>{t('heading')}</h1>
      <p className="lead">{t('lead')}</p>
      <h2>{t('storedHeading')}</h2>
      <ul className="checklist">
        <li>{t('stored.answers')}</li>
        <li>{t('stored.id')}</li>
        <li>{t('stored.version')}</li>
      </ul>
      <h2>{t('neverHeading')}</h2>
      <ul className="checklist">
        <li>{t('never.name')}</li>
        <li>{t('never.ip')}</li>
        <li>{t('never.text')}</li>
      </ul>
      <h2>{t('classHeading')}</h2>
      <p>{t('classBody', { k: policies.classView.k })}</p>
      <h2>{t('retentionHeading')}</h2>
      <p>
        {t('retentionBody', {
          schoolYears: period.schoolYears === null ? 'none' : 'whole',
          years: period.schoolYears ?? 0,
          days: period.days,
        })}
      </p>
      <p>{t('keptBody', { k: policies.export.k })}</p>
      <h2>{t('pairingHeading')}</h2>
      <p>{t('pairingBody')}</p>
      <h2>{t('deviceHeading')}</h2>
      <p>{t('deviceBody')}</p>
    </>
  );
}
