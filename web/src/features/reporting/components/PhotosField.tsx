import { Alert, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatFileSize } from '../../requests/components/AttachmentsSection.tsx';

/** The same limits the server holds (REPORT_PHOTO_MAX_BYTES, maxPhotosPerReport); it checks them again on the bytes. */
export const maxPhotos = 3;
export const maxPhotoBytes = 10 * 1024 * 1024;
const photoTypes = ['image/jpeg', 'image/png', 'image/webp'];

export interface PhotoFailure {
  name: string;
  message: string;
}

/** What is wrong with the chosen photos, in words, before anything is sent; empty when they can go. */
export function photoProblems(files: File[], t: (key: string, values?: Record<string, string | number>) => string, language: string): string[] {
  const problems: string[] = [];
  if (files.length > maxPhotos) problems.push(t('reporting.photos.tooMany', { max: maxPhotos }));
  for (const file of files) {
    if (!photoTypes.includes(file.type)) problems.push(t('reporting.photos.wrongType', { name: file.name }));
    else if (file.size > maxPhotoBytes) problems.push(t('reporting.photos.tooLarge', { name: file.name, limit: formatFileSize(maxPhotoBytes, language) }));
  }
  return problems;
}

/**
 * Sends the photos one after the other once the report exists, with the secret of its status link as the key;
 * tells the page which one is on its way. A refused photo does not stop the others: the report is already saved.
 */
export async function uploadReportPhotos(municipality: string, receipt: { id: string; statusToken: string }, files: File[], onProgress: (number: number) => void): Promise<PhotoFailure[]> {
  const failures: PhotoFailure[] = [];
  for (const [index, file] of files.entries()) {
    onProgress(index + 1);
    const form = new FormData();
    form.append('statusToken', receipt.statusToken);
    form.append('file', file, file.name);
    try {
      await api(tenantPath(municipality, `/reports/${receipt.id}/photos`), { method: 'POST', body: form });
    } catch (error) {
      const message = error instanceof ApiProblem ? (error.fieldError('body.file') ?? (error.detail || error.title)) : String(error);
      failures.push({ name: file.name, message });
    }
  }
  return failures;
}

/** The optional photo input of step 3, with the kinds, the number and the size checked before anything is sent. */
export function PhotosField({ files, onChange, error }: { files: File[]; onChange(files: File[]): void; error?: string }) {
  const { t, language } = useI18n();
  const limit = formatFileSize(maxPhotoBytes, language);
  const describedBy = error ? 'report-photos-description report-photos-error' : 'report-photos-description';
  return (
    <FormField invalid={Boolean(error)}>
      <Paragraph>
        <FormLabel htmlFor="report-photos">{t('reporting.photos.label')}</FormLabel>
      </Paragraph>
      <FormFieldDescription id="report-photos-description">{t('reporting.photos.help', { max: maxPhotos, limit })}</FormFieldDescription>
      {error && <FormFieldErrorMessage id="report-photos-error">{error}</FormFieldErrorMessage>}
      <input
        id="report-photos"
        type="file"
        multiple
        accept="image/jpeg,image/png,image/webp"
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(Array.from(event.target.files ?? []))}
      />
      {files.length > 0 && (
        <Paragraph role="status" className="app-photos-chosen">
          {t('reporting.photos.chosen', { count: files.length })} {files.map((file) => `${file.name} (${formatFileSize(file.size, language)})`).join(', ')}
        </Paragraph>
      )}
    </FormField>
  );
}

/** On the confirmation: which photo the server refused and why; the report itself was saved. */
export function PhotoFailures({ failures }: { failures: PhotoFailure[] }) {
  const { t } = useI18n();
  return (
    <Alert type="warning">
      <Paragraph>{t('reporting.photos.failed')}</Paragraph>
      <UnorderedList>
        {failures.map((failure) => (
          <UnorderedListItem key={failure.name}>
            {failure.name}: {failure.message}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </Alert>
  );
}
