'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The heading of a new screen takes focus when it appears, so screen-reader and keyboard users
 * start at the top of each step rather than on a button that no longer exists.
 */
export function ScreenHeading({ children, focus = true, className }: { children: ReactNode; focus?: boolean; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h1 ref={ref} tabIndex={-1} className={className}>
      {children}
    </h1>
  );
}
