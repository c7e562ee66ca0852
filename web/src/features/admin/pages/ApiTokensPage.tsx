import { Alert, Button, ButtonGroup, Code, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import type { UserList } from '../../../api/types.ts';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { ApiTokenList, CreatedApiToken } from '../admin-types.ts';
import { AdminPage } from '../components/AdminPage.tsx';
import { DeleteConfirmation } from '../components/DeleteConfirmation.tsx';
import { FocusOnChange } from '../components/FocusOnChange.tsx';
import { type Outcome, OutcomeMessage } from '../components/Messages.tsx';
import { type FieldDefinition, type FormValues, RecordForm } from '../components/RecordForm.tsx';

/** The new token, once: it is stored only as a hash, so this is the one chance to copy it. */
function CreatedToken({ token }: { token: CreatedApiToken }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <FocusOnChange signal={token}>
      <Alert type="ok">
        <Heading level={2}>{t('admin.apiTokens.createdTitle', { name: token.name })}</Heading>
        <Paragraph>{t('admin.apiTokens.createdOnce')}</Paragraph>
        <Paragraph className="admin-token">
          <Code id="created-token">{token.token}</Code>
        </Paragraph>
        <Paragraph>
          <Button appearance="secondary-action-button" onClick={copy} aria-describedby="created-token">
            {t('admin.apiTokens.copy')}
          </Button>
        </Paragraph>
        <div role="status">{copied && <Paragraph>{copied === 'yes' ? t('admin.apiTokens.copied') : t('admin.apiTokens.copyFailed')}</Paragraph>}</div>
        <Paragraph>{t('admin.apiTokens.usage')}</Paragraph>
      </Alert>
    </FocusOnChange>
  );
}

/** /beheer/api-tokens: access for other systems, acting as one account; made, listed, revoked. */
export function ApiTokensPage() {
  const { municipality = '' } = useParams();
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const key = ['admin', municipality, '/api-tokens'];
  const tokens = useQuery({ queryKey: key, queryFn: () => api<ApiTokenList>(tenantPath(municipality, '/api-tokens')) });
  const users = useQuery({ queryKey: ['admin', municipality, '/users', 'active'], queryFn: () => api<UserList>(tenantPath(municipality, '/users?pageSize=100')) });
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const fields: FieldDefinition[] = [
    { name: 'name', label: t('field.name'), kind: 'text', required: true, description: t('admin.apiTokens.nameDescription') },
    {
      name: 'userId',
      label: t('admin.apiTokens.actsAs'),
      kind: 'select',
      required: true,
      description: t('admin.apiTokens.actsAsDescription'),
      options: (users.data?.items ?? []).filter((user) => user.isActive).map((user) => ({ value: user.id, label: `${user.displayName} (${user.email})` })),
    },
    { name: 'validDays', label: t('admin.apiTokens.validDays'), kind: 'number', description: t('admin.apiTokens.validDaysDescription') },
  ];
  const create = useMutation({
    mutationFn: (values: FormValues) =>
      api<CreatedApiToken>(tenantPath(municipality, '/api-tokens'), {
        method: 'POST',
        body: { name: values.name || undefined, userId: values.userId || undefined, validDays: values.validDays === '' ? undefined : Number(values.validDays) },
      }),
    onSuccess: (token) => {
      setOutcome(null);
      setCreated(token);
      setFormKey((value) => value + 1);
      queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const date = (value: string | null) => (value ? new Date(value).toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium' }) : t('admin.apiTokens.never'));

  return (
    <AdminPage title={t('admin.apiTokens.title')} intro={t('admin.apiTokens.intro')}>
      {created && <CreatedToken token={created} />}
      <OutcomeMessage outcome={outcome} />
      <section aria-labelledby="new-token-heading" className="admin-panel">
        <Heading level={2} id="new-token-heading">
          {t('admin.apiTokens.new')}
        </Heading>
        <RecordForm
          key={formKey}
          idPrefix="api-token"
          fields={fields}
          initial={{ name: '', userId: '', validDays: '365' }}
          submitLabel={t('admin.apiTokens.create')}
          busy={create.isPending}
          error={create.error}
          onSubmit={(values) => create.mutate(values)}
        />
      </section>
      {tokens.isPending && <Loading />}
      <ProblemAlert error={tokens.error} />
      {tokens.data && (
        <Table className="admin-table">
          <TableCaption>{t('admin.apiTokens.caption', { count: tokens.data.items.length })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('field.name')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.apiTokens.prefix')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.apiTokens.actsAs')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.apiTokens.created')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.apiTokens.lastUsed')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.apiTokens.expires')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {tokens.data.items.length === 0 && (
              <TableRow>
                <TableCell colSpan={7}>{t('admin.apiTokens.none')}</TableCell>
              </TableRow>
            )}
            {tokens.data.items.map((token) =>
              revoking === token.id ? (
                <TableRow key={token.id}>
                  <TableCell colSpan={7}>
                    <DeleteConfirmation
                      name={token.name}
                      consequence={t('admin.apiTokens.revokeConsequence')}
                      question={t('admin.apiTokens.revokeQuestion', { name: token.name })}
                      confirmLabel={t('admin.apiTokens.revokeConfirm', { name: token.name })}
                      remove={() => api<void>(tenantPath(municipality, `/api-tokens/${token.id}`), { method: 'DELETE' })}
                      onDeleted={() => {
                        setRevoking(null);
                        setCreated(null);
                        setOutcome({ text: t('admin.apiTokens.revoked', { name: token.name }) });
                        queryClient.invalidateQueries({ queryKey: key });
                      }}
                      onCancel={() => {
                        setRevoking(null);
                        requestAnimationFrame(() => document.getElementById(`revoke-${token.id}`)?.focus());
                      }}
                    />
                  </TableCell>
                </TableRow>
              ) : (
                <TableRow key={token.id}>
                  <TableCell>{token.name}</TableCell>
                  <TableCell>
                    <Code>{token.prefix}…</Code>
                  </TableCell>
                  <TableCell>{token.userDisplayName}</TableCell>
                  <TableCell>{date(token.createdAt)}</TableCell>
                  <TableCell>{date(token.lastUsedAt)}</TableCell>
                  <TableCell>{token.expiresAt ? date(token.expiresAt) : t('admin.apiTokens.noExpiry')}</TableCell>
                  <TableCell>
                    <ButtonGroup className="admin-row-actions">
                      <Button id={`revoke-${token.id}`} appearance="subtle-button" hint="danger" onClick={() => setRevoking(token.id)} aria-label={t('admin.apiTokens.revokeItem', { name: token.name })}>
                        {t('admin.apiTokens.revoke')}
                      </Button>
                    </ButtonGroup>
                  </TableCell>
                </TableRow>
              ),
            )}
          </TableBody>
        </Table>
      )}
    </AdminPage>
  );
}
