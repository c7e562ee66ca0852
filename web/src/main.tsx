import './design-system.ts';
import './styles.css';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { StrictMode, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiProblem } from './api/client.ts';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { router } from './router.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again.
      retry: (failureCount, error) => !(error instanceof ApiProblem && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/** The API answers in the reader's language (timelines, problems, labels): switching language asks again. */
function RefetchOnLanguageChange() {
  const { language } = useI18n();
  const client = useQueryClient();
  const previous = useRef(language);
  useEffect(() => {
    if (previous.current === language) return;
    previous.current = language;
    void client.invalidateQueries();
  }, [language, client]);
  return null;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <RefetchOnLanguageChange />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
