import { Button, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import type { Council } from '../../../api/types.ts';
import { ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { RequestsSection } from '../../requests/components/RequestsSection.tsx';

export function CouncilMemberHome({ municipality, councilIds }: { municipality: string; councilIds: string[] }) {
  return (
    <>
      {councilIds.map((id) => (
        <MyCouncil key={id} municipality={municipality} councilId={id} />
      ))}
    </>
  );
}

const contactFields = ['contactEmail', 'contactPhone', 'website', 'postalAddress'] as const;
type ContactField = (typeof contactFields)[number];

/** The council member keeps the council's contact details current; the rest is the municipality's register. */
function MyCouncil({ municipality, councilId }: { municipality: string; councilId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const key = ['council', municipality, councilId];
  const council = useQuery({ queryKey: key, queryFn: () => api<Council>(tenantPath(municipality, `/councils/${councilId}`)) });
  const [values, setValues] = useState<Record<ContactField, string>>({ contactEmail: '', contactPhone: '', website: '', postalAddress: '' });
  useEffect(() => {
    if (council.data) setValues({ contactEmail: council.data.contactEmail ?? '', contactPhone: council.data.contactPhone ?? '', website: council.data.website ?? '', postalAddress: council.data.postalAddress ?? '' });
  }, [council.data]);
  const save = useMutation({
    mutationFn: () =>
      api<Council>(tenantPath(municipality, `/councils/${councilId}`), {
        method: 'PATCH',
        body: { version: council.data?.version, ...Object.fromEntries(contactFields.map((field) => [field, values[field].trim() === '' ? null : values[field].trim()])) },
      }),
    onSuccess: (updated) => queryClient.setQueryData(key, updated),
  });
  if (!council.data) return null;
  const problem = save.error instanceof ApiProblem ? save.error : undefined;
  const fieldIds = Object.fromEntries(contactFields.map((field) => [`body.${field}`, `council-${field}`]));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <section aria-labelledby={`council-${councilId}-heading`}>
      <Heading level={2} id={`council-${councilId}-heading`}>
        {t('home.council.title', { name: council.data.name })}
      </Heading>
      <Paragraph>{t('home.council.neighbourhood', { name: council.data.neighbourhood.name })}</Paragraph>
      <Heading level={3}>{t('home.council.members')}</Heading>
      <UnorderedList>
        {council.data.members?.map((member) => (
          <UnorderedListItem key={member.userId}>{member.title ? `${member.displayName} (${member.title})` : member.displayName}</UnorderedListItem>
        ))}
      </UnorderedList>
      <RequestsSection municipality={municipality} heading={t('home.council.requests')} filter={{ councilId }} emptyText={t('home.council.noRequests')} showSubmitLink />
      <Heading level={3}>{t('home.council.contact')}</Heading>
      {save.isSuccess && <SuccessAlert>{t('home.council.saved')}</SuccessAlert>}
      <ProblemAlert error={save.error} fieldIds={fieldIds} />
      <form className="app-form" onSubmit={onSubmit} noValidate>
        {contactFields.map((field) => (
          <TextField
            key={field}
            id={`council-${field}`}
            label={t(`council.field.${field}`)}
            type={field === 'contactEmail' ? 'email' : field === 'website' ? 'url' : field === 'contactPhone' ? 'tel' : 'text'}
            value={values[field]}
            onChange={(value) => setValues((current) => ({ ...current, [field]: value }))}
            error={problem?.fieldError(`body.${field}`)}
          />
        ))}
        <div>
          <Button type="submit" appearance="primary-action-button" busy={save.isPending}>
            {t('home.council.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
