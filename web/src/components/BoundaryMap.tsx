import type { FeatureCollection } from 'geojson';
import { lazy, Suspense } from 'react';
import { Loading } from './Feedback.tsx';

// Leaflet is the largest single dependency: it loads with the first map, not with the app.
const BoundaryMapView = lazy(() => import('./BoundaryMapView.tsx').then((module) => ({ default: module.BoundaryMapView })));

export function BoundaryMap(props: { boundaries: FeatureCollection; label: string; onSelect?(slug: string): void; highlightSlug?: string }) {
  return (
    <Suspense fallback={<Loading />}>
      <BoundaryMapView {...props} />
    </Suspense>
  );
}
