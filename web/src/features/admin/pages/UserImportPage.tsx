import { Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { tenantPath } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AdminPage } from '../components/AdminPage.tsx';
import { CsvImportForm } from '../components/CsvImportForm.tsx';

/** /beheer/gebruikers/importeren: many accounts at once from a spreadsheet, checked per line before anything is saved. */
export function UserImportPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const queryClient = useQueryClient();
  return (
    <AdminPage title={t('admin.userImport.title')} intro={t('admin.userImport.intro')} trail={[{ section: 'gebruikers', label: t('admin.users.title') }]}>
      <Paragraph>{t('admin.userImport.columns')}</Paragraph>
      <UnorderedList>
        <UnorderedListItem>{t('admin.userImport.columnName')}</UnorderedListItem>
        <UnorderedListItem>{t('admin.userImport.columnEmail')}</UnorderedListItem>
        <UnorderedListItem>{t('admin.userImport.columnRoles')}</UnorderedListItem>
        <UnorderedListItem>{t('admin.userImport.columnLanguage')}</UnorderedListItem>
      </UnorderedList>
      <Paragraph>
        <a href={`/api/v1${tenantPath(municipality, '/user-imports/template')}`} download>
          {t('admin.userImport.template')}
        </a>
      </Paragraph>
      <CsvImportForm
        municipality={municipality}
        importPath="/user-imports"
        id="user-import"
        title={t('admin.userImport.formTitle')}
        intro={<Paragraph>{t('admin.userImport.formIntro')}</Paragraph>}
        doneText={(report) => t('admin.userImport.done', { created: report.created, updated: report.updated, unchanged: report.unchanged })}
        onImported={() => queryClient.invalidateQueries({ queryKey: ['admin', municipality, '/users'] })}
      />
    </AdminPage>
  );
}
