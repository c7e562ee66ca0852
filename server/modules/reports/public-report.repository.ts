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
  function visible(municipalityId: string, show: 'open' | 'recent' | 'all', since: Date): SQL {
    const open = sql`r.status not in ('done', 'cancelled', 'forwarded', 'merged')`;
    const recent = sql`r.status in ('done', 'cancelled', 'forwarded') and r.closed_at >= ${since.toISOString()}::timestamptz`;
    const which = show === 'open' ? open : show === 'recent' ? recent : sql`((${open}) or (${recent}))`;
    return sql`r.municipality_id = ${municipalityId} and ${which}`;
  }
  const inCategory = (code: string | undefined) => (code ? sql`and (c.code = ${code} or m.code = ${code})` : sql``);
  const columns = sql`r.reference, r.latitude, r.longitude, r.status, c.name as category_name, c.name_en as category_name_en, m.name as main_name, m.name_en as main_name_en,
    r.address, r.created_at, r.closed_at, n.name as neighbourhood_name,
    (select p.id::text from report_photo p where p.municipality_id = r.municipality_id and p.report_id = r.id and p.approved_at is not null and r.may_publish_photos order by p.created_at limit 1) as photo_id`;
  const joins = sql`join report_category c on c.municipality_id = r.municipality_id and c.id = r.category_id
    left join report_category m on m.municipality_id = c.municipality_id and m.id = c.parent_id
    join neighbourhood n on n.municipality_id = r.municipality_id and n.id = r.neighbourhood_id`;

  return {
    async countInBox(municipalityId: string, box: { west: number; south: number; east: number; north: number }, show: 'open' | 'recent' | 'all', since: Date, categoryCode?: string): Promise<number> {
      const [row] = await queryRows<{ count: number }>(
        db,
        sql`select count(*)::int as count from report r ${categoryCode ? joins : sql``}
            where ${visible(municipalityId, show, since)} and r.latitude between ${box.south} and ${box.north} and r.longitude between ${box.west} and ${box.east} ${inCategory(categoryCode)}`,
      );
      return row.count;
    },

    async pointsInBox(municipalityId: string, box: { west: number; south: number; east: number; north: number }, show: 'open' | 'recent' | 'all', since: Date, categoryCode: string | undefined, limit: number): Promise<PublicRow[]> {
      return queryRows<PublicRow>(
        db,
        sql`select ${columns} from report r ${joins}
            where ${visible(municipalityId, show, since)} and r.latitude between ${box.south} and ${box.north} and r.longitude between ${box.west} and ${box.east} ${inCategory(categoryCode)}
            order by r.created_at desc limit ${limit}`,
      );
    },

    /** A grid of cells over the box; each cell with reports becomes one cluster at their mean position. */
    async clustersInBox(municipalityId: string, box: { west: number; south: number; east: number; north: number }, show: 'open' | 'recent' | 'all', since: Date, categoryCode: string | undefined, cells: number) {
      const width = (box.east - box.west) / cells;
      const height = (box.north - box.south) / cells;
      return queryRows<{ latitude: number; longitude: number; count: number; open_count: number }>(
        db,
        sql`select avg(r.latitude)::float8 as latitude, avg(r.longitude)::float8 as longitude, count(*)::int as count,
                   count(*) filter (where r.status not in ('done', 'cancelled', 'forwarded', 'merged'))::int as open_count
            from report r ${categoryCode ? joins : sql``}
            where ${visible(municipalityId, show, since)} and r.latitude between ${box.south} and ${box.north} and r.longitude between ${box.west} and ${box.east} ${inCategory(categoryCode)}
            group by floor((r.latitude - ${box.south}) / ${height}), floor((r.longitude - ${box.west}) / ${width})`,
      );
    },

    async list(municipalityId: string, filter: { neighbourhoodId?: string; show: 'open' | 'recent' | 'all'; offset: number; limit: number }, since: Date) {
      const where = sql`${visible(municipalityId, filter.show, since)} ${filter.neighbourhoodId ? sql`and r.neighbourhood_id = ${filter.neighbourhoodId}` : sql``}`;
      const rows = await queryRows<PublicRow>(db, sql`select ${columns} from report r ${joins} where ${where} order by r.created_at desc, r.id limit ${filter.limit} offset ${filter.offset}`);
      const [{ total }] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from report r where ${where}`);
      return { rows, total };
    },
  };
}
