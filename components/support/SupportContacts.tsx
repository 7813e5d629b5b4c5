import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import type { Locale } from '@/i18n/routing';
import { getSupport } from '@/lib/content/load';

/** Support contacts are content (content/support), so an officer can add a local service. */
export async function SupportContacts({ locale }: { locale: Locale }) {
  const t = await getTranslations('Support');
  const { structure, text } = await getSupport();
  const local = text[locale];
  return (
    <>
      <h1>{local.heading}</h1>
      <p className="lead">{local.intro}</p>
      {structure.contacts.map((contact) => {
        const c = local.contacts[contact.id];
        if (!c) return null;
        return (
          <section key={contact.id} className="card contact" aria-labelledby={`contact-${contact.id}`}>
            <h2 id={`contact-${contact.id}`}>{c.name}</h2>
            <p>{c.description}</p>
            {contact.phone && (
              <p className="contact__phone">
                <a className="contact__action" href={`tel:${contact.phone.replaceAll(' ', '')}`} aria-label={t('call', { name: c.name, phone: contact.phone })}>
                  {contact.phone}
                </a>
              </p>
            )}
            {contact.sms && (
              <p className="contact__phone">
                {/* `?&body=` pre-fills the message on both iOS and Android. */}
                <a
                  className="contact__action"
                  href={`sms:${contact.sms.number}?&body=${encodeURIComponent(contact.sms.message)}`}
                  aria-label={t('text', { name: c.name, message: contact.sms.message, number: contact.sms.number })}
                >
                  {t('textVisible', { message: contact.sms.message, number: contact.sms.number })}
                </a>
              </p>
            )}
            <p>{c.hours}</p>
            {contact.url && (
              <p>
                <a href={contact.url} rel="noopener noreferrer" className="tap-link">
                  {t('website', { name: c.name })}
                </a>
              </p>
            )}
          </section>
        );
      })}
      <p className="card">{t('emergency')}</p>
      <p>
        <Link href="/learn" className="tap-link">
          {t('backToModule')}
        </Link>
      </p>
    </>
  );
}
