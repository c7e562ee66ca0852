import { type ReactNode, useEffect, useRef } from 'react';

/**
 * Moves keyboard focus to its content whenever `signal` becomes a new truthy value — a new error, a new
 * success message, a newly opened form — so keyboard and screen-reader users land where the result is.
 */
export function FocusOnChange({ signal, children, className }: { signal: unknown; children: ReactNode; className?: string }) {
  const target = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (signal) target.current?.focus();
  }, [signal]);
  return (
    <div ref={target} tabIndex={-1} className={['admin-focus-target', className].filter(Boolean).join(' ')}>
      {children}
    </div>
  );
}
