import type { ResultsKit } from '../kit';
import type { ResultsDetail } from '../paths';
import { BeliefsFigures } from './BeliefsFigures';
import { ChangeFigures } from './ChangeFigures';
import { KnowledgeFigures } from './KnowledgeFigures';
import { PlansFigures, TrendsFigures } from './PlansAndTrendsFigures';
import { StoriesFigures } from './StoriesFigures';

/** One detail page's figures, under the page's own h1: its parts are h2s. */
export function ResultsDetailBody({ kit, page }: { kit: ResultsKit; page: ResultsDetail }) {
  switch (page) {
    case 'knowledge':
      return <KnowledgeFigures kit={kit} />;
    case 'beliefs':
      return <BeliefsFigures kit={kit} level={2} />;
    case 'change':
      return <ChangeFigures kit={kit} level={2} />;
    case 'stories':
      return <StoriesFigures kit={kit} level={2} breakdowns="folded" />;
    case 'plans':
      return <PlansFigures kit={kit} />;
    case 'trends':
      return <TrendsFigures kit={kit} />;
  }
}
