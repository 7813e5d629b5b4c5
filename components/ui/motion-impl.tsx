'use client';

import { domAnimation, LazyMotion, m, MotionConfig } from 'framer-motion';
import type { CSSProperties, ReactNode } from 'react';

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

type Box = Pick<CSSProperties, 'left' | 'width' | 'opacity'> & { x?: number; y?: number };

/**
 * A box that moves from one place to another once, e.g. the real figure's marker leaving the
 * student's guess, or a story's consequence arriving after the choice. Only used when motion
 * is allowed (useMotion in Reveal.tsx); otherwise the caller renders the end state.
 */
export function MoveFrom({
  children,
  className,
  style,
  from,
  to,
  delay = 0,
  duration = 0.6,
}: {
  children?: ReactNode;
  className?: string;
  style?: CSSProperties;
  from: Box;
  to: Box;
  delay?: number;
  duration?: number;
}) {
  return (
    <MotionConfig reducedMotion="user">
      <LazyMotion features={domAnimation} strict>
        <m.div className={className} style={style} initial={from} animate={to} transition={{ duration, delay, ease: 'easeOut' }}>
          {children}
        </m.div>
      </LazyMotion>
    </MotionConfig>
  );
}
