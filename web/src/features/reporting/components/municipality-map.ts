import type { FeatureCollection } from 'geojson';
import L from 'leaflet';

/**
 * A Leaflet map of the municipality for the reporting pages: the base map where one is configured, the
 * neighbourhood shapes (so the map makes sense without one), fitted to them, operable by keyboard, and named for
 * assistive technology. The caller adds what the page is about (a marker to place, reports to show).
 */
export function openMunicipalityMap(frame: HTMLElement, options: { boundaries: FeatureCollection | undefined; tileUrl: string | undefined; label: string; roleDescription: string; shade: number }) {
  const map = L.map(frame, { attributionControl: false, zoomControl: true, scrollWheelZoom: false, keyboard: true });
  if (options.tileUrl) L.tileLayer(options.tileUrl, { maxZoom: 19 }).addTo(map);
  const shapes =
    options.boundaries && options.boundaries.features.length > 0
      ? L.geoJSON(options.boundaries, { interactive: false, style: { color: '#154273', weight: 1, fillOpacity: options.tileUrl ? options.shade / 2.5 : options.shade } }).addTo(map)
      : undefined;
  if (shapes) map.fitBounds(shapes.getBounds(), { padding: [8, 8] });
  else map.setView([52.1, 5.3], 7);
  frame.setAttribute('role', 'application');
  frame.setAttribute('aria-label', options.label);
  frame.setAttribute('aria-roledescription', options.roleDescription);
  return map;
}
