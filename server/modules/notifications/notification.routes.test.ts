import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, tenantPath } from '../../../test/harness.ts';
import { enqueueMessage } from '../../platform/outbox.ts';

let t: TestApp;
let residentId: string;
let councilMemberId: string;

beforeAll(async () => {
  t = await createTestApp();
  const resident = await t.logIn('resident');
  residentId = (await t.request({ url: `${tenantPath}/sessions/current`, as: resident })).json().user.id;
  const member = await t.logIn('councilMember');
  councilMemberId = (await t.request({ url: `${tenantPath}/sessions/current`, as: member })).json().user.id;
  for (const [recipientUserId, subject] of [
    [residentId, 'Je vraag is beantwoord'],
    [residentId, 'Nieuwe update'],
    [councilMemberId, 'Advies ontvangen'],
  ] as const) {
    await enqueueMessage(t.database.db, t.clock, { municipalityId: t.municipalityId, channel: 'in_app', recipientUserId, topic: 'test', subject, body: `${subject}.` });
    t.clock.advance(1000);
  }
});
afterAll(async () => t?.close());

describe('in-app notifications', () => {
  it('shows a user only their own notifications, newest first, with the unread count', async () => {
    const resident = await t.logIn('resident');
    const body = (await t.request({ url: `${tenantPath}/notifications`, as: resident })).json();
    expect(body.items.map((item: { subject: string }) => item.subject)).toEqual(['Nieuwe update', 'Je vraag is beantwoord']);
    expect(body.unread).toBe(2);
  });

  it('marks one read, and refuses to touch someone else’s notification (404)', async () => {
    const resident = await t.logIn('resident');
    const member = await t.logIn('councilMember');
    const own = (await t.request({ url: `${tenantPath}/notifications`, as: resident })).json().items[0];
    const marked = await t.request({ method: 'PATCH', url: `${tenantPath}/notifications/${own.id}`, as: resident, payload: { isRead: true } });
    expect(marked.statusCode).toBe(200);
    expect(marked.json().isRead).toBe(true);
    expect((await t.request({ url: `${tenantPath}/notifications`, as: resident })).json().unread).toBe(1);
    const theirs = (await t.request({ url: `${tenantPath}/notifications`, as: member })).json().items[0];
    const foreign = await t.request({ method: 'PATCH', url: `${tenantPath}/notifications/${theirs.id}`, as: resident, payload: { isRead: true } });
    expect(foreign.statusCode).toBe(404);
    expect((await t.request({ url: `${tenantPath}/notifications`, as: member })).json().unread).toBe(1);
  });

  it('needs a login (401) and accepts only isRead: true (400)', async () => {
    expect((await t.request({ url: `${tenantPath}/notifications` })).statusCode).toBe(401);
    const resident = await t.logIn('resident');
    const own = (await t.request({ url: `${tenantPath}/notifications`, as: resident })).json().items[0];
    const bad = await t.request({ method: 'PATCH', url: `${tenantPath}/notifications/${own.id}`, as: resident, payload: { isRead: false } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.isRead');
  });
});

describe('paging through notifications', () => {
  it('shows every notification exactly once, also when several arrived at the same moment', async () => {
    for (const subject of ['Een', 'Twee', 'Drie', 'Vier', 'Vijf']) {
      await enqueueMessage(t.database.db, t.clock, { municipalityId: t.municipalityId, channel: 'in_app', recipientUserId: councilMemberId, topic: 'test', subject, body: `${subject}.` });
    }
    const member = await t.logIn('councilMember');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { subject: string }[]; nextCursor: string | null } = (await t.request({ url: `${tenantPath}/notifications?pageSize=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, as: member })).json();
      seen.push(...page.items.map((item) => item.subject));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.toSorted()).toEqual(['Advies ontvangen', 'Drie', 'Een', 'Twee', 'Vier', 'Vijf']);
    const bad = await t.request({ url: `${tenantPath}/notifications?cursor=gisteren`, as: member });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'querystring.cursor', code: 'cursorFormat' });
  });
});
