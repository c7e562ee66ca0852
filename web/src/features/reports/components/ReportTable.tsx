import { Checkbox, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import type { ReportSummary } from '../../../api/types.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ReportedOn } from './ReportedOn.tsx';

/**
 * The queue as a table: reference, what, where, how far along, how urgent, by when. An overdue report says so in
 * words, not only in colour. On a phone each row becomes a card (styles.css, .app-card-table).
 */
export interface ReportSelection {
  selectedIds: ReadonlySet<string>;
  onToggle(id: string): void;
}

export function ReportTable({ municipality, items, caption, selection }: { municipality: string; items: ReportSummary[]; caption: string; selection?: ReportSelection }) {
  const { t } = useI18n();
  const columns = ['reference', 'category', 'neighbourhood', 'status', 'priority', 'handleBy', 'reportedAt'] as const;
  const label = (column: (typeof columns)[number]) => t(`reports.column.${column}`);
  return (
    <div className="app-card-table-frame">
      <Table className="app-card-table">
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {selection && (
              <TableHeaderCell scope="col" className="app-select-cell">
                {t('reports.bulk.column')}
              </TableHeaderCell>
            )}
            {columns.map((column) => (
              <TableHeaderCell key={column} scope="col">
                {label(column)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.id}>
              {selection && (
                <TableCell className="app-select-cell" data-label={t('reports.bulk.column')}>
                  <Checkbox id={`report-select-${item.id}`} aria-label={t('reports.bulk.selectOne', { reference: item.reference })} checked={selection.selectedIds.has(item.id)} onChange={() => selection.onToggle(item.id)} />
                </TableCell>
              )}
              <TableCell className="app-nowrap" data-label={label('reference')}>
                <AppLink to={`/${municipality}/meldingen/${item.id}`}>{item.reference}</AppLink>
              </TableCell>
              <TableCell data-label={label('category')}>
                {item.category.name}
                {item.category.mainName && <span className="app-report-secondary">{item.category.mainName}</span>}
                {item.address && <span className="app-report-secondary">{item.address}</span>}
              </TableCell>
              <TableCell data-label={label('neighbourhood')}>{item.neighbourhoodName}</TableCell>
              <TableCell data-label={label('status')}>{t(`reportStatus.${item.status}`)}</TableCell>
              <TableCell data-label={label('priority')}>{t(`reportPriority.${item.priority}`)}</TableCell>
              <TableCell data-label={label('handleBy')}>
                {item.handleBy ? <CalendarDate value={item.handleBy} /> : t('reports.noDeadline')}
                {item.isOverdue && <strong> {t('reports.overdue')}</strong>}
              </TableCell>
              <TableCell data-label={label('reportedAt')}>
                <ReportedOn value={item.reportedAt} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
