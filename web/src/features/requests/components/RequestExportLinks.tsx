import { Link, Paragraph } from '@utrecht/component-library-react/css-module';
import { tenantPath } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

/**
 * Download links for municipal staff: the API answers with the file itself and the browser sends the session
 * cookie along, so a plain link is enough. The export takes the list's filters, not its paging.
 */
export function RequestExportLinks({ municipality, filter }: { municipality: string; filter: Record<string, string | undefined> }) {
  const { t, language } = useI18n();
  const href = (format: 'csv' | 'xlsx') => {
    const { page: _page, pageSize: _pageSize, ...filters } = filter;
    const query = new URLSearchParams(Object.entries<string | undefined>({ ...filters, format, language }).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return `/api/v1${tenantPath(municipality, `/requests/export?${query}`)}`;
  };
  return (
    <>
      <Paragraph className="app-actions">
        <Link href={href('csv')} download>
          {t('export.csv')}
        </Link>
        <Link href={href('xlsx')} download>
          {t('export.xlsx')}
        </Link>
      </Paragraph>
      <Paragraph>
        <small>{t('export.hint')}</small>
      </Paragraph>
    </>
  );
}
