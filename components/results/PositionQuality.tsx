import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import type { ModuleStructure, ModuleText, Phase } from '@/lib/content/schema';
import type { DisclosedPositionQuality, ShownPValue } from '@/lib/domain/position-quality';
import { configuredDisclosurePolicies } from '@/lib/server/disclosure-config';

interface Props {
  locale: Locale;
  version: string;
  positions: readonly DisclosedPositionQuality[];
  structure: ModuleStructure;
  content: ModuleText;
}

const PHASES: readonly Phase[] = ['before', 'main', 'after', 'followup'];

/**
 * One content version's shuffled questions, each with one plain sentence on whether the position
 * an option was shown in affects choices (lib/domain/position-quality.ts). A question to check
 * says so in words, never by colour alone.
 */
export async function PositionQuality({ locale, version, positions, structure, content }: Props) {
  const t = await getTranslations({ locale, namespace: 'Results.questions.position' });
  const phases = await getTranslations({ locale, namespace: 'Report.knowledge.phases' });
  const format = await getFormatter({ locale });
  const { k } = configuredDisclosurePolicies().export;
  const percent = (value: number) => format.number(value, { style: 'percent' });
  const pText = (p: ShownPValue) => {
    const value = format.number(p.value, { minimumFractionDigits: p.value < 0.1 ? 3 : 2, maximumFractionDigits: p.value < 0.1 ? 3 : 2 });
    return p.lessThan ? t('pBelow', { value }) : t('p', { value });
  };

  // Content order: knowledge items, then fact guesses, then each story's decisions.
  const labels = new Map<string, { rank: number; label: string }>();
  structure.items.forEach((item, i) => labels.set(item.id, { rank: i, label: content.items[item.id]?.prompt ?? item.id }));
  structure.facts.forEach((fact, i) =>
    labels.set(fact.id, { rank: 1000 + i, label: t('factLabel', { question: content.facts[fact.id]?.question ?? fact.id }) }),
  );
  structure.scenarios.forEach((scenario, s) => {
    const decisions = scenario.nodes.filter((node) => node.kind === 'decision');
    decisions.forEach((node, d) =>
      labels.set(`${scenario.id}/${node.id}`, {
        rank: 2000 + s * 100 + d,
        label: t('decisionLabel', { story: content.scenarios[scenario.id]?.title ?? scenario.id, n: d + 1 }),
      }),
    );
  });
  const rank = (q: DisclosedPositionQuality) => (labels.get(q.itemId)?.rank ?? 9999) * PHASES.length + PHASES.indexOf(q.phase);
  const sorted = [...positions].sort((a, b) => rank(a) - rank(b));

  const line = (q: DisclosedPositionQuality): { text: string; check: boolean } => {
    const { verdict, firstShare, expectedFirstShare } = q;
    if (verdict.kind === 'not-enough') return { text: t('notEnough'), check: false };
    if (verdict.kind === 'small-group' || firstShare.kind !== 'share' || expectedFirstShare.kind !== 'share') {
      return { text: t('smallGroup', { k }), check: false };
    }
    const shares = { choice: q.choice, first: percent(firstShare.value), expected: percent(expectedFirstShare.value), p: pText(verdict.p) };
    if (verdict.kind === 'no-sign') return { text: t('noSign', shares), check: false };
    if (verdict.favoured === 0) return { text: t('firstFavoured', shares), check: true };
    return { text: t('otherFavoured', { ...shares, position: String(verdict.favoured + 1) }), check: true };
  };

  return (
    <section className="report-section" aria-labelledby={`results-position-${version}`}>
      <h3 id={`results-position-${version}`}>{t('heading')}</h3>
      {sorted.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul className="results-positions">
          {sorted.map((q) => {
            const { text, check } = line(q);
            return (
              <li key={`${q.itemId}:${q.phase}`} className={check ? 'results-positions__check' : undefined}>
                <span className="results-positions__label">
                  {labels.get(q.itemId)?.label ?? q.itemId}
                  {q.phase !== 'main' && <span className="results-positions__phase"> ({phases(q.phase)})</span>}
                </span>{' '}
                {check && <strong>{t('checkMarker')} </strong>}
                <span>{text}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
