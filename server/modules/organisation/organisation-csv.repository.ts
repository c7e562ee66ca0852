import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import type { ReferenceKind } from './organisation-csv.rules.ts';

/** A record another list can name in a CSV cell: its code (a neighbourhood's slug) and every word that names it. */
export interface ReferenceWords {
  id: string;
  code: string;
  words: string[];
}

const queries: Record<ReferenceKind, (municipalityId: string) => SQL> = {
  department: (municipalityId) => sql`select id, code, name as one, name_en as two from department where municipality_id = ${municipalityId} order by code limit 5000`,
  theme: (municipalityId) => sql`select id, code, name_nl as one, name_en as two from theme where municipality_id = ${municipalityId} order by code limit 5000`,
  neighbourhood: (municipalityId) => sql`select id, slug as code, name as one, cbs_code as two from neighbourhood where municipality_id = ${municipalityId} order by slug limit 5000`,
};

/** Every department, theme or neighbourhood of the municipality with its words: tens of each, read once per file. */
export async function findReferenceWords(db: Executor, municipalityId: string, kind: ReferenceKind): Promise<ReferenceWords[]> {
  const rows = await queryRows<{ id: string; code: string; one: string; two: string | null }>(db, queries[kind](municipalityId));
  return rows.map((row) => ({ id: row.id, code: row.code, words: [row.code, row.one, row.two].filter((word): word is string => Boolean(word)) }));
}
