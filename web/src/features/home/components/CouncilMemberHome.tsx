import { Button, DataList, DataListItem, DataListKey, DataListValue, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import type { Council } from '../../../api/types.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useNeighbourhoods } from '../../public/queries.ts';
import { RequestsSection } from '../../requests/components/RequestsSection.tsx';

export function CouncilMemberHome({ municipality, councilIds }: { municipality: string; councilIds: string[] }) {
  const { t } = useI18n();
  return (
    <>
      {councilIds.map((id) => (
        <div key={id}>
          <MyCouncil municipality={municipality} councilId={id} />
          <RequestsSection municipality={municipality} heading={t('home.council.requests')} filter={{ councilId: id }} emptyText={t('home.council.noRequests')} showSubmitLink />
        </div>
      ))}
    </>
  );
}

const contactFields = ['contactEmail', 'contactPhone', 'website', 'postalAddress'] as const;
type ContactField = (typeof contactFields)[number];
type ContactValues = Record<ContactField, string>;

const valuesOf = (council: Council): ContactValues => ({ contactEmail: council.contactEmail ?? '', contactPhone: council.contactPhone ?? '', website: council.website ?? '', postalAddress: council.postalAddress ?? '' });
const inputTypes: Record<ContactField, 'email' | 'tel' | 'url' | 'text'> = { contactEmail: 'email', contactPhone: 'tel', website: 'url', postalAddress: 'text' };

/** The council member keeps the council's contact details current; name, legal form and neighbourhood are the municipality's register. */
function MyCouncil({ municipality, councilId }: { municipality: string; councilId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const key = ['council', municipality, councilId];
  const council = useQuery({ queryKey: key, queryFn: () => api<Council>(tenantPath(municipality, `/councils/${councilId}`)) });
  const neighbourhoods = useNeighbourhoods(municipality);
  const [values, setValues] = useState<ContactValues>({ contactEmail: '', contactPhone: '', website: '', postalAddress: '' });
  useEffect(() => {
    if (council.data) setValues(valuesOf(council.data));
  }, [council.data]);
  const save = useMutation({
    mutationFn: () =>
      api<Council>(tenantPath(municipality, `/councils/${councilId}`), {
        method: 'PATCH',
        // The version read with the form: if someone saved in between, the API answers 409 instead of overwriting.
        body: { version: council.data?.version, ...Object.fromEntries(contactFields.map((field) => [field, values[field].trim() === '' ? null : values[field].trim()])) },
      }),
    onSuccess: (updated) => queryClient.setQueryData(key, updated),
  });
  const loadLatest = async () => {
    save.reset();
    const latest = await council.refetch();
    if (latest.data) setValues(valuesOf(latest.data));
  };
  if (!council.data) return null;
  const item = council.data;
  const slug = neighbourhoods.data?.items.find((neighbourhood) => neighbourhood.id === item.neighbourhood.id)?.slug;
  const problem = save.error instanceof ApiProblem ? save.error : undefined;
  const fieldIds = Object.fromEntries(contactFields.map((field) => [`body.${field}`, `council-${councilId}-${field}`]));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <section aria-labelledby={`council-${councilId}-heading`}>
      <Heading level={2} id={`council-${councilId}-heading`}>
        {t('home.council.title', { name: item.name })}
      </Heading>
      <DataList>
        <DataListItem>
          <DataListKey>{t('home.council.neighbourhoodLabel')}</DataListKey>
          <DataListValue>{slug ? <AppLink to={`/${municipality}/wijken/${slug}`}>{item.neighbourhood.name}</AppLink> : item.neighbourhood.name}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('field.legalForm')}</DataListKey>
          <DataListValue>{t(`legalForm.${item.legalForm}`)}</DataListValue>
        </DataListItem>
      </DataList>
      <Heading level={3}>{t('home.council.members')}</Heading>
      {item.members && item.members.length > 0 ? (
        <UnorderedList>
          {item.members.map((member) => (
            <UnorderedListItem key={member.userId}>{member.title ? `${member.displayName} (${member.title})` : member.displayName}</UnorderedListItem>
          ))}
        </UnorderedList>
      ) : (
        <Paragraph>{t('home.council.noMembers')}</Paragraph>
      )}
      <Heading level={3}>{t('home.council.contact')}</Heading>
      <Paragraph>{t('home.council.contactText')}</Paragraph>
      {save.isSuccess && <SuccessAlert>{t('home.council.saved')}</SuccessAlert>}
      <ProblemAlert error={save.error} fieldIds={fieldIds} />
      {problem?.code === 'VERSION_CONFLICT' && (
        <Paragraph>
          <Button appearance="secondary-action-button" onClick={loadLatest}>
            {t('home.loadLatest')}
          </Button>
        </Paragraph>
      )}
      <form className="app-form" onSubmit={onSubmit} noValidate>
        {contactFields.map((field) => (
          <TextField
            key={field}
            id={fieldIds[`body.${field}`]!}
            label={t(`council.field.${field}`)}
            type={inputTypes[field]}
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
