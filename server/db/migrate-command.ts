import { loadConfig, migrationDatabaseUrl } from '../config.ts';
import { openDatabase } from './client.ts';

const config = loadConfig();
// The migration role when one is set apart (MIGRATION_DATABASE_URL): the runtime role may not change the schema.
const database = await openDatabase({ databaseUrl: migrationDatabaseUrl(config), dataDir: config.DATA_DIR });
await database.migrate();
process.stdout.write(`Migrations applied (${database.engine}).\n`);
await database.close();
