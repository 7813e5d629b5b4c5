import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { ReportRelease } from '@/lib/domain/class-report-release';
import { RefreshAt } from './RefreshAt';

/**
 * Why a report shows no figures yet (or any more), and when it will: said first, in full, so a
 * teacher who opens the report during the lesson knows what to expect.
 */
export async function ReleaseNotice({ release, locale }: { release: ReportRelease; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Report.release' });
  const format = await getFormatter({ locale });
  if (release.kind === 'final') return null;
  if (release.kind === 'gone') {
    return (
      <section className="report-section report-note" aria-labelledby="report-release">
        <h2 id="report-release">{t('goneHeading')}</h2>
        <p>{t('gone')}</p>
      </section>
    );
  }
  return (
    <section className="report-section report-note report-note--held" aria-labelledby="report-release">
      <h2 id="report-release">{t('heldHeading')}</h2>
      <p className="report-release-when">
        {release.at === null
          ? t('whenEnded')
          : t('at', { date: format.dateTime(release.at, { dateStyle: 'long' }), time: format.dateTime(release.at, { timeStyle: 'short' }) })}
      </p>
      <p>{t('why')}</p>
      <p>{t('final')}</p>
      {release.at !== null && <RefreshAt at={release.at.toISOString()} />}
    </section>
  );
}
