import { Button, Fieldset, FieldsetLegend, FormField, FormLabel, Heading, Paragraph, RadioButton } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { api, tenantPath } from '../../../api/client.ts';
import { ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

type Preferences = { wantsEmailCopies: boolean; wantsDailyDigest: boolean; locale: 'nl' | 'en' };

/** How a person hears of news: in the app always; by e-mail per message, once a day, or not at all. */
export function NotificationPreferences({ municipality }: { municipality: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const key = ['notification-preferences', municipality];
  const stored = useQuery({ queryKey: key, queryFn: () => api<Preferences>(tenantPath(municipality, '/notification-preferences')) });
  const [choice, setChoice] = useState<'each' | 'digest' | 'none'>('each');
  const [locale, setLocale] = useState<'nl' | 'en'>('nl');
  useEffect(() => {
    if (stored.data) setChoice(!stored.data.wantsEmailCopies ? 'none' : stored.data.wantsDailyDigest ? 'digest' : 'each');
    if (stored.data) setLocale(stored.data.locale);
  }, [stored.data]);
  const save = useMutation({
    mutationFn: () => api<Preferences>(tenantPath(municipality, '/notification-preferences'), { method: 'PUT', body: { wantsEmailCopies: choice !== 'none', wantsDailyDigest: choice === 'digest', locale } }),
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  if (!stored.data) return stored.error ? <ProblemAlert error={stored.error} /> : null;
  return (
    <section aria-labelledby="preferences-heading">
      <Heading level={2} id="preferences-heading">
        {t('preferences.title')}
      </Heading>
      <Paragraph>{t('preferences.intro')}</Paragraph>
      {save.isSuccess && <SuccessAlert>{t('preferences.saved')}</SuccessAlert>}
      <ProblemAlert error={save.error} />
      <form className="app-form" onSubmit={onSubmit}>
        <Fieldset>
          <FieldsetLegend>{t('preferences.legend')}</FieldsetLegend>
          {(['each', 'digest', 'none'] as const).map((option) => (
            <FormField key={option} type="radio">
              <Paragraph>
                <RadioButton id={`preferences-${option}`} name="preferences" checked={choice === option} onChange={() => setChoice(option)} />{' '}
                <FormLabel htmlFor={`preferences-${option}`} type="radio">
                  {t(`preferences.${option}`)}
                </FormLabel>
              </Paragraph>
            </FormField>
          ))}
        </Fieldset>
        <SelectField
          id="preferences-locale"
          label={t('preferences.locale')}
          value={locale}
          onChange={(value) => setLocale(value === 'en' ? 'en' : 'nl')}
          options={[
            { value: 'nl', label: 'Nederlands' },
            { value: 'en', label: 'English' },
          ]}
        />
        <div>
          <Button type="submit" appearance="secondary-action-button" busy={save.isPending}>
            {t('preferences.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
