import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import { lazy, Suspense } from 'react';
import { api, tenantPath } from '../../../api/client.ts';
import type { MapSettings } from '../../../api/types.ts';
import { Loading } from '../../../components/Feedback.tsx';
import type { Point } from '../types.ts';
import type { LocationPickerHandle } from './LocationPickerView.tsx';

// Leaflet loads with the first map, not with the app.
const LocationPickerView = lazy(() => import('./LocationPickerView.tsx').then((module) => ({ default: module.LocationPickerView })));

export function LocationPicker(props: { municipality: string; value: Point | null; onChange(point: Point): void; label: string; handle: { current: LocationPickerHandle | null } }) {
  const settings = useQuery({ queryKey: ['map-settings'], queryFn: () => api<MapSettings>('/map-settings'), staleTime: Number.POSITIVE_INFINITY, retry: 1 });
  const boundaries = useQuery({ queryKey: ['neighbourhood-boundaries', props.municipality], queryFn: () => api<FeatureCollection>(tenantPath(props.municipality, '/neighbourhood-boundaries')) });
  if (boundaries.isPending) return <Loading />;
  return (
    <Suspense fallback={<Loading />}>
      <LocationPickerView boundaries={boundaries.data} baseMap={settings.data?.baseMap} value={props.value} onChange={props.onChange} label={props.label} handle={props.handle} />
    </Suspense>
  );
}
