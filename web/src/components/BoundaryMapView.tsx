import 'leaflet/dist/leaflet.css';
import type { Feature, FeatureCollection } from 'geojson';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { MapSettings } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** A wijk's name on the map, and what it takes to decide whether it fits. */
interface NameLabel {
  shape: L.Polygon;
  name: string;
  element: HTMLElement;
  /** Labels are placed in this order; a later one that would overlap an earlier one is left out. */
  priority: number;
}

/** Room between two names, in pixels, so that they do not read as one. */
const labelGap = 4;

/**
 * Shows the names that fit: the highlighted wijk's first, then larger wijken before smaller ones (and, between
 * wijken alike, shorter names first, so that more fit). A name that would overlap one already shown, or stick out
 * of the map, is hidden, and its wijk tells its name on hover instead. Runs again whenever the view or the frame
 * changes.
 */
function showNamesThatFit(labels: NameLabel[], frame: DOMRect) {
  for (const label of labels) label.element.classList.remove('app-map-label--hidden');
  const measured = labels.map((label) => ({ label, box: (label.element.firstElementChild ?? label.element).getBoundingClientRect() }));
  measured.sort((first, second) => second.label.priority - first.label.priority || first.box.width - second.box.width);
  const placed: DOMRect[] = [];
  for (const { label, box } of measured) {
    const isInside = box.left >= frame.left && box.right <= frame.right && box.top >= frame.top && box.bottom <= frame.bottom;
    const overlaps = placed.some((other) => box.left < other.right + labelGap && other.left < box.right + labelGap && box.top < other.bottom + labelGap && other.top < box.bottom + labelGap);
    if (overlaps || (!isInside && label.priority !== Number.POSITIVE_INFINITY)) {
      label.element.classList.add('app-map-label--hidden');
      if (!label.shape.getTooltip()) label.shape.bindTooltip(label.name, { sticky: true });
    } else {
      placed.push(box);
      label.shape.unbindTooltip();
    }
  }
}

function nameOf(feature: Feature | undefined): string {
  return String(feature?.properties?.name ?? '');
}

/**
 * Neighbourhood boundaries on a map, each with its name. With a tile server configured the shapes stand on its
 * base map, credited in the caption; without one on a plain background, and the caption says so. The map is a
 * visual aid: every shape is also a link in the list beside it.
 */
export function BoundaryMapView({
  boundaries,
  label,
  onSelect,
  highlightSlug,
  baseMap,
}: {
  boundaries: FeatureCollection;
  label: string;
  onSelect?(slug: string): void;
  highlightSlug?: string;
  /** undefined while the settings are still on their way: no caption about the base map yet. */
  baseMap: MapSettings['baseMap'] | undefined;
}) {
  const container = useRef<HTMLDivElement>(null);
  const { t } = useI18n();
  const tileUrl = baseMap?.tileUrl;
  useEffect(() => {
    const frame = container.current;
    if (!frame || boundaries.features.length === 0) return;
    // No zoom buttons, no attribution control (its link is focusable): the map is one image to assistive technology
    // (the list beside it holds the same links), so it must contain nothing focusable. The caption credits the tiles.
    // Quarter zoom steps: the wijken fill the frame, which leaves room for their names (tiles are scaled in between).
    const map = L.map(frame, { attributionControl: false, scrollWheelZoom: false, keyboard: false, zoomControl: false, zoomSnap: 0.25 });
    // Leaflet gives each tile an empty alt text: the tiles are decoration under the shapes.
    if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(map);
    const isHighlighted = (feature: Feature | undefined) => feature?.properties?.slug === highlightSlug;
    const layer = L.geoJSON(boundaries, {
      style: (feature) => ({
        color: '#0b3d6b',
        weight: isHighlighted(feature) ? 3 : 2,
        fillColor: isHighlighted(feature) ? '#e17000' : '#4a90c2',
        // Over a base map the fill is lighter, so that streets and water still show through.
        fillOpacity: (isHighlighted(feature) ? 0.45 : 0.25) * (tileUrl ? 0.6 : 1),
      }),
      onEachFeature: (feature, featureLayer) => {
        if (onSelect) featureLayer.on('click', () => onSelect(String(feature.properties?.slug)));
      },
    }).addTo(map);
    // A wijk's own page centres on that wijk, with its neighbours around it; other maps show every wijk.
    const highlighted = layer.getLayers().find((each) => isHighlighted((each as L.Polygon).feature as Feature)) as L.Polygon | undefined;
    const fitToFrame = () => {
      // A frame without size (not laid out yet, or being taken down) has no zoom that fits: Leaflet would compute NaN.
      if (frame.clientWidth === 0 || frame.clientHeight === 0) {
        if (!map.getZoom()) map.setView(layer.getBounds().getCenter(), 12, { animate: false });
        return;
      }
      if (highlighted && boundaries.features.length > 1) map.fitBounds(highlighted.getBounds().pad(0.9), { animate: false });
      else map.fitBounds(layer.getBounds(), { padding: [12, 12], animate: false });
    };
    fitToFrame();

    const labels: NameLabel[] = [];
    layer.eachLayer((each) => {
      const shape = each as L.Polygon;
      const name = nameOf(shape.feature as Feature | undefined);
      if (!name) return;
      const text = document.createElement('span');
      text.textContent = name;
      // keyboard: false and interactive: false — a plain element, not a button, never in the tab order.
      const marker = L.marker(shape.getCenter(), {
        icon: L.divIcon({ className: `app-map-label${isHighlighted(shape.feature as Feature) ? ' app-map-label--highlighted' : ''}`, html: text, iconSize: undefined }),
        interactive: false,
        keyboard: false,
      }).addTo(map);
      const element = marker.getElement();
      if (!element) return;
      const size = shape.getBounds();
      const topLeft = map.latLngToContainerPoint(size.getNorthWest());
      const bottomRight = map.latLngToContainerPoint(size.getSouthEast());
      const area = Math.abs(bottomRight.x - topLeft.x) * Math.abs(bottomRight.y - topLeft.y);
      labels.push({ shape, name, element, priority: isHighlighted(shape.feature as Feature) ? Number.POSITIVE_INFINITY : area });
    });
    const placeNames = () => showNamesThatFit(labels, frame.getBoundingClientRect());
    placeNames();
    // After a zoom or a drag: other names fit, or stick out of the frame.
    map.on('moveend', placeNames);
    // The frame's size can change after the map is made (the page around it settles, a phone turns): measure again,
    // fit the wijken to the new frame and place the names anew.
    const resizes = new ResizeObserver(() => {
      if (frame.clientWidth === 0 || frame.clientHeight === 0) return;
      map.invalidateSize({ animate: false });
      fitToFrame();
      placeNames();
    });
    resizes.observe(frame);
    return () => {
      resizes.disconnect();
      map.remove();
    };
  }, [boundaries, onSelect, highlightSlug, tileUrl]);
  const schematic = boundaries.features.some((feature) => feature.properties?.isBoundaryOfficial === false);
  const captions = [baseMap ? t('map.attribution', { attribution: baseMap.attribution }) : baseMap === null ? t('map.noBaseMap') : undefined, schematic ? t('map.schematic') : undefined].filter(
    (caption): caption is string => caption !== undefined,
  );
  return (
    <figure className="app-map-figure">
      <div ref={container} className="app-map" role="img" aria-label={label} />
      {captions.length > 0 && (
        <figcaption className="app-map-caption">
          {captions.map((caption) => (
            <span key={caption}>{caption}</span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
