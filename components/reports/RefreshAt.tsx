'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Reloads the page's server data once `at` has passed, so a report held back until a time shows
 * its figures then without the teacher reloading. No words of its own: the page says when.
 */
export function RefreshAt({ at }: { at: string }) {
  const router = useRouter();
  useEffect(() => {
    // A second's margin, so the server's clock has passed the time too.
    const wait = Math.max(0, new Date(at).getTime() - Date.now() + 1_000);
    // setTimeout holds at most about 24.8 days; a later time is waited for from the next visit.
    if (wait > 2 ** 31 - 1) return;
    const timer = setTimeout(() => router.refresh(), wait);
    return () => clearTimeout(timer);
  }, [at, router]);
  return null;
}
