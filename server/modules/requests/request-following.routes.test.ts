import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type DemoIds, demoEmails, findDemoIds, type Session, type TestApp, tenantPath } from '../../../test/harness.ts';
import { queryRows } from '../../db/client.ts';

let t: TestApp;
let ids: DemoIds;
let resident: Session;
let partner: Session;
let advisor: Session;

async function submit(title: string, isPublic: boolean) {
  const response = await t.request({
    method: 'POST',
    url: `${tenantPath}/requests`,
    as: resident,
    payload: { kind: 'request', title, body: 'De stoep voor de school is zo smal dat kinderen op de rijbaan lopen.', neighbourhoodId: ids.brandevoort, scale: 'street', isPublic },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; reference: string; version: number };
}

/** The messages a person got about followed requests (in the app; e-mail follows their preference). */
const followedNoticesTo = (email: string) =>
  queryRows<{ subject: string }>(
    t.database.db,
    sql`select o.subject from outbox_message o join user_account u on u.id = o.recipient_user_id where u.email = ${email} and o.topic = 'request.followed' and o.channel = 'in_app' order by o.created_at`,
  );

beforeAll(async () => {
  t = await createTestApp();
  ids = await findDemoIds(t);
  resident = await t.logIn('resident');
  partner = await t.logIn('partner');
  advisor = await t.logIn('advisorSouth');
});
afterAll(async () => t?.close());

describe('following a public request', () => {
  it('lets someone else follow it and hear of its news, but not of the messages between submitter and municipality', async () => {
    const created = await submit('Smalle stoep bij de Veste-school', true);
    const url = `${tenantPath}/requests/${created.id}`;
    expect((await t.request({ url, as: partner })).json()).toMatchObject({ isFollowing: false, allowedActions: expect.arrayContaining(['follow']) });

    const followed = await t.request({ method: 'PUT', url: `${url}/following`, as: partner });
    expect(followed.statusCode).toBe(200);
    expect(followed.json()).toEqual({ isFollowing: true });
    // Twice is once; the reference works in the address too.
    expect((await t.request({ method: 'PUT', url: `${tenantPath}/requests/${created.reference}/following`, as: partner })).json()).toEqual({ isFollowing: true });
    const seen = (await t.request({ url, as: partner })).json();
    expect(seen.isFollowing).toBe(true);
    expect(seen.allowedActions).toContain('unfollow');
    expect(seen.allowedActions).not.toContain('follow');
    const list = (await t.request({ url: `${tenantPath}/requests?isFollowed=true`, as: partner })).json();
    expect(list.items.map((item: { id: string }) => item.id)).toEqual([created.id]);

    expect((await t.request({ method: 'POST', url: `${url}/acknowledgement`, as: advisor, payload: { version: created.version } })).statusCode).toBe(200);
    expect(await followedNoticesTo(demoEmails.partner)).toEqual([{ subject: 'Nieuws over: Smalle stoep bij de Veste-school' }]);
    expect(await followedNoticesTo(demoEmails.resident)).toEqual([]);

    // A message to the submitter is theirs.
    expect((await t.request({ method: 'POST', url: `${url}/messages`, as: advisor, payload: { text: 'Mogen we u bellen over de precieze plek?' } })).statusCode).toBe(201);
    expect(await followedNoticesTo(demoEmails.partner)).toHaveLength(1);

    const unfollowed = await t.request({ method: 'DELETE', url: `${url}/following`, as: partner });
    expect(unfollowed.json()).toEqual({ isFollowing: false });
    // Answered after unfollowing: no news for the former follower.
    const current = (await t.request({ url, as: advisor })).json();
    const routed = await t.request({ method: 'POST', url: `${url}/routing`, as: advisor, payload: { version: current.version, leadDepartmentId: ids.verkeer, leadOfficerUserId: ids.koen } });
    expect(routed.statusCode, routed.body).toBe(200);
    const nooit = { verdict: 'nooit', motivation: 'De stoep kan niet breder: de rijbaan is al op de minimale breedte voor de bus en de hulpdiensten.', reasons: ['general_interest_or_safety'], version: routed.json().version };
    const answered = await t.request({ method: 'POST', url: `${url}/answer`, as: await t.logIn('officer'), payload: nooit });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(await followedNoticesTo(demoEmails.partner)).toHaveLength(1);
    expect((await t.request({ url: `${tenantPath}/requests?isFollowed=true`, as: partner })).json().items).toEqual([]);
  });

  it('is refused for one’s own request, a request that is not public, a visitor and another municipality', async () => {
    const own = await submit('Eigen vraag over de speeltuin', true);
    const ownRefused = await t.request({ method: 'PUT', url: `${tenantPath}/requests/${own.id}/following`, as: resident });
    expect(ownRefused.statusCode).toBe(409);
    expect(ownRefused.json()).toMatchObject({ code: 'NOT_FOLLOWABLE', detail: expect.stringContaining('openbare vragen') });
    expect((await t.request({ url: `${tenantPath}/requests/${own.id}`, as: resident })).json()).toMatchObject({ isFollowing: null, allowedActions: expect.not.arrayContaining(['follow']) });

    const closed = await submit('Vraag die alleen de gemeente ziet', false);
    // Someone who cannot see it finds nothing; staff who can see it cannot follow it.
    expect((await t.request({ method: 'PUT', url: `${tenantPath}/requests/${closed.id}/following`, as: partner })).statusCode).toBe(404);
    expect((await t.request({ method: 'PUT', url: `${tenantPath}/requests/${closed.id}/following`, as: advisor })).statusCode).toBe(409);

    expect((await t.request({ method: 'PUT', url: `${tenantPath}/requests/${own.id}/following` })).statusCode).toBe(401);
    const otherAdmin = await t.logIn(t.other.adminLogin);
    expect((await t.request({ method: 'PUT', url: `/api/v1/municipalities/eindhoven/requests/${own.id}/following`, as: otherAdmin })).statusCode).toBe(404);
    const rows = await queryRows<{ count: number }>(t.database.db, sql`select count(*)::int as count from request_follower where request_id in (${own.id}, ${closed.id})`);
    expect(rows[0].count).toBe(0);
  });
});
