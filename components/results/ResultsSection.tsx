import type { ReactNode } from 'react';

/** A section of the results: a heading, one sentence saying how to read it, then its figures. */
export function ResultsSection({ id, heading, reading, children }: { id: string; heading: string; reading: string; children: ReactNode }) {
  return (
    <section className="report-section results-section" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <p className="results-reading">{reading}</p>
      {children}
    </section>
  );
}
