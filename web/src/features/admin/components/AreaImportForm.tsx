import { Button, ButtonGroup, FormField, FormFieldDescription, FormLabel, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { tenantPath, uploadWithProgress } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { AreaImportReport } from '../admin-types.ts';
import { FocusOnChange } from './FocusOnChange.tsx';
import { ErrorSummary, type Outcome, OutcomeMessage } from './Messages.tsx';

/** A GeoPackage is an SQLite file: it starts with these sixteen bytes, whatever its name. */
async function isGeoPackage(file: File): Promise<boolean> {
  const header = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  return new TextDecoder('latin1').decode(header) === 'SQLite format 3\0';
}

/**
 * Import a CBS wijk- en buurtkaart (GeoPackage or GeoJSON): choose the file, see what would change (nothing is
 * saved yet), then confirm. The same import as `npm run import:areas`, with the same report. A province's file takes
 * a while to send: a progress bar shows how far the upload is, then that the server is reading it.
 */
export function AreaImportForm({ municipality, onImported }: { municipality: string; onImported(): void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<AreaImportReport | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // How much of the file has gone (0 to 1); null when nothing is being sent.
  const [sent, setSent] = useState<number | null>(null);
  const send = useMutation({
    mutationFn: async (dryRun: boolean) => {
      if (!file) throw new Error(t('admin.areaImport.noFile'));
      const geoPackage = await isGeoPackage(file);
      const path = tenantPath(municipality, `/neighbourhood-imports${geoPackage ? '/geopackage' : ''}${dryRun ? '?dryRun=true' : ''}`);
      setSent(0);
      try {
        return await uploadWithProgress<AreaImportReport>(path, file, { contentType: geoPackage ? 'application/geopackage+sqlite3' : 'application/geo+json', onProgress: setSent });
      } finally {
        setSent(null);
      }
    },
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
  const counts = (report: AreaImportReport) => ({ created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected.length, others: report.otherMunicipalities });
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
            accept=".gpkg,.geojson,.json,application/geopackage+sqlite3,application/geo+json,application/json"
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
          <Button type="submit" appearance={report ? 'secondary-action-button' : 'primary-action-button'} disabled={!file || send.isPending} busy={send.isPending && send.variables === true}>
            {t('admin.areaImport.preview')}
          </Button>
        </ButtonGroup>
      </form>
      {send.isPending && (
        <div className="admin-area-import-progress" role="status">
          <label htmlFor="area-import-progress">{sent !== null && sent < 1 ? t('admin.areaImport.sending', { percent: Math.round(sent * 100) }) : t('admin.areaImport.reading')}</label>
          {/* Without a value the bar shows work of unknown length: the server reading and checking the file. */}
          <progress id="area-import-progress" max={1} value={sent !== null && sent < 1 ? sent : undefined} />
        </div>
      )}
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
          {report.rejected.length > 0 && <Paragraph>{t('admin.areaImport.fixFirst')}</Paragraph>}
          <ButtonGroup>
            <Button
              appearance="primary-action-button"
              disabled={report.created + report.updated === 0 || report.rejected.length > 0}
              busy={send.isPending && send.variables === false}
              onClick={() => !send.isPending && send.mutate(false)}
            >
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
