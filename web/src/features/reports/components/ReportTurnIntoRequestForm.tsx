import { Button, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, tenantPath } from '../../../api/client.ts';
import type { ReportDetail } from '../../../api/types.ts';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { refreshReport } from '../queries.ts';
import { fieldErrorOf, isStale, type OnChanged, ReportActionCard } from './ReportAction.tsx';

/**
 * A recurring problem that needs a policy answer becomes a neighbourhood request in the advisor's name, linked to
 * the report. Shown only when the server lists 'turnIntoRequest' for this person; afterwards the report's facts
 * link to the new request.
 */
export function ReportTurnIntoRequestForm({ municipality, report, onChanged }: { municipality: string; report: ReportDetail; onChanged: OnChanged }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [explanation, setExplanation] = useState('');
  const turn = useMutation({
    mutationFn: () => api<{ requestId: string; requestReference: string }>(tenantPath(municipality, `/reports/${report.id}/request`), { method: 'POST', body: { title, explanation, version: report.version } }),
    onSuccess: async (created) => {
      await refreshReport(queryClient, municipality, report.id);
      await queryClient.invalidateQueries({ queryKey: ['reports', municipality] });
      onChanged(t('reports.turnIntoRequest.done', { reference: created.requestReference }));
    },
    onError: (error) => {
      onChanged(undefined);
      if (isStale(error)) void refreshReport(queryClient, municipality, report.id);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    turn.mutate();
  };
  return (
    <ReportActionCard id="report-turn-into-request" title={t('reports.turnIntoRequest.title')} error={turn.error} fieldIds={{ 'body.title': 'report-new-request-title', 'body.explanation': 'report-new-request-explanation' }}>
      <Paragraph>{t('reports.turnIntoRequest.intro')}</Paragraph>
      <form className="app-form" onSubmit={onSubmit} noValidate aria-labelledby="report-turn-into-request-heading">
        <TextField id="report-new-request-title" label={t('reports.turnIntoRequest.titleLabel')} description={t('reports.turnIntoRequest.titleHint')} required value={title} onChange={setTitle} error={fieldErrorOf(turn.error, 'body.title')} />
        <TextField
          id="report-new-request-explanation"
          label={t('reports.turnIntoRequest.explanation')}
          description={t('reports.turnIntoRequest.explanationHint')}
          multiline
          required
          value={explanation}
          onChange={setExplanation}
          error={fieldErrorOf(turn.error, 'body.explanation')}
        />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={turn.isPending} disabled={turn.isPending}>
            {t('reports.turnIntoRequest.submit')}
          </Button>
        </div>
      </form>
    </ReportActionCard>
  );
}
