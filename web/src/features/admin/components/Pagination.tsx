import { Button, Paragraph } from '@utrecht/component-library-react/css-module';
import { useI18n } from '../../../i18n/i18n.tsx';

/** Previous/next through a paged list; the list itself takes focus after a change (see RegisterTable). */
export function Pagination({ page, pageCount, onChange }: { page: number; pageCount: number; onChange(page: number): void }) {
  const { t } = useI18n();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t('admin.pagination.label')} className="admin-pagination">
      {page > 1 && (
        <Button appearance="secondary-action-button" onClick={() => onChange(page - 1)}>
          {t('admin.pagination.previous')}
        </Button>
      )}
      <Paragraph>{t('admin.pagination.status', { page, pageCount })}</Paragraph>
      {page < pageCount && (
        <Button appearance="secondary-action-button" onClick={() => onChange(page + 1)}>
          {t('admin.pagination.next')}
        </Button>
      )}
    </nav>
  );
}
