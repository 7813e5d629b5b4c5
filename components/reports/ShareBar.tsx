import type { DisclosedShare } from '@/lib/domain/disclosure';
import type { ReportFigures } from './figures';

/**
 * A share as a plain horizontal bar beside its number. The bar is drawn with SVG, so it prints
 * (browsers leave CSS backgrounds off a printout), and hidden from screen readers: the number
 * beside it, which `text` is, says the same.
 */
export function ShareBar({ share, text }: { share: DisclosedShare; text: string }) {
  return (
    <span className="report-share">
      {share.kind === 'share' && (
        <svg className="report-share__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <rect className="report-share__track" x="0" y="0" width="100" height="10" />
          <rect className="report-share__fill" x="0" y="0" width={Math.max(0, Math.min(1, share.value)) * 100} height="10" />
        </svg>
      )}
      <span className="report-share__text">{text}</span>
    </span>
  );
}

/** A share as a table cell: its bar and its number, in the report's words. */
export function ShareCell({ share, figures }: { share: DisclosedShare; figures: ReportFigures }) {
  return (
    <td>
      <ShareBar share={share} text={figures.share(share)} />
    </td>
  );
}
