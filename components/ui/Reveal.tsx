'use client';

import { useEffect, useState, type ReactNode } from 'react';
import type * as MotionImpl from './motion-impl';

type MotionModule = typeof MotionImpl;

let loaded: MotionModule | null = null;
let loading: Promise<MotionModule> | null = null;

/**
 * framer-motion is fetched only after the page's load event and an idle moment, so it never
 * counts against a phone's first load; until then content simply appears.
 */
function loadMotionWhenIdle(): Promise<MotionModule> {
  loading ??= new Promise<void>((resolve) => {
    const idle = () => ('requestIdleCallback' in window ? window.requestIdleCallback(() => resolve()) : setTimeout(resolve, 200));
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
  })
    .then(() => import('./motion-impl'))
    .then((module) => (loaded = module))
    .catch((error: unknown) => {
      // Offline before the animations arrived: screens keep appearing without motion; try again later.
      loading = null;
      throw error;
    });
  return loading;
}

function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * framer-motion for a component that animates something of its own (a marker that moves, a
 * consequence that slides in): null under "reduce motion" or until it has loaded, and then the
 * component renders its final state at once. Fixed at mount, like Reveal.
 */
export function useMotion(): MotionModule | null {
  const [motion] = useState<MotionModule | null>(() => (prefersReducedMotion() ? null : loaded));
  useEffect(() => {
    if (!prefersReducedMotion()) loadMotionWhenIdle().catch(() => undefined);
  }, []);
  return motion;
}

interface RevealProps {
  children: ReactNode;
  className?: string;
  id?: string;
}

/**
 * Content that enters with a short fade and rise. With "reduce motion" on, nothing moves: the
 * content is rendered at once, in full. The animation choice is fixed when the element mounts,
 * so a late-arriving framer-motion never remounts what a student is using.
 */
export function Reveal({ children, className, id }: RevealProps) {
  const motion = useMotion();
  if (!motion) {
    return (
      <div className={className} id={id}>
        {children}
      </div>
    );
  }
  return (
    <motion.FadeIn className={className} id={id}>
      {children}
    </motion.FadeIn>
  );
}
