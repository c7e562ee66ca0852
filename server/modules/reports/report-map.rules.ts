export interface MapBounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** A cluster as the database counted it: a cell of the grid with its reports' mean position, and other counts. */
export interface JoinableCluster {
  latitude: number;
  longitude: number;
  count: number;
  bounds?: MapBounds;
}

type CountKey<T> = { [K in keyof T]: T[K] extends number ? K : never }[keyof T];

/**
 * Joins clusters whose mean positions lie closer than `reach` cells apart (a place split by a line of the grid
 * shows as two clusters on top of each other otherwise): the largest first, each smaller one into the first kept
 * cluster near it, with the count and the `added` counts summed, the mean weighted and the extents joined.
 */
export function joinCloseClusters<T extends JoinableCluster>(clusters: T[], cell: { width: number; height: number }, added: CountKey<T>[], reach = 0.75): T[] {
  const kept: T[] = [];
  for (const cluster of [...clusters].sort((first, second) => second.count - first.count)) {
    const near = kept.find((other) => Math.hypot((other.longitude - cluster.longitude) / cell.width, (other.latitude - cluster.latitude) / cell.height) < reach);
    if (!near) {
      kept.push({ ...cluster, ...(cluster.bounds ? { bounds: { ...cluster.bounds } } : {}) });
      continue;
    }
    const count = near.count + cluster.count;
    near.latitude = (near.latitude * near.count + cluster.latitude * cluster.count) / count;
    near.longitude = (near.longitude * near.count + cluster.longitude * cluster.count) / count;
    near.count = count;
    for (const key of added) (near[key] as number) += cluster[key] as number;
    if (near.bounds && cluster.bounds) {
      near.bounds = {
        west: Math.min(near.bounds.west, cluster.bounds.west),
        south: Math.min(near.bounds.south, cluster.bounds.south),
        east: Math.max(near.bounds.east, cluster.bounds.east),
        north: Math.max(near.bounds.north, cluster.bounds.north),
      };
    }
  }
  return kept;
}
