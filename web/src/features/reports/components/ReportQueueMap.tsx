import { Paragraph } from '@utrecht/component-library-react/css-module';
import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import { lazy, Suspense, useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import type { MapSettings, ReportMapCluster, ReportMapPoint } from '../../../api/types.ts';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MapBox } from '../../reporting/types.ts';
import { useReportMap } from '../queries.ts';

// Leaflet loads with the first map, not with the queue.
const ReportMapView = lazy(() => import('./ReportMapView.tsx').then((module) => ({ default: module.ReportMapView })));

/**
 * The queue's reports on the map, with the filters the queue has: clusters where many lie together, each report
 * (a link to its page) where few. The count in view is announced after each move.
 */
export function ReportQueueMap({ municipality, filter }: { municipality: string; filter: Record<string, string | undefined> }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [view, setView] = useState<{ box: MapBox; cells: number } | null>(null);
  const onView = useCallback((box: MapBox, cells: number) => setView({ box, cells }), []);
  const settings = useQuery({ queryKey: ['map-settings'], queryFn: () => api<MapSettings>('/map-settings'), staleTime: Number.POSITIVE_INFINITY, retry: 1 });
  const boundaries = useQuery({ queryKey: ['neighbourhood-boundaries', municipality], queryFn: () => api<FeatureCollection>(tenantPath(municipality, '/neighbourhood-boundaries')) });
  const reports = useReportMap(municipality, filter, view);
  const data = reports.data;

  const describeCluster = useCallback(
    (cluster: ReportMapCluster) =>
      cluster.count === 1 ? t(cluster.overdueCount > 0 ? 'reports.map.clusterLabelOneOverdue' : 'reports.map.clusterLabelOne') : t('reports.map.clusterLabel', { count: cluster.count, overdue: cluster.overdueCount }),
    [t],
  );
  const describePoint = useCallback(
    (point: ReportMapPoint) =>
      t(point.isOverdue ? 'reports.map.pointLabelOverdue' : 'reports.map.pointLabel', {
        reference: point.reference,
        category: point.categoryName,
        address: point.address || t('reports.map.noAddress'),
        status: t(`reportStatus.${point.status}`),
      }),
    [t],
  );
  const hrefOf = useCallback((point: ReportMapPoint) => `/${municipality}/meldingen/${point.id}`, [municipality]);
  const onOpen = useCallback((point: ReportMapPoint) => navigate(`/${municipality}/meldingen/${point.id}`), [navigate, municipality]);

  return (
    <>
      <div className="app-map-legend">
        <span>
          <span className="app-report-dot app-report-dot--report" aria-hidden="true" /> {t('reports.map.legendPoint')}
        </span>
        <span>
          <span className="app-report-dot app-report-dot--overdue" aria-hidden="true">
            !
          </span>{' '}
          {t('reports.map.legendOverdue')}
        </span>
        <span>
          <span className="app-report-dot app-report-dot--cluster app-report-dot--staff" aria-hidden="true">
            12
          </span>{' '}
          {t('reports.map.legendCluster')}
        </span>
      </div>
      <Paragraph id="report-queue-map-help" className="app-map-caption">
        {t('reports.map.help')}
      </Paragraph>
      {boundaries.isPending ? (
        <Loading />
      ) : (
        <Suspense fallback={<Loading />}>
          <ReportMapView
            boundaries={boundaries.data}
            baseMap={settings.data?.baseMap}
            data={data}
            onView={onView}
            label={t('reports.map.label')}
            roleDescription={t('reports.map.roleDescription')}
            describedBy="report-queue-map-help"
            describeCluster={describeCluster}
            describePoint={describePoint}
            hrefOf={hrefOf}
            onOpen={onOpen}
          />
        </Suspense>
      )}
      <ProblemAlert error={reports.error} />
      <Paragraph role="status" aria-live="polite">
        {data ? (data.total === 0 ? t('reports.map.inViewNone') : t('reports.map.inView', { count: data.total })) : ''}
      </Paragraph>
    </>
  );
}
