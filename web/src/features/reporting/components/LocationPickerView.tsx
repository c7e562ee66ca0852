import 'leaflet/dist/leaflet.css';
import type { FeatureCollection } from 'geojson';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { MapSettings } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Point } from '../types.ts';
import { openMunicipalityMap } from './municipality-map.ts';

export interface LocationPickerHandle {
  /** The point in the middle of the map: the keyboard way of choosing a place (pan with the arrow keys). */
  centre(): Point | undefined;
}

/**
 * A map to tap the place of the problem on. The neighbourhoods are drawn so the map makes sense without a base
 * map; with one configured they stand on it. The map takes the keyboard (arrow keys pan, + and − zoom) and
 * shows a cross in its middle, so the place can also be chosen without a mouse or a touch screen.
 */
export function LocationPickerView({
  boundaries,
  baseMap,
  value,
  onChange,
  label,
  handle,
}: {
  boundaries: FeatureCollection | undefined;
  baseMap: MapSettings['baseMap'] | undefined;
  value: Point | null;
  onChange(point: Point): void;
  label: string;
  handle: { current: LocationPickerHandle | null };
}) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.CircleMarker | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const tileUrl = baseMap?.tileUrl;

  useEffect(() => {
    const frame = container.current;
    if (!frame) return;
    const created = openMunicipalityMap(frame, { boundaries, tileUrl, label, roleDescription: t('reporting.map.roleDescription'), shade: 0.12 });
    created.on('click', (event: L.LeafletMouseEvent) => onChangeRef.current({ latitude: Number(event.latlng.lat.toFixed(6)), longitude: Number(event.latlng.lng.toFixed(6)) }));
    map.current = created;
    handle.current = {
      centre() {
        const middle = created.getCenter();
        return { latitude: Number(middle.lat.toFixed(6)), longitude: Number(middle.lng.toFixed(6)) };
      },
    };
    return () => {
      handle.current = null;
      marker.current = null;
      created.remove();
      map.current = null;
    };
  }, [boundaries, tileUrl, label, handle, t]);

  useEffect(() => {
    const current = map.current;
    if (!current) return;
    if (!value) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    const position: L.LatLngExpression = [value.latitude, value.longitude];
    if (marker.current) marker.current.setLatLng(position);
    else marker.current = L.circleMarker(position, { radius: 10, color: '#ffffff', weight: 3, fillColor: '#d52b1e', fillOpacity: 1 }).addTo(current);
    if (!current.getBounds().contains(position)) current.panTo(position);
  }, [value]);

  return (
    <div className="app-location-picker">
      <div ref={container} className="app-map app-map--picker" />
      <span className="app-map-crosshair" aria-hidden="true" />
    </div>
  );
}
