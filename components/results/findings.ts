import type { DisclosedMeasure } from '@/lib/domain/officer-disclosure';
import { changeVerdict, effectSizeBand } from '@/lib/domain/results-report';
import { intervalNumber } from './details/values';
import type { ResultsKit } from './kit';

/**
 * The headline findings in sentences a funder reads: the summary page and the report's summary
 * of findings say the same things in the same words. Each sentence is built from the disclosed
 * figures only, and says why when a figure is not shown.
 */

export type HeadlineChange = 'knowledge' | 'intention';

/** "The share of knowledge questions answered right rose by 20 percentage points, from 44% to 64% (95% CI 16 to 24), a medium effect (effect size 0.59)." */
export function changeSentence(kit: ResultsKit, which: HeadlineChange): string | null {
  const { t, results, format } = kit;
  const measure: DisclosedMeasure | undefined =
    which === 'knowledge' ? results.change.knowledge : results.change.constructs.find((c) => c.construct === 'intention');
  if (measure === undefined) return null;
  const [unit, scoreUnit] = which === 'knowledge' ? (['percentChange', 'percentScore'] as const) : (['scaleChange', 'scale'] as const);
  const { change, interval, effectSize } = measure;
  switch (change.kind) {
    case 'fewer-than':
      return t(`glance.change.${which}.fewer`, { k: change.k });
    case 'withheld':
      return t(`glance.change.${which}.withheld`);
    case 'none':
      return t(`glance.change.${which}.none`);
    case 'mean':
      break;
  }
  const digits = unit === 'percentChange' ? 0 : 1;
  const values = {
    n: Math.abs(change.value),
    signed: format.number(change.value, { signDisplay: 'exceptZero', minimumFractionDigits: digits, maximumFractionDigits: digits }),
    before: kit.text(measure.before, scoreUnit),
    after: kit.text(measure.after, scoreUnit),
  };
  if (interval.kind !== 'interval') return t(`glance.change.${which}.noInterval`, values);
  const low = intervalNumber(kit, interval.low, unit);
  const high = intervalNumber(kit, interval.high, unit);
  const verdict = changeVerdict(interval);
  if (verdict === 'unclear') return t(`glance.change.${which}.unclear`, { ...values, low, high });
  const shown = effectSize.kind === 'mean';
  return t(`glance.change.${which}.${verdict}`, {
    ...values,
    low,
    high,
    size: shown ? effectSizeBand(effectSize.value) : 'none',
    d: shown ? format.number(effectSize.value, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : '',
  });
}

export interface Finding {
  key: string;
  label: string;
  text: string;
}

/** The beliefs measured at the start and the end that most students still held at the end. */
export function persistentBeliefs(kit: ResultsKit, top = 3): Finding[] {
  return kit.results.misconceptions
    .filter((m) => m.evidence === 'startAndEnd')
    .slice(0, top)
    .map((m) => ({
      key: m.misconceptionId,
      label: kit.names.misconception(m.misconceptionId),
      text: kit.t('glance.beliefs.item', {
        before: kit.text(m.waves.before.share, 'share', m.waves.before.total),
        after: kit.text(m.waves.after.share, 'share', m.waves.after.total),
      }),
    }));
}

export function quizOnlyBeliefCount(kit: ResultsKit): number {
  return kit.results.misconceptions.filter((m) => m.evidence === 'quizOnly').length;
}

/** The story decisions with the largest shown share of risky choices, named by the risky choice itself. */
export function riskiestChoices(kit: ResultsKit, top = 3): Finding[] {
  const { t, results, structure, content, names } = kit;
  return results.scenarios
    .flatMap((scenario) => scenario.decisions.map((decision) => ({ scenarioId: scenario.scenarioId, decision })))
    .flatMap(({ scenarioId, decision }) => (decision.risky.share.kind === 'share' ? [{ scenarioId, decision, share: decision.risky.share.value }] : []))
    .sort((a, b) => b.share - a.share)
    .slice(0, top)
    .map(({ scenarioId, decision }) => {
      const node = structure.scenarios.find((s) => s.id === scenarioId)?.nodes.find((n) => n.id === decision.nodeId);
      const words = content.scenarios[scenarioId]?.nodes[decision.nodeId];
      const risky = node?.kind === 'decision' ? node.choices.filter((c) => c.risky).map((c) => words?.choices?.[c.id] ?? c.id) : [];
      const share = kit.text(decision.risky.share, 'share', decision.risky.total);
      const total = decision.risky.total;
      return {
        key: `${scenarioId}/${decision.nodeId}`,
        label: t('glance.risky.choice', { story: names.scenario(scenarioId), choice: risky.length > 0 ? risky.join(' / ') : (words?.text ?? decision.nodeId) }),
        text: total.kind === 'count' ? t('glance.risky.item', { share, n: kit.format.number(total.value) }) : t('glance.risky.itemFewer', { share }),
      };
    });
}
