import { Button, ButtonGroup } from '@utrecht/component-library-react/css-module';
import { type FormEvent, useState } from 'react';
import { ApiProblem } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type Action, type ActionPlan, uploadEvidence, usePlanStep } from '../queries.ts';
import { EvidenceFileField, evidenceTooLarge } from './ProgressHistory.tsx';

const statuses = ['not_started', 'on_track', 'at_risk', 'delayed', 'done', 'dropped'] as const;

/**
 * The owner (or the advisor) says how the action is going: status, the indicator's value now, a note and,
 * optionally, a photo or document as evidence. The report is saved first; a refused file is reported afterwards
 * (`onDone` gets the reason) and can be added to the report in its history.
 */
export function ProgressForm({ municipality, plan, action, onDone }: { municipality: string; plan: ActionPlan; action: Action; onDone(evidenceProblem?: string): void }) {
  const { t, language } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [status, setStatus] = useState<string>(action.progress.status);
  const [currentValue, setCurrentValue] = useState(action.progress.currentValue === null ? '' : String(action.progress.currentValue));
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const prefix = `progress-${action.id}`;
  const step = usePlanStep<Record<string, unknown>, { progressEntryId: string }>(municipality, plan.id, `/action-plan-actions/${action.id}/progress`, {
    done: () => t('actionPlan.progressPosted', { title: action.title, status: t(`actionPlan.status.${status}`) }),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const tooLarge = file ? evidenceTooLarge(file, t, language) : null;
    if (tooLarge) {
      setFileError(tooLarge);
      document.getElementById(`${prefix}-evidence`)?.focus();
      return;
    }
    step.mutate(
      {
        status,
        currentValue: currentValue.trim() === '' ? null : Number(currentValue.replace(',', '.')),
        note: note.trim() ? note : null,
        reason: status === 'dropped' && reason.trim() ? reason : null,
        version: action.version,
      },
      {
        onSuccess: async (answer) => {
          if (!file) return onDone();
          try {
            await uploadEvidence(municipality, action.id, answer.progressEntryId, file);
            onDone();
          } catch (error) {
            onDone(t('actionPlan.evidenceFailed', { name: file.name, reason: error instanceof ApiProblem ? (error.fieldError('body.file') ?? error.detail) : String(error) }));
          }
        },
      },
    );
  };
  return (
    <form className="app-form app-inline-form" onSubmit={onSubmit} noValidate>
      <ProblemAlert error={step.error} fieldIds={{ 'body.status': `${prefix}-status`, 'body.currentValue': `${prefix}-value`, 'body.note': `${prefix}-note`, 'body.reason': `${prefix}-reason` }} />
      <SelectField id={`${prefix}-status`} label={t('actionPlan.statusLabel')} value={status} onChange={setStatus} options={statuses.map((value) => ({ value, label: t(`actionPlan.status.${value}`) }))} error={step.fieldError('status')} required />
      {action.indicator && <TextField id={`${prefix}-value`} label={t('actionPlan.currentValue', { indicator: action.indicator })} inputMode="numeric" value={currentValue} onChange={setCurrentValue} error={step.fieldError('currentValue')} />}
      <TextField id={`${prefix}-note`} label={t('actionPlan.note')} multiline value={note} onChange={setNote} error={step.fieldError('note')} />
      {status === 'dropped' && <TextField id={`${prefix}-reason`} label={t('actionPlan.dropReason')} multiline value={reason} onChange={setReason} error={step.fieldError('reason')} required />}
      <EvidenceFileField
        id={`${prefix}-evidence`}
        label={t('actionPlan.evidenceOptional')}
        error={fileError}
        onChange={(chosen) => {
          setFile(chosen);
          setFileError(chosen ? evidenceTooLarge(chosen, t, language) : null);
        }}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={step.isPending}>
          {t('actionPlan.postProgress')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={() => onDone()}>
          {t('actionPlan.cancelEdit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
