import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/database.ts';
import { findTestTenants, testStart } from '../../test/factories.ts';
import { verifyAuditChain } from '../platform/audit-chain.ts';
import { auditRow } from '../platform/audit-log.ts';
import { auditLog } from '../platform/audit-log.tables.ts';
import { createFixedClock } from '../platform/clock.ts';
import { outboxRow } from '../platform/outbox.ts';
import { outboxMessage } from '../platform/outbox.tables.ts';
import { type DatabaseHandle, queryRows } from './client.ts';
import { insertTogether } from './insert-together.ts';

const isPostgres = Boolean(process.env.DATABASE_URL);
const clock = createFixedClock(testStart);
let database: DatabaseHandle;
let municipalityId: string;

beforeEach(async () => {
  database = await createTestDatabase({ seeded: true });
  municipalityId = (await findTestTenants(database.db)).municipalityId;
});
afterEach(async () => database?.close());

const message = (topic: string, forMunicipality = municipalityId) => outboxRow(clock, { municipalityId: forMunicipality, channel: 'email', recipientEmail: 'melder@mail.example', topic, subject: 'Ontvangen', body: 'Uw melding is ontvangen.' });
const audit = (entityId: string) => auditRow(clock, { municipalityId, actor: undefined, requestId: `req-${entityId}` }, { action: 'test.together', entityType: 'test', entityId });
const count = async (topic: string) => (await queryRows<{ rows: number }>(database.db, sql`select (select count(*) from outbox_message where topic = ${topic}) + (select count(*) from audit_log where entity_id = ${topic})::int as rows`))[0].rows;

describe('inserts written together', () => {
  it('writes every row of the statement', async () => {
    const db = database.db;
    await insertTogether(db, [db.insert(outboxMessage).values(message('together-1')), db.insert(auditLog).values(audit('together-1'))]);
    expect(Number(await count('together-1'))).toBe(2);
  });

  it('writes none of them when one is refused', async () => {
    const db = database.db;
    // The second message names a municipality that does not exist: its foreign key refuses it, and so the whole statement.
    const statement = insertTogether(db, [db.insert(outboxMessage).values(message('together-2')), db.insert(outboxMessage).values(message('together-2', randomUUID())), db.insert(auditLog).values(audit('together-2'))]);
    await expect(statement).rejects.toThrow();
    expect(Number(await count('together-2'))).toBe(0);
  });

  it.skipIf(!isPostgres)('keeps the audit chain whole when many such statements arrive at once', async () => {
    const db = database.db;
    await Promise.all(Array.from({ length: 24 }, (_, index) => insertTogether(db, [db.insert(outboxMessage).values(message(`many-${index}`)), db.insert(auditLog).values(audit(`many-${index}`))])));
    const [{ rows, distinctPrevious }] = await queryRows<{ rows: number; distinctPrevious: number }>(
      db,
      sql`select count(*)::int as rows, count(distinct coalesce(previous_hash, ''))::int as "distinctPrevious" from audit_log where municipality_id = ${municipalityId}::uuid`,
    );
    expect(distinctPrevious).toBe(rows);
    expect((await verifyAuditChain(db)).isIntact).toBe(true);
  });
});
