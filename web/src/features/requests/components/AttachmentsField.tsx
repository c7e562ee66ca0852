import { Alert, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import { ApiProblem } from '../../../api/client.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { attachmentAccept, defaultAttachmentMaxBytes, formatFileSize, uploadAttachment } from './AttachmentsSection.tsx';

export interface AttachmentFailure {
  name: string;
  message: string;
}

export const hasTooLargeFile = (files: File[]) => files.some((file) => file.size > defaultAttachmentMaxBytes);

/** Uploads the files chosen on the submit form one after the other, once the request exists; returns what failed. */
export async function uploadAttachments(municipality: string, requestId: string, files: File[]): Promise<AttachmentFailure[]> {
  const failures: AttachmentFailure[] = [];
  for (const file of files) {
    try {
      await uploadAttachment(municipality, requestId, file);
    } catch (error) {
      const message = error instanceof ApiProblem ? (error.fieldError('body.file') ?? error.detail) : String(error);
      failures.push({ name: file.name, message });
    }
  }
  return failures;
}

/** The optional file input of the submit form, with the size checked before anything is sent. */
export function AttachmentsField({ files, onChange }: { files: File[]; onChange(files: File[]): void }) {
  const { t, language } = useI18n();
  const limit = formatFileSize(defaultAttachmentMaxBytes, language);
  const errors = files.filter((file) => file.size > defaultAttachmentMaxBytes).map((file) => t('attachments.submitTooLarge', { name: file.name, limit }));
  return (
    <FormField invalid={errors.length > 0}>
      <Paragraph>
        <FormLabel htmlFor="request-attachments">{t('attachments.submitField')}</FormLabel>
      </Paragraph>
      <FormFieldDescription id="request-attachments-description">{t('attachments.submitDescription')}</FormFieldDescription>
      {errors.length > 0 && <FormFieldErrorMessage id="request-attachments-error">{errors.join(' ')}</FormFieldErrorMessage>}
      <input
        id="request-attachments"
        type="file"
        multiple
        accept={attachmentAccept}
        aria-describedby={errors.length > 0 ? 'request-attachments-description request-attachments-error' : 'request-attachments-description'}
        aria-invalid={errors.length > 0 ? true : undefined}
        onChange={(event) => onChange(Array.from(event.target.files ?? []))}
      />
    </FormField>
  );
}

/** The request was sent but a file was refused: say which and why, and lead to the request to try again there. */
export function AttachmentFailures({ municipality, requestId, failures }: { municipality: string; requestId: string; failures: AttachmentFailure[] }) {
  const { t } = useI18n();
  return (
    <Alert type="warning" role="alert">
      <Paragraph>{t('attachments.submitFailed')}</Paragraph>
      <UnorderedList>
        {failures.map((failure) => (
          <UnorderedListItem key={failure.name}>
            {failure.name}: {failure.message}
          </UnorderedListItem>
        ))}
      </UnorderedList>
      <Paragraph>
        {t('attachments.submitFailedHint')} <AppLink to={`/${municipality}/vragen/${requestId}`}>{t('attachments.submitToRequest')}</AppLink>
      </Paragraph>
    </Alert>
  );
}
