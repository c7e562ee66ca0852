import { Button, ButtonGroup, Checkbox, Code, Fieldset, FieldsetLegend, FormField, FormLabel, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import { Loading, ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { PasswordField } from '../../../components/PasswordField.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AdminPage } from '../components/AdminPage.tsx';
import { roles, useRoleScopes } from '../components/RoleGrantsEditor.tsx';

interface RoleMapping {
  group: string;
  role: string;
  scopeId: string | null;
}

interface SingleSignOnSettings {
  isEnabled: boolean;
  issuer: string;
  clientId: string;
  hasClientSecret: boolean;
  label: string;
  emailClaim: string;
  groupsClaim: string | null;
  roleMappings: RoleMapping[];
  createsAccounts: boolean;
  staffPasswordLogin: boolean;
  redirectUri: string;
}

function CheckboxField(props: { id: string; label: string; checked: boolean; onChange(checked: boolean): void; description?: ReactNode }) {
  return (
    <FormField
      type="checkbox"
      input={<Checkbox id={props.id} checked={props.checked} onChange={(event) => props.onChange((event.target as HTMLInputElement).checked)} aria-describedby={props.description ? `${props.id}-description` : undefined} />}
      label={
        <FormLabel htmlFor={props.id} type="checkbox">
          {props.label}
        </FormLabel>
      }
      description={props.description ? <span id={`${props.id}-description`}>{props.description}</span> : undefined}
    />
  );
}

/**
 * /beheer/inloggen: staff log in with the municipality's own identity provider (OpenID Connect). The server asks the
 * provider for its configuration before saving, so a wrong address is said at its field, not found out at the first login.
 */
export function SingleSignOnPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const key = ['admin', municipality, '/single-sign-on'];
  const settings = useQuery({ queryKey: key, queryFn: () => api<SingleSignOnSettings>(tenantPath(municipality, '/single-sign-on')) });
  const scopes = useRoleScopes(municipality);
  const [form, setForm] = useState<Omit<SingleSignOnSettings, 'hasClientSecret' | 'redirectUri'> & { clientSecret: string }>();
  useEffect(() => {
    if (settings.data && !form) {
      const { hasClientSecret: _secret, redirectUri: _redirect, ...rest } = settings.data;
      setForm({ ...rest, clientSecret: '' });
    }
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: () => {
      if (!form) throw new Error('not loaded');
      const { clientSecret, ...rest } = form;
      return api<SingleSignOnSettings>(tenantPath(municipality, '/single-sign-on'), { method: 'PUT', body: { ...rest, groupsClaim: rest.groupsClaim || null, ...(clientSecret ? { clientSecret } : {}) } });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      setForm((current) => (current ? { ...current, clientSecret: '' } : current));
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : undefined;
  const set = <Field extends keyof NonNullable<typeof form>>(field: Field) => (value: NonNullable<typeof form>[Field]) => setForm((current) => (current ? { ...current, [field]: value } : current));
  const setMapping = (index: number, change: Partial<RoleMapping>) => set('roleMappings')((form?.roleMappings ?? []).map((mapping, at) => (at === index ? { ...mapping, ...change } : mapping)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const fieldIds = { 'body.issuer': 'sso-issuer', 'body.clientId': 'sso-client-id', 'body.clientSecret': 'sso-client-secret', 'body.label': 'sso-label' };

  return (
    <AdminPage title={t('admin.sso.title')} intro={t('admin.sso.intro')} trail={[]}>
      {settings.isPending && <Loading />}
      <ProblemAlert error={settings.error} />
      {settings.data && (
        <section aria-labelledby="sso-redirect-heading" className="admin-panel">
          <Heading level={2} id="sso-redirect-heading">
            {t('admin.sso.redirectTitle')}
          </Heading>
          <Paragraph>{t('admin.sso.redirectText')}</Paragraph>
          <Paragraph>
            <Code>{settings.data.redirectUri}</Code>
          </Paragraph>
        </section>
      )}
      {save.isSuccess && <SuccessAlert>{t(save.data.isEnabled ? 'admin.sso.savedOn' : 'admin.sso.savedOff', { label: save.data.label })}</SuccessAlert>}
      <ProblemAlert error={save.error} fieldIds={fieldIds} />
      {form && (
        <form className="app-form" onSubmit={submit} noValidate>
          <CheckboxField id="sso-enabled" label={t('admin.sso.enabled')} checked={form.isEnabled} onChange={set('isEnabled')} />
          <TextField id="sso-issuer" label={t('admin.sso.issuer')} description={t('admin.sso.issuerHelp')} type="url" value={form.issuer} onChange={set('issuer')} required error={problem?.fieldError('body.issuer')} />
          <TextField id="sso-client-id" label={t('admin.sso.clientId')} value={form.clientId} onChange={set('clientId')} required error={problem?.fieldError('body.clientId')} />
          <PasswordField
            id="sso-client-secret"
            label={t('admin.sso.clientSecret')}
            description={t(settings.data?.hasClientSecret ? 'admin.sso.clientSecretKept' : 'admin.sso.clientSecretHelp')}
            autoComplete="new-password"
            value={form.clientSecret}
            onChange={set('clientSecret')}
            error={problem?.fieldError('body.clientSecret')}
          />
          <TextField id="sso-label" label={t('admin.sso.label')} description={t('admin.sso.labelHelp', { label: form.label || '…' })} value={form.label} onChange={set('label')} error={problem?.fieldError('body.label')} />
          <TextField id="sso-email-claim" label={t('admin.sso.emailClaim')} value={form.emailClaim} onChange={set('emailClaim')} error={problem?.fieldError('body.emailClaim')} />
          <CheckboxField id="sso-staff-password" label={t('admin.sso.staffPasswordLogin')} description={t('admin.sso.staffPasswordLoginHelp')} checked={form.staffPasswordLogin} onChange={set('staffPasswordLogin')} />
          <Fieldset className="admin-sso-groups">
            <FieldsetLegend>{t('admin.sso.groupsTitle')}</FieldsetLegend>
            <Paragraph>{t('admin.sso.groupsIntro')}</Paragraph>
            <TextField id="sso-groups-claim" label={t('admin.sso.groupsClaim')} value={form.groupsClaim ?? ''} onChange={(value) => set('groupsClaim')(value || null)} error={problem?.fieldError('body.groupsClaim')} />
            <CheckboxField id="sso-creates-accounts" label={t('admin.sso.createsAccounts')} checked={form.createsAccounts} onChange={set('createsAccounts')} />
            {form.roleMappings.map((mapping, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own until saved, and are only added at the end.
              <div key={index} className="admin-sso-mapping">
                <TextField id={`sso-mapping-${index}-group`} label={t('admin.sso.group')} value={mapping.group} onChange={(group) => setMapping(index, { group })} error={problem?.fieldError(`body.roleMappings.${index}.group`)} />
                <SelectField id={`sso-mapping-${index}-role`} label={t('admin.sso.role')} value={mapping.role} onChange={(role) => setMapping(index, { role, scopeId: null })} options={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
                {scopes.isScoped(mapping.role) && (
                  <SelectField
                    id={`sso-mapping-${index}-scope`}
                    label={t('admin.sso.scope')}
                    value={mapping.scopeId ?? ''}
                    onChange={(scopeId) => setMapping(index, { scopeId: scopeId || null })}
                    options={[{ value: '', label: t('admin.sso.chooseScope') }, ...scopes.optionsFor(mapping.role)]}
                    error={problem?.fieldError(`body.roleMappings.${index}.scopeId`)}
                  />
                )}
                <Button appearance="subtle-button" onClick={() => set('roleMappings')(form.roleMappings.filter((_, at) => at !== index))}>
                  {t('admin.sso.removeMapping', { group: mapping.group || t('admin.sso.group').toLowerCase() })}
                </Button>
              </div>
            ))}
            <ButtonGroup>
              <Button appearance="secondary-action-button" onClick={() => set('roleMappings')([...form.roleMappings, { group: '', role: 'officer', scopeId: null }])}>
                {t('admin.sso.addMapping')}
              </Button>
            </ButtonGroup>
          </Fieldset>
          <div>
            <Button type="submit" appearance="primary-action-button" busy={save.isPending} disabled={save.isPending}>
              {t('admin.sso.save')}
            </Button>
          </div>
        </form>
      )}
    </AdminPage>
  );
}
