import { Button, Code, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { SecurityEvent, SecurityEventList } from '../admin-types.ts';
import { AdminPage } from '../components/AdminPage.tsx';
import { FilterForm } from '../components/FilterForm.tsx';
import { momentInWords, wordsFor } from '../components/audit-words.ts';

const kinds: SecurityEvent['kind'][] = ['failed_login', 'login_throttled', 'not_authenticated', 'forbidden', 'csrf_token_invalid', 'rate_limited', 'validation_failed'];

/** A calendar day in the browser's time zone → the moment it starts (or ends), as the API expects. */
function momentOf(day: string, edge: 'start' | 'end'): string {
  return new Date(`${day}T${edge === 'start' ? '00:00:00' : '23:59:59.999'}`).toISOString();
}

/** /beheer/beveiliging: refused and suspicious requests, newest first, filtered by kind, address and period. */
export function SecurityEventsPage() {
  const { municipality = '' } = useParams();
  const { t, language } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = { kind: searchParams.get('soort') ?? '', address: searchParams.get('adres') ?? '', from: searchParams.get('van') ?? '', to: searchParams.get('tot') ?? '' };
  const [draft, setDraft] = useState(filters);
  const events = useInfiniteQuery({
    queryKey: ['admin', municipality, '/security-events', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ pageSize: '50' });
      if (filters.kind) query.set('kind', filters.kind);
      if (filters.address) query.set('address', filters.address.trim());
      if (filters.from) query.set('from', momentOf(filters.from, 'start'));
      if (filters.to) query.set('to', momentOf(filters.to, 'end'));
      if (pageParam) query.set('beforeId', String(pageParam));
      return api<SecurityEventList>(tenantPath(municipality, `/security-events?${query}`));
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (draft.kind) next.soort = draft.kind;
    if (draft.address.trim()) next.adres = draft.address.trim();
    if (draft.from) next.van = draft.from;
    if (draft.to) next.tot = draft.to;
    setSearchParams(next);
  };
  const clear = () => {
    setDraft({ kind: '', address: '', from: '', to: '' });
    setSearchParams({});
  };
  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];
  /** After loading older events, continue reading at the first of them. */
  const loadOlder = async () => {
    const firstNewIndex = rows.length;
    await events.fetchNextPage();
    requestAnimationFrame(() => document.getElementById(`security-row-${firstNewIndex}`)?.focus());
  };
  const isFiltered = Object.values(filters).some(Boolean);
  /** "body.name, body.cbsCode" → "Naam, CBS-code": the fields by their labels; the raw names stay in the details. */
  const fieldsInWords = (reason: string) =>
    reason
      .split(/,\s*/)
      .map((field) => wordsFor(t, 'admin.auditLog.field', field.replace(/^(body|query|params|headers)\./, '')))
      .join(', ');

  return (
    <AdminPage title={t('admin.securityEvents.title')} intro={t('admin.securityEvents.intro')}>
      <FilterForm label={t('admin.securityEvents.filters')} onSubmit={submit} isFiltered={isFiltered} onClear={clear}>
          <SelectField
            id="security-kind"
            label={t('admin.securityEvents.kind')}
            value={draft.kind}
            onChange={(value) => setDraft({ ...draft, kind: value })}
            options={[{ value: '', label: t('admin.securityEvents.allKinds') }, ...kinds.map((kind) => ({ value: kind, label: t(`admin.securityEvents.kind.${kind}`) }))]}
          />
          <TextField id="security-address" label={t('admin.securityEvents.address')} description={t('admin.securityEvents.addressHint')} value={draft.address} onChange={(value) => setDraft({ ...draft, address: value })} />
          <TextField id="security-from" type="date" label={t('admin.securityEvents.from')} value={draft.from} onChange={(value) => setDraft({ ...draft, from: value })} />
          <TextField id="security-to" type="date" label={t('admin.securityEvents.to')} value={draft.to} onChange={(value) => setDraft({ ...draft, to: value })} />
      </FilterForm>
      {events.isPending && <Loading />}
      <ProblemAlert error={events.error} />
      {events.data && (
        <>
          <Table className="admin-table">
            <TableCaption>{isFiltered ? t('admin.securityEvents.captionFiltered', { count: rows.length }) : t('admin.securityEvents.caption', { count: rows.length })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('admin.securityEvents.when')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.securityEvents.kind')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.securityEvents.address')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.securityEvents.who')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.securityEvents.reason')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={5}>{t('admin.noResults')}</TableCell>
                </TableRow>
              )}
              {rows.map((event, index) => (
                <TableRow key={event.id} id={`security-row-${index}`} tabIndex={-1}>
                  <TableCell>
                    <time dateTime={event.occurredAt}>{momentInWords(event.occurredAt, language)}</time>
                  </TableCell>
                  <TableCell>{wordsFor(t, 'admin.securityEvents.sentence', event.kind)}</TableCell>
                  <TableCell>
                    <Code>{event.clientAddress}</Code>
                  </TableCell>
                  <TableCell>{event.actorName ?? (event.actorUserId ? t('admin.auditLog.unnamed') : t('admin.securityEvents.unknownUser'))}</TableCell>
                  <TableCell>
                    {event.reason && <div>{t('admin.securityEvents.fields', { fields: fieldsInWords(event.reason) })}</div>}
                    <details>
                      <summary>{t('admin.auditLog.technical')}</summary>
                      <Code>
                        {event.method} {event.route ?? '—'}
                      </Code>{' '}
                      <Code>{event.code}</Code>
                      {event.reason && (
                        <>
                          {' '}
                          <Code>{event.reason}</Code>
                        </>
                      )}
                      {event.requestId && (
                        <>
                          {' '}
                          <Code>{event.requestId}</Code>
                        </>
                      )}
                    </details>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div role="status" className="admin-outcome">
            {!events.hasNextPage && rows.length > 0 && <Paragraph>{t('admin.securityEvents.allShown')}</Paragraph>}
          </div>
          {events.hasNextPage && (
            <Paragraph>
              <Button appearance="secondary-action-button" busy={events.isFetchingNextPage} onClick={() => !events.isFetchingNextPage && loadOlder()}>
                {t('admin.securityEvents.older')}
              </Button>
            </Paragraph>
          )}
        </>
      )}
    </AdminPage>
  );
}
