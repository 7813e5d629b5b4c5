import type { ReactNode } from 'react';

interface RevealProps {
  children: ReactNode;
  className?: string;
  id?: string;
}

/**
 * Content that enters with a short fade and rise: a CSS animation (`.reveal` in global.css), so
 * no script is needed and none is shipped for it. With "reduce motion" on, nothing moves: the
 * content is there at once, in full. The screen painted by the server does not animate.
 */
export function Reveal({ children, className, id }: RevealProps) {
  return (
    <div className={className ? `reveal ${className}` : 'reveal'} id={id}>
      {children}
    </div>
  );
}
