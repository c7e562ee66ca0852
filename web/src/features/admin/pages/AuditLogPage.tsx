import { Button, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AdminOnly } from '../components/AdminOnly.tsx';

interface AuditEntry {
  id: number;
  occurredAt: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Shows what changed in a few words: the fields whose values differ. */
function changedFields(before: unknown, after: unknown): string {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return '';
  const left = before as Record<string, unknown>;
  const right = after as Record<string, unknown>;
  return Object.keys(right)
    .filter((key) => !['version', 'updatedAt'].includes(key) && JSON.stringify(left[key]) !== JSON.stringify(right[key]))
    .join(', ');
}

export function AuditLogPage() {
  const { municipality = '' } = useParams();
  const { t, language } = useI18n();
  const [filters, setFilters] = useState({ entityType: '', action: '' });
  const [draft, setDraft] = useState(filters);
  const entries = useInfiniteQuery({
    queryKey: ['audit-log', municipality, filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ pageSize: '50' });
      if (filters.entityType) query.set('entityType', filters.entityType);
      if (filters.action) query.set('action', filters.action);
      if (pageParam) query.set('beforeId', String(pageParam));
      return api<{ items: AuditEntry[]; nextCursor: number | null }>(tenantPath(municipality, `/audit-log?${query}`));
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };
  const rows = entries.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <AdminOnly>
      <PageTitle>{t('admin.auditLog.title')}</PageTitle>
      <Paragraph>{t('admin.auditLog.intro')}</Paragraph>
      <form className="app-form" onSubmit={submit}>
        <TextField id="audit-entity-type" label={t('admin.auditLog.entityType')} description={t('admin.auditLog.entityTypeHint')} value={draft.entityType} onChange={(value) => setDraft({ ...draft, entityType: value })} />
        <TextField id="audit-action" label={t('admin.auditLog.action')} description={t('admin.auditLog.actionHint')} value={draft.action} onChange={(value) => setDraft({ ...draft, action: value })} />
        <div>
          <Button type="submit" appearance="secondary-action-button">
            {t('common.filter')}
          </Button>
        </div>
      </form>
      {entries.isPending && <Loading />}
      <ProblemAlert error={entries.error} />
      <Table>
        <TableCaption>{t('admin.auditLog.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('admin.auditLog.when')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('admin.auditLog.who')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('admin.auditLog.action')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('admin.auditLog.entity')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('admin.auditLog.changed')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((entry) => (
            <TableRow key={entry.id}>
              <TableCell>{new Date(entry.occurredAt).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB')}</TableCell>
              <TableCell>{entry.actorLabel}</TableCell>
              <TableCell>{entry.action}</TableCell>
              <TableCell>
                {entry.entityType} <small>{entry.entityId.slice(0, 8)}</small>
              </TableCell>
              <TableCell>{changedFields(entry.before, entry.after)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {entries.hasNextPage && (
        <Button appearance="secondary-action-button" busy={entries.isFetchingNextPage} onClick={() => entries.fetchNextPage()}>
          {t('admin.auditLog.older')}
        </Button>
      )}
    </AdminOnly>
  );
}
