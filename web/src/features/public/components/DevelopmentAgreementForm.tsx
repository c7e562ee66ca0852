import { Button, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import type { Neighbourhood } from '../../../api/types.ts';
import { ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

/**
 * For the advisor and the programme manager of a development area: whether, and in what form, the wijktafel and
 * the wijkwerkoverleg take place here. Shown only when the server says this person may record it.
 */
export function DevelopmentAgreementForm({ municipality, slug, neighbourhood }: { municipality: string; slug: string; neighbourhood: Neighbourhood }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const current = neighbourhood.developmentAgreement;
  const [values, setValues] = useState({ decision: current?.decision ?? 'regular', form: current?.form ?? '', reason: current?.reason ?? '', agreedOn: current?.agreedOn ?? new Date().toISOString().slice(0, 10) });
  const set = (name: keyof typeof values) => (value: string) => setValues((previous) => ({ ...previous, [name]: value }));
  const save = useMutation({
    mutationFn: () => api<Neighbourhood>(tenantPath(municipality, `/neighbourhoods/${neighbourhood.id}/development-agreement`), { method: 'PUT', body: { ...values, version: neighbourhood.version } }),
    onSuccess: (saved) => queryClient.setQueryData(['neighbourhood', municipality, slug], saved),
  });
  const problem = save.error instanceof ApiProblem ? save.error : undefined;
  const error = (field: string) => problem?.fieldError(`body.${field}`);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <section aria-labelledby="agreement-form-heading">
      <Heading level={2} id="agreement-form-heading">
        {t('neighbourhood.agreementForm')}
      </Heading>
      <Paragraph>{t('neighbourhood.agreementFormIntro')}</Paragraph>
      {save.isSuccess && <SuccessAlert>{t('neighbourhood.agreementSaved')}</SuccessAlert>}
      <ProblemAlert error={save.error} fieldIds={{ 'body.decision': 'agreement-decision', 'body.form': 'agreement-form', 'body.reason': 'agreement-reason', 'body.agreedOn': 'agreement-agreedOn' }} />
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <SelectField
          id="agreement-decision"
          label={t('neighbourhood.agreementDecision')}
          value={values.decision}
          onChange={set('decision')}
          options={['regular', 'adapted', 'suspended'].map((decision) => ({ value: decision, label: t(`neighbourhood.agreementDecision.${decision}`) }))}
          error={error('decision')}
        />
        {values.decision === 'adapted' && <TextField id="agreement-form" label={t('neighbourhood.agreementFormLabel')} multiline value={values.form} onChange={set('form')} error={error('form')} required />}
        <TextField id="agreement-reason" label={t('neighbourhood.agreementReasonLabel')} multiline value={values.reason} onChange={set('reason')} error={error('reason')} required />
        <TextField id="agreement-agreedOn" type="date" label={t('neighbourhood.agreedOn')} value={values.agreedOn} onChange={set('agreedOn')} error={error('agreedOn')} required />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={save.isPending}>
            {t('neighbourhood.agreementSave')}
          </Button>
        </div>
      </form>
    </section>
  );
}
