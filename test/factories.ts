import { eq } from 'drizzle-orm';
import type { Database } from '../server/db/client.ts';
import { seedDemoIfEmpty } from '../server/demo/seed.ts';
import { council } from '../server/modules/councils/index.ts';
import { insertDefaultMeetingKinds } from '../server/modules/meetings/index.ts';
import { loadReportCategories } from '../server/modules/reports/index.ts';
import { municipality } from '../server/modules/municipalities/index.ts';
import { neighbourhood } from '../server/modules/neighbourhoods/index.ts';
import { department } from '../server/modules/organisation/index.ts';
import { hashPassword, roleAssignment, userAccount } from '../server/modules/users/index.ts';
import { type Clock, createFixedClock } from '../server/platform/clock.ts';

export const demoPassword = 'Demo-wachtwoord-voor-tests-2026';
export const otherPassword = 'Ander-wachtwoord-voor-tests-2026';
/** The moment every test starts at; the seeded data is made at it too, so deadlines come out the same. */
export const testStart = '2026-06-15T10:00:00Z';

/** What API tests start from: the Helmond demo without its year of requests, and Eindhoven beside it. */
export async function seedTestTenants(db: Database): Promise<void> {
  const clock = createFixedClock(testStart);
  const seeded = await seedDemoIfEmpty(db, clock, { password: demoPassword, withActivity: false });
  if (!seeded) throw new Error('demo seed did not run on a fresh database');
  await createSecondMunicipality(db, clock);
}

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
  await insertDefaultMeetingKinds(db, tenant.id, now);
  await loadReportCategories(db, tenant.id);
  return secondMunicipality(tenant, wijk, wijkraad, afdeling, admin);
}

function secondMunicipality(
  tenant: typeof municipality.$inferSelect,
  wijk: typeof neighbourhood.$inferSelect,
  wijkraad: typeof council.$inferSelect,
  afdeling: typeof department.$inferSelect,
  admin: typeof userAccount.$inferSelect,
) {
  return { municipality: tenant, neighbourhood: wijk, council: wijkraad, department: afdeling, admin, adminLogin: { email: admin.email, password: otherPassword, municipality: 'eindhoven' } };
}
export type SecondMunicipality = ReturnType<typeof secondMunicipality>;

/** The tenants `seedTestTenants` made, read back from a copy of the seeded database. */
export async function findTestTenants(db: Database): Promise<{ municipalityId: string; other: SecondMunicipality }> {
  const [helmond] = await db.select({ id: municipality.id }).from(municipality).where(eq(municipality.slug, 'helmond'));
  const [tenant] = await db.select().from(municipality).where(eq(municipality.slug, 'eindhoven'));
  if (!helmond || !tenant) throw new Error('the test database holds no seeded tenants');
  const [wijk] = await db.select().from(neighbourhood).where(eq(neighbourhood.municipalityId, tenant.id));
  const [wijkraad] = await db.select().from(council).where(eq(council.municipalityId, tenant.id));
  const [afdeling] = await db.select().from(department).where(eq(department.municipalityId, tenant.id));
  const [admin] = await db.select().from(userAccount).where(eq(userAccount.municipalityId, tenant.id));
  return { municipalityId: helmond.id, other: secondMunicipality(tenant, wijk, wijkraad, afdeling, admin) };
}
