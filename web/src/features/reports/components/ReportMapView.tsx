import 'leaflet/dist/leaflet.css';
import type { FeatureCollection } from 'geojson';
import { useEffect, useRef } from 'react';
import type { MapSettings, ReportMap, ReportMapCluster, ReportMapPoint } from '../../../api/types.ts';
import { clusterButton, reportLink } from '../../reporting/components/map-markers.ts';
import { useReportLayerMap } from '../../reporting/components/use-report-layer-map.ts';
import type { MapBox } from '../../reporting/types.ts';

/** Reports in the back office's blue; overdue ones red with an exclamation mark, so colour is not the only sign. */
export const reportMapColours = { report: '#154273', overdue: '#c60c30', cluster: '#154273' } as const;

/** How long the map waits after panning or zooming stops before it asks for what lies in view. */

/**
 * The back-office queue on a map of the municipality: clusters (buttons that zoom in to their cell) or reports (links
 * to their page). It tells the page its view after each settled move; the page fetches and hands back what lies there.
 */
export function ReportMapView({
  boundaries,
  baseMap,
  data,
  onView,
  label,
  roleDescription,
  describedBy,
  describeCluster,
  describePoint,
  hrefOf,
  onOpen,
}: {
  boundaries: FeatureCollection | undefined;
  baseMap: MapSettings['baseMap'] | undefined;
  data: ReportMap | undefined;
  /** The view, and how many grid cells per side suit the map's size on screen. */
  onView(box: MapBox, cells: number): void;
  label: string;
  roleDescription: string;
  describedBy: string;
  describeCluster(cluster: ReportMapCluster): string;
  describePoint(point: ReportMapPoint): string;
  hrefOf(point: ReportMapPoint): string;
  onOpen(point: ReportMapPoint): void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const drawing = useReportLayerMap(container, { boundaries, tileUrl: baseMap?.tileUrl, label, roleDescription, describedBy, onView });
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;

  useEffect(() => {
    if (!drawing) return;
    const { map: current, reports: layer } = drawing;
    layer.clearLayers();
    if (!data) return;
    if (data.kind === 'clusters') {
      const largest = Math.max(1, ...data.clusters.map((cluster) => cluster.count));
      for (const cluster of data.clusters) {
        const { west, south, east, north } = cluster.bounds;
        clusterButton(current, [cluster.latitude, cluster.longitude], {
          count: cluster.count,
          label: describeCluster(cluster),
          diameter: Math.round(28 + 14 * Math.sqrt(cluster.count / largest)),
          colour: reportMapColours.cluster,
          // To the box around the cluster's reports: the closer view shows them apart.
          onZoom: () => current.fitBounds([[south, west], [north, east]], { maxZoom: 18 }),
        }).addTo(layer);
      }
      return;
    }
    for (const point of data.points) {
      reportLink([point.latitude, point.longitude], {
        href: hrefOf(point),
        label: describePoint(point),
        text: point.isOverdue ? '!' : '',
        colour: point.isOverdue ? reportMapColours.overdue : reportMapColours.report,
        onOpen: () => onOpenRef.current(point),
      }).addTo(layer);
    }
  }, [drawing, data, describeCluster, describePoint, hrefOf]);

  return <div ref={container} className="app-map app-map--reports" />;
}
