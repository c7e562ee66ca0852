/** A cluster as the database counted it: a cell of the grid with its reports' mean position and extent. */
export interface CountedCluster {
  latitude: number;
  longitude: number;
  count: number;
  overdueCount: number;
  bounds: { west: number; south: number; east: number; north: number };
}

/**
 * Joins clusters whose mean positions lie closer than `reach` cells apart (a place split by a line of the grid
 * shows as two clusters on top of each other otherwise): the largest first, each smaller one into the first kept
 * cluster near it, with the counts added, the mean weighted and the extents joined.
 */
export function joinCloseClusters(clusters: CountedCluster[], cell: { width: number; height: number }, reach = 0.75): CountedCluster[] {
  const kept: CountedCluster[] = [];
  for (const cluster of [...clusters].sort((first, second) => second.count - first.count)) {
    const near = kept.find((other) => Math.hypot((other.longitude - cluster.longitude) / cell.width, (other.latitude - cluster.latitude) / cell.height) < reach);
    if (!near) {
      kept.push({ ...cluster, bounds: { ...cluster.bounds } });
      continue;
    }
    const count = near.count + cluster.count;
    near.latitude = (near.latitude * near.count + cluster.latitude * cluster.count) / count;
    near.longitude = (near.longitude * near.count + cluster.longitude * cluster.count) / count;
    near.count = count;
    near.overdueCount += cluster.overdueCount;
    near.bounds = {
      west: Math.min(near.bounds.west, cluster.bounds.west),
      south: Math.min(near.bounds.south, cluster.bounds.south),
      east: Math.max(near.bounds.east, cluster.bounds.east),
      north: Math.max(near.bounds.north, cluster.bounds.north),
    };
  }
  return kept;
}
