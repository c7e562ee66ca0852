import { Button, Checkbox, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Heading, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import type { RequestAttachment, RequestAttachmentList } from '../../../../../server/modules/requests/request-attachment.contract.ts';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import type { Request } from '../../../api/types.ts';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useAnnounce } from './RequestStatus.tsx';

/** The largest file the server takes by default; the list tells the real limit once loaded. */
export const defaultAttachmentMaxBytes = 10 * 1024 * 1024;
export const attachmentAccept = '.pdf,image/*';

const attachmentsPath = (municipality: string, requestId: string) => tenantPath(municipality, `/requests/${requestId}/attachments`);

/** Sends one file as multipart/form-data (the API client adds the CSRF header); the server checks the type on the bytes. */
export function uploadAttachment(municipality: string, requestId: string, file: File, isInternal = false) {
  const form = new FormData();
  // Fields before the file: the server reads the form as a stream.
  if (isInternal) form.append('isInternal', 'true');
  form.append('file', file, file.name);
  return api<RequestAttachment>(attachmentsPath(municipality, requestId), { method: 'POST', body: form });
}

/** "2,4 MB" or "2.4 MB": sizes as people read them, in the reader's language. */
export function formatFileSize(bytes: number, language: string): string {
  const format = (value: number) => new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
  if (bytes >= 1024 * 1024) return `${format(bytes / (1024 * 1024))} MB`;
  return `${format(Math.max(1, Math.round(bytes / 1024)))} kB`;
}

/**
 * The request's attachments: download links with their size for whoever may see the request, and for the
 * submitter's side and staff a form to add a PDF or image (staff may mark it internal) and to remove their own.
 */
export function AttachmentsSection({ municipality, request }: { municipality: string; request: Request }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const queryKey = ['attachments', municipality, request.id];
  const attachments = useQuery({ queryKey, queryFn: () => api<RequestAttachmentList>(attachmentsPath(municipality, request.id)) });
  const [file, setFile] = useState<File | null>(null);
  const [isInternal, setIsInternal] = useState(false);
  // A problem found before anything is sent: no file chosen, or one over the limit.
  const [localError, setLocalError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const maxBytes = attachments.data?.maxBytes ?? defaultAttachmentMaxBytes;
  const announce = useAnnounce();
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey }), queryClient.invalidateQueries({ queryKey: ['request', municipality] })]);

  const add = useMutation({
    mutationFn: (chosen: File) => uploadAttachment(municipality, request.id, chosen, isInternal),
    onSuccess: async () => {
      setFile(null);
      setIsInternal(false);
      if (fileInput.current) fileInput.current.value = '';
      await refresh();
      announce(t('attachments.added'));
    },
    // A refused file is a problem with the field: the focus goes there, and its message is read with it.
    onError: () => fileInput.current?.focus(),
  });
  const remove = useMutation({
    mutationFn: (attachment: RequestAttachment) => api<void>(`${attachmentsPath(municipality, request.id)}/${attachment.id}`, { method: 'DELETE' }),
    onSuccess: async (_result, attachment) => {
      await refresh();
      announce(t('attachments.removed', { name: attachment.fileName }));
    },
  });

  const onChoose = (chosen: File | null) => {
    add.reset();
    setFile(chosen);
    // Checked here too, so nobody waits for an upload that the server will refuse.
    setLocalError(chosen && chosen.size > maxBytes ? t('attachments.tooLarge', { limit: formatFileSize(maxBytes, language) }) : null);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setLocalError(t('attachments.chooseFile'));
      fileInput.current?.focus();
      return;
    }
    if (localError) {
      fileInput.current?.focus();
      return;
    }
    add.mutate(file);
  };
  const onRemove = (attachment: RequestAttachment) => {
    if (window.confirm(t('attachments.confirmRemove', { name: attachment.fileName }))) remove.mutate(attachment);
  };

  const problem = add.error instanceof ApiProblem ? add.error : undefined;
  const fileError = localError ?? problem?.fieldError('body.file') ?? (problem?.status === 413 || problem?.status === 415 ? problem.detail : undefined);
  const describedBy = ['attachment-file-description', fileError ? 'attachment-file-error' : ''].filter(Boolean).join(' ');
  const items = attachments.data?.items ?? [];

  return (
    <section aria-labelledby="attachments-heading">
      <Heading level={2} id="attachments-heading">
        {t('attachments.title')}
      </Heading>
      {attachments.isPending && <Loading />}
      <ProblemAlert error={attachments.error ?? remove.error} />
      {attachments.data && items.length === 0 && <Paragraph>{t('attachments.none')}</Paragraph>}
      {items.length > 0 && (
        <UnorderedList>
          {items.map((attachment) => (
            <UnorderedListItem key={attachment.id}>
              <span className="app-actions">
                <Link href={`/api/v1${attachmentsPath(municipality, request.id)}/${attachment.id}`} download={attachment.fileName}>
                  {attachment.fileName}
                </Link>
                <span>
                  ({t(attachment.mediaType === 'application/pdf' ? 'attachments.kindPdf' : 'attachments.kindImage')}, {formatFileSize(attachment.sizeBytes, language)}
                  {attachment.uploadedBy ? `, ${attachment.uploadedBy}` : ''})
                </span>
                {attachment.isInternal && <span className="app-badge">{t('attachments.internalBadge')}</span>}
                {attachment.canRemove && (
                  <Button type="button" appearance="subtle-button" onClick={() => onRemove(attachment)} disabled={remove.isPending} aria-label={t('attachments.removeNamed', { name: attachment.fileName })}>
                    {t('attachments.remove')}
                  </Button>
                )}
              </span>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {attachments.data?.canUpload && (
        <form className="app-form" onSubmit={onSubmit} noValidate aria-labelledby="attachment-form-heading">
          <Heading level={3} id="attachment-form-heading">
            {t('attachments.add')}
          </Heading>
          {problem && !fileError && <ProblemAlert error={add.error} fieldIds={{ 'body.file': 'attachment-file' }} />}
          <FormField invalid={Boolean(fileError)}>
            <Paragraph>
              <FormLabel htmlFor="attachment-file">{t('attachments.file')}</FormLabel>
            </Paragraph>
            <FormFieldDescription id="attachment-file-description">
              {t('attachments.fileDescription', { limit: formatFileSize(maxBytes, language) })}
              {request.isPublic ? ` ${t('attachments.publicNotice')}` : ''}
            </FormFieldDescription>
            {fileError && <FormFieldErrorMessage id="attachment-file-error">{fileError}</FormFieldErrorMessage>}
            <input
              ref={fileInput}
              id="attachment-file"
              name="file"
              type="file"
              accept={attachmentAccept}
              aria-describedby={describedBy}
              aria-invalid={fileError ? true : undefined}
              onChange={(event) => onChoose(event.target.files?.[0] ?? null)}
            />
          </FormField>
          {attachments.data.canUploadInternal && (
            <FormField type="checkbox">
              <Paragraph>
                <Checkbox id="attachment-internal" checked={isInternal} onChange={(event) => setIsInternal((event.target as HTMLInputElement).checked)} />{' '}
                <FormLabel htmlFor="attachment-internal" type="checkbox">
                  {t('attachments.internal')}
                </FormLabel>
              </Paragraph>
            </FormField>
          )}
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
    </section>
  );
}
