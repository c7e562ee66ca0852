import { Button, Checkbox, Fieldset, FieldsetLegend, FormField, FormLabel, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import type { AdviceRequest, CouncilList, Department, Page } from '../../../api/types.ts';
import { ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

/** Staff ask one or more councils for advice; the councils' members are told at once. */
export function NewAdviceRequestPage() {
  const { municipality = '' } = useParams();
  const { t, nameOf } = useI18n();
  const navigate = useNavigate();
  const councils = useQuery({ queryKey: ['councils', municipality, 'all'], queryFn: () => api<CouncilList>(tenantPath(municipality, '/councils?pageSize=100')) });
  const departments = useQuery({ queryKey: ['departments', municipality], queryFn: () => api<Page<Department>>(tenantPath(municipality, '/departments')) });
  const [values, setValues] = useState({ title: '', question: '', dueOn: '', departmentId: '', isFormalInspraak: false, documentTitle: '', documentUrl: '' });
  const [councilIds, setCouncilIds] = useState<string[]>([]);
  const set = (name: keyof typeof values) => (value: string | boolean) => setValues((current) => ({ ...current, [name]: value }));
  const create = useMutation({
    mutationFn: () =>
      api<AdviceRequest>(tenantPath(municipality, '/advice-requests'), {
        method: 'POST',
        body: {
          title: values.title,
          question: values.question,
          dueOn: values.dueOn,
          isFormalInspraak: values.isFormalInspraak,
          councilIds,
          departmentId: values.departmentId || null,
          documents: values.documentUrl ? [{ title: values.documentTitle || values.documentUrl, url: values.documentUrl }] : [],
        },
      }),
    onSuccess: (created) => navigate(`/${municipality}/adviesaanvragen/${created.id}`),
  });
  const problem = create.error instanceof ApiProblem ? create.error : undefined;
  const error = (field: string) => problem?.fieldError(`body.${field}`);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const toggle = (id: string, isChecked: boolean) => setCouncilIds((current) => (isChecked ? [...current, id] : current.filter((candidate) => candidate !== id)));
  return (
    <>
      <PageTitle>{t('adviceRequest.new')}</PageTitle>
      <Paragraph>{t('adviceRequest.newIntro')}</Paragraph>
      <ProblemAlert error={create.error} fieldIds={{ 'body.title': 'advice-title', 'body.question': 'advice-question', 'body.dueOn': 'advice-dueOn', 'body.councilIds': 'advice-councils' }} />
      <form className="app-form" onSubmit={onSubmit} noValidate>
        <TextField id="advice-title" label={t('adviceRequest.title')} required value={values.title} onChange={set('title')} error={error('title')} />
        <TextField id="advice-question" label={t('adviceRequest.question')} description={t('adviceRequest.questionHint')} required multiline value={values.question} onChange={set('question')} error={error('question')} />
        <TextField id="advice-dueOn" type="date" label={t('adviceRequest.dueOn')} required value={values.dueOn} onChange={set('dueOn')} error={error('dueOn')} />
        <Fieldset id="advice-councils" invalid={Boolean(error('councilIds'))}>
          <FieldsetLegend>{t('adviceRequest.councils')} *</FieldsetLegend>
          {error('councilIds') && <Paragraph>{error('councilIds')}</Paragraph>}
          {(councils.data?.items ?? []).map((council) => (
            <FormField key={council.id} type="checkbox">
              <Paragraph>
                <Checkbox id={`advice-council-${council.id}`} checked={councilIds.includes(council.id)} onChange={(event) => toggle(council.id, (event.target as HTMLInputElement).checked)} />{' '}
                <FormLabel htmlFor={`advice-council-${council.id}`} type="checkbox">
                  {council.name}
                </FormLabel>
              </Paragraph>
            </FormField>
          ))}
        </Fieldset>
        <SelectField id="advice-departmentId" label={t('triage.department')} value={values.departmentId} onChange={set('departmentId')} options={[{ value: '', label: t('common.choose') }, ...(departments.data?.items ?? []).map((item) => ({ value: item.id, label: nameOf(item) }))]} />
        <TextField id="advice-documentTitle" label={t('adviceRequest.documentTitle')} value={values.documentTitle} onChange={set('documentTitle')} />
        <TextField id="advice-documentUrl" type="url" label={t('adviceRequest.documentUrl')} value={values.documentUrl} onChange={set('documentUrl')} error={error('documents.0.url')} />
        <FormField type="checkbox">
          <Paragraph>
            <Checkbox id="advice-isFormalInspraak" checked={values.isFormalInspraak} onChange={(event) => set('isFormalInspraak')((event.target as HTMLInputElement).checked)} />{' '}
            <FormLabel htmlFor="advice-isFormalInspraak" type="checkbox">
              {t('adviceRequest.isFormalInspraak')}
            </FormLabel>
          </Paragraph>
        </FormField>
        <div>
          <Button type="submit" appearance="primary-action-button" busy={create.isPending}>
            {t('adviceRequest.send')}
          </Button>
        </div>
      </form>
    </>
  );
}
