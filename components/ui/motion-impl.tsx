'use client';

import { domAnimation, LazyMotion, m, MotionConfig } from 'framer-motion';
import type { ReactNode } from 'react';

/** Loaded on demand by Reveal.tsx; `reducedMotion="user"` is a second guard behind its own check. */
export function FadeIn({ children, className, id }: { children: ReactNode; className?: string; id?: string }) {
  return (
    <MotionConfig reducedMotion="user">
      <LazyMotion features={domAnimation} strict>
        <m.div
          className={className}
          id={id}
          initial={{ opacity: 0, y: 12 }}
          animate={{ opacity: 1, y: 0 }}
          transition={{ duration: 0.28, ease: 'easeOut' }}
        >
          {children}
        </m.div>
      </LazyMotion>
    </MotionConfig>
  );
}
