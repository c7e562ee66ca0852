import { Heading, Link, Paragraph } from '@utrecht/component-library-react/css-module';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../../api/client.ts';
import { sessionKey, useSession } from '../../../api/session.ts';
import { SelectField } from '../../../components/SelectField.tsx';
import { RequestsSection } from '../../requests/components/RequestsSection.tsx';
import type { NeighbourhoodSummary } from '../../../api/types.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading, ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useCouncilsOf, useNeighbourhoods } from '../../public/queries.ts';

/**
 * A resident's home: their own requests with their state and next date, the public requests they follow, and
 * their neighbourhood (kept in their account, so forms start there on every device).
 */
export function ResidentHome({ municipality }: { municipality: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const session = useSession(municipality);
  const neighbourhoods = useNeighbourhoods(municipality);
  const homeId = session.data?.user.homeNeighbourhoodId ?? '';
  const chosen = neighbourhoods.data?.items.find((item) => item.id === homeId);
  const save = useMutation({
    mutationFn: (homeNeighbourhoodId: string) => api<{ homeNeighbourhoodId: string | null }>(tenantPath(municipality, '/me/home-neighbourhood'), { method: 'PUT', body: { homeNeighbourhoodId: homeNeighbourhoodId || null } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey(municipality) }),
  });
  return (
    <>
      <RequestsSection municipality={municipality} heading={t('home.resident.myRequests')} filter={{ mine: 'true' }} emptyText={t('home.resident.noRequests')} showSubmitLink />
      <RequestsSection municipality={municipality} heading={t('home.resident.followed')} filter={{ isFollowed: 'true' }} emptyText={t('home.resident.noFollowed')} />
      <section aria-labelledby="resident-home-heading">
        <Heading level={2} id="resident-home-heading">
          {t('home.resident.title')}
        </Heading>
        <ProblemAlert error={save.error} />
        {save.isSuccess && <SuccessAlert>{t(save.variables ? 'home.resident.saved' : 'home.resident.cleared')}</SuccessAlert>}
        <SelectField
          id="my-neighbourhood"
          label={t('home.resident.pick')}
          description={t('home.resident.pickDescription')}
          value={homeId}
          onChange={(value) => save.mutate(value)}
          options={[{ value: '', label: t('home.resident.none') }, ...(neighbourhoods.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))]}
        />
        {chosen && <MyNeighbourhood municipality={municipality} neighbourhood={chosen} />}
      </section>
    </>
  );
}

/** The chosen neighbourhood's public page and the council a resident can turn to. */
function MyNeighbourhood({ municipality, neighbourhood }: { municipality: string; neighbourhood: NeighbourhoodSummary }) {
  const { t } = useI18n();
  const councils = useCouncilsOf(municipality, neighbourhood.id);
  return (
    <div className="app-card">
      <Heading level={3}>
        <AppLink to={`/${municipality}/wijken/${neighbourhood.slug}`}>{t('home.resident.open', { name: neighbourhood.name })}</AppLink>
      </Heading>
      {councils.isPending && <Loading />}
      {councils.data?.items.length === 0 && <Paragraph>{t('home.resident.noCouncil')}</Paragraph>}
      {councils.data?.items.map((council) => (
        <Paragraph key={council.id}>
          {t('home.resident.council', { name: council.name })}
          {council.contactEmail && (
            <>
              {' '}
              <Link href={`mailto:${council.contactEmail}`}>{council.contactEmail}</Link>
            </>
          )}
          {council.website && (
            <>
              {' · '}
              <Link href={council.website}>{t('council.website')}</Link>
            </>
          )}
        </Paragraph>
      ))}
    </div>
  );
}
