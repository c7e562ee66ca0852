import { describe, expect, it } from 'vitest';
import { joinCloseClusters } from './report-map.rules.ts';

const cell = { width: 0.01, height: 0.01 };
const at = (latitude: number, longitude: number, count: number, overdueCount = 0) => ({ latitude, longitude, count, overdueCount, bounds: { west: longitude - 0.001, south: latitude - 0.001, east: longitude + 0.001, north: latitude + 0.001 } });

describe('joining clusters that would lie on top of each other', () => {
  it('joins a place split by a grid line into one, with the counts added, the mean weighted and the extents joined', () => {
    const [joined, ...rest] = joinCloseClusters([at(51.46, 5.69, 10, 2), at(51.46, 5.695, 30, 1)], cell, ['overdueCount']);
    expect(rest).toEqual([]);
    expect(joined.count).toBe(40);
    expect(joined.overdueCount).toBe(3);
    expect(joined.longitude).toBeCloseTo(5.69375, 6);
    expect(joined.latitude).toBeCloseTo(51.46, 6);
    const { west, south, east, north } = joined.bounds;
    expect([west, south, east, north].map((edge) => Number(edge.toFixed(6)))).toEqual([5.689, 51.459, 5.696, 51.461]);
  });

  it('keeps clusters a cell or more apart, the largest first', () => {
    const kept = joinCloseClusters([at(51.46, 5.69, 5), at(51.47, 5.69, 8), at(51.46, 5.71, 2)], cell, ['overdueCount']);
    expect(kept.map((cluster) => cluster.count)).toEqual([8, 5, 2]);
  });

  it('changes nothing in what it was given', () => {
    const given = [at(51.46, 5.69, 10), at(51.46, 5.691, 1)];
    const copy = structuredClone(given);
    joinCloseClusters(given, cell, ['overdueCount']);
    expect(given).toEqual(copy);
  });
});
