import { Alert, Paragraph } from '@utrecht/component-library-react/css-module';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';

/** Says what a step on the request page did; every form on the page reports through it. */
const AnnounceContext = createContext<(message: string) => void>(() => undefined);

export function useAnnounce() {
  return useContext(AnnounceContext);
}

const StatusContext = createContext<{ message: string; count: number } | null>(null);

/**
 * One status message for the whole request page (role=status), placed near the top by the page. Focus moves to it
 * after each step: the form that was used often disappears with the step (an answered request has no answer
 * form), and keyboard and screen-reader users would otherwise be left nowhere.
 */
export function RequestStatusArea({ children }: { children: (message: ReactNode) => ReactNode }) {
  const [status, setStatus] = useState<{ message: string; count: number } | null>(null);
  const announce = useCallback((message: string) => setStatus((current) => ({ message, count: (current?.count ?? 0) + 1 })), []);
  return (
    <AnnounceContext.Provider value={announce}>
      <StatusContext.Provider value={status}>{children(<StatusMessage />)}</StatusContext.Provider>
    </AnnounceContext.Provider>
  );
}

function StatusMessage() {
  const status = useContext(StatusContext);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (status) ref.current?.focus();
  }, [status]);
  if (!status) return null;
  return (
    <div ref={ref} tabIndex={-1} className="app-status-focus" key={status.count}>
      <Alert type="ok" role="status">
        <Paragraph>{status.message}</Paragraph>
      </Alert>
    </div>
  );
}
