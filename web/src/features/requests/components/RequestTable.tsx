import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import type { RequestSummary } from '../../../api/types.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

/**
 * Requests in a table: what, where, status, deadline; overdue ones say so in words, not only in colour. On a phone
 * each row becomes a card with the column names beside the values (styles.css, .app-card-table).
 */
export function RequestTable({ municipality, items, caption, isCaptionShown = true }: { municipality: string; items: RequestSummary[]; caption: string; isCaptionShown?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="app-card-table-frame">
    <Table className="app-card-table">
      <TableCaption className={isCaptionShown ? undefined : 'app-visually-hidden'}>{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('requests.reference')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('requests.title')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('requests.kind')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('requests.state')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('requests.answerBy')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.id}>
            <TableCell className="app-nowrap" data-label={t('requests.reference')}>
              {item.reference}
            </TableCell>
            <TableCell data-label={t('requests.title')}>
              <AppLink to={`/${municipality}/vragen/${item.reference}`}>{item.title}</AppLink>
              {item.neighbourhood ? ` — ${item.neighbourhood.name}` : ''}
            </TableCell>
            <TableCell data-label={t('requests.kind')}>{t(`requestKind.${item.kind}`)}</TableCell>
            <TableCell data-label={t('requests.state')}>{item.verdict ? t(`verdict.${item.verdict}`) : t(`requestState.${item.state}`)}</TableCell>
            <TableCell data-label={t('requests.answerBy')}>
              <CalendarDate value={item.answerBy} />
              {item.isOverdue && <strong> {t('requests.overdue')}</strong>}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
    </div>
  );
}
