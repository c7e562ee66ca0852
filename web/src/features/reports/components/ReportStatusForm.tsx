import { Button, Fieldset, FieldsetLegend, FormField, FormFieldErrorMessage, FormLabel, Heading, Paragraph, RadioButton } from '@utrecht/component-library-react/css-module';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import type { ChangeReportStatus, ReportDetail, SettableReportStatus } from '../../../api/types.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { refreshReport, storeReport } from '../queries.ts';

/** Changes made elsewhere in the meantime: the page loads the report as it is now, and the person chooses again. */
const staleCodes = ['VERSION_CONFLICT', 'REPORT_STATUS_NOT_ALLOWED', 'REPORT_CLOSED'];

/**
 * The next status, offered exactly as the server allows it (workflow × this person's access), with the message to
 * the reporter (empty: the municipality's standard text for the status) and an internal note. Says what it did.
 */
export function ReportStatusForm({ municipality, report, onChanged }: { municipality: string; report: ReportDetail; onChanged(message: string | undefined): void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<SettableReportStatus | ''>('');
  const [message, setMessage] = useState('');
  const [internalNote, setInternalNote] = useState('');
  const [forwardedTo, setForwardedTo] = useState('');
  const [isChoiceMissing, setChoiceMissing] = useState(false);
  // After a reload the report may have moved on: a choice it no longer offers is no choice.
  const status = choice && report.allowedStatuses.includes(choice) ? choice : '';
  const hasRecipient = Boolean(report.reporter.email) || report.reporter.followerCount > 0;
  const change = useMutation({
    mutationFn: (body: ChangeReportStatus) => api<ReportDetail>(tenantPath(municipality, `/reports/${report.id}/status`), { method: 'POST', body }),
    onSuccess: async (updated) => {
      setChoice('');
      setMessage('');
      setInternalNote('');
      setForwardedTo('');
      await storeReport(queryClient, municipality, updated);
      const to = t(`reportStatus.${updated.status}`);
      onChanged(hasRecipient ? t('reports.status.doneWithMessage', { status: to }) : t('reports.status.doneWithoutMessage', { status: to }));
    },
    onError: (error) => {
      onChanged(undefined);
      if (error instanceof ApiProblem && staleCodes.includes(error.code)) void refreshReport(queryClient, municipality, report.id);
    },
  });
  const problem = change.error instanceof ApiProblem ? change.error : undefined;
  const fieldError = (field: string) => problem?.fieldError(`body.${field}`);
  const statusError = isChoiceMissing && !status ? t('reports.status.choose') : fieldError('status');
  const firstOptionId = `report-status-${report.allowedStatuses[0]}`;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!status) {
      setChoiceMissing(true);
      document.getElementById(firstOptionId)?.focus();
      return;
    }
    setChoiceMissing(false);
    change.mutate({
      status,
      version: report.version,
      ...(message.trim() ? { message } : {}),
      ...(internalNote.trim() ? { internalNote } : {}),
      ...(status === 'forwarded' && forwardedTo.trim() ? { forwardedTo } : {}),
    });
  };

  return (
    <section aria-labelledby="report-status-heading" className="app-card">
      <Heading level={2} id="report-status-heading">
        {t('reports.status.title')}
      </Heading>
      <ProblemAlert error={change.error} fieldIds={{ 'body.status': firstOptionId, 'body.message': 'report-message', 'body.internalNote': 'report-note', 'body.forwardedTo': 'report-forwarded-to' }} />
      {problem && staleCodes.includes(problem.code) && <Paragraph>{t('reports.status.reloaded')}</Paragraph>}
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <Fieldset invalid={Boolean(statusError)} aria-describedby={statusError ? 'report-status-error' : undefined}>
          <FieldsetLegend>{t('reports.status.legend')} *</FieldsetLegend>
          {statusError && <FormFieldErrorMessage id="report-status-error">{statusError}</FormFieldErrorMessage>}
          {report.allowedStatuses.map((option) => (
            <FormField key={option} type="radio">
              <Paragraph>
                <RadioButton id={`report-status-${option}`} name="report-status" value={option} checked={status === option} onChange={() => setChoice(option)} />{' '}
                <FormLabel htmlFor={`report-status-${option}`} type="radio">
                  {t(`reportStatus.${option}`)}
                </FormLabel>
              </Paragraph>
            </FormField>
          ))}
        </Fieldset>
        {status === 'forwarded' && <TextField id="report-forwarded-to" label={t('reports.status.forwardedTo')} description={t('reports.status.forwardedToHint')} required value={forwardedTo} onChange={setForwardedTo} error={fieldError('forwardedTo')} />}
        <TextField
          id="report-message"
          label={t('reports.status.message')}
          description={hasRecipient ? t('reports.status.messageHint') : t('reports.status.messageHintNoContact')}
          multiline
          value={message}
          onChange={setMessage}
          error={fieldError('message')}
        />
        <TextField id="report-note" label={t('reports.status.internalNote')} description={t('reports.status.internalNoteHint')} multiline value={internalNote} onChange={setInternalNote} error={fieldError('internalNote')} />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={change.isPending}>
            {t('reports.status.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
