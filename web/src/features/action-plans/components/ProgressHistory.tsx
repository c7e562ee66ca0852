import { Button, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { attachmentAccept, defaultAttachmentMaxBytes, formatFileSize } from '../../requests/components/AttachmentsSection.tsx';
import { useAnnounce } from '../../requests/components/RequestStatus.tsx';
import { type Action, type ActionPlan, type ActionProgressEvidence, actionPlanKey, evidenceHref, type ProgressHistory as History, uploadEvidence, useProgressHistory } from '../queries.ts';

type Translate = ReturnType<typeof useI18n>['t'];

/** Checked before anything is sent, so nobody waits for an upload the server will refuse. */
export function evidenceTooLarge(file: File, t: Translate, language: string, maxBytes = defaultAttachmentMaxBytes): string | null {
  return file.size > maxBytes ? t('attachments.tooLarge', { limit: formatFileSize(maxBytes, language) }) : null;
}

/** One optional file: a PDF or an image, with the limit said up front. */
export function EvidenceFileField({ id, label, error, onChange }: { id: string; label: string; error: string | null; onChange(file: File | null): void }) {
  const { t, language } = useI18n();
  const describedBy = [`${id}-description`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <FormField invalid={Boolean(error)}>
      <Paragraph>
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </Paragraph>
      <FormFieldDescription id={`${id}-description`}>{t('actionPlan.evidenceDescription', { limit: formatFileSize(defaultAttachmentMaxBytes, language) })}</FormFieldDescription>
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      <input id={id} type="file" accept={attachmentAccept} aria-describedby={describedBy} aria-invalid={error ? true : undefined} onChange={(event) => onChange(event.target.files?.[0] ?? null)} />
    </FormField>
  );
}

/**
 * Every progress report of an action, newest first, with its evidence: opened on demand, so a plan page with many
 * actions loads none of it until someone asks.
 */
export function ProgressHistory({ municipality, plan, action }: { municipality: string; plan: ActionPlan; action: Action }) {
  const { t } = useI18n();
  const [isOpen, setOpen] = useState(false);
  const history = useProgressHistory(municipality, plan.id, action.id, isOpen);
  if (!action.progress.updatedAt) return null;
  return (
    <details onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <summary>{t('actionPlan.historyTitle', { title: action.title })}</summary>
      {history.isPending && isOpen && <Loading />}
      <ProblemAlert error={history.error} />
      {history.data && (
        <ol>
          {history.data.items.map((entry, index) => (
            <ProgressEntryView key={entry.id} municipality={municipality} plan={plan} action={action} entry={entry} history={history.data} isNewest={index === 0} />
          ))}
        </ol>
      )}
    </details>
  );
}

/** One report; the newest takes more evidence here (older ones through the API), so the list stays short to read. */
function ProgressEntryView({ municipality, plan, action, entry, history, isNewest }: { municipality: string; plan: ActionPlan; action: Action; entry: History['items'][number]; history: History; isNewest: boolean }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: [...actionPlanKey(municipality, plan.id), 'progress', action.id] });
  const add = useMutation({
    mutationFn: (chosen: File) => uploadEvidence(municipality, action.id, entry.id, chosen),
    onSuccess: async (added) => {
      setFile(null);
      await refresh();
      announce(t('actionPlan.evidenceAdded', { name: added.fileName }));
    },
  });
  const remove = useMutation({
    mutationFn: (evidence: ActionProgressEvidence) => api<void>(tenantPath(municipality, `/action-plan-actions/${action.id}/evidence/${evidence.id}`), { method: 'DELETE' }),
    onSuccess: async (_answer, evidence) => {
      await refresh();
      announce(t('actionPlan.evidenceRemoved', { name: evidence.fileName }));
    },
  });
  const inputId = `evidence-${entry.id}`;
  const problem = add.error instanceof ApiProblem ? add.error : undefined;
  const fileError = localError ?? problem?.fieldError('body.file') ?? problem?.detail ?? null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setLocalError(t('attachments.chooseFile'));
    const tooLarge = evidenceTooLarge(file, t, language, history.maxEvidenceBytes);
    if (tooLarge) return setLocalError(tooLarge);
    add.mutate(file);
  };
  const posted = new Date(entry.postedAt).toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  return (
    <li>
      <Paragraph>
        <strong>{t(`actionPlan.status.${entry.status}`)}</strong> — <time dateTime={entry.postedAt}>{posted}</time>, {entry.postedBy}
        {entry.currentValue !== null && ` — ${t('actionPlan.now', { value: entry.currentValue })}`}
      </Paragraph>
      {entry.note && <Paragraph>{entry.note}</Paragraph>}
      {entry.reason && <Paragraph>{entry.reason}</Paragraph>}
      <ProblemAlert error={remove.error} />
      {entry.evidence.length > 0 && (
        <UnorderedList aria-label={t('actionPlan.evidenceList')}>
          {entry.evidence.map((evidence) => (
            <UnorderedListItem key={evidence.id}>
              <span className="app-actions">
                <Link href={evidenceHref(municipality, action.id, evidence.id)} download={evidence.fileName}>
                  {evidence.fileName}
                </Link>
                <span>
                  ({t(evidence.mediaType === 'application/pdf' ? 'attachments.kindPdf' : 'attachments.kindImage')}, {formatFileSize(evidence.sizeBytes, language)})
                </span>
                {evidence.canRemove && (
                  <Button type="button" appearance="subtle-button" disabled={remove.isPending} aria-label={t('attachments.removeNamed', { name: evidence.fileName })} onClick={() => window.confirm(t('attachments.confirmRemove', { name: evidence.fileName })) && remove.mutate(evidence)}>
                    {t('attachments.remove')}
                  </Button>
                )}
              </span>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {isNewest && entry.canAddEvidence && (
        <form className="app-form app-inline-form" onSubmit={onSubmit} noValidate>
          <EvidenceFileField
            id={inputId}
            label={t('actionPlan.addEvidence')}
            error={fileError}
            onChange={(chosen) => {
              add.reset();
              setFile(chosen);
              setLocalError(null);
            }}
          />
          {add.isPending && (
            <Paragraph role="status" aria-live="polite">
              {t('attachments.uploading')}
            </Paragraph>
          )}
          <div>
            <Button type="submit" appearance="secondary-action-button" busy={add.isPending} disabled={add.isPending}>
              {t('attachments.upload')}
            </Button>
          </div>
        </form>
      )}
    </li>
  );
}
