import { FormField, FormLabel, Paragraph, Select, SelectOption, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useQuery } from '@tanstack/react-query';
import { type ChangeEvent, useState } from 'react';
import { useParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AdminOnly } from '../components/AdminOnly.tsx';

interface OutboxMessage {
  id: string;
  channel: string;
  recipientEmail: string | null;
  subject: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

const statuses = ['stored', 'sent', 'pending', 'failed'];

/** Mail the system sent, or stored because no SMTP server is configured. */
export function OutboxPage() {
  const { municipality = '' } = useParams();
  const { t, language } = useI18n();
  const [status, setStatus] = useState('');
  const messages = useQuery({
    queryKey: ['outbox', municipality, status],
    queryFn: () => api<{ items: OutboxMessage[] }>(tenantPath(municipality, `/outbox?channel=email&pageSize=100${status ? `&status=${status}` : ''}`)),
  });
  return (
    <AdminOnly>
      <PageTitle>{t('admin.outbox.title')}</PageTitle>
      <Paragraph>{t('admin.outbox.intro')}</Paragraph>
      <FormField>
        <Paragraph>
          <FormLabel htmlFor="outbox-status">{t('admin.outbox.status')}</FormLabel>
        </Paragraph>
        <Select id="outbox-status" value={status} onChange={(event: ChangeEvent<HTMLSelectElement>) => setStatus(event.target.value)}>
          <SelectOption value="">{t('admin.outbox.all')}</SelectOption>
          {statuses.map((value) => (
            <SelectOption key={value} value={value}>
              {t(`admin.outbox.status.${value}`)}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      {messages.isPending && <Loading />}
      <ProblemAlert error={messages.error} />
      {messages.data && (
        <Table>
          <TableCaption>{t('admin.count', { count: messages.data.items.length })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('admin.outbox.created')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.outbox.recipient')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.outbox.subject')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.outbox.status')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {messages.data.items.map((message) => (
              <TableRow key={message.id}>
                <TableCell>{new Date(message.createdAt).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB')}</TableCell>
                <TableCell>{message.recipientEmail ?? ''}</TableCell>
                <TableCell>{message.subject}</TableCell>
                <TableCell>
                  {t(`admin.outbox.status.${message.status}`)}
                  {message.lastError ? ` — ${message.lastError}` : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </AdminOnly>
  );
}
