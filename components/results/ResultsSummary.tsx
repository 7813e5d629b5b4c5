import { changeSentence, persistentBeliefs, quizOnlyBeliefCount, riskiestChoices, type Finding } from './findings';
import type { ResultsKit } from './kit';
import { RESULTS_DETAILS, type ResultsHrefs } from './paths';
import { StillOpenNotice } from './ResultsHeader';

/**
 * The results in a minute: who took part, the headline change in knowledge and intentions with
 * its interval and effect size, the beliefs that persist, the riskiest story choices, and a link
 * to the detail behind each. Every figure is one the detail pages and the CSV show too.
 */
export function ResultsSummary({ kit, hrefs }: { kit: ResultsKit; hrefs: ResultsHrefs }) {
  const { t, results, text } = kit;
  const { headline } = results;
  const changes = (['knowledge', 'intention'] as const).flatMap((which) => {
    const sentence = changeSentence(kit, which);
    return sentence === null ? [] : [{ which, sentence }];
  });
  const beliefs = persistentBeliefs(kit);
  const quizOnly = quizOnlyBeliefCount(kit);
  const risky = riskiestChoices(kit);
  const who = [
    { key: 'students', value: text(headline.students, 'count') },
    { key: 'sessions', value: text({ kind: 'count', value: headline.sessions }, 'exact') },
    { key: 'organisations', value: text({ kind: 'count', value: headline.organisations }, 'exact') },
    { key: 'completion', value: text(headline.completion, 'share') },
    { key: 'followUpSessions', value: text({ kind: 'count', value: headline.followUpSessions }, 'exact') },
  ] as const;

  return (
    <>
      <section className="report-section results-glance-who" aria-labelledby="glance-who">
        <h2 id="glance-who">{t('glance.who.heading')}</h2>
        <dl className="results-headline">
          {who.map((item) => (
            <div key={item.key} className="results-headline__item">
              <dt>{t(`glance.who.${item.key}`)}</dt>
              <dd>{item.value}</dd>
            </div>
          ))}
        </dl>
        <StillOpenNotice locale={kit.locale} count={kit.stillOpen} />
      </section>

      <section className="results-card" aria-labelledby="glance-change">
        <h2 id="glance-change">{t('glance.change.heading')}</h2>
        <p className="results-card__intro">{t('glance.change.intro')}</p>
        <ul className="results-findings">
          {changes.map((change) => (
            <li key={change.which}>{change.sentence}</li>
          ))}
        </ul>
        <p className="results-card__more">
          <a href={hrefs.page('change')}>{t('glance.change.more')}</a>
        </p>
      </section>

      <div className="results-cards">
        <section className="results-card" aria-labelledby="glance-beliefs">
          <h2 id="glance-beliefs">{t('glance.beliefs.heading')}</h2>
          {beliefs.length === 0 ? (
            <p>{t('glance.beliefs.none')}</p>
          ) : (
            <>
              <p className="results-card__intro">{t('glance.beliefs.intro')}</p>
              <FindingList findings={beliefs} />
            </>
          )}
          {quizOnly > 0 && <p className="results-card__aside">{t('glance.beliefs.quizOnly', { count: quizOnly })}</p>}
          <p className="results-card__more">
            <a href={hrefs.page('beliefs')}>{t('glance.beliefs.more')}</a>
          </p>
        </section>

        <section className="results-card" aria-labelledby="glance-risky">
          <h2 id="glance-risky">{t('glance.risky.heading')}</h2>
          {risky.length === 0 ? (
            <p>{t('glance.risky.none')}</p>
          ) : (
            <>
              <p className="results-card__intro">{t('glance.risky.intro')}</p>
              <FindingList findings={risky} />
            </>
          )}
          <p className="results-card__more">
            <a href={hrefs.page('stories')}>{t('glance.risky.more')}</a>
          </p>
        </section>
      </div>

      <section className="report-section" aria-labelledby="glance-detail">
        <h2 id="glance-detail">{t('glance.detail.heading')}</h2>
        <ul className="results-detail-links">
          {[...RESULTS_DETAILS, 'questions' as const, 'report' as const].map((page) => (
            <li key={page}>
              <a href={hrefs.page(page)}>{t(`nav.${page}`)}</a>
              <span>{t(`glance.detail.${page}`)}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** Findings in order, each its label and then its figures. */
export function FindingList({ findings }: { findings: readonly Finding[] }) {
  return (
    <ol className="results-findings results-findings--ranked">
      {findings.map((finding) => (
        <li key={finding.key}>
          <span className="results-findings__label">{finding.label}</span> <span className="results-findings__text">{finding.text}</span>
        </li>
      ))}
    </ol>
  );
}
