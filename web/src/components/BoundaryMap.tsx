import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import { lazy, Suspense } from 'react';
import { api } from '../api/client.ts';
import type { MapSettings } from '../api/types.ts';
import { Loading } from './Feedback.tsx';

// Leaflet is the largest single dependency: it loads with the first map, not with the app.
const BoundaryMapView = lazy(() => import('./BoundaryMapView.tsx').then((module) => ({ default: module.BoundaryMapView })));

/** The base map is the installation's configuration: asked once, while Leaflet's chunk loads. */
function useMapSettings() {
  return useQuery({ queryKey: ['map-settings'], queryFn: () => api<MapSettings>('/map-settings'), staleTime: Number.POSITIVE_INFINITY, retry: 1 });
}

export function BoundaryMap(props: { boundaries: FeatureCollection; label: string; onSelect?(slug: string): void; highlightSlug?: string }) {
  const settings = useMapSettings();
  // Until the answer is in the shapes are drawn already; a failed answer leaves them without a base map.
  const baseMap = settings.data ? settings.data.baseMap : settings.isError ? null : undefined;
  return (
    <Suspense fallback={<Loading />}>
      <BoundaryMapView {...props} baseMap={baseMap} />
    </Suspense>
  );
}
