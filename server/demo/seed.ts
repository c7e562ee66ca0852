import { eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Database, Executor } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { council } from '../modules/councils/index.ts';
import { createMunicipalityRepository, municipality } from '../modules/municipalities/index.ts';
import { area, neighbourhood } from '../modules/neighbourhoods/index.ts';
import { councilTerm, department, partnerOrganisation, portfolio, portfolioDepartment, portfolioNeighbourhood, portfolioTheme, theme } from '../modules/organisation/index.ts';
import { insertDefaultMeetingKinds } from '../modules/meetings/index.ts';
import { loadReportCategories } from '../modules/reports/index.ts';
import { hashPassword, roleAssignment, userAccount } from '../modules/users/index.ts';
import { recordAudit } from '../platform/audit-log.ts';
import { seedDemoActionPlans } from './helmond-action-plans.ts';
import { seedDemoMeetings } from './helmond-meetings.ts';
import { seedDemoReports } from './helmond-reports.ts';
import { seedDemoRequests } from './helmond-requests.ts';
import type { Clock } from '../platform/clock.ts';
import { type Role, type ScopeType, scopeTypeOfRole } from '../platform/permissions.ts';
import {
  demoCategoryQuestions,
  demoCategoryRouting,
  demoDepartments,
  demoNeighbourhoods,
  demoPartners,
  demoPeople,
  demoPortfolioCoverage,
  demoPortfolios,
  demoTerm,
  demoThemes,
  developmentAgreement,
  developmentAreaSlug,
  helmond,
  schematicHalves,
  schematicHexagon,
} from './helmond.data.ts';

export interface DemoLogin {
  role: Role;
  email: string;
  displayName: string;
  password: string;
}

/** A readable random password: four groups of five, far past the 12-character minimum. */
function generateDemoPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(20);
  const characters = [...bytes].map((byte) => alphabet[byte % alphabet.length]);
  return [0, 5, 10, 15].map((start) => characters.slice(start, start + 5).join('')).join('-');
}

/**
 * Loads the Helmond demo into an empty database. Returns the logins (to print once), or undefined
 * when any municipality already exists.
 */
export async function seedDemoIfEmpty(db: Database, clock: Clock, options: { password?: string; withActivity?: boolean } = {}): Promise<{ municipalityId: string; logins: DemoLogin[] } | undefined> {
  if ((await createMunicipalityRepository(db).count()) > 0) return undefined;
  const logins = demoPeople.map((person) => ({ role: person.role as Role, email: person.email, displayName: person.displayName, password: options.password ?? generateDemoPassword() }));
  // One hash per distinct password: with a shared DEMO_PASSWORD (tests, trainings) that is one instead of ten.
  const hashByPassword = new Map<string, Promise<string>>();
  const hashes = await Promise.all(
    logins.map((login) => {
      if (!hashByPassword.has(login.password)) hashByPassword.set(login.password, hashPassword(login.password));
      return hashByPassword.get(login.password)!;
    }),
  );
  const municipalityId = await inTransaction(db, async (tx) => {
    const id = await seedHelmond(tx, clock, hashes);
    // A year of requests makes the demo look lived-in; tests start without it and make their own.
    if (options.withActivity !== false) {
      await seedDemoRequests(tx, clock, id);
      await seedDemoMeetings(tx, clock, id);
      await seedDemoActionPlans(tx, clock, id);
      await seedDemoReports(tx, clock, id);
    }
    return id;
  });
  return { municipalityId, logins };
}

