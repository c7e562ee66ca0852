import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMonitoredPlan } from '../../../test/action-plan-factories.ts';
import { createTestApp, type DemoIds, findDemoIds, type Session, type TestApp, tenantPath } from '../../../test/harness.ts';
import { multipartForm, sampleFiles } from '../../../test/multipart.ts';
import { type LocalBucket, startLocalBucket } from '../../../test/object-storage.ts';
import { queryRows } from '../../db/client.ts';
import { actionPlanAction } from './action-plan-content.tables.ts';
import { actionPlan } from './action-plan.tables.ts';

// With S3_URL set, evidence lives in a real S3-compatible bucket (s3rver), the rows keep only where.
let bucket: LocalBucket;
let t: TestApp;
let ids: DemoIds;
let admin: Session;
let advisor: Session;
let police: string;
let adminId: string;
const { pdf, png } = sampleFiles;
const actionUrl = (actionId: string) => `${tenantPath}/action-plan-actions/${actionId}`;

async function versionOf(table: typeof actionPlan | typeof actionPlanAction, id: string): Promise<number> {
  const [row] = await t.database.db.select({ version: table.version }).from(table).where(and(eq(table.municipalityId, t.municipalityId), eq(table.id, id)));
  return row.version;
}

/** A running plan with one action of the police, a progress report on it and a file with that report. */
async function evidenceOnNewPlan(title: string, content: Buffer, fileName: string) {
  const plan = await insertMonitoredPlan(t, adminId, { neighbourhoodId: ids.brandevoort, title, actions: [{ title: 'Surveillance bij de scholen', deadlineOn: '2026-12-01', owner: { kind: 'partner', id: police } }] });
  const actionId = plan.actions[0].id;
  const progress = await t.request({ method: 'POST', url: `${actionUrl(actionId)}/progress`, as: advisor, payload: { status: 'on_track', note: 'De eerste controles zijn gedaan.', version: await versionOf(actionPlanAction, actionId) } });
  expect(progress.statusCode, progress.body).toBe(200);
  t.clock.advance(1000);
  const added = await t.request({ method: 'POST', url: `${actionUrl(actionId)}/progress/${progress.json().progressEntryId}/evidence`, as: advisor, ...multipartForm([{ name: 'file', fileName, content }]) });
  expect(added.statusCode, added.body).toBe(201);
  const [row] = await queryRows<{ content: Buffer | null; storage_key: string | null }>(t.database.db, sql`select content, storage_key from action_progress_evidence where id = ${added.json().id}`);
  return { planId: plan.plan.id, challengeId: plan.challenge.id, actionId, evidenceId: added.json().id as string, row };
}

beforeAll(async () => {
  bucket = await startLocalBucket();
  t = await createTestApp({ S3_URL: bucket.url });
  ids = await findDemoIds(t);
  admin = await t.logIn('admin');
  advisor = await t.logIn('advisorSouth');
  adminId = (await t.request({ url: `${tenantPath}/users?search=Janssen`, as: admin })).json().items[0].id;
  police = ((await t.request({ url: `${tenantPath}/partner-organisations?pageSize=100`, as: admin })).json().items as { id: string; name: string }[]).find((item) => item.name.startsWith('Politie'))!.id;
});
afterAll(async () => {
  await t?.close();
  await bucket?.close();
});

describe('evidence in object storage (S3_URL)', () => {
  it('puts the file in the bucket, not in its row, serves it back byte for byte, and deletes the object with the evidence', async () => {
    const { actionId, evidenceId, row } = await evidenceOnNewPlan('Plan met bewijs in de bucket', pdf, 'verslag.pdf');
    expect(row.content).toBeNull();
    expect(row.storage_key).toMatch(new RegExp(`^${t.municipalityId}/action-evidence/[0-9a-f-]{36}$`));
    expect((await bucket.bytesOf(row.storage_key!)).equals(pdf)).toBe(true);

    const served = await t.request({ url: `${actionUrl(actionId)}/evidence/${evidenceId}`, as: advisor });
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(pdf)).toBe(true);

    expect((await t.request({ method: 'DELETE', url: `${actionUrl(actionId)}/evidence/${evidenceId}`, as: advisor })).statusCode).toBe(204);
    expect(await bucket.keys()).not.toContain(row.storage_key);
  });

  it('deletes the objects of the evidence that goes with a deleted action or challenge', async () => {
    for (const [title, removal] of [
      ['Plan waarvan een actie vervalt', (found: { actionId: string }) => actionUrl(found.actionId)],
      ['Plan waarvan een opgave vervalt', (found: { challengeId: string }) => `${tenantPath}/action-plan-challenges/${found.challengeId}`],
    ] as const) {
      const found = await evidenceOnNewPlan(title, png, 'foto.png');
      expect(await bucket.keys()).toContain(found.row.storage_key);
      // Content of an adopted plan changes in a new version only.
      const revision = await t.request({ method: 'POST', url: `${tenantPath}/action-plans/${found.planId}/revision`, as: admin, payload: { version: await versionOf(actionPlan, found.planId) } });
      expect(revision.statusCode, revision.body).toBe(200);

      const deleted = await t.request({ method: 'DELETE', url: removal(found), as: admin });
      expect(deleted.statusCode, deleted.body).toBe(204);
      expect(await bucket.keys()).not.toContain(found.row.storage_key);
    }
  });
});
