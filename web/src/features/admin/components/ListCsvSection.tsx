import { Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { tenantPath } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { CsvImportForm } from './CsvImportForm.tsx';

/** Below a reference list: the list out as CSV to edit in Excel, and the edited file back in. */
export function ListCsvSection(props: { municipality: string; path: string; importPath: string; onImported(): void }) {
  const { t } = useI18n();
  const id = `csv${props.path.replaceAll('/', '-')}`;
  return (
    <section aria-labelledby={`${id}-heading`} className="admin-panel">
      <Heading level={2} id={`${id}-heading`}>
        {t('admin.listCsv.title')}
      </Heading>
      <Paragraph>{t('admin.listCsv.intro')}</Paragraph>
      <Paragraph>
        <a href={`/api/v1${tenantPath(props.municipality, `${props.path}/export`)}`} download>
          {t('admin.listCsv.export')}
        </a>
      </Paragraph>
      <CsvImportForm
        municipality={props.municipality}
        importPath={props.importPath}
        id={`${id}-import`}
        headingLevel={3}
        title={t('admin.listCsv.importTitle')}
        intro={<Paragraph>{t('admin.listCsv.importIntro')}</Paragraph>}
        doneText={(report) => t('admin.listCsv.done', { created: report.created, updated: report.updated, unchanged: report.unchanged })}
        onImported={props.onImported}
      />
    </section>
  );
}
