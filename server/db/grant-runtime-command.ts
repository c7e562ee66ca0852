import { loadConfig, migrationDatabaseUrl } from '../config.ts';
import { openPostgres } from './client.ts';
import { grantRuntimeAccess } from './runtime-role.ts';

// npm run db:grant-runtime -- <role>: run as the migration role (MIGRATION_DATABASE_URL, or DATABASE_URL).
const role = process.argv[2];
const config = loadConfig();
const url = migrationDatabaseUrl(config);
if (!role || !url) {
  process.stderr.write('Usage: DATABASE_URL=postgres://owner@host/db npm run db:grant-runtime -- <runtime role>\n(PostgreSQL only: the embedded database has a single user.)\n');
  process.exit(2);
}
const database = await openPostgres(url, 1);
try {
  await grantRuntimeAccess(database.db, role);
  process.stdout.write(`Granted runtime access to "${role}": read and write the tables, read and append the audit log, no DDL.\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
