import type { FeatureCollection } from 'geojson';
import L from 'leaflet';
import { type RefObject, useEffect, useRef, useState } from 'react';
import type { MapBox } from '../types.ts';
import { gridCellsFor } from './map-markers.ts';
import { openMunicipalityMap } from './municipality-map.ts';

/** How long the map must rest after a move before its view is asked for: one request per pan, not per frame. */
const settleMs = 300;

/**
 * The map both report maps stand on (the public one and the back office's): the municipality's map in `container`,
 * a layer to draw reports on, and the view told to `onView` (with the grid that suits the map's size on screen)
 * when the map opens and each time it comes to rest. Returns the map and its layer once they exist (null before),
 * as state: whoever draws on them draws again when the map is made anew (say, once the boundaries arrive).
 */
export function useReportLayerMap(
  container: RefObject<HTMLDivElement | null>,
  options: { boundaries: FeatureCollection | undefined; tileUrl: string | undefined; label: string; roleDescription: string; describedBy: string; onView(box: MapBox, cells: number): void },
) {
  const { boundaries, tileUrl, label, roleDescription, describedBy } = options;
  const [drawing, setDrawing] = useState<{ map: L.Map; reports: L.LayerGroup } | null>(null);
  const onViewRef = useRef(options.onView);
  onViewRef.current = options.onView;

  useEffect(() => {
    const frame = container.current;
    if (!frame) return;
    const created = openMunicipalityMap(frame, { boundaries, tileUrl, label, roleDescription, shade: 0.1 });
    const reports = L.layerGroup().addTo(created);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tellView = () => {
      const bounds = created.getBounds();
      onViewRef.current({ west: bounds.getWest(), south: bounds.getSouth(), east: bounds.getEast(), north: bounds.getNorth() }, gridCellsFor(created));
    };
    created.on('moveend', () => {
      clearTimeout(timer);
      timer = setTimeout(tellView, settleMs);
    });
    tellView();
    frame.setAttribute('aria-describedby', describedBy);
    setDrawing({ map: created, reports });
    return () => {
      clearTimeout(timer);
      created.remove();
      setDrawing(null);
    };
  }, [container, boundaries, tileUrl, label, roleDescription, describedBy]);

  return drawing;
}
