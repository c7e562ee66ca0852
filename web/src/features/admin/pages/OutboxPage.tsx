import { Button, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { OutboxList, OutboxMessage } from '../admin-types.ts';
import { AdminPage } from '../components/AdminPage.tsx';
import { FilterForm } from '../components/FilterForm.tsx';
import { momentInWords } from '../components/audit-words.ts';

const statuses = ['stored', 'sent', 'pending', 'failed'] as const;
const channels = ['email', 'in_app'] as const;

/** /beheer/outbox: mail and in-app messages — sent, stored because no SMTP server is configured, or waiting. */
export function OutboxPage() {
  const { municipality = '' } = useParams();
  const { t, language } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  // Mail is what an admin looks for here; in-app messages are one choice away.
  const filters = { status: searchParams.get('status') ?? '', channel: searchParams.get('kanaal') ?? 'email' };
  const [draft, setDraft] = useState(filters);
  const messages = useInfiniteQuery({
    queryKey: ['admin', municipality, '/outbox', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ pageSize: '50' });
      if (filters.status) query.set('status', filters.status);
      if (filters.channel !== 'all') query.set('channel', filters.channel);
      if (pageParam) query.set('cursor', pageParam);
      return api<OutboxList>(tenantPath(municipality, `/outbox?${query}`));
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = { kanaal: draft.channel };
    if (draft.status) next.status = draft.status;
    setSearchParams(next);
  };
  const loadOlder = async () => {
    const firstNewIndex = rows.length;
    await messages.fetchNextPage();
    requestAnimationFrame(() => document.getElementById(`outbox-row-${firstNewIndex}`)?.focus());
  };
  const rows = messages.data?.pages.flatMap((page) => page.items) ?? [];
  const when = (value: string) => momentInWords(value, language);
  /** Per message, plainly: sent by SMTP (or shown in the app), stored only because no SMTP is configured, waiting, or failed. */
  const statusSentence = (message: OutboxMessage) => {
    const moment = message.deliveredAt ?? message.createdAt;
    if (message.status === 'sent') return t(message.channel === 'email' ? 'admin.outbox.sentence.sent' : 'admin.outbox.sentence.shown', { when: when(moment) });
    if (message.status === 'stored') return t('admin.outbox.sentence.stored', { when: when(moment) });
    if (message.status === 'failed') return t('admin.outbox.sentence.failed', { attempts: message.attempts });
    return message.attempts > 0 ? t('admin.outbox.sentence.retrying', { attempts: message.attempts }) : t('admin.outbox.sentence.pending', { when: when(message.createdAt) });
  };

  return (
    <AdminPage title={t('admin.outbox.title')} intro={t('admin.outbox.intro')}>
      <FilterForm label={t('admin.outbox.filters')} onSubmit={submit}>
        <SelectField id="outbox-status" label={t('admin.outbox.status')} value={draft.status} onChange={(value) => setDraft({ ...draft, status: value })} options={[{ value: '', label: t('admin.outbox.all') }, ...statuses.map((value) => ({ value, label: t(`admin.outbox.status.${value}`) }))]} />
        <SelectField id="outbox-channel" label={t('admin.outbox.channel')} value={draft.channel} onChange={(value) => setDraft({ ...draft, channel: value })} options={[...channels.map((value) => ({ value, label: t(`admin.outbox.channel.${value}`) })), { value: 'all', label: t('admin.outbox.allChannels') }]} />
      </FilterForm>
      {messages.isPending && <Loading />}
      <ProblemAlert error={messages.error} />
      {messages.data && (
        <>
          <Table className="admin-table">
            <TableCaption>{t('admin.outbox.caption', { count: rows.length })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('admin.outbox.created')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.outbox.recipient')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.outbox.subject')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('admin.outbox.status')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={4}>{t('admin.outbox.none')}</TableCell>
                </TableRow>
              )}
              {rows.map((message, index) => (
                <TableRow key={message.id} id={`outbox-row-${index}`} tabIndex={-1}>
                  <TableCell>
                    <time dateTime={message.createdAt}>{when(message.createdAt)}</time>
                  </TableCell>
                  <TableCell>
                    {message.recipientName ?? message.recipientEmail ?? ''}
                    {message.recipientName && message.recipientEmail && <Paragraph className="admin-hint">{message.recipientEmail}</Paragraph>}
                    {message.channel === 'in_app' && <Paragraph className="admin-hint">{t('admin.outbox.inApp')}</Paragraph>}
                  </TableCell>
                  <TableCell>
                    <details className="admin-message">
                      <summary>{message.subject}</summary>
                      <pre>{message.body}</pre>
                    </details>
                  </TableCell>
                  <TableCell>
                    <span className="app-badge">{t(`admin.outbox.status.${message.status}`)}</span>
                    <Paragraph className="admin-hint">{statusSentence(message)}</Paragraph>
                    {message.lastError && <Paragraph className="admin-hint">{t('admin.outbox.lastErrorText', { error: message.lastError })}</Paragraph>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {messages.hasNextPage && (
            <Paragraph>
              <Button appearance="secondary-action-button" busy={messages.isFetchingNextPage} onClick={() => !messages.isFetchingNextPage && loadOlder()}>
                {t('admin.outbox.older')}
              </Button>
            </Paragraph>
          )}
        </>
      )}
    </AdminPage>
  );
}
