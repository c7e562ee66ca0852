import { Paragraph } from '@utrecht/component-library-react/css-module';
import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import { lazy, Suspense, useCallback, useState } from 'react';
import { useParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import type { MapSettings } from '../../../api/types.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ChoiceList } from '../components/ChoiceList.tsx';
import { describePublicReport, PublicReportsList } from '../components/PublicReportsList.tsx';
import { usePublicReportMap } from '../queries.ts';
import type { MapBox, PublicReportCluster, PublicReportPoint, PublicReportShow } from '../types.ts';

// Leaflet loads with the first map, not with the app.
const PublicReportMapView = lazy(() => import('../components/PublicReportMapView.tsx').then((module) => ({ default: module.PublicReportMapView })));

/**
 * Reports in public space on a map of the municipality, with a filter (open, recently dealt with, all) and the same
 * reports as a list below it. What a resident sees here is what anyone may see: no names, no contact details.
 */
export function PublicReportMapPage() {
  const { municipality = '' } = useParams();
  const { t, language } = useI18n();
  const [show, setShow] = useState<PublicReportShow>('open');
  const [view, setView] = useState<{ box: MapBox; cells: number } | null>(null);
  const onView = useCallback((box: MapBox, cells: number) => setView({ box, cells }), []);
  const settings = useQuery({ queryKey: ['map-settings'], queryFn: () => api<MapSettings>('/map-settings'), staleTime: Number.POSITIVE_INFINITY, retry: 1 });
  const boundaries = useQuery({ queryKey: ['neighbourhood-boundaries', municipality], queryFn: () => api<FeatureCollection>(tenantPath(municipality, '/neighbourhood-boundaries')) });
  const reports = usePublicReportMap(municipality, view, show);
  const describePoint = useCallback((point: PublicReportPoint) => describePublicReport(point, t, language), [t, language]);
  const describeCluster = useCallback((cluster: PublicReportCluster) => (cluster.count === 1 ? t('reporting.map.clusterLabelOne') : t('reporting.map.clusterLabel', { count: cluster.count, open: cluster.openCount })), [t]);
  const data = reports.data;

  return (
    <>
      <PageTitle>{t('reporting.map.title')}</PageTitle>
      <Paragraph>{t('reporting.map.intro')}</Paragraph>
      <Paragraph>
        <AppLink to={`/${municipality}/meldingen/nieuw`}>{t('reporting.map.report')}</AppLink>
      </Paragraph>
      <ChoiceList
        id="report-map-show"
        legend={t('reporting.map.show')}
        value={show}
        onChange={(value) => setShow(value as PublicReportShow)}
        options={[
          { value: 'open', label: t('reporting.map.showOpen') },
          { value: 'recent', label: t('reporting.map.showRecent') },
          { value: 'all', label: t('reporting.map.showAll') },
        ]}
      />
      <div className="app-map-legend">
        <span>
          <span className="app-report-dot app-report-dot--open" aria-hidden="true" /> {t('reporting.map.legendOpen')}
        </span>
        <span>
          <span className="app-report-dot app-report-dot--done" aria-hidden="true" /> {t('reporting.map.legendDone')}
        </span>
        <span>
          <span className="app-report-dot app-report-dot--cluster" aria-hidden="true">12</span> {t('reporting.map.legendCluster')}
        </span>
      </div>
      <Paragraph id="report-map-help" className="app-map-caption">
        {t('reporting.map.help')}
      </Paragraph>
      {boundaries.isPending ? (
        <Loading />
      ) : (
        <Suspense fallback={<Loading />}>
          <PublicReportMapView boundaries={boundaries.data} baseMap={settings.data?.baseMap} data={data} onView={onView} label={t('reporting.map.mapLabel')} roleDescription={t('reporting.map.roleDescription')} describedBy="report-map-help" describePoint={describePoint} describeCluster={describeCluster} />
        </Suspense>
      )}
      {reports.error && <ProblemAlert error={reports.error} />}
      <Paragraph role="status" aria-live="polite">
        {data ? (data.total === 0 ? t('reporting.map.inViewNone') : t('reporting.map.inView', { count: data.total })) : ''}
      </Paragraph>
      <PublicReportsList municipality={municipality} show={show} heading={t('reporting.list.title')} />
    </>
  );
}
