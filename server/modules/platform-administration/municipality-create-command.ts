// npm run municipality:create -- --name Eindhoven --slug eindhoven --cbs-code GM0772 --admin-email a@example.org --admin-name "Naam"
// Founds a municipality on the server, as a platform administrator can through the page: the note's defaults and
// its first administrator, whose invitation link is printed here and also e-mailed.
// Exit code: 0 founded, 2 bad input or the slug or CBS code is taken (nothing saved), 1 nothing could be done.
import { parseArgs } from 'node:util';

const usage = 'Usage: npm run municipality:create -- --name NAME --slug SLUG --cbs-code GM0000 --admin-email ADDRESS --admin-name "NAME" [--admin-locale nl|en]';
const write = (line: string) => process.stdout.write(`${line}\n`);
function fail(message: string, exitCode = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(exitCode);
}

let values: Record<string, string | undefined>;
try {
  ({ values } = parseArgs({
    options: { name: { type: 'string' }, slug: { type: 'string' }, 'cbs-code': { type: 'string' }, 'admin-email': { type: 'string' }, 'admin-name': { type: 'string' }, 'admin-locale': { type: 'string', default: 'nl' } },
  }));
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`, 2);
}

const [{ foundMunicipalityBody }, { DomainError, fieldMessage, renderProblem }] = await Promise.all([import('./platform-administration.contract.ts'), import('../../platform/errors.ts')]);
await import('./index.ts');
const parsed = foundMunicipalityBody.safeParse({
  name: values.name,
  slug: values.slug,
  cbsCode: values['cbs-code'],
  administrator: { displayName: values['admin-name'], email: values['admin-email'], locale: values['admin-locale'] },
});
const optionOf: Record<string, string> = { name: '--name', slug: '--slug', cbsCode: '--cbs-code', 'administrator.displayName': '--admin-name', 'administrator.email': '--admin-email', 'administrator.locale': '--admin-locale' };
if (!parsed.success) {
  const lines = parsed.error.issues.map((issue) => {
    const option = optionOf[issue.path.join('.')] ?? issue.path.join('.');
    const message = issue.message.startsWith('field:') ? fieldMessage({ field: option, code: issue.message.slice(6) }, 'en') : issue.message;
    return `  ${option}: ${message}`;
  });
  fail(`Nothing was saved:\n${lines.join('\n')}\n${usage}`, 2);
}

const [{ loadConfig }, { openDatabase }, { systemClock }, { createPasswordLinkService }, { createMunicipalityFoundingService }] = await Promise.all([
  import('../../config.ts'),
  import('../../db/client.ts'),
  import('../../platform/clock.ts'),
  import('../users/index.ts'),
  import('./index.ts'),
]);
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }).catch((error: Error) => fail(`Cannot open the database: ${error.message}`));
try {
  await database.migrate();
  const passwordLinks = createPasswordLinkService({ db: database.db, clock: systemClock, publicUrl: config.PUBLIC_URL, policy: { validHours: config.PASSWORD_LINK_HOURS, forgottenValidMinutes: config.PASSWORD_RESET_MINUTES } });
  const founded = await createMunicipalityFoundingService({ db: database.db, clock: systemClock, passwordLinks }).foundMunicipality(parsed.data, { kind: 'command' }, 'municipality:create');
  const base = config.PUBLIC_URL.replace(/\/$/, '');
  write(`Municipality ${founded.municipality.name} (${founded.municipality.cbsCode}) created at ${base}/${founded.municipality.slug}`);
  write(`It starts with ${founded.startedWith.meetingKinds} meeting kinds, ${founded.startedWith.themes} themes and ${founded.startedWith.reportCategories} report categories.`);
  write(`Its administrator ${founded.administrator.email} is invited by e-mail. The link, also here, works until ${founded.administrator.invitationExpiresAt}:`);
  write(`  ${founded.invitationLink}`);
  write(`Next: npm run import:areas -- WIJKEN.gpkg --municipality ${founded.municipality.slug}`);
} catch (error) {
  await database.close();
  if (error instanceof DomainError) {
    const problem = renderProblem(error.code, 'en', { fields: error.fields.map((field) => ({ field: optionOf[field.field.replace(/^body\./, '')] ?? field.field, code: field.code, message: fieldMessage({ ...field, field: optionOf[field.field.replace(/^body\./, '')] ?? field.field }, 'en') })) });
    fail(`Nothing was saved: ${problem.detail}\n${(problem.errors ?? []).map((item) => `  ${item.field}: ${item.message}`).join('\n')}`, 2);
  }
  fail(`Nothing was saved: ${(error as Error).message}`);
}
await database.close();
process.exit(0);