async function seedHelmond(tx: Executor, clock: Clock, passwordHashes: string[]): Promise<string> {
  const now = clock.now();
  const [{ id: municipalityId }] = await tx.insert(municipality).values({ ...helmond, createdAt: now }).returning({ id: municipality.id });

  const neighbourhoodRows = await tx
    .insert(neighbourhood)
    .values(
      demoNeighbourhoods.map((item, index) => ({
        municipalityId,
        name: item.name,
        slug: item.slug,
        cbsCode: `WK0794${String(index + 1).padStart(2, '0')}`,
        description: `${item.name} is een van de elf wijken van Helmond. De grens op de kaart is schematisch, niet de officiële CBS-grens.`,
        boundary: schematicHexagon(item.centre),
        isBoundaryOfficial: false,
        isDevelopmentArea: item.slug === developmentAreaSlug,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning();
  const neighbourhoodBySlug = new Map(neighbourhoodRows.map((row) => [row.slug, row]));

  await tx.insert(area).values(
    demoNeighbourhoods.flatMap((item, index) =>
      item.areas.map((name, areaIndex) => ({
        municipalityId,
        neighbourhoodId: neighbourhoodBySlug.get(item.slug)!.id,
        name,
        cbsCode: `BU0794${String(index + 1).padStart(2, '0')}${String(areaIndex + 1).padStart(2, '0')}`,
        boundary: schematicHalves(item.centre)[areaIndex],
        createdAt: now,
      })),
    ),
  );

  const councilRows = await tx
    .insert(council)
    .values(
      demoNeighbourhoods.map((item) => ({
        municipalityId,
        neighbourhoodId: neighbourhoodBySlug.get(item.slug)!.id,
        name: `Wijkraad ${item.name}`,
        legalForm: 'foundation' as const,
        contactEmail: `info@wijkraad-${item.slug}.example`,
        website: `https://wijkraad-${item.slug}.example`,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning();
  const councilBySlug = new Map(councilRows.map((row) => [demoNeighbourhoods.find((item) => neighbourhoodBySlug.get(item.slug)!.id === row.neighbourhoodId)!.slug, row]));

  const departmentRows = await tx
    .insert(department)
    .values(demoDepartments.map((item) => ({ municipalityId, ...item, contactEmail: `${item.code}@helmond.example`, createdAt: now })))
    .returning();
  const partnerRows = await tx.insert(partnerOrganisation).values(demoPartners.map((item) => ({ municipalityId, ...item, createdAt: now }))).returning();
  const themeRows = await tx.insert(theme).values(demoThemes.map((item, index) => ({ municipalityId, ...item, sortOrder: index }))).returning();
  const portfolioRows = await tx.insert(portfolio).values(demoPortfolios.map((item) => ({ municipalityId, ...item }))).returning();
  const idOf = <Row extends { id: string }>(rows: Row[], key: (row: Row) => string, value: string) => rows.find((row) => key(row) === value)!.id;
  for (const row of portfolioRows) {
    const coverage = demoPortfolioCoverage[row.code as keyof typeof demoPortfolioCoverage];
    const portfolioId = row.id;
    if (coverage.departments.length > 0) {
      await tx.insert(portfolioDepartment).values(coverage.departments.map((code) => ({ municipalityId, portfolioId, departmentId: idOf(departmentRows, (item) => item.code, code) })));
    }
    if (coverage.themes.length > 0) await tx.insert(portfolioTheme).values(coverage.themes.map((code) => ({ municipalityId, portfolioId, themeId: idOf(themeRows, (item) => item.code, code) })));
    if (coverage.neighbourhoods.length > 0) {
      await tx.insert(portfolioNeighbourhood).values(coverage.neighbourhoods.map((slug) => ({ municipalityId, portfolioId, neighbourhoodId: neighbourhoodBySlug.get(slug)!.id })));
    }
  }
  await tx.insert(councilTerm).values({ municipalityId, ...demoTerm });
  await insertDefaultMeetingKinds(tx, municipalityId, now);
  const departmentIdByCode = (code: string | null) => (code ? idOf(departmentRows, (item) => item.code, code) : null);
  await loadReportCategories(tx, municipalityId, {
    departmentIdByCode: Object.fromEntries(Object.entries(demoCategoryRouting).map(([category, departmentCode]) => [category, departmentIdByCode(departmentCode)])),
    questionsByCode: demoCategoryQuestions,
  });

  const userRows = await tx
    .insert(userAccount)
    .values(demoPeople.map((person, index) => ({ municipalityId, email: person.email, displayName: person.displayName, passwordHash: passwordHashes[index], createdAt: now })))
    .returning();

  const grants: (typeof roleAssignment.$inferInsert)[] = [];
  demoPeople.forEach((person, index) => {
    const userId = userRows[index].id;
    const scopeType: ScopeType = scopeTypeOfRole[person.role];
    const grant = (scopeId: string | null, title: string | null = null) => grants.push({ municipalityId, userId, role: person.role, scopeType, scopeId, title, createdAt: now });
    if ('neighbourhoods' in person) for (const slug of person.neighbourhoods) grant(neighbourhoodBySlug.get(slug)!.id);
    else if ('department' in person) grant(departmentRows.find((row) => row.code === person.department)!.id);
    else if ('portfolio' in person) grant(portfolioRows.find((row) => row.code === person.portfolio)!.id);
    else if ('council' in person) grant(councilBySlug.get(person.council)!.id, person.title);
    else if ('partner' in person) grant(partnerRows.find((row) => row.name === person.partner)!.id);
    else grant(null);
  });
  await tx.insert(roleAssignment).values(grants);

  // The programme manager of the development area works in Wijkontwikkeling; the area's advisor is someone else.
  const programmeManager = userRows.find((row) => row.email === 'tom.bakker@helmond.example')!;
  await tx.update(neighbourhood).set({ programmeManagerUserId: programmeManager.id, developmentAgreement }).where(eq(neighbourhood.id, neighbourhoodBySlug.get(developmentAreaSlug)!.id));

  await recordAudit(tx, clock, { municipalityId, actor: undefined, requestId: 'demo-seed' }, { action: 'demo.seed', entityType: 'municipality', entityId: municipalityId, after: { neighbourhoods: neighbourhoodRows.length, users: userRows.length } });
  return municipalityId;
}
