import { Button, ButtonGroup, FormField, FormFieldDescription, FormLabel, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, tenantPath } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { AreaImportReport } from '../admin-types.ts';
import { FocusOnChange } from './FocusOnChange.tsx';
import { ErrorSummary, type Outcome, OutcomeMessage } from './Messages.tsx';

/**
 * Import a CBS wijk- en buurtkaart (GeoJSON): choose the file, see what would change (nothing is saved yet),
 * then confirm. The same import as `npm run import:areas`, with the same report.
 */
export function AreaImportForm({ municipality, onImported }: { municipality: string; onImported(): void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<AreaImportReport | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const send = useMutation({
    mutationFn: (dryRun: boolean) => api<AreaImportReport>(tenantPath(municipality, `/neighbourhood-imports${dryRun ? '?dryRun=true' : ''}`), { method: 'POST', body: file, contentType: 'application/geo+json' }),
    onSuccess: (report) => {
      if (report.isDryRun) {
        setPreview(report);
        return;
      }
      setPreview(null);
      setFile(null);
      setOutcome({ text: t('admin.areaImport.done', counts(report)) });
      onImported();
    },
  });
  const counts = (report: AreaImportReport) => ({ created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected.length });
  const showPreview = (event: FormEvent) => {
    event.preventDefault();
    if (file) send.mutate(true);
  };
  const report = preview;
  /** The reason in the reader's language; the server's English reason when the catalogue does not know the problem. */
  const problemText = (rejection: AreaImportReport['rejected'][number]) => {
    const key = `admin.areaImport.problem.${rejection.problem}`;
    const text = t(key, rejection.params ?? {});
    return text === key ? rejection.reason : text;
  };

  return (
    <section aria-labelledby="area-import-heading" className="admin-area-import">
      <Heading level={2} id="area-import-heading">
        {t('admin.areaImport.title')}
      </Heading>
      <Paragraph>{t('admin.areaImport.intro')}</Paragraph>
      <OutcomeMessage outcome={outcome} />
      <ErrorSummary error={send.error} fieldIds={{ 'body.type': 'area-import-file', 'body.features': 'area-import-file' }} />
      <form onSubmit={showPreview} noValidate>
        <FormField>
          <Paragraph>
            <FormLabel htmlFor="area-import-file">{t('admin.areaImport.file')}</FormLabel>
          </Paragraph>
          <FormFieldDescription id="area-import-file-description">{t('admin.areaImport.fileHint')}</FormFieldDescription>
          <input
            id="area-import-file"
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            aria-describedby="area-import-file-description"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setPreview(null);
              setOutcome(null);
              send.reset();
            }}
          />
        </FormField>
        <ButtonGroup>
          <Button type="submit" appearance={report ? 'secondary-action-button' : 'primary-action-button'} disabled={!file} busy={send.isPending && send.variables === true}>
            {t('admin.areaImport.preview')}
          </Button>
        </ButtonGroup>
      </form>
      {report && (
        // Keyboard and screen-reader users land on the preview, which is what they asked for.
        <FocusOnChange signal={report} className="admin-area-import-report">
          <Heading level={3}>{t('admin.areaImport.previewTitle')}</Heading>
          <Paragraph>{t('admin.areaImport.previewText', counts(report))}</Paragraph>
          {report.rejected.length > 0 && (
            <Table className="admin-table">
              <TableCaption>{t('admin.areaImport.rejectedCaption', { count: report.rejected.length })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('admin.areaImport.position')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('admin.areaImport.code')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('admin.areaImport.reason')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {report.rejected.map((rejection) => (
                  <TableRow key={rejection.index}>
                    <TableCell>{rejection.index + 1}</TableCell>
                    <TableCell>{rejection.code ?? '—'}</TableCell>
                    <TableCell>{problemText(rejection)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <ButtonGroup>
            <Button appearance="primary-action-button" disabled={report.created + report.updated === 0} busy={send.isPending && send.variables === false} onClick={() => !send.isPending && send.mutate(false)}>
              {t('admin.areaImport.confirm')}
            </Button>
            <Button appearance="subtle-button" onClick={() => setPreview(null)}>
              {t('common.cancel')}
            </Button>
          </ButtonGroup>
        </FocusOnChange>
      )}
    </section>
  );
}
