import { Button } from '@utrecht/component-library-react/css-module';
import { type FormEvent, useState } from 'react';
import type { ReportDetail } from '../../../api/types.ts';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { fieldErrorOf, type OnChanged, ReportActionCard, useReportChange } from './ReportAction.tsx';

interface FormProps {
  municipality: string;
  report: ReportDetail;
  onChanged: OnChanged;
}

/** Who picks the report up: an officer of its department, or nobody. */
export function ReportAssignForm({ municipality, report, onChanged }: FormProps) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<string>();
  const assign = useReportChange<{ assignedUserId: string | null; version: number }>(municipality, report, '/assignment', onChanged, (updated) =>
    updated.assignedTo ? t('reports.assign.done', { name: updated.assignedTo }) : t('reports.assign.doneNobody'),
  );
  const value = choice ?? report.assignedUserId ?? '';
  const users = report.assignableUsers.map((user) => ({ value: user.id, label: user.name }));
  // An administrator who holds it is not an officer of the department, yet still shown as who holds it.
  if (report.assignedUserId && !users.some((user) => user.value === report.assignedUserId)) users.unshift({ value: report.assignedUserId, label: report.assignedTo ?? '' });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate({ assignedUserId: value || null, version: report.version }, { onSuccess: () => setChoice(undefined) });
  };
  return (
    <ReportActionCard id="report-assign" title={t('reports.assign.title')} error={assign.error} fieldIds={{ 'body.assignedUserId': 'report-assign-user' }}>
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <SelectField
          id="report-assign-user"
          label={t('reports.assign.label')}
          description={t('reports.assign.hint')}
          value={value}
          onChange={setChoice}
          options={[{ value: '', label: t('reports.assign.nobody') }, ...users]}
          error={fieldErrorOf(assign.error, 'body.assignedUserId')}
        />
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={assign.isPending}>
            {t('reports.assign.submit')}
          </Button>
        </div>
      </form>
    </ReportActionCard>
  );
}

const priorities = ['high', 'normal', 'low'] as const;

export function ReportPriorityForm({ municipality, report, onChanged }: FormProps) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<string>();
  const setPriority = useReportChange<{ priority: string; version: number }>(municipality, report, '/priority', onChanged, (updated) => t('reports.priority.done', { priority: t(`reportPriority.${updated.priority}`) }));
  const value = choice ?? report.priority;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setPriority.mutate({ priority: value, version: report.version }, { onSuccess: () => setChoice(undefined) });
  };
  return (
    <ReportActionCard id="report-priority" title={t('reports.priority.title')} error={setPriority.error} fieldIds={{ 'body.priority': 'report-priority-choice' }}>
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <SelectField
          id="report-priority-choice"
          label={t('reports.column.priority')}
          value={value}
          onChange={setChoice}
          options={priorities.map((priority) => ({ value: priority, label: t(`reportPriority.${priority}`) }))}
          error={fieldErrorOf(setPriority.error, 'body.priority')}
        />
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={setPriority.isPending}>
            {t('reports.priority.submit')}
          </Button>
        </div>
      </form>
    </ReportActionCard>
  );
}

/** A note for colleagues; the reporter and the public never see it. */
export function ReportNoteForm({ municipality, report, onChanged }: FormProps) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const addNote = useReportChange<{ note: string }>(municipality, report, '/notes', onChanged, () => t('reports.note.done'));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    addNote.mutate({ note }, { onSuccess: () => setNote('') });
  };
  return (
    <ReportActionCard id="report-note-card" title={t('reports.note.title')} error={addNote.error} fieldIds={{ 'body.note': 'report-new-note' }}>
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <TextField id="report-new-note" label={t('reports.note.label')} description={t('reports.status.internalNoteHint')} required multiline value={note} onChange={setNote} error={fieldErrorOf(addNote.error, 'body.note')} />
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={addNote.isPending}>
            {t('reports.note.submit')}
          </Button>
        </div>
      </form>
    </ReportActionCard>
  );
}
