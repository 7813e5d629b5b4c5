'use client';

import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Whether the student asked for less motion; false on the server, where nothing moves anyway. */
export function prefersReducedMotion(): boolean {
  return typeof window === 'undefined' || window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Plays `keyframes` once, when the element mounts, with the Web Animations API: e.g. the real
 * figure's marker leaving the student's guess. The element is rendered in its end state, so with
 * "reduce motion", before the script runs, or where the API is missing, it is simply there.
 * Fixed at mount, so a re-render never replays it. `fill: 'backwards'` holds the first frame
 * through the delay.
 */
export function useEntrance<T extends Element>(keyframes: Keyframe[] | null, options: KeyframeAnimationOptions = {}): RefObject<T | null> {
  const ref = useRef<T>(null);
  const [plan] = useState(() => (keyframes ? { keyframes, options } : null));
  useLayoutEffect(() => {
    const element = ref.current;
    if (!plan || !element || typeof element.animate !== 'function' || prefersReducedMotion()) return;
    const animation = element.animate(plan.keyframes, { easing: 'ease-out', fill: 'backwards', ...plan.options });
    return () => animation.cancel();
  }, [plan]);
  return ref;
}
