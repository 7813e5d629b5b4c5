import type { ReactNode } from 'react';

/** The one main button of a screen, full width on a phone, in its own action row. */
export function PrimaryAction({ children, onClick, type = 'button' }: { children: ReactNode; onClick?: () => void; type?: 'button' | 'submit' }) {
  return (
    <div className="actions">
      <button type={type} className="button" onClick={onClick}>
        {children}
      </button>
    </div>
  );
}
