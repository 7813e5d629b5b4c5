import type { ReactNode } from 'react';

export type HeadingLevel = 2 | 3 | 4;

/** A heading at the level its place in the page gives it: h2 on a detail page, h3 or h4 in the report. */
export function Heading({ level, id, children }: { level: HeadingLevel; id?: string; children: ReactNode }) {
  const Tag = level === 2 ? 'h2' : level === 3 ? 'h3' : 'h4';
  return <Tag id={id}>{children}</Tag>;
}

/** A part of the results: a heading, one sentence saying how to read it, then its figures. */
export function ResultsSection({
  id,
  heading,
  reading,
  level = 2,
  children,
}: {
  id: string;
  heading: string;
  reading?: string;
  level?: HeadingLevel;
  children: ReactNode;
}) {
  return (
    <section className="report-section results-section" aria-labelledby={id}>
      {/* One block, so that on paper a heading and its reading stay together and with what follows. */}
      <div className="results-section__head">
        <Heading level={level} id={id}>
          {heading}
        </Heading>
        {reading && <p className="results-reading">{reading}</p>}
      </div>
      {children}
    </section>
  );
}
