import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, tenantPath } from '../../../test/harness.ts';
import { queryRows } from '../../db/client.ts';
import { verifyAuditChain } from '../../platform/audit-chain.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const litter = (description: string, email?: string) => ({
  categoryCode: 'prullenbak-is-vol',
  location: { latitude: 51.4655, longitude: 5.6935 },
  description,
  ...(email ? { email, contactConsent: true } : {}),
});
const submit = (payload: object, headers: Record<string, string> = {}) => t.request({ method: 'POST', url: `${tenantPath}/reports`, payload, headers });

describe('many reports at once', () => {
  it('writes each of them, with its own number, event, confirmation and audit row, and the audit chain stays whole', async () => {
    const responses = await Promise.all(Array.from({ length: 24 }, (_, index) => submit(litter(`Vol, melding ${index} van de drukte.`, `druk${index}@mail.example`))));
    expect(responses.map((response) => response.statusCode)).toEqual(responses.map(() => 201));
    const references = responses.map((response) => response.json().reference as string);
    expect(new Set(references).size).toBe(24);
    const list = `{${references.join(',')}}`;
    const [counts] = await queryRows<{ reports: number; events: number; mails: number; audits: number }>(
      t.database.db,
      sql`select (select count(*) from report where reference = any(${list}::text[]))::int as reports,
                 (select count(*) from report_event e join report r on r.id = e.report_id where r.reference = any(${list}::text[]) and e.kind = 'submitted')::int as events,
                 (select count(*) from outbox_message where recipient_email like 'druk%@mail.example' and topic = 'report.received')::int as mails,
                 (select count(*) from audit_log where action = 'report.submit' and after->>'reference' = any(${list}::text[]))::int as audits`,
    );
    expect(counts).toEqual({ reports: 24, events: 24, mails: 24, audits: 24 });
    // Each reporter's confirmation names their own report.
    const mails = await queryRows<{ email: string; subject: string }>(t.database.db, sql`select recipient_email as email, subject from outbox_message where recipient_email like 'druk%@mail.example'`);
    for (const [index, response] of responses.entries()) expect(mails.find((mail) => mail.email === `druk${index}@mail.example`)?.subject).toContain(response.json().reference);
    expect((await verifyAuditChain(t.database.db)).isIntact).toBe(true);
  });

  it('lets one refused report among many fail alone: retries with one Idempotency-Key make one report, the others theirs', async () => {
    const key = 'retry-storm-7f3a';
    const retried = litter('Prullenbak bij de bushalte puilt uit.');
    const responses = await Promise.all([
      ...Array.from({ length: 4 }, () => submit(retried, { 'idempotency-key': key })),
      ...Array.from({ length: 6 }, (_, index) => submit(litter(`Andere prullenbak ${index} is vol.`))),
    ]);
    expect(responses.map((response) => response.statusCode).every((status) => status === 200 || status === 201)).toBe(true);
    const retriedReferences = new Set(responses.slice(0, 4).map((response) => response.json().reference));
    expect(retriedReferences.size).toBe(1);
    expect(responses.slice(0, 4).filter((response) => response.statusCode === 201)).toHaveLength(1);
    expect(new Set(responses.slice(4).map((response) => response.json().reference)).size).toBe(6);
    const [{ count }] = await queryRows<{ count: number }>(t.database.db, sql`select count(*)::int as count from report where idempotency_key = ${key}`);
    expect(count).toBe(1);
    expect((await verifyAuditChain(t.database.db)).isIntact).toBe(true);
  });
});
