import { Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import type { ReportDetail } from '../../../api/types.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { refreshReport, storeReport } from '../queries.ts';

/** What the page shows after a change: the sentence, or nothing when the change failed. */
export type OnChanged = (message: string | undefined) => void;

/** A 409: the report changed in the meantime (or can no longer take this change); the page loads it as it is now. */
export const isStale = (error: unknown) => error instanceof ApiProblem && error.status === 409;

/**
 * One back-office change on a report: POST to `/reports/{id}{path}`, the answer (the report as it now is) into the
 * page, and the sentence that says what it did. A conflict reloads the report.
 */
export function useReportChange<Body>(municipality: string, report: ReportDetail, path: string, onChanged: OnChanged, say: (updated: ReportDetail, body: Body) => string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => api<ReportDetail>(tenantPath(municipality, `/reports/${report.id}${path}`), { method: 'POST', body }),
    onSuccess: async (updated, body) => {
      await storeReport(queryClient, municipality, updated);
      onChanged(say(updated, body));
    },
    onError: (error) => {
      onChanged(undefined);
      if (isStale(error)) void refreshReport(queryClient, municipality, report.id);
    },
  });
}

/** The frame of one action: its heading, what went wrong (with links to the fields) and the form. */
export function ReportActionCard({ id, title, error, fieldIds, children }: { id: string; title: string; error: unknown; fieldIds?: Record<string, string>; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={`${id}-heading`} className="app-card">
      <Heading level={2} id={`${id}-heading`}>
        {title}
      </Heading>
      <ProblemAlert error={error} fieldIds={fieldIds} />
      {isStale(error) && <Paragraph>{t('reports.status.reloaded')}</Paragraph>}
      {children}
    </section>
  );
}

/** The message for one field of the last answer, e.g. fieldErrorOf(error, 'body.note'). */
export const fieldErrorOf = (error: unknown, field: string) => (error instanceof ApiProblem ? error.fieldError(field) : undefined);
