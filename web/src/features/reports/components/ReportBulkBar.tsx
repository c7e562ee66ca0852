import { Alert, Button, Checkbox, FormField, FormLabel, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import { useSession } from '../../../api/session.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

const settableStatuses = ['accepted', 'in_progress', 'planned', 'done', 'cancelled', 'reopened'] as const;
const priorities = ['high', 'normal', 'low'] as const;
type BulkAction = 'changeStatus' | 'setPriority' | 'assignToMe';

interface BulkBody {
  reportIds: string[];
  action: 'changeStatus' | 'assign' | 'setPriority';
  status?: string;
  message?: string;
  priority?: string;
  assignedUserId?: string;
}

/**
 * One change for the reports selected on this page, all or nothing: when one report cannot take it, none
 * changes, and the server's sentence says which report and why.
 */
export function ReportBulkBar({
  municipality,
  selected,
  isAllSelected,
  onToggleAll,
  onDone,
}: {
  municipality: string;
  selected: { id: string; reference: string }[];
  isAllSelected: boolean;
  onToggleAll(isSelected: boolean): void;
  onDone(): void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const session = useSession(municipality);
  const [action, setAction] = useState<BulkAction>('changeStatus');
  const [status, setStatus] = useState('');
  const [message, setMessage] = useState('');
  const [priority, setPriority] = useState('');
  const [confirmation, setConfirmation] = useState<string>();
  const change = useMutation({
    mutationFn: (body: BulkBody) => api<{ changed: number; references: string[] }>(tenantPath(municipality, '/report-bulk-actions'), { method: 'POST', body }),
    onSuccess: async (result) => {
      setConfirmation(t('reports.bulk.done', { count: result.changed, references: result.references.join(', ') }));
      setMessage('');
      onDone();
      await queryClient.invalidateQueries({ queryKey: ['reports', municipality] });
      await queryClient.invalidateQueries({ queryKey: ['report', municipality] });
    },
    onError: () => setConfirmation(undefined),
  });
  const problem = change.error instanceof ApiProblem ? change.error : undefined;
  // A refusal names one report by its place in the selection; the sentence itself names it by reference.
  const refusal = problem?.errors.find((error) => error.field.startsWith('body.reportIds'));
  const fieldError = (field: string) => problem?.fieldError(`body.${field}`);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setConfirmation(undefined);
    const reportIds = selected.map((report) => report.id);
    if (action === 'changeStatus') change.mutate({ reportIds, action, ...(status ? { status } : {}), ...(message.trim() ? { message } : {}) });
    else if (action === 'setPriority') change.mutate({ reportIds, action, ...(priority ? { priority } : {}) });
    else change.mutate({ reportIds, action: 'assign', assignedUserId: session.data?.user.id });
  };

  return (
    <section aria-labelledby="report-bulk-heading" className="app-card app-bulk-bar">
      <Heading level={2} id="report-bulk-heading">
        {t('reports.bulk.title')}
      </Heading>
      {confirmation && (
        <Alert type="ok" role="status">
          <Paragraph>{confirmation}</Paragraph>
        </Alert>
      )}
      <FormField type="checkbox">
        <Paragraph>
          <Checkbox id="report-select-all" checked={isAllSelected} onChange={(event) => onToggleAll((event.target as HTMLInputElement).checked)} />{' '}
          <FormLabel htmlFor="report-select-all" type="checkbox">
            {t('reports.bulk.selectAll')}
          </FormLabel>
        </Paragraph>
      </FormField>
      <Paragraph role="status">{selected.length === 0 ? t('reports.bulk.noneSelected') : t('reports.bulk.selected', { count: selected.length })}</Paragraph>
      {refusal ? (
        <Alert type="error" role="alert">
          <Paragraph>{refusal.message}</Paragraph>
        </Alert>
      ) : (
        <ProblemAlert error={change.error} fieldIds={{ 'body.status': 'report-bulk-status', 'body.priority': 'report-bulk-priority', 'body.message': 'report-bulk-message' }} />
      )}
      {selected.length > 0 && (
        <form className="app-form" onSubmit={onSubmit} noValidate>
          <SelectField
            id="report-bulk-action"
            label={t('reports.bulk.action')}
            value={action}
            onChange={(value) => setAction(value as BulkAction)}
            options={(['changeStatus', 'setPriority', 'assignToMe'] as const).map((value) => ({ value, label: t(`reports.bulk.action.${value}`) }))}
          />
          {action === 'changeStatus' && (
            <>
              <SelectField
                id="report-bulk-status"
                label={t('reports.status.legend')}
                required
                value={status}
                onChange={setStatus}
                options={[{ value: '', label: t('reports.bulk.chooseStatus') }, ...settableStatuses.map((value) => ({ value, label: t(`reportStatus.${value}`) }))]}
                error={fieldError('status')}
              />
              <TextField id="report-bulk-message" label={t('reports.status.message')} description={t('reports.status.messageHint')} multiline value={message} onChange={setMessage} error={fieldError('message')} />
            </>
          )}
          {action === 'setPriority' && (
            <SelectField
              id="report-bulk-priority"
              label={t('reports.column.priority')}
              required
              value={priority}
              onChange={setPriority}
              options={[{ value: '', label: t('reports.bulk.choosePriority') }, ...priorities.map((value) => ({ value, label: t(`reportPriority.${value}`) }))]}
              error={fieldError('priority')}
            />
          )}
          <div>
            <Button type="submit" appearance="primary-action-button" busy={change.isPending}>
              {t('reports.bulk.submit', { count: selected.length })}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
