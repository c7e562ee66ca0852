import { Button, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import type { Neighbourhood } from '../../../api/types.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { RequestsSection } from '../../requests/components/RequestsSection.tsx';

/** An advisor's neighbourhoods, each with its public description that the advisor keeps current, then their inbox. */
export function AdvisorHome({ municipality, neighbourhoodIds }: { municipality: string; neighbourhoodIds: string[] }) {
  const { t } = useI18n();
  return (
    <>
      <section aria-labelledby="advisor-home-heading">
        <Heading level={2} id="advisor-home-heading">
          {t('home.advisor.title', { count: neighbourhoodIds.length })}
        </Heading>
        <ul className="app-grid">
          {neighbourhoodIds.map((id) => (
            <li key={id} className="app-card">
              <NeighbourhoodDescription municipality={municipality} neighbourhoodId={id} />
            </li>
          ))}
        </ul>
        <Paragraph>
          <AppLink to={`/${municipality}/reactiesnelheid`}>{t('insights.homeLink')}</AppLink>
        </Paragraph>
      </section>
      <RequestsSection
        municipality={municipality}
        heading={t('home.advisor.inbox')}
        filter={{ mine: 'true', isOpen: 'true', sort: 'deadline' }}
        emptyText={t('home.advisor.inboxEmpty')}
        isExportable
      />
    </>
  );
}

function NeighbourhoodDescription({ municipality, neighbourhoodId }: { municipality: string; neighbourhoodId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const key = ['neighbourhood-by-id', municipality, neighbourhoodId];
  const neighbourhood = useQuery({ queryKey: key, queryFn: () => api<Neighbourhood>(tenantPath(municipality, `/neighbourhoods/${neighbourhoodId}`)) });
  const [description, setDescription] = useState('');
  const [isEditing, setIsEditing] = useState(false);
  useEffect(() => {
    if (neighbourhood.data) setDescription(neighbourhood.data.description);
  }, [neighbourhood.data]);
  const save = useMutation({
    // The version read with the form: a description someone else saved in between is not overwritten (409).
    mutationFn: () => api<Neighbourhood>(tenantPath(municipality, `/neighbourhoods/${neighbourhoodId}`), { method: 'PATCH', body: { version: neighbourhood.data?.version, description } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(key, updated);
      setIsEditing(false);
    },
  });
  if (!neighbourhood.data) return null;
  const item = neighbourhood.data;
  const fieldId = `description-${item.id}`;
  const problem = save.error instanceof ApiProblem ? save.error : undefined;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const loadLatest = async () => {
    save.reset();
    const latest = await neighbourhood.refetch();
    if (latest.data) setDescription(latest.data.description);
  };
  const stopEditing = () => {
    save.reset();
    setDescription(item.description);
    setIsEditing(false);
  };
  return (
    <>
      <Heading level={3}>
        <AppLink to={`/${municipality}/wijken/${item.slug}`}>{item.name}</AppLink>
      </Heading>
      {save.isSuccess && !isEditing && <SuccessAlert>{t('home.advisor.saved')}</SuccessAlert>}
      {isEditing ? (
        <form onSubmit={onSubmit} className="app-form" noValidate>
          <ProblemAlert error={save.error} fieldIds={{ 'body.description': fieldId }} />
          {problem?.code === 'VERSION_CONFLICT' && (
            <div>
              <Button type="button" appearance="secondary-action-button" onClick={loadLatest}>
                {t('home.loadLatest')}
              </Button>
            </div>
          )}
          <TextField id={fieldId} label={t('home.advisor.description')} value={description} onChange={setDescription} multiline error={problem?.fieldError('body.description')} />
          <div className="app-actions">
            <Button type="submit" appearance="primary-action-button" busy={save.isPending}>
              {t('common.save')}
            </Button>
            <Button type="button" appearance="secondary-action-button" onClick={stopEditing}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <>
          <Paragraph>{item.description || t('home.advisor.noDescription')}</Paragraph>
          <Button appearance="secondary-action-button" onClick={() => setIsEditing(true)}>
            {t('home.advisor.edit', { name: item.name })}
          </Button>
        </>
      )}
    </>
  );
}
