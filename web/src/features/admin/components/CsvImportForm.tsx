import { Button, ButtonGroup, FormField, FormFieldDescription, FormLabel, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { api, tenantPath } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { CsvImportReport } from '../admin-types.ts';
import { FocusOnChange } from './FocusOnChange.tsx';
import { ErrorSummary, type Outcome, OutcomeMessage } from './Messages.tsx';

/**
 * A CSV file in: choose it, see per line what would happen (nothing is saved yet), then import it whole. The
 * import button only works when no line is rejected, as the server only saves a file without rejected lines.
 */
export function CsvImportForm(props: { municipality: string; importPath: string; id: string; title: string; intro: ReactNode; doneText(report: CsvImportReport): string; onImported?(): void; headingLevel?: 2 | 3 }) {
  const level = props.headingLevel ?? 2;
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvImportReport | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const fileId = `${props.id}-file`;
  const send = useMutation({
    mutationFn: (isDryRun: boolean) => {
      const form = new FormData();
      if (file) form.append('file', file);
      return api<CsvImportReport>(tenantPath(props.municipality, `${props.importPath}${isDryRun ? '?dryRun=true' : ''}`), { method: 'POST', body: form });
    },
    onSuccess: (report) => {
      if (report.isDryRun) {
        setPreview(report);
        return;
      }
      setPreview(null);
      setFile(null);
      setOutcome({ text: props.doneText(report) });
      props.onImported?.();
    },
  });
  const check = (event: FormEvent) => {
    event.preventDefault();
    if (file) send.mutate(true);
  };
  const report = preview;
  const counts = (shown: CsvImportReport) => ({ created: shown.created, updated: shown.updated, unchanged: shown.unchanged, rejected: shown.rejected });

  return (
    <section aria-labelledby={`${props.id}-heading`} className="admin-area-import">
      <Heading level={level} id={`${props.id}-heading`}>
        {props.title}
      </Heading>
      {props.intro}
      <OutcomeMessage outcome={outcome} />
      <ErrorSummary error={send.error} fieldIds={{ 'body.file': fileId }} />
      <form onSubmit={check} noValidate>
        <FormField>
          <Paragraph>
            <FormLabel htmlFor={fileId}>{t('admin.csvImport.file')}</FormLabel>
          </Paragraph>
          <FormFieldDescription id={`${fileId}-description`}>{t('admin.csvImport.fileHint')}</FormFieldDescription>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${fileId}-description`}
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
            {t('admin.csvImport.preview')}
          </Button>
        </ButtonGroup>
      </form>
      {report && (
        // Keyboard and screen-reader users land on the report, which is what they asked for.
        <FocusOnChange signal={report} className="admin-area-import-report">
          <Heading level={level + 1}>{t('admin.csvImport.previewTitle')}</Heading>
          <div role="status">
            <Paragraph>{t('admin.csvImport.previewText', counts(report))}</Paragraph>
            {report.rejected > 0 && <Paragraph>{t('admin.csvImport.rejectedHint')}</Paragraph>}
          </div>
          <Table className="admin-table">
            <TableCaption>{t('admin.csvImport.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('admin.csvImport.line')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.csvImport.key')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.csvImport.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.csvImport.details')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.lines.map((line) => (
                <TableRow key={line.line}>
                  <TableCell>{line.line}</TableCell>
                  <TableCell>{line.key || '—'}</TableCell>
                  <TableCell>{line.outcome === 'rejected' ? <strong>{t('admin.csvImport.outcome.rejected')}</strong> : t(`admin.csvImport.outcome.${line.outcome}`)}</TableCell>
                  <TableCell>
                    {[...line.problems.map((problem) => problem.message), ...line.changes].map((text, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the same words can appear twice in one cell
                      <span key={index} className="admin-csv-detail">
                        {text}
                        <br />
                      </span>
                    ))}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <ButtonGroup>
            <Button
              appearance="primary-action-button"
              disabled={report.rejected > 0 || report.created + report.updated === 0}
              busy={send.isPending && send.variables === false}
              onClick={() => !send.isPending && send.mutate(false)}
            >
              {t('admin.csvImport.confirm')}
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
