import type { ReactNode } from 'react';

/**
 * A table that may be wider than a phone: it scrolls sideways on its own rather than the page.
 * A scrolling box must be reachable by keyboard, so it is a focusable region named by the
 * table's caption.
 */
export function ScrollingTable({ id, caption, children }: { id: string; caption: string; children: ReactNode }) {
  return (
    <div className="report-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="report-table">
        <caption id={id}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

/** A column heading over numbers, aligned with them on the right. */
export function NumberHeader({ children }: { children: ReactNode }) {
  return (
    <th scope="col" className="report-num">
      {children}
    </th>
  );
}
