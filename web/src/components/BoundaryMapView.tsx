import 'leaflet/dist/leaflet.css';
import type { FeatureCollection } from 'geojson';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * Neighbourhood boundaries on a map. Without a tile server configured the shapes stand on a plain
 * background — the map is a visual aid; every shape is also a link in the list beside it.
 */
export function BoundaryMapView({ boundaries, label, onSelect, highlightSlug }: { boundaries: FeatureCollection; label: string; onSelect?(slug: string): void; highlightSlug?: string }) {
  const container = useRef<HTMLDivElement>(null);
  const { t } = useI18n();
  useEffect(() => {
    if (!container.current || boundaries.features.length === 0) return;
    // No zoom buttons: the map is one image to assistive technology (the list beside it holds the same links), so it must contain nothing focusable.
    const map = L.map(container.current, { attributionControl: false, scrollWheelZoom: false, keyboard: false, zoomControl: false });
    const layer = L.geoJSON(boundaries, {
      style: (feature) => ({
        color: '#0b3d6b',
        weight: 2,
        fillColor: feature?.properties?.slug === highlightSlug ? '#e17000' : '#4a90c2',
        fillOpacity: feature?.properties?.slug === highlightSlug ? 0.45 : 0.25,
      }),
      onEachFeature: (feature, featureLayer) => {
        featureLayer.bindTooltip(String(feature.properties?.name ?? ''), { sticky: true });
        if (onSelect) featureLayer.on('click', () => onSelect(String(feature.properties?.slug)));
      },
    }).addTo(map);
    map.fitBounds(layer.getBounds(), { padding: [12, 12] });
    return () => {
      map.remove();
    };
  }, [boundaries, onSelect, highlightSlug]);
  const schematic = boundaries.features.some((feature) => feature.properties?.isBoundaryOfficial === false);
  return (
    <figure className="app-map-figure">
      <div ref={container} className="app-map" role="img" aria-label={label} />
      {schematic && <figcaption className="app-map-caption">{t('map.schematic')}</figcaption>}
    </figure>
  );
}
