import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../server/app.ts';
import { type Config, defaultConfig } from '../server/config.ts';
import { type DatabaseHandle, queryRows } from '../server/db/client.ts';
import { createFixedClock } from '../server/platform/clock.ts';
import { createTestDatabase } from './database.ts';
import { demoPassword, findTestTenants, type SecondMunicipality, testStart } from './factories.ts';

export { demoPassword };
export const tenantPath = '/api/v1/municipalities/helmond';

/** Demo people by what tests call them. */
export const demoEmails = {
  admin: 'femke.janssen@helmond.example',
  advisor: 'jeroen.hermans@helmond.example',
  advisorSouth: 'sanne.kuipers@helmond.example',
  officer: 'koen.verhoeven@helmond.example',
  officerGreen: 'lotte.smits@helmond.example',
  officerMaintenance: 'ilse.vermeulen@helmond.example',
  alderman: 'marieke.gerritsen@helmond.example',
  councilMember: 'henk.aarts@brandevoort.example',
  councilMemberOost: 'ayse.yildiz@helmond-oost.example',
  partner: 'bram.dewit@politie.example',
  resident: 'eva.mulder@mail.example',
} as const;
export type DemoPerson = keyof typeof demoEmails;

export interface Session {
  cookie: string;
  csrfToken: string;
  /** Headers for a change made with this session. */
  headers: Record<string, string>;
}

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  clock: ReturnType<typeof createFixedClock>;
  municipalityId: string;
  other: SecondMunicipality;
  logIn(person: DemoPerson | { email: string; password: string; municipality?: string }): Promise<Session>;
  request(options: InjectOptions & { as?: Session }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export const generousRateLimits = {
  RATE_LIMIT_READS_PER_ADDRESS: 1_000_000,
  RATE_LIMIT_READS_PER_USER: 1_000_000,
  RATE_LIMIT_WRITES_PER_USER: 1_000_000,
  RATE_LIMIT_WRITES_PER_ADDRESS: 1_000_000,
  RATE_LIMIT_UPLOADS_PER_USER: 1_000_000,
} satisfies Partial<Config>;

/**
 * The whole application on its own database with the Helmond demo and a second municipality
 * ("Eindhoven") for isolation tests.
 */
export async function createTestApp(configOverrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase({ seeded: true });
  const clock = createFixedClock(testStart);
  const { municipalityId, other } = await findTestTenants(database.db);
  // The public cache is off unless a test is about it: most tests change data behind the API's back. The demo's
  // administrator has no second factor; the tests of second factors turn the requirement back on. Request limits
  // far above what a test file sends, unless a test is about them: the hooks still run everywhere.
  const config = defaultConfig({ SCHEDULER_INTERVAL_SECONDS: 0, WEB_DIST_DIR: '/nonexistent', PUBLIC_CACHE_SECONDS: 0, ADMIN_SECOND_FACTOR: 'optional', ...generousRateLimits, ...configOverrides });
  const app = await buildApp({ config, database, clock });
  await app.ready();

  async function logIn(person: DemoPerson | { email: string; password: string; municipality?: string }): Promise<Session> {
    const credentials = typeof person === 'string' ? { email: demoEmails[person], password: demoPassword, municipality: 'helmond' } : person;
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/municipalities/${credentials.municipality ?? 'helmond'}/sessions`,
      payload: { email: credentials.email, password: credentials.password },
    });
    if (response.statusCode !== 201) throw new Error(`login failed for ${credentials.email}: ${response.statusCode} ${response.body}`);
    const setCookie = String(response.headers['set-cookie']);
    const cookie = setCookie.split(';')[0];
    const csrfToken = response.json().csrfToken as string;
    return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
  }

  return {
    app,
    database,
    clock,
    municipalityId,
    other,
    logIn,
    request({ as, ...options }) {
      return app.inject({ ...options, headers: { ...(as?.headers ?? {}), ...(options.headers ?? {}) } });
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** The ids of the demo records tests refer to by name, looked up once through the API as an admin. */
export async function findDemoIds(t: TestApp) {
  const admin = await t.logIn('admin');
  const find = async (path: string, predicate: (item: Record<string, string>) => boolean) => ((await t.request({ url: `${tenantPath}${path}`, as: admin })).json().items as Record<string, string>[]).find(predicate)!.id;
  return {
    brandevoort: await find('/neighbourhoods?pageSize=100', (item) => item.slug === 'brandevoort'),
    oost: await find('/neighbourhoods?pageSize=100', (item) => item.slug === 'helmond-oost'),
    councilBrandevoort: await find('/councils?pageSize=100', (item) => item.name === 'Wijkraad Brandevoort'),
    councilOost: await find('/councils?pageSize=100', (item) => item.name === 'Wijkraad Helmond-Oost'),
    verkeer: await find('/departments', (item) => item.code === 'verkeer'),
    groen: await find('/departments', (item) => item.code === 'groen'),
    koen: await find('/users?search=Verhoeven', () => true),
    lotte: await find('/users?search=Smits', () => true),
    themeSafety: await find('/themes', (item) => item.code === 'traffic-safety'),
  };
}
export type DemoIds = Awaited<ReturnType<typeof findDemoIds>>;

/** The token of the set-password link e-mailed to this address that still works, as the person would click it. */
export async function passwordLinkTokenFor(t: TestApp, email: string): Promise<string> {
  const mails = await queryRows<{ body: string }>(t.database.db, sql`select body from outbox_message where recipient_email = ${email.toLowerCase()} and channel = 'email' and topic like 'user.passwordLink.%'`);
  const usable = await queryRows<{ token_hash: string }>(t.database.db, sql`select token_hash from password_link where used_at is null`);
  const hashes = new Set(usable.map((row) => row.token_hash));
  const token = mails.map((mail) => mail.body.match(/wachtwoord-instellen#([A-Za-z0-9_-]+)/)?.[1]).find((candidate) => candidate && hashes.has(createHash('sha256').update(candidate).digest('hex')));
  if (!token) throw new Error(`no working set-password link was e-mailed to ${email}`);
  return token;
}

/** Sets the password of a new or reset account the way its owner does: with the link from the e-mail. */
export async function setPasswordByLink(t: TestApp, email: string, password: string, municipality = 'helmond'): Promise<void> {
  const token = await passwordLinkTokenFor(t, email);
  const response = await t.request({ method: 'POST', url: `/api/v1/municipalities/${municipality}/password-links/redemption`, payload: { token, newPassword: password } });
  if (response.statusCode !== 200) throw new Error(`setting the password of ${email} failed: ${response.statusCode} ${response.body}`);
}
