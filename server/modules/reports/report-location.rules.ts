/**
 * Which neighbourhood and area a point lies in: point-in-polygon on the registry's GeoJSON boundaries
 * (WGS84 longitude, latitude). Pure: the service passes the municipality's boundaries in.
 */
type Position = readonly number[];
type Ring = readonly Position[];

export interface Boundary {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
}

export interface Place {
  id: string;
  boundary: Boundary | null;
}

/** Ray casting: a horizontal ray from the point crosses the ring's edges an odd number of times when inside. */
function isInRing(longitude: number, latitude: number, ring: Ring): boolean {
  let inside = false;
  for (let current = 0, previous = ring.length - 1; current < ring.length; previous = current++) {
    const [x1, y1] = ring[current];
    const [x2, y2] = ring[previous];
    if (y1 > latitude !== y2 > latitude && longitude < ((x2 - x1) * (latitude - y1)) / (y2 - y1) + x1) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and in none of its holes. */
function isInPolygon(longitude: number, latitude: number, rings: readonly Ring[]): boolean {
  if (rings.length === 0 || !isInRing(longitude, latitude, rings[0])) return false;
  return !rings.slice(1).some((hole) => isInRing(longitude, latitude, hole));
}

export function contains(boundary: Boundary, longitude: number, latitude: number): boolean {
  if (boundary.type === 'Polygon') return isInPolygon(longitude, latitude, boundary.coordinates as Ring[]);
  return (boundary.coordinates as Ring[][]).some((polygon) => isInPolygon(longitude, latitude, polygon));
}

/** The first place whose boundary holds the point; places without a boundary never match. */
export function placeOf<P extends Place>(places: readonly P[], longitude: number, latitude: number): P | null {
  return places.find((place) => place.boundary !== null && contains(place.boundary, longitude, latitude)) ?? null;
}

/** Distance in metres between two points (haversine; plenty for "within 50 m"). */
export function metresBetween(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const radians = Math.PI / 180;
  const dLatitude = (b.latitude - a.latitude) * radians;
  const dLongitude = (b.longitude - a.longitude) * radians;
  const h = Math.sin(dLatitude / 2) ** 2 + Math.cos(a.latitude * radians) * Math.cos(b.latitude * radians) * Math.sin(dLongitude / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** A box of about `metres` around a point, for an indexed first cut before the exact distance. */
export function boxAround(point: { latitude: number; longitude: number }, metres: number) {
  const latitudeDelta = metres / 111_320;
  const longitudeDelta = metres / (111_320 * Math.cos((point.latitude * Math.PI) / 180));
  return { south: point.latitude - latitudeDelta, north: point.latitude + latitudeDelta, west: point.longitude - longitudeDelta, east: point.longitude + longitudeDelta };
}
