'use client';

import type { ReactNode } from 'react';
import { Link, usePathname } from '@/i18n/navigation';

/** A staff navigation link that says when it is the current section (`aria-current`). */
export function StaffNavLink({ href, children }: { href: '/teach' | '/results' | '/studio' | '/admin'; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link href={href} className="staff-nav__link" aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
