import { randomUUID } from 'node:crypto';
import type { Database } from '../server/db/client.ts';
import { council } from '../server/modules/councils/index.ts';
import { municipality } from '../server/modules/municipalities/index.ts';
import { area, neighbourhood } from '../server/modules/neighbourhoods/index.ts';
import { department } from '../server/modules/organisation/index.ts';
import { roleAssignment, userAccount } from '../server/modules/users/index.ts';

/**
 * Generated tenants around the Helmond demo, so that every query must find its rows through an index
 * that leads with municipality_id rather than by scanning a tiny table.
 */
export async function generateDataset(db: Database, options: { municipalities: number; neighbourhoodsEach: number; areasEach: number; usersEach: number }) {
  const now = new Date();
  let neighbourhoods = 0;
  for (let index = 0; index < options.municipalities; index++) {
    const municipalityId = randomUUID();
    await db.insert(municipality).values({ id: municipalityId, slug: `gemeente-${index + 1}`, name: `Gemeente ${index + 1}`, cbsCode: `GM${String(9000 + index)}`, createdAt: now });
    const neighbourhoodRows = Array.from({ length: options.neighbourhoodsEach }, (_, number) => ({
      id: randomUUID(),
      municipalityId,
      name: `Wijk ${number + 1}`,
      slug: `wijk-${number + 1}`,
      cbsCode: `WK${String(9000 + index)}${String(number + 1).padStart(2, '0')}`,
      description: 'Gegenereerde wijk voor de benchmark.',
      createdAt: now,
      updatedAt: now,
    }));
    await db.insert(neighbourhood).values(neighbourhoodRows);
    neighbourhoods += neighbourhoodRows.length;
    await db.insert(area).values(neighbourhoodRows.flatMap((row) => Array.from({ length: options.areasEach }, (_, number) => ({ municipalityId, neighbourhoodId: row.id, name: `${row.name} buurt ${number + 1}`, createdAt: now }))));
    await db.insert(council).values(neighbourhoodRows.map((row) => ({ municipalityId, neighbourhoodId: row.id, name: `Wijkraad ${row.name}`, legalForm: 'foundation' as const, createdAt: now, updatedAt: now })));
    const [afdeling] = await db.insert(department).values({ municipalityId, code: 'verkeer', name: 'Verkeer', createdAt: now }).returning();
    const users = await db
      .insert(userAccount)
      .values(Array.from({ length: options.usersEach }, (_, number) => ({ municipalityId, email: `medewerker${number + 1}@gemeente-${index + 1}.example`, displayName: `Medewerker ${number + 1}`, createdAt: now })))
      .returning({ id: userAccount.id });
    await db.insert(roleAssignment).values(users.map((user) => ({ municipalityId, userId: user.id, role: 'officer' as const, scopeType: 'department' as const, scopeId: afdeling.id, createdAt: now })));
  }
  return { municipalities: options.municipalities, neighbourhoods };
}
