import { Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { forgetSession } from '../../../api/session.ts';
import { useLocation, useNavigate, useParams } from 'react-router';
import { AppLink } from '../../../components/AppLink.tsx';
import { BoundaryMap } from '../../../components/BoundaryMap.tsx';
import { Loading, ProblemAlert, SuccessAlert } from '../../../components/Feedback.tsx';
import { AskCallToAction } from '../../requests/components/AskCallToAction.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useBoundaries, useMunicipality, useNeighbourhoods } from '../queries.ts';

/** The public home of a municipality: its neighbourhoods on a map and as a list. */
export function MunicipalityHomePage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  // A message handed over by the page that sent the person here (e.g. after deleting their account).
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const queryClient = useQueryClient();
  useEffect(() => {
    // Arrived here after deleting one's own account: the session no longer exists on the server.
    if (notice === 'accountDeleted') forgetSession(queryClient, municipality);
  }, [notice, queryClient, municipality]);
  const tenant = useMunicipality(municipality);
  const neighbourhoods = useNeighbourhoods(municipality);
  const boundaries = useBoundaries(municipality);
  const openNeighbourhood = useCallback((slug: string) => navigate(`/${municipality}/wijken/${slug}`), [municipality, navigate]);

  if (tenant.error) return <ProblemAlert error={tenant.error} />;
  const name = tenant.data?.name ?? municipality;
  return (
    <>
      <PageTitle>{t('home.title', { municipality: name })}</PageTitle>
      {notice === 'accountDeleted' && <SuccessAlert>{t('home.accountDeleted')}</SuccessAlert>}
      <Paragraph lead>{t('home.intro', { municipality: name })}</Paragraph>
      <AskCallToAction municipality={municipality} />
      <div className="app-columns">
        <section aria-labelledby="neighbourhood-list-heading">
          <Heading level={2} id="neighbourhood-list-heading">
            {t('home.neighbourhoods', { count: neighbourhoods.data?.total ?? 0 })}
          </Heading>
          {neighbourhoods.isPending && <Loading />}
          <ProblemAlert error={neighbourhoods.error} />
          <ul className="app-grid">
            {neighbourhoods.data?.items.map((item) => (
              <li key={item.id} className="app-card">
                <Heading level={3}>
                  <AppLink to={`/${municipality}/wijken/${item.slug}`}>{item.name}</AppLink>
                </Heading>
                {item.cbsCode && <Paragraph small>{t('neighbourhood.cbsCode', { code: item.cbsCode })}</Paragraph>}
                {item.isDevelopmentArea && <span className="app-badge">{t('neighbourhood.developmentArea')}</span>}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="map-heading">
          <Heading level={2} id="map-heading">
            {t('home.map')}
          </Heading>
          {boundaries.data && <BoundaryMap boundaries={boundaries.data} label={t('home.mapLabel', { municipality: name })} onSelect={openNeighbourhood} />}
        </section>
      </div>
    </>
  );
}
