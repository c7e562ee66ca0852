// npm run platform:admin -- --email beheer@example.org --name "Platformbeheer" [--password-from-env]
// Makes a platform administrator (who creates municipalities, nothing inside them), or gives an existing one a new
// password. The only way to make one: there is no page for it. Without --password-from-env a password is made up and
// printed once; with it, the password is read from PLATFORM_ADMIN_PASSWORD (for scripted installs).
// Exit code: 0 done, 2 bad input, 1 nothing could be done (no database).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';

const usage = 'Usage: npm run platform:admin -- --email ADDRESS --name "NAME" [--password-from-env]';
const write = (line: string) => process.stdout.write(`${line}\n`);
function fail(message: string, exitCode = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(exitCode);
}

let values: { email?: string; name?: string; 'password-from-env': boolean };
try {
  ({ values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, 'password-from-env': { type: 'boolean', default: false } } }));
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`, 2);
}
const email = values.email?.trim().toLowerCase() ?? '';
const name = values.name?.trim() ?? '';
if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || name.length < 2) fail(usage, 2);

/** Four groups of five readable characters: far past the minimum length, easy to copy from a terminal. */
function madeUpPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789';
  const characters = [...randomBytes(20)].map((byte) => alphabet[byte % alphabet.length]);
  return [0, 5, 10, 15].map((start) => characters.slice(start, start + 5).join('')).join('-');
}

const [{ loadConfig }, { openDatabase }, { systemClock }, { checkPasswordStrength }, { savePlatformAdministrator }, { fieldMessage }] = await Promise.all([
  import('../../config.ts'),
  import('../../db/client.ts'),
  import('../../platform/clock.ts'),
  import('../users/index.ts'),
  import('./index.ts'),
  import('../../platform/errors.ts'),
]);

const fromEnvironment = values['password-from-env'];
const password = fromEnvironment ? (process.env.PLATFORM_ADMIN_PASSWORD ?? '') : madeUpPassword();
const problems = checkPasswordStrength(password, email, 'PLATFORM_ADMIN_PASSWORD');
if (problems.length > 0) fail(`PLATFORM_ADMIN_PASSWORD: ${problems.map((problem) => fieldMessage(problem, 'en')).join(' ')}`, 2);

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }).catch((error: Error) => fail(`Cannot open the database: ${error.message}`));
try {
  await database.migrate();
  const outcome = await savePlatformAdministrator(database.db, systemClock, { email, displayName: name, password });
  write(outcome === 'created' ? `Platform administrator ${email} created.` : `Platform administrator ${email} has a new password; their sessions have ended.`);
  if (!fromEnvironment) write(`Password (shown once, keep it in a password manager): ${password}`);
  write(`Log in at ${config.PUBLIC_URL.replace(/\/$/, '')}/platformbeheer`);
} catch (error) {
  await database.close();
  fail(`Nothing was saved: ${(error as Error).message}`);
}
await database.close();
process.exit(0);
