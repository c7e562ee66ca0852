import { Button, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import type { ErasureRequestList, PrivacySettings, PrivacyStatement } from '../../../api/types.ts';
import { ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AdminPage } from '../components/AdminPage.tsx';
import { ReporterDataSection } from '../components/ReporterDataSection.tsx';

const settingKeys = ['sessionDays', 'passwordLinkDays', 'outboxDays', 'auditSnapshotDays', 'closedRequestAttachmentDays'] as const;

/** /beheer/privacy: requests to erase data (accounts, and reporters of public-space reports), how long data is kept, and the privacy statement. */
export function PrivacyPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  return (
    <AdminPage title={t('admin.section.privacy')} intro={t('admin.privacy.intro')}>
      <ErasureRequests municipality={municipality} />
      <ReporterDataSection municipality={municipality} />
      <RetentionSettings municipality={municipality} />
      <StatementForm municipality={municipality} />
    </AdminPage>
  );
}

function ErasureRequests({ municipality }: { municipality: string }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const key = ['admin', municipality, '/erasure-requests'];
  const requests = useQuery({ queryKey: key, queryFn: () => api<ErasureRequestList>(tenantPath(municipality, '/erasure-requests')) });
  const [confirming, setConfirming] = useState<string | null>(null);
  const erase = useMutation({
    mutationFn: (userId: string) => api<unknown>(tenantPath(municipality, `/users/${userId}/erasure`), { method: 'POST' }),
    onSuccess: () => {
      setConfirming(null);
      return queryClient.invalidateQueries({ queryKey: ['admin', municipality] });
    },
  });
  const date = (moment: string) => new Date(moment).toLocaleDateString(language === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long' });
  return (
    <section aria-labelledby="erasure-requests-heading" className="admin-panel">
      <Heading level={2} id="erasure-requests-heading">
        {t('admin.privacy.erasureTitle')}
      </Heading>
      <Paragraph>{t('admin.privacy.erasureIntro')}</Paragraph>
      {erase.isSuccess && <SuccessAlert>{t('admin.privacy.erased')}</SuccessAlert>}
      <ProblemAlert error={erase.error ?? requests.error} />
      {requests.data && requests.data.items.length === 0 && <Paragraph>{t('admin.privacy.noErasureRequests')}</Paragraph>}
      {requests.data && requests.data.items.length > 0 && (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('admin.privacy.person')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.privacy.requestedAt')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('admin.privacy.action')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {requests.data.items.map((item) => (
              <TableRow key={item.id}>
                <TableCell>
                  {item.displayName} · {item.email}
                </TableCell>
                <TableCell>{date(item.requestedAt)}</TableCell>
                <TableCell>
                  {confirming === item.userId ? (
                    <div className="app-actions">
                      <Button appearance="primary-action-button" busy={erase.isPending} disabled={erase.isPending} onClick={() => erase.mutate(item.userId)}>
                        {t('admin.privacy.eraseConfirm', { name: item.displayName })}
                      </Button>
                      <Button appearance="secondary-action-button" onClick={() => setConfirming(null)}>
                        {t('admin.privacy.cancel')}
                      </Button>
                    </div>
                  ) : (
                    <Button appearance="secondary-action-button" onClick={() => setConfirming(item.userId)}>
                      {t('admin.privacy.erase')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

function RetentionSettings({ municipality }: { municipality: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const key = ['admin', municipality, '/privacy-settings'];
  const settings = useQuery({ queryKey: key, queryFn: () => api<PrivacySettings>(tenantPath(municipality, '/privacy-settings')) });
  const [draft, setDraft] = useState<Record<string, string>>({});
  useEffect(() => {
    if (settings.data) setDraft(Object.fromEntries(settingKeys.map((name) => [name, String(settings.data[name])])));
  }, [settings.data]);
  const save = useMutation({
    mutationFn: () => api<PrivacySettings>(tenantPath(municipality, '/privacy-settings'), { method: 'PUT', body: Object.fromEntries(settingKeys.map((name) => [name, Number(draft[name])])) }),
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const problem = save.error as { fieldError?: (field: string) => string | undefined } | null;
  return (
    <section aria-labelledby="retention-heading" className="admin-panel">
      <Heading level={2} id="retention-heading">
        {t('admin.privacy.retentionTitle')}
      </Heading>
      <Paragraph>{t('admin.privacy.retentionIntro')}</Paragraph>
      {save.isSuccess && <SuccessAlert>{t('admin.privacy.saved')}</SuccessAlert>}
      <ProblemAlert error={save.error ?? settings.error} fieldIds={Object.fromEntries(settingKeys.map((name) => [`body.${name}`, `retention-${name}`]))} />
      <form className="app-form" onSubmit={submit} noValidate>
        {settingKeys.map((name) => (
          <TextField
            key={name}
            id={`retention-${name}`}
            label={t(`admin.privacy.${name}`)}
            description={t(`admin.privacy.${name}.text`)}
            inputMode="numeric"
            required
            value={draft[name] ?? ''}
            error={problem?.fieldError?.(`body.${name}`)}
            onChange={(value) => setDraft({ ...draft, [name]: value })}
          />
        ))}
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={save.isPending} disabled={save.isPending || !settings.data}>
            {t('admin.privacy.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

export function StatementForm({ municipality }: { municipality: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const key = ['privacy-statement', municipality];
  const statement = useQuery({ queryKey: key, queryFn: () => api<PrivacyStatement>(tenantPath(municipality, '/privacy-statement')) });
  const [text, setText] = useState('');
  useEffect(() => {
    if (statement.data) setText(statement.data.text);
  }, [statement.data]);
  const save = useMutation({
    mutationFn: (value: string | null) => api<PrivacyStatement>(tenantPath(municipality, '/privacy-statement'), { method: 'PUT', body: { text: value } }),
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(text);
  };
  const problem = save.error as { fieldError?: (field: string) => string | undefined } | null;
  return (
    <section aria-labelledby="statement-heading" className="admin-panel">
      <Heading level={2} id="statement-heading">
        {t('admin.privacy.statementTitle')}
      </Heading>
      <Paragraph>{t(statement.data?.isDefault === false ? 'admin.privacy.statementOwn' : 'admin.privacy.statementDefault')}</Paragraph>
      {save.isSuccess && <SuccessAlert>{t('admin.privacy.statementSaved')}</SuccessAlert>}
      <ProblemAlert error={save.error ?? statement.error} fieldIds={{ 'body.text': 'privacy-statement-text' }} />
      <form className="app-form" onSubmit={submit} noValidate>
        <TextField id="privacy-statement-text" label={t('admin.privacy.statementText')} description={t('admin.privacy.statementHint')} multiline required value={text} error={problem?.fieldError?.('body.text')} onChange={setText} />
        <div className="app-actions">
          <Button type="submit" appearance="secondary-action-button" busy={save.isPending} disabled={save.isPending || !statement.data}>
            {t('admin.privacy.statementSave')}
          </Button>
          {statement.data?.isDefault === false && (
            <Button appearance="subtle-button" disabled={save.isPending} onClick={() => save.mutate(null)}>
              {t('admin.privacy.statementReset')}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}
