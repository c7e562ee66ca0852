import { sql } from 'drizzle-orm';
import { loadConfig } from '../config.ts';
import { openDatabase, queryRows } from '../db/client.ts';
import { auditChainBreakExplanations, verifyAuditChain } from './audit-chain.ts';

// npm run audit:verify: walks every municipality's audit chain; exit code 0 when intact, 1 on a break,
// 2 when it cannot check (migrations not applied). Read-only: the runtime role (DATABASE_URL) suffices.
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
const write = (line: string) => process.stdout.write(`${line}\n`);
try {
  if (!(await database.isMigrationCurrent())) {
    process.stderr.write('The database is not fully migrated; run npm run migrate first.\n');
    process.exitCode = 2;
  } else {
    const report = await verifyAuditChain(database.db);
    const slugs = new Map((await queryRows<{ id: string; slug: string }>(database.db, sql`select id::text as id, slug from municipality`)).map((row) => [row.id, row.slug]));
    for (const chain of report.municipalities) {
      const name = `${slugs.get(chain.municipalityId) ?? '(unknown)'} (${chain.municipalityId})`;
      const cleared = chain.clearedSnapshots > 0 ? `, ${chain.clearedSnapshots} with the snapshot cleared by retention` : '';
      if (chain.break) {
        write(`BROKEN ${name}: row ${chain.break.id}: ${chain.break.reason}: ${auditChainBreakExplanations[chain.break.reason]}`);
        write(`       ${chain.rowsChecked - 1} rows before it are intact, up to row ${chain.lastId ?? '-'} (hash ${chain.lastHash ?? '-'})`);
      } else {
        write(`OK     ${name}: ${chain.rowsChecked} rows${cleared}; last row ${chain.lastId} hash ${chain.lastHash}`);
      }
    }
    if (report.municipalities.length === 0) write('OK     the audit log is empty');
    write(report.isIntact ? 'The audit log is intact.' : 'The audit log has been tampered with: see docs/operations.md, "Checking the audit log".');
    process.exitCode = report.isIntact ? 0 : 1;
  }
} finally {
  await database.close();
}
