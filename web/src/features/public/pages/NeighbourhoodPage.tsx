import { DataList, DataListItem, DataListKey, DataListValue, Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import type { FeatureCollection } from 'geojson';
import { useCallback, useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import { BoundaryMap } from '../../../components/BoundaryMap.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { CalendarDate } from '../../../components/CalendarDate.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AskCallToAction } from '../../requests/components/AskCallToAction.tsx';
import { RequestsSection } from '../../requests/components/RequestsSection.tsx';
import { NeighbourhoodFollowUps } from '../../meetings/components/NeighbourhoodFollowUps.tsx';
import { UpcomingMeetings } from '../../meetings/components/UpcomingMeetings.tsx';
import { NeighbourhoodReports } from '../../reporting/components/NeighbourhoodReports.tsx';
import { DevelopmentAgreementForm } from '../components/DevelopmentAgreementForm.tsx';
import { PublicActionPlan } from '../components/PublicActionPlan.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { useBoundaries, useCouncilsOf, useNeighbourhoodBySlug } from '../queries.ts';

/** The public page of one neighbourhood: what it is, its buurten, its council and how to reach it. */
export function NeighbourhoodPage() {
  const { municipality = '', slug = '' } = useParams();
  const { t } = useI18n();
  const neighbourhood = useNeighbourhoodBySlug(municipality, slug);
  const councils = useCouncilsOf(municipality, neighbourhood.data?.id);
  // The same map as on the home page (often still in memory from there), centred on this wijk among its neighbours.
  const allBoundaries = useBoundaries(municipality);
  const boundaries = useMemo<FeatureCollection | undefined>(() => {
    const item = neighbourhood.data;
    if (!item?.boundary) return undefined;
    if (allBoundaries.data?.features.some((feature) => feature.properties?.slug === item.slug)) return allBoundaries.data;
    return { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: item.boundary as never, properties: { name: item.name, slug: item.slug, isBoundaryOfficial: item.isBoundaryOfficial } }] };
  }, [neighbourhood.data, allBoundaries.data]);
  const navigate = useNavigate();
  const openNeighbourhood = useCallback((other: string) => navigate(`/${municipality}/wijken/${other}`), [municipality, navigate]);

  if (neighbourhood.isPending) return <Loading />;
  if (neighbourhood.error) return <ProblemAlert error={neighbourhood.error} />;
  const item = neighbourhood.data;
  if (!item) return <NotFoundPage />;

  return (
    <>
      <PageTitle>{item.name}</PageTitle>
      <AskCallToAction municipality={municipality} neighbourhood={item} />
      {item.isDevelopmentArea && (
        <Paragraph>
          <span className="app-badge">{t('neighbourhood.developmentArea')}</span> {t('neighbourhood.developmentAreaExplained')}
        </Paragraph>
      )}
      {item.developmentAgreement && (
        <section aria-labelledby="agreement-heading" className="app-card">
          <Heading level={2} id="agreement-heading">
            {t('neighbourhood.agreement')}
          </Heading>
          <Paragraph>
            {t(`neighbourhood.agreementDecision.${item.developmentAgreement.decision}`)} {item.developmentAgreement.decision === 'adapted' && item.developmentAgreement.form}
          </Paragraph>
          <Paragraph>{t('neighbourhood.agreementReason', { reason: item.developmentAgreement.reason })}</Paragraph>
          <Paragraph>
            {t('neighbourhood.agreedOn')}: <CalendarDate value={item.developmentAgreement.agreedOn} />
          </Paragraph>
        </section>
      )}
      {item.description && <Paragraph lead>{item.description}</Paragraph>}
      {item.allowedActions.includes('recordDevelopmentAgreement') && <DevelopmentAgreementForm municipality={municipality} slug={slug} neighbourhood={item} />}
      <div className="app-columns">
        <div>
          <Heading level={2}>{t('neighbourhood.facts')}</Heading>
          <DataList>
            {item.cbsCode && (
              <DataListItem>
                <DataListKey>{t('neighbourhood.cbsCodeLabel')}</DataListKey>
                <DataListValue value={item.cbsCode}>{item.cbsCode}</DataListValue>
              </DataListItem>
            )}
            {item.programmeManager && (
              <DataListItem>
                <DataListKey>{t('neighbourhood.programmeManager')}</DataListKey>
                <DataListValue value={item.programmeManager.displayName}>{item.programmeManager.displayName}</DataListValue>
              </DataListItem>
            )}
          </DataList>
          <Heading level={2}>{t('neighbourhood.areas')}</Heading>
          {item.areas.length === 0 ? (
            <Paragraph>{t('neighbourhood.noAreas')}</Paragraph>
          ) : (
            <UnorderedList>
              {item.areas.map((area) => (
                <UnorderedListItem key={area.id}>{area.cbsCode ? `${area.name} (${area.cbsCode})` : area.name}</UnorderedListItem>
              ))}
            </UnorderedList>
          )}
          <Heading level={2}>{t('neighbourhood.council')}</Heading>
          {councils.isPending && <Loading />}
          {councils.data?.items.length === 0 && <Paragraph>{t('neighbourhood.noCouncil')}</Paragraph>}
          {councils.data?.items.map((council) => (
            <div key={council.id} className="app-card">
              <Heading level={3}>{council.name}</Heading>
              {council.contactEmail && (
                <Paragraph>
                  {t('council.email')}: <a href={`mailto:${council.contactEmail}`}>{council.contactEmail}</a>
                </Paragraph>
              )}
              {council.website && (
                <Paragraph>
                  {t('council.website')}: <a href={council.website}>{council.website}</a>
                </Paragraph>
              )}
            </div>
          ))}
        </div>
        <div>
          <RequestsSection municipality={municipality} heading={t('neighbourhood.requests')} filter={{ neighbourhoodId: item.id }} emptyText={t('neighbourhood.noRequests')} />
          <UpcomingMeetings municipality={municipality} neighbourhoodId={item.id} />
          <NeighbourhoodFollowUps municipality={municipality} neighbourhoodId={item.id} />
          <NeighbourhoodReports municipality={municipality} neighbourhoodId={item.id} />
          <Heading level={2}>{t('neighbourhood.map')}</Heading>
          {!boundaries ? (
            <Paragraph>{t('neighbourhood.noBoundary')}</Paragraph>
          ) : allBoundaries.isPending ? (
            <Loading />
          ) : (
            <BoundaryMap boundaries={boundaries} label={t('neighbourhood.mapLabel', { name: item.name })} highlightSlug={item.slug} onSelect={openNeighbourhood} />
          )}
        </div>
      </div>
      <PublicActionPlan municipality={municipality} neighbourhoodId={item.id} />
    </>
  );
}
