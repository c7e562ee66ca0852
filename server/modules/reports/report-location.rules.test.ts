import { describe, expect, it } from 'vitest';
import { boxAround, contains, metresBetween, placeOf } from './report-location.rules.ts';

const square = { type: 'Polygon' as const, coordinates: [[[5, 51], [6, 51], [6, 52], [5, 52], [5, 51]]] };
const withHole = { type: 'Polygon' as const, coordinates: [square.coordinates[0], [[5.4, 51.4], [5.6, 51.4], [5.6, 51.6], [5.4, 51.6], [5.4, 51.4]]] };
const twoIslands = { type: 'MultiPolygon' as const, coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]], square.coordinates] };

describe('which neighbourhood a point lies in', () => {
  it.each([
    [square, 5.5, 51.5, true],
    [square, 6.5, 51.5, false],
    [withHole, 5.5, 51.5, false],
    [withHole, 5.2, 51.2, true],
    [twoIslands, 0.5, 0.5, true],
    [twoIslands, 5.5, 51.5, true],
    [twoIslands, 3, 3, false],
  ] as const)('%j holds (%d, %d): %s', (boundary, longitude, latitude, expected) => {
    expect(contains(boundary, longitude, latitude)).toBe(expected);
  });

  it('finds the first place that holds the point and skips places without a boundary', () => {
    const places = [{ id: 'none', boundary: null }, { id: 'far', boundary: twoIslands.coordinates[0] && { type: 'Polygon' as const, coordinates: twoIslands.coordinates[0] } }, { id: 'here', boundary: square }];
    expect(placeOf(places, 5.5, 51.5)?.id).toBe('here');
    expect(placeOf(places, 9, 9)).toBeNull();
  });

  it('measures distances in metres and boxes a radius', () => {
    const a = { latitude: 51.4655, longitude: 5.6935 };
    expect(Math.round(metresBetween(a, { latitude: 51.4664, longitude: 5.6935 }))).toBe(100);
    const box = boxAround(a, 100);
    expect(box.north - a.latitude).toBeCloseTo(0.0009, 4);
    expect(box.east - a.longitude).toBeGreaterThan(box.north - a.latitude);
  });
});
