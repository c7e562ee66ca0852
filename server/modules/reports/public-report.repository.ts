import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';

export interface PublicRow {
  reference: string;
  latitude: number;
  longitude: number;
  status: string;
  category_name: string;
  category_name_en: string | null;
  main_name: string | null;
  main_name_en: string | null;
  address: string;
  created_at: Date | string;
  closed_at: Date | string | null;
  neighbourhood_name: string;
  photo_id: string | null;
}

/**
 * What the public may see of reports, in SQL: open ones and those dealt with in the last 30 days, never merged
 * duplicates, never contact data or the reporter's words. A viewport is a latitude band on the position index.
 */
export function createPublicReportRepository(db: Executor) {
  /**
   * The reports the public may see, as the union of two layers that each have their own index: open ones (no
   * closing date) and those dealt with since `since` (done, cancelled, forwarded — never merged duplicates).
   */
  function visible(municipalityId: string, show: 'open' | 'recent' | 'all', since: Date, box?: { west: number; south: number; east: number; north: number }): SQL {
    const inBox = box ? sql`and r.latitude between ${box.south} and ${box.north} and r.longitude between ${box.west} and ${box.east}` : sql``;
    const open = sql`select r.* from report r where r.municipality_id = ${municipalityId} and r.closed_at is null ${inBox}`;
    const recent = sql`select r.* from report r where r.municipality_id = ${municipalityId} and r.closed_at is not null and r.closed_at >= ${since.toISOString()}::timestamptz
      and r.status in ('done', 'cancelled', 'forwarded') ${inBox}`;
    return show === 'open' ? open : show === 'recent' ? recent : sql`${open} union all ${recent}`;
  }
  const inCategory = (code: string | undefined) => (code ? sql`where c.code = ${code} or m.code = ${code}` : sql``);
  const columns = sql`r.reference, r.latitude, r.longitude, r.status, c.name as category_name, c.name_en as category_name_en, m.name as main_name, m.name_en as main_name_en,
    r.address, r.created_at, r.closed_at, n.name as neighbourhood_name,
    (select p.id::text from report_photo p where p.municipality_id = r.municipality_id and p.report_id = r.id and p.approved_at is not null and r.may_publish_photos order by p.created_at limit 1) as photo_id`;
  const joins = sql`join report_category c on c.municipality_id = r.municipality_id and c.id = r.category_id
    left join report_category m on m.municipality_id = c.municipality_id and m.id = c.parent_id
    join neighbourhood n on n.municipality_id = r.municipality_id and n.id = r.neighbourhood_id`;
  const categoryJoins = sql`join report_category c on c.municipality_id = r.municipality_id and c.id = r.category_id
    left join report_category m on m.municipality_id = c.municipality_id and m.id = c.parent_id`;

  return {
    async pointsInBox(municipalityId: string, box: { west: number; south: number; east: number; north: number }, show: 'open' | 'recent' | 'all', since: Date, categoryCode: string | undefined, limit: number): Promise<PublicRow[]> {
      return queryRows<PublicRow>(db, sql`select ${columns} from (${visible(municipalityId, show, since, box)}) r ${joins} ${inCategory(categoryCode)} order by r.created_at desc limit ${limit}`);
    },

    /**
     * A grid of cells over the box; each cell with reports becomes one cluster at their mean position. The sum of
     * the counts is the number of reports in view, so one pass decides between clusters and points.
     */
    async clustersInBox(municipalityId: string, box: { west: number; south: number; east: number; north: number }, show: 'open' | 'recent' | 'all', since: Date, categoryCode: string | undefined, cells: number) {
      const width = (box.east - box.west) / cells;
      const height = (box.north - box.south) / cells;
      return queryRows<{ latitude: number; longitude: number; count: number; open_count: number }>(
        db,
        sql`select avg(r.latitude)::float8 as latitude, avg(r.longitude)::float8 as longitude, count(*)::int as count,
                   count(*) filter (where r.closed_at is null)::int as open_count
            from (${visible(municipalityId, show, since, box)}) r ${categoryCode ? categoryJoins : sql``} ${inCategory(categoryCode)}
            group by floor((r.latitude - ${box.south}) / ${height}), floor((r.longitude - ${box.west}) / ${width})`,
      );
    },

    async list(municipalityId: string, filter: { neighbourhoodId?: string; show: 'open' | 'recent' | 'all'; offset: number; limit: number }, since: Date) {
      const inNeighbourhood = filter.neighbourhoodId ? sql`where r.neighbourhood_id = ${filter.neighbourhoodId}` : sql``;
      const rows = await queryRows<PublicRow>(db, sql`select ${columns} from (${visible(municipalityId, filter.show, since)}) r ${joins} ${inNeighbourhood} order by r.created_at desc, r.id limit ${filter.limit} offset ${filter.offset}`);
      const [{ total }] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from (${visible(municipalityId, filter.show, since)}) r ${inNeighbourhood}`);
      return { rows, total };
    },
  };
}
