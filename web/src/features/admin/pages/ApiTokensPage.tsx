import { Alert, Button, Code, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import type { UserList } from '../../../api/types.ts';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AdminOnly } from '../components/AdminOnly.tsx';
import { type FormValues, RecordForm } from '../components/RecordForm.tsx';

interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  userDisplayName: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

/** Tokens for machine clients; the token itself is shown once, right after it is made. */
export function ApiTokensPage() {
  const { municipality = '' } = useParams();
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const key = ['api-tokens', municipality];
  const tokens = useQuery({ queryKey: key, queryFn: () => api<{ items: ApiToken[] }>(tenantPath(municipality, '/api-tokens')) });
  const users = useQuery({ queryKey: ['users', municipality, 'all'], queryFn: () => api<UserList>(tenantPath(municipality, '/users?pageSize=100')) });
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (values: FormValues) =>
      api<ApiToken & { token: string }>(tenantPath(municipality, '/api-tokens'), { method: 'POST', body: { name: values.name || undefined, userId: values.userId || undefined, validDays: values.validDays ? Number(values.validDays) : undefined } }),
    onSuccess: (token) => {
      setCreated(token.token);
      queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const revoke = useMutation({ mutationFn: (id: string) => api(tenantPath(municipality, `/api-tokens/${id}`), { method: 'DELETE' }), onSuccess: () => queryClient.invalidateQueries({ queryKey: key }) });
  const when = (value: string | null) => (value ? new Date(value).toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB') : '—');
  return (
    <AdminOnly>
      <PageTitle>{t('admin.apiTokens.title')}</PageTitle>
      <Paragraph>{t('admin.apiTokens.intro')}</Paragraph>
      {created && (
        <Alert type="ok" role="status">
          <Paragraph>{t('admin.apiTokens.createdOnce')}</Paragraph>
          <Paragraph>
            <Code>{created}</Code>
          </Paragraph>
        </Alert>
      )}
      <Heading level={2}>{t('admin.apiTokens.new')}</Heading>
      <RecordForm
        idPrefix="api-token"
        fields={[
          { name: 'name', label: t('field.name'), kind: 'text', required: true, description: t('admin.apiTokens.nameDescription') },
          { name: 'userId', label: t('admin.apiTokens.actsAs'), kind: 'select', required: true, options: (users.data?.items ?? []).map((user) => ({ value: user.id, label: user.displayName })) },
          { name: 'validDays', label: t('admin.apiTokens.validDays'), kind: 'number', description: t('admin.apiTokens.validDaysDescription') },
        ]}
        initial={{ name: '', userId: '', validDays: '365' }}
        submitLabel={t('common.add')}
        busy={create.isPending}
        error={create.error}
        onSubmit={(values) => create.mutate(values)}
      />
      {tokens.isPending && <Loading />}
      <ProblemAlert error={tokens.error ?? revoke.error} />
      {tokens.data && (
        <Table>
          <TableCaption>{t('admin.count', { count: tokens.data.items.length })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('field.name')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.apiTokens.actsAs')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.apiTokens.lastUsed')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.apiTokens.expires')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {tokens.data.items.map((token) => (
              <TableRow key={token.id}>
                <TableCell>
                  {token.name} <Code>{token.prefix}…</Code>
                </TableCell>
                <TableCell>{token.userDisplayName}</TableCell>
                <TableCell>{when(token.lastUsedAt)}</TableCell>
                <TableCell>{when(token.expiresAt)}</TableCell>
                <TableCell>
                  <Button appearance="subtle-button" onClick={() => revoke.mutate(token.id)} aria-label={t('admin.apiTokens.revokeItem', { name: token.name })}>
                    {t('admin.apiTokens.revoke')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </AdminOnly>
  );
}
