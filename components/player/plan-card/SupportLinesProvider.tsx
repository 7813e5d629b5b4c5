'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { CardSupportLine } from '@/lib/plan-card/support-lines';

const SupportLinesContext = createContext<readonly CardSupportLine[]>([]);

/** The support numbers the plan card prints, read from the support content on the server. */
export function SupportLinesProvider({ lines, children }: { lines: readonly CardSupportLine[]; children: ReactNode }) {
  return <SupportLinesContext.Provider value={lines}>{children}</SupportLinesContext.Provider>;
}

export function useSupportLines(): readonly CardSupportLine[] {
  return useContext(SupportLinesContext);
}
