import { Button, Checkbox, FormField, FormLabel, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { api, tenantPath } from '../../../api/client.ts';
import { ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

type SecuritySettings = { staffSecondFactorRequired: boolean; residentRegistration: 'open' | 'invitation' };

/** Whether every municipal employee, not only administrators, logs in with a second factor; whether residents register themselves. */
export function SecuritySettingsForm({ municipality }: { municipality: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const key = ['admin', municipality, '/security-settings'];
  const settings = useQuery({ queryKey: key, queryFn: () => api<SecuritySettings>(tenantPath(municipality, '/security-settings')) });
  const [required, setRequired] = useState(false);
  const [isRegistrationOpen, setRegistrationOpen] = useState(true);
  useEffect(() => {
    if (settings.data) {
      setRequired(settings.data.staffSecondFactorRequired);
      setRegistrationOpen(settings.data.residentRegistration === 'open');
    }
  }, [settings.data]);
  const save = useMutation({
    mutationFn: () => api<SecuritySettings>(tenantPath(municipality, '/security-settings'), { method: 'PUT', body: { staffSecondFactorRequired: required, residentRegistration: isRegistrationOpen ? 'open' : 'invitation' } }),
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <section aria-labelledby="security-settings-heading" className="admin-panel">
      <Heading level={2} id="security-settings-heading">
        {t('admin.security.title')}
      </Heading>
      <Paragraph>{t('admin.security.intro')}</Paragraph>
      {save.isSuccess && (
        <SuccessAlert>{`${t(save.data.staffSecondFactorRequired ? 'admin.security.saved' : 'admin.security.savedOff')} ${t(save.data.residentRegistration === 'open' ? 'admin.security.registrationOpen' : 'admin.security.registrationClosed')}`}</SuccessAlert>
      )}
      <ProblemAlert error={save.error ?? settings.error} />
      <form className="app-form" onSubmit={submit} noValidate>
        <FormField
          type="checkbox"
          input={<Checkbox id="staff-second-factor" checked={required} disabled={!settings.data} onChange={(event) => setRequired((event.target as HTMLInputElement).checked)} />}
          label={
            <FormLabel htmlFor="staff-second-factor" type="checkbox">
              {t('admin.security.staffRequired')}
            </FormLabel>
          }
        />
        <FormField
          type="checkbox"
          input={<Checkbox id="resident-registration" checked={isRegistrationOpen} disabled={!settings.data} onChange={(event) => setRegistrationOpen((event.target as HTMLInputElement).checked)} />}
          label={
            <FormLabel htmlFor="resident-registration" type="checkbox">
              {t('admin.security.registration')}
            </FormLabel>
          }
        />
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={save.isPending} disabled={save.isPending || !settings.data}>
            {t('admin.security.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
