import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import { pageLocale } from '@/i18n/page-locale';
import { getModule } from '@/lib/content/load';
import { JoinForm } from '@/components/session/JoinForm';

export default async function HomePage({ params }: PageProps<'/[locale]'>) {
  const locale = await pageLocale(params);
  const t = await getTranslations('Home');
  const tj = await getTranslations('Session.join');
  const { text } = await getModule();
  const module = text[locale];
  return (
    <>
      <p className="eyebrow">{module.tagline}</p>
      <h1 className="title">{module.title}</h1>
      <p className="lead">{t('lead')}</p>
      <div className="actions">
        <Link href="/learn" className="button">
          {t('start')}
        </Link>
      </div>
      <section className="card" aria-labelledby="join-heading">
        <h2 id="join-heading">{tj('homeHeading')}</h2>
        <p>{tj('homeBody')}</p>
        <JoinForm locale={locale} compact />
      </section>
      <div className="card">
        <h2>{t('whatHeading')}</h2>
        <ul className="checklist">
          <li>{t('what.facts')}</li>
          <li>{t('what.scenarios')}</li>
          <li>{t('what.plan')}</li>
        </ul>
      </div>
      <div className="card">
        <h2>{t('privacyHeading')}</h2>
        <p>{t('privacyBody')}</p>
        <p>
          <Link href="/privacy">{t('privacyLink')}</Link>
        </p>
      </div>
    </>
  );
}
