import { Paragraph } from '@utrecht/component-library-react/css-module';
import type { FeatureCollection, Geometry } from 'geojson';
import { useDeferredValue, useMemo } from 'react';
import { BoundaryMap } from '../../../components/BoundaryMap.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

type Position = number[];

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number' && Math.abs(value[0]) <= 180 && Math.abs(value[1]) <= 90;
}

function isPolygon(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((ring) => Array.isArray(ring) && ring.length >= 4 && ring.every(isPosition));
}

/**
 * The geometry in pasted GeoJSON: a Polygon or MultiPolygon, or the geometry of a Feature. Anything else
 * gives undefined — the API will name the problem when the form is sent.
 */
export function boundaryFromText(text: string): Geometry | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const candidate = (parsed as { type?: string; geometry?: unknown })?.type === 'Feature' ? (parsed as { geometry: unknown }).geometry : parsed;
  const geometry = candidate as { type?: string; coordinates?: unknown };
  if (geometry?.type === 'Polygon' && isPolygon(geometry.coordinates)) return geometry as Geometry;
  if (geometry?.type === 'MultiPolygon' && Array.isArray(geometry.coordinates) && geometry.coordinates.length > 0 && geometry.coordinates.every(isPolygon)) return geometry as Geometry;
  return undefined;
}

/** A GeoJSON text area with a live preview of the shape on the map, so a wrong paste shows before saving. */
export function BoundaryField(props: { id: string; label: string; description?: string; value: string; onChange(value: string): void; error?: string; name: string }) {
  const { t } = useI18n();
  // The map redraws after typing pauses, not on every keystroke.
  const text = useDeferredValue(props.value);
  const geometry = useMemo(() => (text.trim() ? boundaryFromText(text) : undefined), [text]);
  const preview = useMemo<FeatureCollection | undefined>(
    () => (geometry ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry, properties: { name: props.name || t('admin.boundary.preview'), slug: 'preview', isBoundaryOfficial: true } }] } : undefined),
    [geometry, props.name, t],
  );
  return (
    <div className="admin-boundary-field">
      <TextField id={props.id} label={props.label} description={props.description} multiline value={props.value} onChange={props.onChange} error={props.error} />
      {preview ? (
        <BoundaryMap boundaries={preview} highlightSlug="preview" label={t('admin.boundary.previewLabel', { name: props.name || t('admin.boundary.preview') })} />
      ) : (
        text.trim() !== '' && <Paragraph className="admin-hint">{t('admin.boundary.noPreview')}</Paragraph>
      )}
    </div>
  );
}
