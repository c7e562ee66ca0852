import { Button, Heading } from '@utrecht/component-library-react/css-module';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import type { AccessibilityStatement } from '../../../api/types.ts';
import { ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

const statuses = ['full', 'partial', 'firstMeasures', 'none'] as const;

/** For administrators: the municipality's own part of the statement (status, date, contact, known issues). */
export function AccessibilityStatementForm({ municipality, statement }: { municipality: string; statement: AccessibilityStatement }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    status: statement.status,
    adoptedOn: statement.adoptedOn ?? '',
    contactEmail: statement.contactEmail ?? '',
    contactPhone: statement.contactPhone ?? '',
    responseWorkingDays: String(statement.responseWorkingDays),
    knownIssues: statement.knownIssues ?? '',
  });
  const set = (name: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [name]: value }));
  const save = useMutation({
    mutationFn: () =>
      api<AccessibilityStatement>(tenantPath(municipality, '/accessibility-statement'), {
        method: 'PUT',
        body: {
          status: values.status,
          adoptedOn: values.adoptedOn || null,
          contactEmail: values.contactEmail || null,
          contactPhone: values.contactPhone || null,
          responseWorkingDays: Number(values.responseWorkingDays),
          knownIssues: values.knownIssues || null,
        },
      }),
    onSuccess: (saved) => queryClient.setQueryData(['accessibility-statement', municipality], saved),
  });
  const problem = save.error instanceof ApiProblem ? save.error : undefined;
  const error = (field: string) => problem?.fieldError(`body.${field}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const ids = Object.fromEntries(Object.keys(values).map((name) => [`body.${name}`, `accessibility-${name}`]));
  return (
    <section aria-labelledby="accessibility-edit" className="admin-panel">
      <Heading level={2} id="accessibility-edit">
        {t('accessibility.editTitle')}
      </Heading>
      {save.isSuccess && <SuccessAlert>{t('accessibility.saved')}</SuccessAlert>}
      <ProblemAlert error={save.error} fieldIds={ids} />
      <form className="app-form" onSubmit={submit} noValidate>
        <SelectField id="accessibility-status" label={t('accessibility.statusField')} value={values.status} onChange={set('status')} options={statuses.map((status) => ({ value: status, label: t(`accessibility.statusOption.${status}`) }))} error={error('status')} />
        <TextField id="accessibility-adoptedOn" label={t('accessibility.dateField')} type="date" value={values.adoptedOn} onChange={set('adoptedOn')} error={error('adoptedOn')} />
        <TextField id="accessibility-contactEmail" label={t('accessibility.email')} type="email" value={values.contactEmail} onChange={set('contactEmail')} error={error('contactEmail')} />
        <TextField id="accessibility-contactPhone" label={t('accessibility.phone')} type="tel" value={values.contactPhone} onChange={set('contactPhone')} error={error('contactPhone')} />
        <TextField id="accessibility-responseWorkingDays" label={t('accessibility.daysField')} inputMode="numeric" value={values.responseWorkingDays} onChange={set('responseWorkingDays')} error={error('responseWorkingDays')} />
        <TextField id="accessibility-knownIssues" label={t('accessibility.issuesTitle')} multiline value={values.knownIssues} onChange={set('knownIssues')} error={error('knownIssues')} />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={save.isPending} disabled={save.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
