import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';
import {
  disclosureMessage,
  type DisclosedFigure,
  type DisclosedMean,
  type DisclosedShare,
  type DisclosedValue,
} from '@/lib/domain/disclosure';

/**
 * Disclosed values in words for the report page: numbers in the locale's format, suppressed
 * and withheld ones as "fewer than 5" and "not shown". Server side; the page is a server
 * component and nothing here reaches the browser as code.
 */
export interface ReportFigures {
  count(value: DisclosedFigure): string;
  share(value: DisclosedShare): string;
  /** A knowledge score, 0 to 100. */
  percentScore(value: DisclosedMean | Withheld): string;
  /** A change in knowledge score, in percentage points, with its sign. */
  percentChange(value: DisclosedMean | Withheld): string;
  /** A mean on the 1–5 scale. */
  scale(value: DisclosedMean | Withheld): string;
  /** A change on the 1–5 scale, with its sign. */
  scaleChange(value: DisclosedMean | Withheld): string;
}

type Withheld = { kind: 'withheld' };

export async function reportFigures(locale: Locale): Promise<ReportFigures> {
  const t = await getTranslations({ locale, namespace: 'Report.values' });
  const format = await getFormatter({ locale });
  const inWords = (value: DisclosedValue, shown: (n: number) => string): string => {
    const message = disclosureMessage(value);
    switch (message.key) {
      case 'count':
      case 'share':
      case 'mean':
        return shown(message.values.value);
      case 'fewerThan':
        return t('fewerThan', message.values);
      case 'withheld':
        return t('withheld');
      case 'none':
        return t('none');
    }
  };
  const oneDecimal = { minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;
  return {
    count: (value) => inWords(value, (n) => format.number(n)),
    share: (value) => inWords(value, (n) => format.number(n, { style: 'percent', maximumFractionDigits: 0 })),
    percentScore: (value) => inWords(value, (n) => format.number(n / 100, { style: 'percent', maximumFractionDigits: 0 })),
    percentChange: (value) =>
      inWords(value, (n) => t('points', { value: format.number(n, { signDisplay: 'exceptZero', maximumFractionDigits: 0 }) })),
    scale: (value) => inWords(value, (n) => format.number(n, oneDecimal)),
    scaleChange: (value) =>
      inWords(value, (n) => t('scaleChange', { value: format.number(n, { ...oneDecimal, signDisplay: 'exceptZero' }) })),
  };
}
