import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import type { ScopeChoices } from './user-import.rules.ts';
import { roleAssignment, userAccount } from './user.tables.ts';

/** What a role cell can name, for one municipality: every council, neighbourhood, department, portfolio and partner, with the words that name it. */
export async function findScopeChoices(db: Executor, municipalityId: string): Promise<ScopeChoices> {
  type Named = { id: string; name: string; other: string | null; more: string | null };
  const read = async (query: SQL) =>
    (await queryRows<Named>(db, query)).map((row) => ({ id: row.id, label: row.name, words: [row.name, row.other, row.more].filter((word): word is string => Boolean(word)) }));
  // A municipality has tens of each, not thousands: read them whole, once per import.
  // One after the other: a transaction is one connection.
  const neighbourhood = await read(sql`select id, name, slug as other, cbs_code as more from neighbourhood where municipality_id = ${municipalityId} limit 5000`);
  const department = await read(sql`select id, name, code as other, name_en as more from department where municipality_id = ${municipalityId} limit 5000`);
  const council = await read(sql`select id, name, null as other, null as more from council where municipality_id = ${municipalityId} limit 5000`);
  const portfolio = await read(sql`select id, name, code as other, name_en as more from portfolio where municipality_id = ${municipalityId} limit 5000`);
  const partnerOrganisation = await read(sql`select id, name, name_en as other, null as more from partner_organisation where municipality_id = ${municipalityId} limit 5000`);
  return { neighbourhood, department, council, portfolio, partner_organisation: partnerOrganisation };
}

/** The accounts with these e-mail addresses (lower case), with their grants: one query each, not one per line. */
export async function findAccountsByEmail(db: Executor, municipalityId: string, emails: string[]) {
  if (emails.length === 0) return [];
  const accounts = await db.select().from(userAccount).where(and(eq(userAccount.municipalityId, municipalityId), inArray(userAccount.email, emails)));
  const ids = accounts.map((account) => account.id);
  const grants = ids.length === 0 ? [] : await db.select().from(roleAssignment).where(and(eq(roleAssignment.municipalityId, municipalityId), inArray(roleAssignment.userId, ids)));
  return accounts.map((account) => ({ account, grants: grants.filter((grant) => grant.userId === account.id) }));
}
