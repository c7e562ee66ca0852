import { Button, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import adminNl from '../../../i18n/admin.nl.json' with { type: 'json' };
import { useI18n } from '../../../i18n/i18n.tsx';
import type { AuditList } from '../admin-types.ts';
import { AdminPage } from '../components/AdminPage.tsx';
import { FilterForm } from '../components/FilterForm.tsx';
import { AuditChanges } from '../components/AuditChanges.tsx';
import { actionSentence, momentInWords, wordsFor } from '../components/audit-words.ts';

/** Every kind of record the audit log names (see recordAudit calls on the server). */
const entityTypes = ['neighbourhood', 'area', 'council', 'department', 'partner_organisation', 'theme', 'portfolio', 'council_term', 'meeting_kind', 'meeting', 'meeting_follow_up', 'blackout_period', 'blocked_period', 'user', 'api_token', 'calendar_feed', 'request', 'notification', 'municipality', 'action_plan', 'action_plan_challenge', 'action_plan_action', 'action_plan_contribution'];
/** Registers whose changes are recorded as `<kind>.create`, `.update` and `.delete`. */
const registerTypes = ['neighbourhood', 'area', 'council', 'department', 'partner_organisation', 'theme', 'portfolio', 'council_term'];
/** The actions a person can pick in the filter: every one the catalogue has words for, and the registers' changes. */
const actionPrefix = 'admin.auditLog.do.';
const knownActions = [
  ...new Set([...Object.keys(adminNl).filter((key) => key.startsWith(actionPrefix)).map((key) => key.slice(actionPrefix.length)), ...registerTypes.flatMap((type) => ['create', 'update', 'delete'].map((verb) => `${type}.${verb}`)), 'meeting_kind.update']),
];

/** A calendar day in the browser's time zone → the moment it starts (or ends), as the API expects. */
function momentOf(day: string, edge: 'start' | 'end'): string {
  return new Date(`${day}T${edge === 'start' ? '00:00:00' : '23:59:59.999'}`).toISOString();
}

/** /beheer/auditlog: every change, newest first, filtered by kind of record, action and period. */
export function AuditLogPage() {
  const { municipality = '' } = useParams();
  const { t, language } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = { entityType: searchParams.get('soort') ?? '', action: searchParams.get('actie') ?? '', from: searchParams.get('van') ?? '', to: searchParams.get('tot') ?? '' };
  const [draft, setDraft] = useState(filters);
  const entries = useInfiniteQuery({
    queryKey: ['admin', municipality, '/audit-log', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ pageSize: '50' });
      if (filters.entityType) query.set('entityType', filters.entityType);
      if (filters.action) query.set('action', filters.action.trim());
      if (filters.from) query.set('from', momentOf(filters.from, 'start'));
      if (filters.to) query.set('to', momentOf(filters.to, 'end'));
      if (pageParam) query.set('beforeId', String(pageParam));
      return api<AuditList>(tenantPath(municipality, `/audit-log?${query}`));
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (draft.entityType) next.soort = draft.entityType;
    if (draft.action.trim()) next.actie = draft.action.trim();
    if (draft.from) next.van = draft.from;
    if (draft.to) next.tot = draft.to;
    setSearchParams(next);
  };
  const clear = () => {
    setDraft({ entityType: '', action: '', from: '', to: '' });
    setSearchParams({});
  };
  /** After loading older entries, continue reading at the first of them. */
  const loadOlder = async () => {
    const firstNewIndex = rows.length;
    await entries.fetchNextPage();
    requestAnimationFrame(() => document.getElementById(`audit-row-${firstNewIndex}`)?.focus());
  };
  const rows = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const isFiltered = Object.values(filters).some(Boolean);
  const entityLabel = (type: string) => wordsFor(t, 'admin.auditLog.entity', type);
  // In words, alphabetically; a code from an older link that is not in the list stays choosable as itself.
  const actionOptions = [
    { value: '', label: t('admin.auditLog.allActions') },
    ...[...knownActions, ...(filters.action && !knownActions.includes(filters.action) ? [filters.action] : [])]
      .map((action) => ({ value: action, label: actionSentence(t, action, action.split('.')[0]) }))
      .sort((left, right) => left.label.localeCompare(right.label)),
  ];

  return (
    <AdminPage title={t('admin.auditLog.title')} intro={t('admin.auditLog.intro')}>
      <FilterForm label={t('admin.auditLog.filters')} onSubmit={submit} isFiltered={isFiltered} onClear={clear}>
        <SelectField id="audit-entity-type" label={t('admin.auditLog.entityType')} value={draft.entityType} onChange={(value) => setDraft({ ...draft, entityType: value })} options={[{ value: '', label: t('admin.auditLog.allTypes') }, ...entityTypes.map((type) => ({ value: type, label: entityLabel(type) }))]} />
        <SelectField id="audit-action" label={t('admin.auditLog.action')} value={draft.action} onChange={(value) => setDraft({ ...draft, action: value })} options={actionOptions} />
        <TextField id="audit-from" type="date" label={t('admin.auditLog.from')} value={draft.from} onChange={(value) => setDraft({ ...draft, from: value })} />
        <TextField id="audit-to" type="date" label={t('admin.auditLog.to')} value={draft.to} onChange={(value) => setDraft({ ...draft, to: value })} />
      </FilterForm>
      {entries.isPending && <Loading />}
      <ProblemAlert error={entries.error} />
      {entries.data && (
        <>
          <Table className="admin-table admin-audit-table">
            <TableCaption>{isFiltered ? t('admin.auditLog.captionFiltered', { count: rows.length }) : t('admin.auditLog.caption', { count: rows.length })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('admin.auditLog.when')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.auditLog.who')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.auditLog.action')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.auditLog.entity')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.auditLog.changes')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={5}>{t('admin.noResults')}</TableCell>
                </TableRow>
              )}
              {rows.map((entry, index) => (
                <TableRow key={entry.id} id={`audit-row-${index}`} tabIndex={-1}>
                  <TableCell>
                    <time dateTime={entry.occurredAt}>{momentInWords(entry.occurredAt, language)}</time>
                  </TableCell>
                  <TableCell>{entry.actorName ?? t('admin.auditLog.system')}</TableCell>
                  <TableCell>{actionSentence(t, entry.action, entry.entityType)}</TableCell>
                  <TableCell>
                    {entityLabel(entry.entityType)}
                    {entry.entityName && `: ${entry.entityName}`}
                  </TableCell>
                  <TableCell>
                    <AuditChanges entry={entry} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div role="status" className="admin-outcome">
            {!entries.hasNextPage && rows.length > 0 && <Paragraph>{t('admin.auditLog.allShown')}</Paragraph>}
          </div>
          {entries.hasNextPage && (
            <Paragraph>
              <Button appearance="secondary-action-button" busy={entries.isFetchingNextPage} onClick={() => !entries.isFetchingNextPage && loadOlder()}>
                {t('admin.auditLog.older')}
              </Button>
            </Paragraph>
          )}
        </>
      )}
    </AdminPage>
  );
}
