import type { Database } from '../server/db/client.ts';
import { council } from '../server/modules/councils/index.ts';
import { municipality } from '../server/modules/municipalities/index.ts';
import { neighbourhood } from '../server/modules/neighbourhoods/index.ts';
import { department } from '../server/modules/organisation/index.ts';
import { hashPassword, roleAssignment, userAccount } from '../server/modules/users/index.ts';
import type { Clock } from '../server/platform/clock.ts';

export const otherPassword = 'Ander-wachtwoord-voor-tests-2026';

/** A second tenant with its own admin, neighbourhood, council and department: the isolation counterpart of Helmond. */
export async function createSecondMunicipality(db: Database, clock: Clock) {
  const now = clock.now();
  const [tenant] = await db.insert(municipality).values({ slug: 'eindhoven', name: 'Eindhoven', cbsCode: 'GM0772', createdAt: now }).returning();
  const [wijk] = await db
    .insert(neighbourhood)
    .values({ municipalityId: tenant.id, name: 'Strijp', slug: 'strijp', cbsCode: 'WK077201', description: 'Wijk in Eindhoven', createdAt: now, updatedAt: now })
    .returning();
  const [wijkraad] = await db.insert(council).values({ municipalityId: tenant.id, neighbourhoodId: wijk.id, name: 'Wijkraad Strijp', legalForm: 'association', contactEmail: 'info@strijp.example', createdAt: now, updatedAt: now }).returning();
  const [afdeling] = await db.insert(department).values({ municipalityId: tenant.id, code: 'verkeer', name: 'Verkeer', createdAt: now }).returning();
  const [admin] = await db
    .insert(userAccount)
    .values({ municipalityId: tenant.id, email: 'beheer@eindhoven.example', displayName: 'Beheerder Eindhoven', passwordHash: await hashPassword(otherPassword), createdAt: now })
    .returning();
  await db.insert(roleAssignment).values({ municipalityId: tenant.id, userId: admin.id, role: 'admin', scopeType: 'municipality', scopeId: null, createdAt: now });
  return { municipality: tenant, neighbourhood: wijk, council: wijkraad, department: afdeling, admin, adminLogin: { email: admin.email, password: otherPassword, municipality: 'eindhoven' } };
}
