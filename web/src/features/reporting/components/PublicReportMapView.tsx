import 'leaflet/dist/leaflet.css';
import type { FeatureCollection } from 'geojson';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { MapSettings } from '../../../api/types.ts';
import type { MapBox, PublicReportMap } from '../types.ts';
import { clusterButton } from './map-markers.ts';
import { useReportLayerMap } from './use-report-layer-map.ts';

/** Open and dealt-with reports in two colours that differ in lightness too (for colour-blind eyes), with a white ring. */
export const reportColours = { open: '#c60c30', dealtWith: '#0b6e3b' } as const;

/** How long the map waits after panning or zooming stops before it asks for what lies in view. */

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * The public map of reports: the municipality's neighbourhoods, and the reports in view as points (coloured open or
 * dealt with) or, zoomed out, as clusters with their count. It tells the page its view after each settled move; the
 * page fetches and hands back what lies there. The list below the map holds the same reports for whoever cannot
 * use a map.
 */
export function PublicReportMapView({
  boundaries,
  baseMap,
  data,
  onView,
  label,
  roleDescription,
  describedBy,
  describePoint,
  describeCluster,
}: {
  boundaries: FeatureCollection | undefined;
  baseMap: MapSettings['baseMap'] | undefined;
  data: PublicReportMap | undefined;
  /** The view, and how many grid cells per side suit the map's size on screen. */
  onView(box: MapBox, cells: number): void;
  label: string;
  roleDescription: string;
  describedBy: string;
  describePoint(point: PublicReportMap['points'][number]): { title: string; lines: string[] };
  /** The name of a cluster's button: its count, how many are open, and that it zooms in. */
  describeCluster(cluster: PublicReportMap['clusters'][number]): string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const drawing = useReportLayerMap(container, { boundaries, tileUrl: baseMap?.tileUrl, label, roleDescription, describedBy, onView });

  useEffect(() => {
    if (!drawing) return;
    const { map: current, reports: layer } = drawing;
    layer.clearLayers();
    if (!data) return;
    if (data.kind === 'clusters') {
      const largest = Math.max(1, ...data.clusters.map((cluster) => cluster.count));
      for (const cluster of data.clusters) {
        const position: L.LatLngExpression = [cluster.latitude, cluster.longitude];
        const radius = 14 + 12 * Math.sqrt(cluster.count / largest);
        const mostlyOpen = cluster.openCount * 2 >= cluster.count;
        // A button with its count: Tab reaches it, Enter or a click zooms in.
        clusterButton(current, position, {
          count: cluster.count,
          label: describeCluster(cluster),
          diameter: Math.round(2 * radius),
          colour: mostlyOpen ? reportColours.open : reportColours.dealtWith,
          onZoom: () => current.setView(position, current.getZoom() + 2),
        }).addTo(layer);
      }
      return;
    }
    for (const point of data.points) {
      const { title, lines } = describePoint(point);
      L.circleMarker([point.latitude, point.longitude], { radius: 8, color: '#ffffff', weight: 2, fillColor: point.isOpen ? reportColours.open : reportColours.dealtWith, fillOpacity: 1 })
        .bindPopup(`<strong>${escapeHtml(title)}</strong><br>${lines.map(escapeHtml).join('<br>')}${point.photoUrl ? `<br><img src="${escapeHtml(point.photoUrl)}" alt="" class="app-map-popup-photo">` : ''}`)
        .addTo(layer);
    }
  }, [drawing, data, describePoint, describeCluster]);

  return <div ref={container} className="app-map app-map--reports" />;
}
